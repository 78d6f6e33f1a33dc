import { defineChannelPlugin, z } from '../index.ts';
import { createAcmeProvider } from './provider.ts';

/** Credentials a tenant gives for an Acme SMS account; the core validates them with this schema. */
export const acmeCredentials = z.object({
  apiKey: z
    .string()
    .regex(/^acme_[A-Za-z0-9]{24,}$/, 'must be an Acme API key (acme_ and at least 24 letters or digits)'),
  webhookSecret: z.string().min(32, 'must be the webhook signing secret from the Acme dashboard'),
});

export type AcmeCredentials = z.infer<typeof acmeCredentials>;

/** Acme SMS, an imaginary SMS provider with a JSON API: the example every vendor can copy. */
export default defineChannelPlugin({
  id: 'acme-sms',
  sdkVersion: '1.0.0',
  channel: 'SMS',
  capabilities: {
    maxLength: 1600,
    media: false,
    segmented: true,
    sessionWindowHours: null,
    carrierHandlesKeywords: false,
    optOutObservable: true,
    consentInvitations: true,
  },
  credentials: acmeCredentials,
  secretKeys: ['apiKey', 'webhookSecret'],
  create: createAcmeProvider,
});
