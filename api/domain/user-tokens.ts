import { z } from 'zod';
import { signUserToken, userTokenTtl } from '../auth/user-tokens.ts';
import { ValidationError } from './errors.ts';
import type { TenantScope } from './scope.ts';
import { findUser } from './users.ts';
import { parseInput } from './validate.ts';

const ttl = z
  .number()
  .int('must be a whole number of seconds')
  .min(60, 'must be at least 60 seconds')
  .max(userTokenTtl.maxSeconds, `must be at most ${userTokenTtl.maxSeconds} seconds`);

/** Mints a token that lets a partner frontend act as one active user of this tenant. */
export async function createUserToken(
  scope: TenantScope,
  signingKey: Uint8Array,
  userId: string,
  ttlSeconds?: number | null,
) {
  const { ttlSeconds: seconds } = parseInput(z.object({ ttlSeconds: ttl }), {
    ttlSeconds: ttlSeconds ?? userTokenTtl.defaultSeconds,
  });
  const user = await findUser(scope, userId);
  if (user.deactivatedAt) throw ValidationError.of('userId', 'belongs to a deactivated user; reactivate them first');
  return { user, ...(await signUserToken(signingKey, { userId: user.id, tenantId: scope.tenantId }, seconds)) };
}
