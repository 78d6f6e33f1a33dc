import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChannelError } from '../sdk/index.ts';
import { runChannelPluginConformance } from '../sdk/testing/index.ts';
import plugin from './index.ts';
import { type FakeTwilioApi, startFakeTwilioApi } from './testing/fake-twilio-api.ts';
import { channelErrorFromRest, deliveryStatus } from './vocabulary.ts';

function signed(authToken: string, url: string, params: Record<string, string>) {
  return {
    url,
    headers: { 'x-twilio-signature': twilio.getExpectedTwilioSignature(authToken, url, params) },
    rawBody: new URLSearchParams(params).toString(),
  };
}

/** How Twilio answers a refused send: the HTTP status and message for each error code the kit drives. */
const refusals: Record<string, { status: number; message: string }> = {
  '21211': { status: 400, message: "The 'To' number is not a valid phone number." },
  '21610': { status: 400, message: 'Attempt to send to unsubscribed recipient' },
  '21612': { status: 400, message: "The 'To' phone number is not currently reachable using the 'From' phone number" },
  '20429': { status: 429, message: 'Too many requests' },
};

runChannelPluginConformance('twilio-sms', async () => {
  const fake = await startFakeTwilioApi();
  const [from, to] = ['+15005550006', '+14155550123'];
  return {
    plugin,
    credentials: { accountSid: fake.accountSid, authToken: fake.authToken },
    badCredentials: { accountSid: fake.accountSid, authToken: 'f'.repeat(32) },
    apiBaseUrl: fake.baseUrl,
    from,
    to,
    signedInbound: ({ url, from, to, body }) => signed(fake.authToken, url, fake.inboundParams({ from, to, body })),
    signedStatus: ({ url, providerMessageId, vendorStatus, vendorErrorCode }) =>
      signed(fake.authToken, url, {
        MessageSid: providerMessageId,
        MessageStatus: vendorStatus,
        AccountSid: fake.accountSid,
        From: from,
        To: to,
        ...(vendorErrorCode ? { ErrorCode: vendorErrorCode } : {}),
      }),
    statusSequence: [
      { vendorStatus: 'queued', expected: 'QUEUED' },
      { vendorStatus: 'sent', expected: 'SENT' },
      { vendorStatus: 'delivered', expected: 'DELIVERED' },
    ],
    statusFailure: {
      vendorStatus: 'undelivered',
      vendorErrorCode: '30003',
      expected: { status: 'UNDELIVERED', code: 'UNREACHABLE' },
    },
    vendorErrors: [
      { vendorCode: '21211', expected: 'INVALID_RECIPIENT', transient: false },
      { vendorCode: '21610', expected: 'RECIPIENT_OPTED_OUT', transient: false },
      { vendorCode: '21612', expected: 'REJECTED', transient: false },
      { vendorCode: '20429', expected: 'RATE_LIMITED', transient: true },
    ],
    refuseNextSend: (vendorCode) => {
      const refusal = refusals[vendorCode] ?? { status: 400, message: `error ${vendorCode}` };
      fake.failNext(to, { ...refusal, code: Number(vendorCode) });
      return to;
    },
    loseNextAnswer: (to, how) => fake.failNext(to, { acceptThen: how === 'reset' ? 'drop' : 502 }),
    close: fake.close,
  };
});

