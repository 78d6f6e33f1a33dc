import { createHmac, timingSafeEqual } from 'node:crypto';
import { ChannelError, z } from '../index.ts';

/** Acme signs `url + "\n" + body` with the webhook secret (HMAC-SHA256, hex) in the `Acme-Signature` header. */
export function sign(secret: string, url: string, rawBody: string): string {
  return createHmac('sha256', secret).update(`${url}\n${rawBody}`).digest('hex');
}

export function verifySignature(secret: string, url: string, rawBody: string, signature: string | undefined) {
  if (!signature) return false;
  const expected = Buffer.from(sign(secret, url, rawBody));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/);
const inbound = z.strictObject({
  event: z.literal('message.received'),
  id: z.string().regex(/^in_[0-9a-f]{24}$/),
  from: e164,
  to: e164,
  text: z.string().max(1600),
  media_count: z.number().int().min(0).max(10),
});
const status = z.strictObject({
  event: z.literal('message.status'),
  message_id: z.string().regex(/^msg_[0-9a-f]{24}$/),
  status: z.string(),
  error: z.strictObject({ code: z.string().max(64), message: z.string().max(500) }).optional(),
});

/** A signed body, parsed strictly: anything Acme does not send is a ChannelError (the core answers 400). */
function parse<T>(schema: z.ZodType<T>, rawBody: string): T {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new ChannelError('REJECTED', 'the Acme webhook body is not JSON', false);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ChannelError('REJECTED', `Acme webhook: ${parsed.error.issues[0]?.message}`, false);
  return parsed.data;
}

export const parseInboundBody = (rawBody: string) => parse(inbound, rawBody);
export const parseStatusBody = (rawBody: string) => parse(status, rawBody);
