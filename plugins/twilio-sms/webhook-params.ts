import { ChannelError, z } from '../sdk/index.ts';

// Twilio signs the concatenation of sorted keys and values, so a captured request
// can be re-split at a key/value boundary (one parameter absorbing the next) and
// keep its signature. What makes such a request harmless is parsing strictly:
// only the parameters Twilio sends, each once, each in its own format.

const refuse = (why: string) => new ChannelError('REJECTED', `Twilio webhook refused: ${why}`, false);

/** The parameters Twilio signed, as `twilio.validateRequest` expects them (a repeated key as a list). */
export function signedParams(rawBody: string): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(rawBody)) {
    const seen = params[key];
    params[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return params;
}

/** Tab, line feed and carriage return may appear in a text; no other control character, and never NUL. */
function hasControl(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

/**
 * Decodes `application/x-www-form-urlencoded` strictly: ASCII on the wire,
 * percent-escapes that decode to valid UTF-8, no control characters, and every
 * key at most once.
 */
export function strictForm(rawBody: string): Record<string, string> {
  if (!/^[\x21-\x7e]*$/.test(rawBody)) throw refuse('the body is not URL-encoded ASCII');
  const params: Record<string, string> = Object.create(null);
  if (rawBody === '') return params;
  for (const pair of rawBody.split('&')) {
    const eq = pair.indexOf('=');
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent((eq < 0 ? pair : pair.slice(0, eq)).replaceAll('+', ' '));
      value = eq < 0 ? '' : decodeURIComponent(pair.slice(eq + 1).replaceAll('+', ' '));
    } catch {
      throw refuse('a parameter is not valid UTF-8');
    }
    if (!/^[A-Za-z][A-Za-z0-9]{0,63}$/.test(key)) throw refuse('a parameter name Twilio never sends');
    if (Object.hasOwn(params, key)) throw refuse(`${key} appears more than once`);
    if (hasControl(value)) throw refuse(`${key} contains a control character`);
    params[key] = value;
  }
  return params;
}

const hex32 = (prefixes: string) => new RegExp(`^(${prefixes})[0-9a-f]{32}$`);
const messageSid = z.string().regex(hex32('SM|MM'), 'expected SM or MM and 32 hex digits');
const address = z.string().regex(/^(whatsapp:)?\+[1-9][0-9]{1,14}$/, 'expected an E.164 number');
const digits = (max: number) => z.string().regex(new RegExp(`^[0-9]{1,${max}}$`), 'expected digits');
const text = (max: number) => z.string().max(max);
const flag = z.enum(['true', 'false']);
const coordinate = z.string().regex(/^-?[0-9]{1,3}(\.[0-9]{1,12})?$/, 'expected a coordinate');

/** Twilio's message statuses (the API's `status` enum). */
export const twilioStatuses = [
  'queued',
  'sending',
  'sent',
  'failed',
  'delivered',
  'undelivered',
  'receiving',
  'received',
  'accepted',
  'scheduled',
  'read',
  'partially_delivered',
  'canceled',
] as const;
const status = z.enum(twilioStatuses);

/** Sent with every messaging webhook and status callback (Twilio's documented list). */
const common = {
  MessageSid: messageSid,
  SmsSid: messageSid.optional(),
  SmsMessageSid: messageSid.optional(),
  AccountSid: z.string().regex(hex32('AC'), 'expected AC and 32 hex digits'),
  MessagingServiceSid: z.string().regex(hex32('MG'), 'expected MG and 32 hex digits').optional(),
  From: address,
  To: address,
  ApiVersion: z.literal('2010-04-01').optional(),
  SmsStatus: status.optional(),
  NumSegments: digits(3).optional(),
  ...Object.fromEntries(
    ['FromCity', 'FromState', 'FromZip', 'FromCountry', 'ToCity', 'ToState', 'ToZip', 'ToCountry'].map((k) => [
      k,
      text(100).optional(),
    ]),
  ),
  // WhatsApp and other channels through the same webhook.
  ProfileName: text(256).optional(),
  WaId: digits(20).optional(),
  Forwarded: flag.optional(),
  FrequentlyForwarded: flag.optional(),
  ButtonText: text(1024).optional(),
  ButtonPayload: text(1024).optional(),
  Latitude: coordinate.optional(),
  Longitude: coordinate.optional(),
  Address: text(1024).optional(),
  Label: text(1024).optional(),
  MessageType: text(32).optional(),
  ChannelMetadata: text(4096).optional(),
  OptOutType: text(32).optional(),
  ...Object.fromEntries(
    [
      'ReferralBody',
      'ReferralHeadline',
      'ReferralSourceId',
      'ReferralSourceType',
      'ReferralSourceUrl',
      'ReferralMediaId',
      'ReferralMediaContentType',
      'ReferralMediaUrl',
      'ReferralCtwaClid',
    ].map((k) => [k, text(2048).optional()]),
  ),
  ReferralNumMedia: digits(2).optional(),
} satisfies z.ZodRawShape;

const MEDIA = /^Media(Url|ContentType)([0-9]|1[0-9])$/;
const mediaValue = { Url: z.string().url().max(2048), ContentType: text(255) };

const inbound = z.object({ ...common, Body: text(1600).default(''), NumMedia: digits(2).default('0') }).strict();

const statusCallback = z
  .object({
    ...common,
    MessageStatus: status,
    ErrorCode: digits(6).optional(),
    ErrorMessage: text(1024).optional(),
    RawDlrDoneDate: digits(14).optional(),
    ChannelInstallSid: z.string().regex(hex32('XE'), 'expected XE and 32 hex digits').optional(),
    ChannelStatusMessage: text(1024).optional(),
    ChannelPrefix: text(32).optional(),
    ChannelToAddress: text(64).optional(),
    EventType: text(64).optional(),
  })
  .strict();

function parseWith<S extends z.ZodTypeAny>(schema: S, rawBody: string, accountSid: string): z.infer<S> {
  const form = strictForm(rawBody);
  const rest: Record<string, string> = {};
  for (const [key, value] of Object.entries(form)) {
    const media = MEDIA.exec(key);
    if (!media) rest[key] = value;
    else if (!mediaValue[media[1] as 'Url' | 'ContentType'].safeParse(value).success)
      throw refuse(`${key} is malformed`);
  }
  const parsed = schema.safeParse(rest);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where =
      issue?.code === 'unrecognized_keys' ? `unknown parameter ${issue.keys.join(', ')}` : issue?.path.join('.');
    throw refuse(`${where}: ${issue?.message ?? 'malformed'}`);
  }
  const p = parsed.data as { MessageSid: string; SmsSid?: string; SmsMessageSid?: string; AccountSid: string };
  for (const alias of [p.SmsSid, p.SmsMessageSid]) {
    if (alias !== undefined && alias !== p.MessageSid) throw refuse('SmsSid differs from MessageSid');
  }
  if (p.AccountSid.toLowerCase() !== accountSid.toLowerCase()) throw refuse('AccountSid is not this account');
  return parsed.data;
}

export const parseInboundParams = (rawBody: string, accountSid: string) => parseWith(inbound, rawBody, accountSid);
export const parseStatusParams = (rawBody: string, accountSid: string) =>
  parseWith(statusCallback, rawBody, accountSid);
