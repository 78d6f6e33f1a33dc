import { defineChannelPlugin } from '../sdk/index.ts';
import { sandboxCredentials } from './credentials.ts';
import { SENDING_NUMBER_RANGE } from './magic-numbers.ts';
import { createSandboxProvider } from './provider.ts';

/**
 * A simulated SMS carrier built into Parley, for trying a whole conversation
 * with no provider account (see README.md beside this file).
 */
export default defineChannelPlugin({
  id: 'sandbox',
  sdkVersion: '1.0.0',
  channel: 'SMS',
  capabilities: {
    maxLength: 1600,
    media: false,
    segmented: true,
    sessionWindowHours: null,
    // Like Twilio: a STOP blocks the number until START.
    carrierHandlesKeywords: true,
    optOutObservable: true,
    consentInvitations: true,
  },
  credentials: sandboxCredentials,
  secretKeys: ['signingSecret'],
  simulated: true,
  sendingNumbers: {
    owns: (e164) => SENDING_NUMBER_RANGE.test(e164),
    description: "the sandbox's own numbers, +1 500 555 0100 to +1 500 555 0199",
  },
  create: createSandboxProvider,
});

export { MAGIC_NUMBERS, SENDING_NUMBER_RANGE } from './magic-numbers.ts';
