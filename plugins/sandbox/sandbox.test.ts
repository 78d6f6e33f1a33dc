import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePhone, phoneIssue } from '../../api/domain/phone.ts';
import { ChannelError } from '../sdk/index.ts';
import { runChannelPluginConformance } from '../sdk/testing/index.ts';
import sandbox, { MAGIC_NUMBERS, SENDING_NUMBER_RANGE } from './index.ts';
import { parseDelay } from './provider.ts';
import { SIGNATURE_HEADER, sign } from './webhook.ts';

const credentials = { signingSecret: 'x'.repeat(40) };

/** A loopback stand-in for Parley's webhook endpoint: records what the sandbox posts. */
async function receiver() {
  const received: { url: string; headers: IncomingMessage['headers']; rawBody: string }[] = [];
  const server = createServer((req, res) => {
    let rawBody = '';
    req.on('data', (c) => {
      rawBody += c;
    });
    req.on('end', () => {
      received.push({ url: `${base}${req.url}`, headers: req.headers, rawBody });
      res.writeHead(200).end('{"ok":true}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** What the sandbox reports for a carrier code (its status webhooks carry Parley's code beside Twilio's). */
const carrierCodes: Record<string, 'UNREACHABLE' | 'LANDLINE'> = { '30003': 'UNREACHABLE', '30006': 'LANDLINE' };
const magicFor: Record<string, string> = { '21211': MAGIC_NUMBERS.invalid, '21610': MAGIC_NUMBERS.carrierOptOut };

runChannelPluginConformance('sandbox', async () => {
  const hook = await receiver();
  const signed = (url: string, payload: unknown) => {
    const rawBody = JSON.stringify(payload);
    return { url, headers: { [SIGNATURE_HEADER]: sign(credentials.signingSecret, url, rawBody) }, rawBody };
  };
  return {
    plugin: sandbox,
    credentials,
    badCredentials: null,
    webhookUrl: hook.base,
    from: '+15005550100',
    to: '+14155550123',
    signedInbound: ({ url, from, to, body }) =>
      signed(url, { type: 'inbound', messageId: `SB${randomBytes(16).toString('hex')}`, from, to, body }),
    signedStatus: ({ url, providerMessageId, vendorStatus, vendorErrorCode }) =>
      signed(url, {
        type: 'status',
        messageId: providerMessageId,
        status: vendorStatus,
        ...(vendorErrorCode
          ? { error: { code: carrierCodes[vendorErrorCode], providerCode: vendorErrorCode, message: 'sandbox' } }
          : {}),
      }),
    statusSequence: [
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
    ],
    refuseNextSend: (vendorCode) => magicFor[vendorCode] ?? '',
    loseNextAnswer: null,
    close: hook.close,
  };
});

describe('the sandbox plugin', () => {
  let hook: Awaited<ReturnType<typeof receiver>>;
  beforeAll(async () => {
    hook = await receiver();
  });
  afterAll(() => hook?.close());

  it('uses magic and sending numbers that Parley accepts as valid', () => {
    for (const n of [...Object.values(MAGIC_NUMBERS), '+15005550100', '+15005550199']) {
      expect(parsePhone(n, 'US', 'phone')).toEqual({ e164: n });
      expect(phoneIssue(n)).toBeNull();
    }
    expect(SENDING_NUMBER_RANGE.test('+15005550142')).toBe(true);
    expect(SENDING_NUMBER_RANGE.test(MAGIC_NUMBERS.invalid)).toBe(false);
  });

  it('parses its delay setting', () => {
    expect(parseDelay('300-800')).toEqual({ min: 300, max: 800 });
    expect(parseDelay('50')).toEqual({ min: 50, max: 50 });
    expect(parseDelay(undefined)).toEqual({ min: 300, max: 800 });
  });

  it('refuses at once what Twilio refuses at once (21211, 21610)', async () => {
    const provider = sandbox.create(credentials, { options: { deliveryDelayMs: '10' } });
    const send = (to: string) => provider.send({ from: '+15005550100', to, body: 'hi', statusCallbackUrl: hook.base });
    await expect(send(MAGIC_NUMBERS.invalid)).rejects.toMatchObject({
      code: 'INVALID_RECIPIENT',
      providerCode: '21211',
      transient: false,
      outcome: 'refused',
    });
    await expect(send(MAGIC_NUMBERS.carrierOptOut)).rejects.toBeInstanceOf(ChannelError);
    await expect(send(MAGIC_NUMBERS.carrierOptOut)).rejects.toMatchObject({
      code: 'RECIPIENT_OPTED_OUT',
      providerCode: '21610',
    });
  });

  it('reports sent, then delivered or undelivered, through signed callbacks the provider itself verifies', async () => {
    const provider = sandbox.create(credentials, { options: { deliveryDelayMs: '20-40' } });
    const url = (n: number) => `${hook.base}/webhooks/sandbox/x/status?messageId=${n}`;
    const ok = await provider.send({ from: '+15005550100', to: '+14155550100', body: 'a', statusCallbackUrl: url(1) });
    const lost = await provider.send({
      from: '+15005550100',
      to: MAGIC_NUMBERS.landline,
      body: 'b',
      statusCallbackUrl: url(2),
    });
    expect(ok.status).toBe('QUEUED');
    const forMessage = (n: number) => hook.received.filter((r) => r.url === url(n));
    await expect.poll(() => forMessage(1).length + forMessage(2).length).toBe(4);
    const statuses = (n: number) =>
      forMessage(n).map((r) => {
        const request = { url: r.url, headers: r.headers as Record<string, string>, rawBody: r.rawBody };
        expect(provider.verifyWebhook(request)).toBe(true);
        expect(provider.verifyWebhook({ ...request, rawBody: `${r.rawBody} ` })).toBe(false);
        return provider.parseStatus(request);
      });
    expect(statuses(1).map((s) => s.status)).toEqual(['SENT', 'DELIVERED']);
    expect(statuses(1)[0]?.providerMessageId).toBe(ok.providerMessageId);
    expect(statuses(2)[1]).toMatchObject({
      providerMessageId: lost.providerMessageId,
      status: 'UNDELIVERED',
      error: { code: 'LANDLINE', providerCode: '30006' },
    });
    const found = await provider.findSent({
      from: '+15005550100',
      to: '+14155550100',
      body: 'a',
      since: new Date(Date.now() - 60_000),
      until: new Date(),
      exclude: [],
    });
    expect(found?.providerMessageId).toBe(ok.providerMessageId);
  });

  it('simulates inbound texts as signed webhooks, and blocks sends after STOP until START, as Twilio does', async () => {
    const provider = sandbox.create(credentials, { options: { deliveryDelayMs: '10' } });
    const url = `${hook.base}/webhooks/sandbox/x/inbound`;
    const from = '+14155550111';
    const { providerMessageId } =
      (await provider.simulateInbound?.({ from, to: '+15005550100', body: 'STOP' }, url)) ?? {};
    const posted = hook.received.find((r) => r.rawBody.includes(providerMessageId ?? '-'));
    if (!posted) throw new Error('nothing posted');
    expect(posted.headers[SIGNATURE_HEADER]).toBe(sign(credentials.signingSecret, url, posted.rawBody));
    const request = { url, headers: posted.headers as Record<string, string>, rawBody: posted.rawBody };
    expect(provider.parseInbound(request)).toEqual({
      providerMessageId,
      from,
      to: '+15005550100',
      body: 'STOP',
      mediaCount: 0,
    });
    const send = () =>
      provider.send({ from: '+15005550100', to: from, body: 'hi', statusCallbackUrl: `${hook.base}/s` });
    await expect(send()).rejects.toMatchObject({ code: 'RECIPIENT_OPTED_OUT', providerCode: '21610' });
    await provider.simulateInbound?.({ from, to: '+15005550100', body: 'start' }, url);
    await expect(send()).resolves.toMatchObject({ status: 'QUEUED' });
  });

  it('refuses signed bodies that are not what it sends', () => {
    const provider = sandbox.create(credentials, {});
    const url = 'https://parley.example.com/webhooks/sandbox/x/inbound';
    const parse = (payload: unknown) => () =>
      provider.parseInbound({
        url,
        headers: {},
        rawBody: typeof payload === 'string' ? payload : JSON.stringify(payload),
      });
    const good = {
      type: 'inbound',
      messageId: `SB${'a'.repeat(32)}`,
      from: '+14155550100',
      to: '+15005550100',
      body: 'x',
    };
    expect(parse(good)).not.toThrow();
    expect(parse('not json')).toThrow(ChannelError);
    expect(parse({ ...good, extra: 1 })).toThrow(ChannelError);
    expect(parse({ ...good, from: '4155550100' })).toThrow(ChannelError);
    expect(parse({ ...good, messageId: 'SM1' })).toThrow(ChannelError);
  });
});
