import { z } from '../sdk/index.ts';

export const whatsappCredentials = z.object({
  accessToken: z
    .string()
    .regex(
      /^[A-Za-z0-9_.|-]{20,2048}$/,
      'must be a Meta access token (a system user token with whatsapp_business_messaging)',
    ),
  phoneNumberId: z
    .string()
    .regex(
      /^[0-9]{5,20}$/,
      'must be the WhatsApp phone number ID (digits, under WhatsApp > API Setup), not the number',
    ),
  appSecret: z
    .string()
    .regex(/^[0-9a-f]{32}$/, "must be the Meta app's App Secret (32 hex digits, App settings > Basic)"),
  verifyToken: z
    .string()
    .regex(/^[\x21-\x7e]{16,200}$/, 'must be 16 to 200 printable ASCII characters without spaces (you choose it)'),
});

export type WhatsAppCredentials = z.infer<typeof whatsappCredentials>;
