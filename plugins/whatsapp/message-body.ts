import type { OutboundMessage } from '../sdk/index.ts';

/** Meta's limit on `biz_opaque_callback_data`. */
const MAX_CALLBACK_DATA = 512;

/** Meta's WhatsApp ID for a number: the E.164 digits without the plus. */
export const waId = (e164: string) => e164.replace(/^\+/, '');

/**
 * The JSON body of POST /<phone number id>/messages: free text, or an approved
 * template whose body parameters are the template's, in order. Parley's message
 * id rides along as `biz_opaque_callback_data`, which Meta echoes in every status
 * webhook of the message.
 */
export function messageBody(message: OutboundMessage): Record<string, unknown> {
  const common = {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: waId(message.to),
    ...(message.correlationId && message.correlationId.length <= MAX_CALLBACK_DATA
      ? { biz_opaque_callback_data: message.correlationId }
      : {}),
  };
  const { template } = message;
  if (!template) return { ...common, type: 'text', text: { preview_url: false, body: message.body } };
  return {
    ...common,
    type: 'template',
    template: {
      name: template.name,
      language: { code: template.language },
      components:
        template.parameters.length > 0
          ? [{ type: 'body', parameters: template.parameters.map((text) => ({ type: 'text', text })) }]
          : [],
    },
  };
}
