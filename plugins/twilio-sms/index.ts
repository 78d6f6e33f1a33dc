import { defineChannelPlugin } from '../sdk/index.ts';
import { twilioCredentials } from './credentials.ts';
import { createTwilioProvider } from './provider.ts';

export default defineChannelPlugin({
  id: 'twilio-sms',
  sdkVersion: '1.1.0',
  channel: 'SMS',
  capabilities: {
    maxLength: 1600,
    media: false,
    segmented: true,
    sessionWindowHours: null,
    // Twilio's default opt-out handling blocks a number after STOP until START (error 21610).
    carrierHandlesKeywords: true,
    optOutObservable: true,
    consentInvitations: true,
  },
  credentials: twilioCredentials,
  secretKeys: ['authToken'],
  legacyWebhookRoute: 'twilio',
  create: createTwilioProvider,
});
