import { z } from '../sdk/index.ts';

export const twilioCredentials = z.object({
  accountSid: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'must be a Twilio Account SID (AC followed by 32 hex digits)'),
  authToken: z.string().min(32, 'must be the account auth token (32 characters)'),
});

export type TwilioCredentials = z.infer<typeof twilioCredentials>;
