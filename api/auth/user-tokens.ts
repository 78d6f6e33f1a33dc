import { errors, jwtVerify, SignJWT } from 'jose';

const ISSUER = 'parley';
const AUDIENCE = 'parley-api';

export const userTokenTtl = { defaultSeconds: 3600, maxSeconds: 24 * 3600 } as const;

export type UserTokenClaims = { userId: string; tenantId: string };

/** A short-lived token a partner frontend sends as `Authorization: Bearer <token>` to act as one user. */
export async function signUserToken(key: Uint8Array, claims: UserTokenClaims, ttlSeconds: number) {
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  const token = await new SignJWT({ tid: claims.tenantId })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key);
  return { token, expiresAt };
}

export type TokenCheck =
  | { ok: true; claims: UserTokenClaims; expiresAt: number }
  | { ok: false; reason: 'expired' | 'invalid' };

export async function verifyUserToken(key: Uint8Array, token: string): Promise<TokenCheck> {
  try {
    const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
    if (typeof payload.sub !== 'string' || typeof payload.tid !== 'string') return { ok: false, reason: 'invalid' };
    return { ok: true, claims: { userId: payload.sub, tenantId: payload.tid }, expiresAt: (payload.exp ?? 0) * 1000 };
  } catch (error) {
    return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
  }
}
