import { createHmac, timingSafeEqual } from 'node:crypto';
import { ChannelError, z } from '../sdk/index.ts';

/** The header a sandbox webhook carries: `v1=` and the hex HMAC-SHA256 of the URL, a newline and the body. */
export const SIGNATURE_HEADER = 'x-parley-sandbox-signature';

export function sign(secret: string, url: string, rawBody: string): string {
  return `v1=${createHmac('sha256', secret).update(`${url}\n${rawBody}`).digest('hex')}`;
}

export function verify(secret: string, url: string, rawBody: string, signature: string | undefined): boolean {
  if (!signature) return false;
  const expected = Buffer.from(sign(secret, url, rawBody));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const messageId = z.string().regex(/^SB[0-9a-f]{32}$/, 'must be SB followed by 32 hex digits');
const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number');
const text = z
  .string()
  .max(1600)
  .refine((v) => ![...v].some((ch) => ch.charCodeAt(0) < 0x09 || ch.charCodeAt(0) === 0x7f), 'control characters');

export const inboundBody = z.strictObject({ type: z.literal('inbound'), messageId, from: e164, to: e164, body: text });

export const statusBody = z.strictObject({
  type: z.literal('status'),
  messageId,
  status: z.enum(['sent', 'delivered', 'undelivered', 'failed']),
  error: z
    .strictObject({
      code: z.enum(['UNREACHABLE', 'LANDLINE', 'INVALID_RECIPIENT', 'RECIPIENT_OPTED_OUT']),
      providerCode: z.string().regex(/^\d{5}$/),
      message: z.string().max(300),
    })
    .optional(),
});

/** A signed body, parsed strictly: anything the sandbox does not send is a ChannelError (the core answers 400). */
export function parseBody<T>(schema: z.ZodType<T>, rawBody: string): T {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new ChannelError('REJECTED', 'the sandbox webhook body is not JSON', false);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ChannelError('REJECTED', `sandbox webhook: ${issue?.path.join('.') || 'body'} ${issue?.message}`, false);
  }
  return parsed.data;
}
