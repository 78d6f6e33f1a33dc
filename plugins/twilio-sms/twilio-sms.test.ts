import { randomBytes } from 'node:crypto';
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { runChannelPluginConformance } from '../sdk/testing/conformance.ts';
import plugin from './index.ts';
import { startFakeTwilioApi } from './testing/fake-twilio-api.ts';
import { channelErrorFromRest, deliveryStatus } from './vocabulary.ts';

function signed(authToken: string, url: string, params: Record<string, string>) {
  return {
    url,
    headers: { 'x-twilio-signature': twilio.getExpectedTwilioSignature(authToken, url, params) },
    rawBody: new URLSearchParams(params).toString(),
  };
}

runChannelPluginConformance('twilio-sms', async () => {
  const fake = await startFakeTwilioApi();
  return {
    plugin: plugin as never,
    credentials: { accountSid: fake.accountSid, authToken: fake.authToken },
    apiBaseUrl: fake.baseUrl,
    from: '+15005550006',
    to: '+14155550123',
    signedInbound: ({ url, from, to, body }) =>
      signed(fake.authToken, url, {
        MessageSid: `SM${randomBytes(16).toString('hex')}`,
        From: from,
        To: to,
        Body: body,
        NumMedia: '0',
      }),
    signedStatus: ({ url, providerMessageId, vendorStatus, vendorErrorCode }) =>
      signed(fake.authToken, url, {
        MessageSid: providerMessageId,
        MessageStatus: vendorStatus,
        ...(vendorErrorCode ? { ErrorCode: vendorErrorCode } : {}),
      }),
    failNextSend: (to, kind) =>
      fake.failNext(
        to,
        kind === 'transient'
          ? { status: 503, code: 20503, message: 'Service unavailable' }
          : { status: 400, code: 21211, message: "The 'To' number is not a valid phone number." },
      ),
    close: fake.close,
  };
});

describe('twilio-sms vocabulary', () => {
  it('maps Twilio codes and statuses onto Parley’s', () => {
    expect(channelErrorFromRest({ status: 400, code: 21610, message: 'unsubscribed' })).toMatchObject({
      code: 'RECIPIENT_OPTED_OUT',
      transient: false,
      providerCode: '21610',
    });
    expect(channelErrorFromRest({ status: 400, code: 21211 })).toMatchObject({
      code: 'INVALID_RECIPIENT',
      transient: false,
    });
    expect(channelErrorFromRest({ status: 429, code: 20429 })).toMatchObject({ code: 'RATE_LIMITED', transient: true });
    expect(channelErrorFromRest({ status: 502 })).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', transient: true });
    expect(deliveryStatus('undelivered')).toBe('UNDELIVERED');
    expect(deliveryStatus('read')).toBe('DELIVERED');
  });

  it('refuses credentials that are not a Twilio account', () => {
    expect(plugin.credentials.safeParse({ accountSid: 'AC123', authToken: 'x' }).success).toBe(false);
  });
});
