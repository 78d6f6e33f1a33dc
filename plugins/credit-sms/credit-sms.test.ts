import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChannelError, type ChannelErrorCode } from '../sdk/index.ts';
import { runChannelPluginConformance } from '../sdk/testing/index.ts';
import { gatewayEncoding } from './encoding.ts';
import plugin from './index.ts';
import { type FakeGateway, startFakeGateway } from './testing/fake-gateway.ts';
import { channelErrorFromProblem, deliveryStatus, failureCode } from './vocabulary.ts';

const FROM = '+447700900100';
const TO = '+447700900555';

const REFUSALS: Record<string, { status: number; expected: ChannelErrorCode; transient: boolean }> = {
  'invalid-recipient': { status: 400, expected: 'INVALID_RECIPIENT', transient: false },
  'opted-out': { status: 400, expected: 'RECIPIENT_OPTED_OUT', transient: false },
  'insufficient-credits': { status: 403, expected: 'REJECTED', transient: false },
  'too-many-requests': { status: 429, expected: 'RATE_LIMITED', transient: true },
};

runChannelPluginConformance('credit-sms', async () => {
  const fake = await startFakeGateway();
  return {
    plugin: plugin as never,
    credentials: fake.credentials,
    badCredentials: { ...fake.credentials, tokenSecret: 'not-the-secret-000000' },
    apiBaseUrl: fake.baseUrl,
    from: FROM,
    to: TO,
    signedInbound: ({ url, from, to, body }) => fake.signed(url, fake.receivedMessage({ from, to, body })),
    signedStatus: ({ url, providerMessageId, vendorStatus, vendorErrorCode, correlationId }) => {
      const message = fake.messages.find((m) => m.id === providerMessageId);
      if (!message) throw new Error(`no message ${providerMessageId}`);
      const report = fake.reportOf(message, vendorStatus, vendorErrorCode ?? null);
      return fake.signed(url, { ...report, userSuppliedId: correlationId ?? null });
    },
    statusSequence: [
      { vendorStatus: 'ACCEPTED', expected: 'QUEUED' },
      { vendorStatus: 'SENT', expected: 'SENT' },
      { vendorStatus: 'DELIVERED', expected: 'DELIVERED' },
    ],
    statusFailure: {
      vendorStatus: 'FAILED',
      vendorErrorCode: 'ABSENT_SUBSCRIBER',
      expected: { status: 'UNDELIVERED', code: 'UNREACHABLE' },
    },
    vendorErrors: Object.entries(REFUSALS).map(([vendorCode, { expected, transient }]) => ({
      vendorCode,
      expected,
      transient,
    })),
    refuseNextSend: (vendorCode) => {
      const refusal = REFUSALS[vendorCode];
      if (!refusal) throw new Error(`no refusal ${vendorCode}`);
      fake.failNext(TO, { status: refusal.status, problem: vendorCode, detail: `refused: ${vendorCode}` });
      return TO;
    },
    loseNextAnswer: (to, how) => fake.failNext(to, { acceptThen: how === 'reset' ? 'reset' : 502 }),
    close: fake.close,
  };
});

