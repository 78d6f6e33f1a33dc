import { defineChannelPlugin } from '../sdk/index.ts';
import { twilioCredentials } from './credentials.ts';
import { createTwilioProvider } from './provider.ts';

export default defineChannelPlugin({
  id: 'twilio-sms',
  channel: 'SMS',
  capabilities: {
    maxLength: 1600,
    media: false,
    segmented: true,
    sessionWindowHours: null,
    carrierHandlesKeywords: false,
  },
  credentials: twilioCredentials,
  secretKeys: ['authToken'],
  create: createTwilioProvider,
});
