import { createHash, randomBytes } from 'node:crypto';

const KEY_PREFIX = 'prl_';

/** A new API key: the secret shown once, and what we store (a display prefix and its SHA-256). */
export function generateApiKey(): { secret: string; prefix: string; hash: string } {
  const secret = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { secret, prefix: secret.slice(0, KEY_PREFIX.length + 6), hash: hashApiKey(secret) };
}

// Keys carry 256 random bits, so a fast hash is enough: there is nothing to brute-force.
export function hashApiKey(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function looksLikeApiKey(credential: string): boolean {
  return credential.startsWith(KEY_PREFIX);
}
