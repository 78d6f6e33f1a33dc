import { createHmac, timingSafeEqual } from 'node:crypto';
import { ChannelError, z } from '../sdk/index.ts';
import { FAILURE_SUBTYPES, STATUS_TYPES } from './vocabulary.ts';

/** The header a webhook carries: `v1=` and the hex HMAC-SHA256 of the full URL, a newline and the raw body. */
export const SIGNATURE_HEADER = 'x-credit-sms-signature';

export function sign(secret: string, url: string, rawBody: string): string {
  return `v1=${createHmac('sha256', secret).update(`${url}\n${rawBody}`).digest('hex')}`;
}

export function verify(secret: string, url: string, rawBody: string, signature: string | undefined): boolean {
  if (!signature) return false;
  const expected = Buffer.from(sign(secret, url, rawBody));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const id = z.string().regex(/^\d{1,20}$/, 'must be the gateway message id (digits)');
const phone = z
  .string()
  .regex(/^\+?[1-9]\d{6,14}$/, 'must be an international number')
  .transform((v) => (v.startsWith('+') ? v : `+${v}`));
const text = z
  .string()
  .max(1600)
  .refine((v) => ![...v].some((ch) => ch.charCodeAt(0) < 0x09 || ch.charCodeAt(0) === 0x7f), 'control characters');
const nullable = <T extends z.ZodTypeAny>(schema: T) => schema.nullable().optional();

/** The fields of a message object, as the gateway's webhooks (and GET /v1/messages) carry it. */
const common = {
  id,
  from: phone,
  to: phone,
  body: text,
  encoding: z.enum(['TEXT', 'UNICODE', 'BINARY']),
  submission: z.strictObject({ id: z.string().max(64), date: z.iso.datetime({ offset: true }) }),
  creditCost: nullable(z.number().nonnegative().max(1000)),
  numberOfParts: nullable(z.number().int().min(1).max(20)),
  userSuppliedId: nullable(z.string().max(100)),
  relatedSentMessageId: nullable(id),
  relatedReceivedMessageId: nullable(id),
  protocolId: nullable(z.enum(['IMPLICIT', 'SHORT_MESSAGE_TYPE_0', 'ME_DATA_DOWNLOAD', 'SIM_DATA_DOWNLOAD'])),
  messageClass: nullable(z.enum(['FLASH_SMS', 'ORDINARY', 'ME_SPECIFIC', 'SIM_SPECIFIC'])),
};

export const sentReport = z.strictObject({
  ...common,
  type: z.literal('SENT'),
  status: z.strictObject({
    id: z.string().max(64),
    type: z.enum(STATUS_TYPES),
    subtype: nullable(z.enum(FAILURE_SUBTYPES)),
  }),
});

export const receivedMessage = z.strictObject({
  ...common,
  type: z.literal('RECEIVED'),
  status: z.strictObject({ id: z.literal('RECEIVED.null'), type: z.literal('RECEIVED'), subtype: z.null().optional() }),
});

/**
 * A signed webhook body, parsed strictly: the gateway posts a JSON array of
 * message objects; Parley takes one per request (the fake sends one). Anything
 * else is a ChannelError (the core answers 400 and stores nothing).
 */
export function parseOne<T>(schema: z.ZodType<T>, rawBody: string): T {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new ChannelError('REJECTED', 'credit-sms webhook: the body is not JSON', false);
  }
  if (!Array.isArray(json) || json.length !== 1) {
    throw new ChannelError('REJECTED', 'credit-sms webhook: expected an array of exactly one message', false);
  }
  const parsed = schema.safeParse(json[0]);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ChannelError(
      'REJECTED',
      `credit-sms webhook: ${issue?.path.join('.') || 'message'} ${issue?.message ?? 'is malformed'}`,
      false,
    );
  }
  return parsed.data;
}
