import type { ChannelPlugin } from '../../index.ts';
import type { ConformanceHarness } from '../../testing/index.ts';
import acmeSms, { type AcmeCredentials } from '../index.ts';
import { startFakeAcmeApi } from './fake-acme-api.ts';

/** The conformance harness for Acme SMS: its fake API, and how to make it do what the kit asks. */
export async function acmeHarness(
  plugin: ChannelPlugin<AcmeCredentials> = acmeSms,
): Promise<ConformanceHarness<AcmeCredentials>> {
  const fake = await startFakeAcmeApi();
  const [from, to] = ['+15550100001', '+15550100002'];
  return {
    plugin,
    credentials: { apiKey: fake.apiKey, webhookSecret: fake.webhookSecret },
    badCredentials: { apiKey: `acme_${'0'.repeat(32)}`, webhookSecret: fake.webhookSecret },
    apiBaseUrl: fake.baseUrl,
    from,
    to,
    signedInbound: ({ url, from, to, body }) => fake.signedInbound({ url, from, to, text: body }),
    signedStatus: ({ url, providerMessageId, vendorStatus, vendorErrorCode }) =>
      fake.signedStatus({ url, messageId: providerMessageId, status: vendorStatus, errorCode: vendorErrorCode }),
    statusSequence: [
      { vendorStatus: 'accepted', expected: 'QUEUED' },
      { vendorStatus: 'sent', expected: 'SENT' },
      { vendorStatus: 'delivered', expected: 'DELIVERED' },
    ],
    statusFailure: {
      vendorStatus: 'undelivered',
      vendorErrorCode: 'unreachable',
      expected: { status: 'UNDELIVERED', code: 'UNREACHABLE' },
    },
    vendorErrors: [
      { vendorCode: 'invalid_number', expected: 'INVALID_RECIPIENT', transient: false },
      { vendorCode: 'opted_out', expected: 'RECIPIENT_OPTED_OUT', transient: false },
      { vendorCode: 'rate_limited', expected: 'RATE_LIMITED', transient: true },
    ],
    refuseNextSend: (vendorCode) => {
      fake.refuseNextSend(to, vendorCode);
      return to;
    },
    loseNextAnswer: fake.loseNextAnswer,
    close: fake.close,
  };
}
