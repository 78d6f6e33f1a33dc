import { defineChannelPlugin } from '../sdk/index.ts';
import { creditSmsCredentials } from './credentials.ts';
import { createCreditSmsProvider } from './provider.ts';

/**
 * SMS through a credit-billed HTTP SMS gateway (modelled on BulkSMS's JSON REST
 * API; see README.md beside this file). Every segment sent through one of its
 * accounts costs the tenant credits from its Parley ledger.
 */
export default defineChannelPlugin({
  id: 'credit-sms',
  sdkVersion: '1.0.0',
  channel: 'SMS',
  capabilities: {
    maxLength: 1600,
    media: false,
    segmented: true,
    sessionWindowHours: null,
    // The gateway does not block a number after STOP: Parley's own consent is the only gate.
    carrierHandlesKeywords: false,
    optOutObservable: true,
    consentInvitations: true,
  },
  billing: { creditsPerSegment: 1 },
  credentials: creditSmsCredentials,
  secretKeys: ['tokenSecret', 'webhookSecret'],
  create: createCreditSmsProvider,
});
