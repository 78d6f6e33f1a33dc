import { ChannelError, type InboundMessage, type StatusUpdate, type WebhookEvent, z } from '../sdk/index.ts';
import { deliveryStatus, errorCode } from './vocabulary.ts';

// Meta's webhook JSON (object "whatsapp_business_account"), parsed strictly: every field Parley reads
// has Meta's type and a bounded size, strings are well-formed Unicode without control characters, and
// arrays are bounded. Fields Parley does not read (pricing, conversation, profile, …) are ignored, as
// Meta adds them often; the signature covers the whole body, so nothing can be smuggled through them.

const refuse = (why: string) => new ChannelError('REJECTED', `WhatsApp webhook refused: ${why}`, false);

/** A lone UTF-16 surrogate (JSON's `\ud800` escape): not Unicode text. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Tab, line feed and carriage return may appear in a text; no other control character. */
const hasControl = (v: string) => {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    // C0 and C1 controls (tab and line breaks allowed) and the noncharacters U+FFFE and U+FFFF; format
    // characters (joiners, direction marks) stay: emoji and right-to-left scripts need them.
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f) || c >= 0xfffe) return true;
  }
  return false;
};
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((v) => !LONE_SURROGATE.test(v), 'is not well-formed Unicode')
    .refine((v) => !hasControl(v), 'contains a control character');
const digits = (max: number) => z.string().regex(new RegExp(`^[0-9]{1,${max}}$`), 'expected digits');
const wamid = z.string().regex(/^wamid\.[A-Za-z0-9+/=_-]{1,512}$/, 'expected a wamid');

const metaError = z.object({
  code: z.number().int().min(0).max(99_999_999),
  title: text(512).optional(),
  message: text(1024).optional(),
  error_data: z.object({ details: text(2048).optional() }).optional(),
});

const status = z.object({
  id: wamid,
  status: z.enum(['sent', 'delivered', 'read', 'failed']),
  timestamp: digits(12),
  recipient_id: digits(20),
  errors: z.array(metaError).max(10).optional(),
  biz_opaque_callback_data: text(512).optional(),
});

const media = z.object({ caption: text(4096).optional() });

/** Message types Meta documents; the ones Parley files as text or as a captioned attachment, and the rest (skipped). */
const TEXTUAL = ['text', 'button', 'interactive', 'location'] as const;
const MEDIA = ['image', 'video', 'audio', 'document', 'sticker'] as const;
const SKIPPED = ['reaction', 'contacts', 'order', 'system', 'unsupported', 'request_welcome', 'ephemeral'] as const;
const messageType = z.enum([...TEXTUAL, ...MEDIA, ...SKIPPED]);

const message = z.object({
  from: digits(20),
  id: wamid,
  timestamp: digits(12),
  type: messageType,
  text: z.object({ body: text(4096) }).optional(),
  button: z.object({ text: text(1024) }).optional(),
  interactive: z
    .object({
      button_reply: z.object({ title: text(1024) }).optional(),
      list_reply: z.object({ title: text(1024) }).optional(),
    })
    .optional(),
  location: z
    .object({
      latitude: z.number().min(-90).max(90),
      longitude: z.number().min(-180).max(180),
      name: text(1024).optional(),
      address: text(1024).optional(),
    })
    .optional(),
  image: media.optional(),
  video: media.optional(),
  audio: media.optional(),
  document: media.optional(),
  sticker: media.optional(),
});

const value = z.object({
  messaging_product: z.literal('whatsapp'),
  metadata: z.object({
    display_phone_number: z.string().regex(/^\+?[0-9 ()-]{4,32}$/, 'expected a phone number'),
    phone_number_id: digits(20),
  }),
  messages: z.array(message).max(100).optional(),
  statuses: z.array(status).max(1000).optional(),
});

const payload = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z
    .array(
      z.object({
        id: digits(20),
        changes: z.array(z.object({ field: z.string().max(64), value: z.unknown() })).max(100),
      }),
    )
    .max(100),
});

/** At most this many events in one request; a body that holds more is not Meta's. */
const MAX_EVENTS = 1000;

const e164 = (digitsOnly: string) => `+${digitsOnly.replace(/[^0-9]/g, '')}`;

function parseWith<S extends z.ZodType>(schema: S, input: unknown, where: string): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw refuse(`${[where, ...(issue?.path ?? [])].join('.')}: ${issue?.message ?? 'malformed'}`);
}

function bodyOf(m: z.infer<typeof message>): { body: string; mediaCount: number } | null {
  switch (m.type) {
    case 'text':
      if (!m.text) throw refuse('a text message without text');
      return { body: m.text.body, mediaCount: 0 };
    case 'button':
      return { body: m.button?.text ?? '', mediaCount: 0 };
    case 'interactive':
      return { body: m.interactive?.button_reply?.title ?? m.interactive?.list_reply?.title ?? '', mediaCount: 0 };
    case 'location': {
      const l = m.location;
      if (!l) throw refuse('a location message without a location');
      const label = [l.name, l.address].filter(Boolean).join(', ');
      return { body: `Location: ${l.latitude},${l.longitude}${label ? ` (${label})` : ''}`, mediaCount: 0 };
    }
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker': {
      return { body: m[m.type]?.caption ?? '', mediaCount: 1 };
    }
    default:
      return null;
  }
}

function statusUpdate(s: z.infer<typeof status>): StatusUpdate {
  const error = s.errors?.[0];
  return {
    providerMessageId: s.id,
    status: deliveryStatus(s.status),
    ...(error
      ? {
          error: {
            code: errorCode(error.code),
            providerCode: String(error.code),
            message: error.error_data?.details ?? error.message ?? error.title ?? `WhatsApp error ${error.code}`,
          },
        }
      : {}),
    ...(s.biz_opaque_callback_data ? { correlationId: s.biz_opaque_callback_data } : {}),
  };
}

/**
 * Every inbound message and status of a verified webhook body for the phone
 * number `phoneNumberId`, in order. Changes other than `messages`, and those of
 * other phone numbers of the same app, are skipped; message types that are not
 * a message to file (reactions, system notices, …) too. Anything malformed is a
 * ChannelError: the core answers 400 and stores nothing of the request.
 */
export function parseWebhookEvents(rawBody: string, phoneNumberId: string): WebhookEvent[] {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw refuse('the body is not JSON');
  }
  const events: WebhookEvent[] = [];
  for (const [e, entry] of parseWith(payload, json, 'body').entry.entries()) {
    for (const [c, change] of entry.changes.entries()) {
      if (change.field !== 'messages') continue;
      const v = parseWith(value, change.value, `entry.${e}.changes.${c}.value`);
      if (v.metadata.phone_number_id !== phoneNumberId) continue;
      const to = e164(v.metadata.display_phone_number);
      for (const m of v.messages ?? []) {
        const content = bodyOf(m);
        if (!content) continue;
        const inbound: InboundMessage = {
          providerMessageId: m.id,
          from: e164(m.from),
          to,
          ...content,
          sentAt: new Date(Number(m.timestamp) * 1000),
        };
        events.push({ type: 'inbound', message: inbound });
      }
      for (const s of v.statuses ?? []) events.push({ type: 'status', update: statusUpdate(s) });
      if (events.length > MAX_EVENTS) throw refuse(`more than ${MAX_EVENTS} events in one request`);
    }
  }
  return events;
}