describe('twilio-sms reconciliation and webhooks', () => {
  let fake: FakeTwilioApi;
  let provider: ReturnType<typeof plugin.create>;
  const [from, to] = ['+15005550006', '+14155550199'];
  beforeAll(async () => {
    fake = await startFakeTwilioApi();
    provider = plugin.create({ accountSid: fake.accountSid, authToken: fake.authToken }, { apiBaseUrl: fake.baseUrl });
  });
  afterAll(() => fake?.close());

  it('finds an attempt however many messages between the two numbers came after it', async () => {
    const since = new Date(Date.now() - 1000);
    const sent = await provider.send({ from, to, body: 'first of many', statusCallbackUrl: 'https://p.example/cb' });
    for (let i = 0; i < 60; i++) fake.addMessage({ from, to, body: `later ${i}` });
    const until = new Date(Date.now() + 1000);
    const found = await provider.findSent({ from, to, body: 'first of many', since, until, exclude: [] });
    expect(found?.providerMessageId).toBe(sent.providerMessageId);
    expect(fake.received.filter((r) => r.method === 'GET').length).toBeGreaterThan(1); // it paged
  });

  it('asks Twilio for whole days and keeps the exact window itself', async () => {
    const now = Date.now();
    fake.addMessage({ from, to, body: 'same words', dateCreated: new Date(now - 60_000) }); // an earlier, identical text
    const found = await provider.findSent({
      from,
      to,
      body: 'same words',
      since: new Date(now - 5_000),
      until: new Date(now + 5_000),
      exclude: [],
    });
    expect(found).toBeNull();
    const list = fake.received.filter((r) => r.method === 'GET').at(-1);
    expect(decodeURIComponent(list?.query ?? '')).toMatch(/DateSent>=\d{4}-\d\d-\d\dT00:00:00Z/);
  });

  const url = 'https://parley.example.com/webhooks/twilio/sms';
  const inbound = (params: Record<string, string>) => ({
    ...signed(fake.authToken, url, params),
    rawBody: new URLSearchParams(params).toString(),
  });

  it('refuses a captured request re-split at a key/value boundary, though its signature still verifies', () => {
    const params = fake.inboundParams({ from: to, to: from, body: 'YES' });
    const captured = inbound(params);
    expect(provider.parseInbound(captured).providerMessageId).toBe(params.MessageSid);
    // MessageSid absorbs the next parameter (NumMedia): same sorted concatenation, same signature.
    const { NumMedia, ...rest } = params;
    const resplit = { ...rest, MessageSid: `${params.MessageSid}NumMedia${NumMedia}` };
    const replay = { ...captured, rawBody: new URLSearchParams(resplit).toString() };
    expect(twilio.getExpectedTwilioSignature(fake.authToken, url, resplit)).toBe(
      captured.headers['x-twilio-signature'],
    );
    expect(provider.verifyWebhook(replay)).toBe(true);
    expect(() => provider.parseInbound(replay)).toThrow(/MessageSid/);
  });

  it('accepts only the parameters Twilio sends, in their formats', () => {
    const base = fake.inboundParams({ from: to, to: from, body: 'hi' });
    const bad: Record<string, Record<string, string>> = {
      'a short MessageSid': { ...base, MessageSid: 'SM1', SmsSid: 'SM1', SmsMessageSid: 'SM1' },
      'another account': { ...base, AccountSid: `AC${'0'.repeat(32)}` },
      'a From that is not E.164': { ...base, From: '555-0100' },
      'letters in NumMedia': { ...base, NumMedia: 'one' },
      'an unknown parameter': { ...base, Injected: 'x' },
      'SmsSid differing from MessageSid': { ...base, SmsSid: `SM${'a'.repeat(32)}` },
      'NUL in Body': { ...base, Body: 'a\u0000b' },
    };
    for (const [what, params] of Object.entries(bad)) {
      expect(() => provider.parseInbound(inbound(params)), what).toThrow(ChannelError);
    }
    expect(
      provider.parseInbound(
        inbound({ ...base, MessagingServiceSid: `MG${'1'.repeat(32)}`, MediaUrl0: 'https://api.twilio.com/x' }),
      ).body,
    ).toBe('hi');
    const status = (p: Record<string, string>) => provider.parseStatus(inbound(p));
    const statusBase = {
      MessageSid: base.MessageSid as string,
      AccountSid: fake.accountSid,
      From: from,
      To: to,
      MessageStatus: 'delivered',
    };
    expect(status(statusBase).status).toBe('DELIVERED');
    expect(() => status({ ...statusBase, MessageStatus: 'exploded' })).toThrow(ChannelError);
    expect(() => status({ ...statusBase, ErrorCode: '30003x' })).toThrow(ChannelError);
  });
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
    expect(channelErrorFromRest({ status: 502 })).toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      transient: true,
      outcome: 'unclear',
    });
    expect(channelErrorFromRest({ status: 429, code: 20429 })).toMatchObject({ outcome: 'refused' });
    expect(channelErrorFromRest({ status: 401, code: 20003, message: 'Authenticate' })).toMatchObject({
      code: 'AUTHENTICATION_FAILED',
      transient: false,
      message: "Twilio refused the account's credentials: Authenticate",
    });
    expect(deliveryStatus('undelivered')).toBe('UNDELIVERED');
    expect(deliveryStatus('read')).toBe('DELIVERED');
  });

  it('refuses credentials that are not a Twilio account', () => {
    expect(plugin.credentials.safeParse({ accountSid: 'AC123', authToken: 'x' }).success).toBe(false);
  });
});