describe('credit-sms against its fake gateway', () => {
  let fake: FakeGateway;
  let provider: ReturnType<typeof plugin.create>;
  beforeAll(async () => {
    fake = await startFakeGateway();
    provider = plugin.create(fake.credentials, { apiBaseUrl: fake.baseUrl });
  });
  afterAll(() => fake?.close());
  const url = 'https://parley.example.com/webhooks/credit-sms/x/status?messageId=0192f0c4-0000-7000-8000-000000000001';

  it('sends with Basic auth, the encoding the body needs and Parley’s id as userSuppliedId', async () => {
    await provider.send({ from: FROM, to: TO, body: 'Hello €', statusCallbackUrl: url });
    await provider.send({ from: FROM, to: TO, body: 'Hej 😀', statusCallbackUrl: url });
    const posts = fake.received.filter((r) => r.method === 'POST').slice(-2);
    expect(posts.map((p) => (p.body as { encoding: string }).encoding)).toEqual(['TEXT', 'UNICODE']);
    expect((posts[0]?.body as { userSuppliedId?: string } | undefined)?.userSuppliedId).toBe(
      '0192f0c4-0000-7000-8000-000000000001',
    );
    const wrong = plugin.create({ ...fake.credentials, tokenSecret: 'w'.repeat(32) }, { apiBaseUrl: fake.baseUrl });
    await expect(wrong.send({ from: FROM, to: TO, body: 'x', statusCallbackUrl: url })).rejects.toMatchObject({
      code: 'AUTHENTICATION_FAILED',
      transient: false,
      outcome: 'refused',
    });
  });

  it('reports the gateway’s own credit running out as a refusal', async () => {
    fake.setGatewayCredits(0);
    await expect(provider.send({ from: FROM, to: TO, body: 'x', statusCallbackUrl: url })).rejects.toMatchObject({
      code: 'REJECTED',
      providerCode: 'insufficient-credits',
      outcome: 'refused',
    });
    fake.setGatewayCredits(Number.POSITIVE_INFINITY);
  });

  it('pages through the window to find an attempt, preferring the one that carries Parley’s id', async () => {
    const since = new Date(Date.now() - 1000);
    fake.addMessage({ from: FROM, to: TO, body: 'same words' }); // an identical text from outside Parley
    const sent = await provider.send({ from: FROM, to: TO, body: 'same words', statusCallbackUrl: url });
    for (let i = 0; i < 250; i++) fake.addMessage({ from: FROM, to: TO, body: `later ${i}` });
    const until = new Date(Date.now() + 1000);
    const found = await provider.findSent({
      from: FROM,
      to: TO,
      body: 'same words',
      since,
      until,
      exclude: [],
      correlationId: '0192f0c4-0000-7000-8000-000000000001',
    });
    expect(found?.providerMessageId).toBe(sent.providerMessageId);
    const lists = fake.received.filter((r) => r.method === 'GET');
    expect(lists.length).toBeGreaterThan(2); // it paged
    expect(decodeURIComponent(lists.at(-1)?.query ?? '')).toMatch(/id<\d+/);
  });

  it('maps failed delivery reports onto the core’s vocabulary, with the gateway subtype kept', () => {
    const message = fake.messages[0];
    if (!message) throw new Error('no message');
    const report = provider.parseStatus(fake.signed(url, fake.reportOf(message, 'FAILED', 'ABSENT_SUBSCRIBER')));
    expect(report).toMatchObject({
      providerMessageId: message.id,
      status: 'UNDELIVERED',
      error: { code: 'UNREACHABLE', providerCode: 'ABSENT_SUBSCRIBER' },
    });
    expect(provider.parseStatus(fake.signed(url, fake.reportOf(message, 'SENT'))).status).toBe('SENT');
  });

  it('refuses signed bodies that are not what the gateway sends', () => {
    const base = fake.receivedMessage({ from: TO, to: FROM, body: 'hi' });
    const parse = (body: unknown) => () => provider.parseInbound({ url, headers: {}, rawBody: JSON.stringify(body) });
    expect(parse([base])).not.toThrow();
    expect(parse(base)).toThrow(ChannelError); // not an array
    expect(parse([base, base])).toThrow(ChannelError); // more than one
    expect(parse([{ ...base, injected: 1 }])).toThrow(ChannelError);
    expect(parse([{ ...base, id: 'SM1' }])).toThrow(ChannelError);
    expect(parse([{ ...base, from: '555-0100' }])).toThrow(ChannelError);
    expect(parse([{ ...base, body: 'a\u0000b' }])).toThrow(ChannelError);
    expect(parse([{ ...base, type: 'SENT' }])).toThrow(ChannelError);
    const sent = fake.messages[0];
    if (!sent) throw new Error('no message');
    expect(() =>
      provider.parseStatus({ url, headers: {}, rawBody: JSON.stringify([fake.reportOf(sent, 'EXPLODED')]) }),
    ).toThrow(ChannelError);
  });
});

describe('credit-sms vocabulary and encoding', () => {
  it('maps problems, statuses and failure subtypes', () => {
    expect(channelErrorFromProblem({ status: 400, type: 'x#invalid-recipient' })).toMatchObject({
      code: 'INVALID_RECIPIENT',
      transient: false,
      outcome: 'refused',
    });
    expect(channelErrorFromProblem({ status: 429 })).toMatchObject({ code: 'RATE_LIMITED', transient: true });
    expect(channelErrorFromProblem({ status: 503 })).toMatchObject({ outcome: 'unclear', transient: true });
    expect(deliveryStatus('ACCEPTED')).toBe('QUEUED');
    expect(deliveryStatus('FAILED')).toBe('UNDELIVERED');
    expect(failureCode('OPTED_OUT')).toBe('RECIPIENT_OPTED_OUT');
    expect(failureCode('something new')).toBe('REJECTED');
  });

  it('sends GSM-7 bodies as TEXT (extension characters included) and anything else as UNICODE', () => {
    expect(gatewayEncoding('Hello [world] {€}')).toBe('TEXT');
    expect(gatewayEncoding('Grüße')).toBe('TEXT'); // ü is in GSM-7
    expect(gatewayEncoding('Zażółć')).toBe('UNICODE');
    expect(gatewayEncoding('😀')).toBe('UNICODE');
  });

  it('declares its billing and refuses credentials that are not an account', () => {
    expect(plugin.billing).toEqual({ creditsPerSegment: 1 });
    expect(plugin.credentials.safeParse({ tokenId: 'x', tokenSecret: 'y', webhookSecret: 'z' }).success).toBe(false);
  });
});
