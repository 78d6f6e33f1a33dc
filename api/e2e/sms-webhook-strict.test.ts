import { request as httpRequest } from 'node:http';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { type Hiring, setUpHiring } from '../test/messaging-fixture.ts';

describe('Twilio webhooks are parsed strictly', () => {
  let server: TestServer;
  let inboundUrl: string;
  let h: Hiring;
  beforeAll(async () => {
    server = await startTestServer();
    inboundUrl = `${server.publicUrl}/webhooks/twilio/sms`;
    h = await setUpHiring(server);
  });
  afterAll(() => server?.stop());

  const stored = async () => {
    const p = server.app.services.prisma;
    return { messages: await p.message.count(), unmatched: await p.unmatchedInbound.count() };
  };
  const params = (body: string) => server.twilio.inboundParams({ from: h.candidatePhone, to: h.sendingNumber, body });
  const sign = (url: string, p: Record<string, string | string[]>) =>
    twilio.getExpectedTwilioSignature(server.twilio.authToken, url, p as Record<string, string>);
  const post = (url: string, rawBody: string | Uint8Array<ArrayBuffer>, signature: string) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: typeof rawBody === 'string' ? rawBody : new Blob([rawBody]),
    });

  it('refuses a captured request re-split at a key/value boundary (same signature) with 400, storing nothing more', async () => {
    const captured = params('Is the job still open?');
    const signature = sign(inboundUrl, captured);
    expect((await post(inboundUrl, new URLSearchParams(captured).toString(), signature)).status).toBe(200);
    const before = await stored();
    // MessageSid absorbs the parameter after it (NumMedia); so does AccountSid (ApiVersion).
    const { NumMedia, ApiVersion, ...rest } = captured;
    for (const resplit of [
      { ...rest, ApiVersion: ApiVersion as string, MessageSid: `${captured.MessageSid}NumMedia${NumMedia}` },
      { ...rest, NumMedia: NumMedia as string, AccountSid: `${captured.AccountSid}ApiVersion${ApiVersion}` },
    ]) {
      expect(sign(inboundUrl, resplit)).toBe(signature);
      const replay = await post(inboundUrl, new URLSearchParams(resplit).toString(), signature);
      expect(replay.status).toBe(400);
    }
    expect(await stored()).toEqual(before);
  });

  it('answers 400, not 500, to NUL bytes in Body, From or MessageSid, and stores nothing', async () => {
    const before = await stored();
    const base = params('hello');
    for (const bad of [
      { ...base, Body: 'hel\u0000lo' },
      { ...base, From: `${h.candidatePhone}\u0000` },
      {
        ...base,
        MessageSid: `${base.MessageSid}\u0000`,
        SmsSid: `${base.MessageSid}\u0000`,
        SmsMessageSid: `${base.MessageSid}\u0000`,
      },
    ]) {
      const res = await post(inboundUrl, new URLSearchParams(bad).toString(), sign(inboundUrl, bad));
      expect(res.status).toBe(400);
    }
    expect(await stored()).toEqual(before);
  });

  it('answers 400 to invalid UTF-8, percent-encoded or raw, and stores nothing', async () => {
    const before = await stored();
    const base = params('x');
    // What the server decodes leniently (U+FFFD) is what the signature covers, so only strict decoding refuses it.
    const signed = { ...base, Body: '\ufffd\ufffd' };
    const encoded = new URLSearchParams({ ...base, Body: 'PLACEHOLDER' }).toString();
    const percent = encoded.replace('PLACEHOLDER', '%FF%FE');
    expect((await post(inboundUrl, percent, sign(inboundUrl, signed))).status).toBe(400);
    const raw = Buffer.from(encoded.replace('PLACEHOLDER', 'RAW'));
    const at = raw.indexOf('RAW');
    const bytes = new Uint8Array(raw.length - 1);
    bytes.set(raw.subarray(0, at));
    bytes.set([0xff, 0xfe], at);
    bytes.set(raw.subarray(at + 3), at + 2);
    expect((await post(inboundUrl, bytes, sign(inboundUrl, signed))).status).toBe(400);
    expect(await stored()).toEqual(before);
  });

  it('refuses repeated keys, unknown keys, another account and malformed values; accepts what Twilio documents', async () => {
    const before = await stored();
    const base = params('hi there');
    const body = new URLSearchParams(base).toString();
    const twice = `${body}&Body=${encodeURIComponent('and again')}`;
    expect(
      (await post(inboundUrl, twice, sign(inboundUrl, { ...base, Body: [base.Body as string, 'and again'] }))).status,
    ).toBe(400);
    for (const bad of [
      { ...base, Injected: 'x' },
      { ...base, AccountSid: `AC${'0'.repeat(32)}` },
      { ...base, To: 'not a number' },
      { ...base, NumMedia: '1x' },
    ]) {
      expect((await post(inboundUrl, new URLSearchParams(bad).toString(), sign(inboundUrl, bad))).status).toBe(400);
    }
    expect(await stored()).toEqual(before);
    const documented = { ...base, MessagingServiceSid: `MG${'a'.repeat(32)}`, ProfileName: 'Cara' };
    const ok = await post(inboundUrl, new URLSearchParams(documented).toString(), sign(inboundUrl, documented));
    expect(ok.status).toBe(200);
    expect((await stored()).messages).toBe(before.messages + 1);

    const statusUrl = `${inboundUrl}/status?messageId=00000000-0000-0000-0000-000000000000`;
    const status = {
      MessageSid: base.MessageSid as string,
      AccountSid: server.twilio.accountSid,
      From: h.sendingNumber,
      To: h.candidatePhone,
      MessageStatus: 'delivered',
    };
    expect((await post(statusUrl, new URLSearchParams(status).toString(), sign(statusUrl, status))).status).toBe(200);
    for (const bad of [
      { ...status, MessageStatus: 'exploded' },
      { ...status, ErrorCode: '300x' },
    ]) {
      expect((await post(statusUrl, new URLSearchParams(bad).toString(), sign(statusUrl, bad))).status).toBe(400);
    }
  });

  it('answers an oversized body with a clean 413 and Connection: close, not a reset', async () => {
    const url = new URL(inboundUrl);
    for (const chunked of [false, true]) {
      const body = Buffer.alloc(512 * 1024, 'a');
      const outcome = await new Promise<{ status?: number; connection?: string; text: string; error?: string }>(
        (resolve) => {
          const result: { status?: number; connection?: string; text: string; error?: string } = { text: '' };
          const req = httpRequest({
            host: url.hostname,
            port: url.port,
            path: url.pathname,
            method: 'POST',
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              ...(chunked ? {} : { 'content-length': String(body.length) }),
            },
          });
          req.on('response', (res) => {
            result.status = res.statusCode;
            result.connection = res.headers.connection;
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => {
              result.text += chunk;
            });
          });
          req.on('error', (error: NodeJS.ErrnoException) => {
            result.error = error.code;
          });
          req.on('close', () => resolve(result));
          // Sent in pieces, as a client on a real network does.
          for (let i = 0; i < body.length; i += 16 * 1024) req.write(body.subarray(i, i + 16 * 1024));
          req.end();
        },
      );
      expect(outcome, chunked ? 'chunked' : 'with content-length').toMatchObject({
        status: 413,
        connection: 'close',
        text: expect.stringContaining('request body over'),
      });
      expect(outcome.error).toBeUndefined();
    }
  });
});
