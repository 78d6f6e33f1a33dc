import { createHmac, timingSafeEqual } from 'node:crypto';

/** Meta's `X-Hub-Signature-256`: `sha256=` and the hex HMAC-SHA256 of the raw body under the app secret. */
export function hubSignature(appSecret: string, rawBody: string | Buffer): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

export function validHubSignature(appSecret: string, header: string | undefined, rawBody: string): boolean {
  if (!header || !/^sha256=[0-9a-f]{64}$/.test(header)) return false;
  const expected = Buffer.from(hubSignature(appSecret, Buffer.from(rawBody, 'utf8')));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Meta's GET handshake: the challenge when the mode and token are right, else null. */
export function subscriptionChallenge(verifyToken: string, query: URLSearchParams): string | null {
  const token = Buffer.from(query.get('hub.verify_token') ?? '');
  const expected = Buffer.from(verifyToken);
  const challenge = query.get('hub.challenge') ?? '';
  if (query.get('hub.mode') !== 'subscribe' || token.length !== expected.length) return null;
  if (!timingSafeEqual(token, expected)) return null;
  return /^[\x21-\x7e]{1,256}$/.test(challenge) ? challenge : null;
}
