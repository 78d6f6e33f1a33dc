import { defineChannelPlugin } from '../sdk/index.ts';
import { whatsappCredentials } from './credentials.ts';
import { createWhatsAppProvider } from './provider.ts';

export default defineChannelPlugin({
  id: 'whatsapp',
  sdkVersion: '1.1.0',
  channel: 'WHATSAPP',
  capabilities: {
    maxLength: 4096,
    media: false,
    segmented: false,
    sessionWindowHours: 24,
    carrierHandlesKeywords: false,
    // Blocking a business on WhatsApp is silent: Parley cannot learn it.
    optOutObservable: false,
    consentInvitations: false,
  },
  credentials: whatsappCredentials,
  secretKeys: ['accessToken', 'appSecret', 'verifyToken'],
  create: createWhatsAppProvider,
});
