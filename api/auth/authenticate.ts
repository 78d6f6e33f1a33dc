import { createHash, timingSafeEqual } from 'node:crypto';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import type { Actor } from './actor.ts';
import type { ActorCache } from './actor-cache.ts';
import { hashApiKey, looksLikeApiKey } from './api-key-secret.ts';
import { verifyUserToken } from './user-tokens.ts';

/** A credential was sent but is not good; the message says what to do. */
export class AuthenticationError extends Error {
  override name = 'AuthenticationError';
}

const LAST_USED_RESOLUTION_MS = 60_000;

function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

export function bearerCredential(header: string | null | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1])
    throw new AuthenticationError(
      'Malformed Authorization header: send "Authorization: Bearer <API key or user token>".',
    );
  return match[1];
}

export type Authenticator = (credential: string | null) => Promise<Actor>;

export function createAuthenticator(deps: {
  prisma: PrismaClient;
  signingKey: Uint8Array;
  operatorKey: string | undefined;
  cache: ActorCache;
}): Authenticator {
  const { prisma, signingKey, operatorKey, cache } = deps;

  async function apiKeyActor(secret: string): Promise<Actor> {
    const lookedUpAt = cache.generation();
    const key = await prisma.apiKey.findUnique({ where: { hash: hashApiKey(secret) } });
    if (!key || key.revokedAt)
      throw new AuthenticationError('Unknown or revoked API key: ask a tenant admin for a valid key.');
    const now = Date.now();
    if (!key.lastUsedAt || now - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      prisma.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date(now) } }).catch(() => {});
    }
    const actor: Actor = { kind: 'apiKey', tenantId: key.tenantId, apiKeyId: key.id };
    cache.set(secret, actor, lookedUpAt);
    return actor;
  }

  async function userActor(token: string): Promise<Actor> {
    const lookedUpAt = cache.generation();
    const check = await verifyUserToken(signingKey, token);
    if (!check.ok) {
      throw new AuthenticationError(
        check.reason === 'expired'
          ? 'User token expired: mint a new one with createUserToken.'
          : 'Invalid credential: send a tenant API key or a user token from createUserToken.',
      );
    }
    const user = await prisma.user.findFirst({
      where: { id: check.claims.userId, tenantId: check.claims.tenantId },
      include: { tenant: { select: { requireTrustedDocuments: true } } },
    });
    if (!user || user.deactivatedAt) throw new AuthenticationError('This user no longer exists or is deactivated.');
    const actor: Actor = {
      kind: 'user',
      tenantId: user.tenantId,
      userId: user.id,
      role: user.role,
      expiresAt: check.expiresAt,
      requireTrustedDocuments: user.tenant.requireTrustedDocuments,
    };
    cache.set(token, actor, lookedUpAt, check.expiresAt);
    return actor;
  }

  return async (credential) => {
    if (credential === null) return { kind: 'anonymous' };
    if (operatorKey && sameSecret(credential, operatorKey)) return { kind: 'operator' };
    const cached = cache.get(credential);
    if (cached) return cached;
    if (looksLikeApiKey(credential)) return apiKeyActor(credential);
    return userActor(credential);
  };
}
