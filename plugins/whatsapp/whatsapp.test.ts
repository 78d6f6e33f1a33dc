import { type AddressInfo, createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChannelError, type ChannelProvider, type WebhookRequest } from '../sdk/index.ts';
import { runChannelPluginConformance } from '../sdk/testing/index.ts';
import plugin from './index.ts';
import { messageBody } from './message-body.ts';
import { hubSignature } from './signature.ts';
import { type FakeMetaApi, startFakeMetaApi } from './testing/fake-meta-api.ts';
import { errorCodes } from './vocabulary.ts';

const CANDIDATE = '+15557654321';
const URL = 'https://parley.example.com/webhooks/whatsapp/acct/inbound';

function signed(meta: FakeMetaApi, rawBody: string): WebhookRequest {
  return { url: URL, headers: { 'x-hub-signature-256': meta.sign(rawBody) }, rawBody };
}

runChannelPluginConformance('whatsapp', async () => {
  const meta = await startFakeMetaApi();
  return {
    plugin,
    credentials: meta.credentials,
    badCredentials: { ...meta.credentials, accessToken: `EAA${'x'.repeat(40)}` },
    apiBaseUrl: meta.url,
    from: meta.displayPhoneNumber,
    to: CANDIDATE,
    signedInbound: ({ from, body }) => signed(meta, meta.batchBody({ inbound: [{ from, body }] }).rawBody),
    signedStatus: ({ providerMessageId, vendorStatus, vendorErrorCode, correlationId }) =>
      signed(
        meta,
        meta.batchBody({
          statuses: [
            {
              message: providerMessageId,
              status: vendorStatus as 'sent',
              errorCode: vendorErrorCode ? Number(vendorErrorCode) : undefined,
              callbackData: correlationId,
            },
          ],
        }).rawBody,
      ),
    statusSequence: [
      { vendorStatus: 'sent', expected: 'SENT' },
      { vendorStatus: 'delivered', expected: 'DELIVERED' },
    ],
    statusFailure: {
      vendorStatus: 'failed',
      vendorErrorCode: '131026',
      expected: { status: 'FAILED', code: 'UNREACHABLE' },
    },
    vendorErrors: [
      { vendorCode: '130429', expected: 'RATE_LIMITED', transient: true },
      { vendorCode: '131026', expected: 'UNREACHABLE', transient: false },
      { vendorCode: '131047', expected: 'REJECTED', transient: false },
      { vendorCode: '131050', expected: 'RECIPIENT_OPTED_OUT', transient: false },
      { vendorCode: '190', expected: 'AUTHENTICATION_FAILED', transient: false },
    ],
    refuseNextSend(vendorCode) {
      meta.failNext(CANDIDATE, { status: 400, code: Number(vendorCode) });
      return CANDIDATE;
    },
    loseNextAnswer: (to, how) => meta.failNext(to, { acceptThen: how === 'server-error' ? 500 : 'reset' }),
    // Meta signs the body alone: a request replayed to another URL cannot be told apart by its signature.
    signatureCovers: 'body',
    approvedTemplate: { name: 'application_update', language: 'en_US', parameters: ['Ada', 'Engineer'] },
    close: meta.close,
  };
});

describe('whatsapp plugin', () => {
  let meta: FakeMetaApi;
  let provider: ChannelProvider;
  const out = (body: string, extra = {}) => ({
    from: meta.displayPhoneNumber,
    to: CANDIDATE,
    body,
    statusCallbackUrl: URL,
    ...extra,
  });
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: unknown) => e as ChannelError,
    );

  beforeAll(async () => {
    meta = await startFakeMetaApi();
    provider = plugin.create(meta.credentials, { apiBaseUrl: meta.url });
  });
  afterAll(() => meta?.close());

  describe('sending', () => {
    it('sends free text with Parley’s id as biz_opaque_callback_data, and returns the wamid', async () => {
      const sent = await provider.send(out('Hello Ada', { correlationId: 'parley-1' }));
      expect(sent.providerMessageId).toMatch(/^wamid\./);
      expect(meta.sent.at(-1)).toMatchObject({
        id: sent.providerMessageId,
        to: CANDIDATE,
        type: 'text',
        body: 'Hello Ada',
        callbackData: 'parley-1',
      });
      const request = meta.requests.at(-1);
      expect(request?.path).toBe(`/v23.0/${meta.credentials.phoneNumberId}/messages`);
    });

    it('builds a template message: name, language code and the body parameters in order', async () => {
      const template = { name: 'interview_invite', language: 'en_GB', parameters: ['Ada', 'Tuesday 10:00'] };
      expect(messageBody(out('rendered', { template, correlationId: 'p-2' }))).toEqual({
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: '15557654321',
        biz_opaque_callback_data: 'p-2',
        type: 'template',
        template: {
          name: 'interview_invite',
          language: { code: 'en_GB' },
          components: [
            {
              type: 'body',
              parameters: [
                { type: 'text', text: 'Ada' },
                { type: 'text', text: 'Tuesday 10:00' },
              ],
            },
          ],
        },
      });
      expect(messageBody(out('x', { template: { ...template, parameters: [] } }))).toMatchObject({
        template: { components: [] },
      });
      await provider.send(out('rendered', { template }));
      expect(meta.sent.at(-1)).toMatchObject({ type: 'template', template });
    });

    it('refuses a text over 4096 characters without calling Meta', async () => {
      const before = meta.requests.length;
      const error = await refusal(provider.send(out('a'.repeat(4097))));
      expect(error).toMatchObject({ code: 'REJECTED', transient: false, outcome: 'refused' });
      expect(meta.requests.length).toBe(before);
    });

    it('maps every Meta code it knows, refused, transient only for rate limits and Meta’s own trouble', async () => {
      for (const [code, expected] of Object.entries(errorCodes)) {
        meta.failNext(CANDIDATE, { status: 400, code: Number(code) });
        const error = await refusal(provider.send(out(`code ${code}`)));
        expect(error, `Meta code ${code}`).toMatchObject({
          code: expected,
          providerCode: code,
          outcome: 'refused',
          transient: expected === 'RATE_LIMITED' || expected === 'PROVIDER_UNAVAILABLE',
        });
      }
      meta.failNext(CANDIDATE, { status: 400, code: 987654 });
      expect(await refusal(provider.send(out('unknown code')))).toMatchObject({ code: 'REJECTED', transient: false });
    });

    it('treats a 5xx or a reset as unclear, and an unreachable Meta as a refusal worth retrying', async () => {
      meta.failNext(CANDIDATE, { status: 503, code: 2 });
      expect(await refusal(provider.send(out('5xx')))).toMatchObject({ outcome: 'unclear' });
      meta.failNext(CANDIDATE, { reset: true });
      expect(await refusal(provider.send(out('reset')))).toMatchObject({ outcome: 'unclear' });
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const { port } = closed.address() as AddressInfo;
      await new Promise((resolve) => closed.close(resolve));
      const nowhere = plugin.create(meta.credentials, { apiBaseUrl: `http://127.0.0.1:${port}` });
      expect(await refusal(nowhere.send(out('refused')))).toMatchObject({
        code: 'PROVIDER_UNAVAILABLE',
        transient: true,
        outcome: 'refused',
      });
    });

    it('settles unclear sends by the status webhook, never by a lookup that cannot prove absence', async () => {
      expect(provider.reconciliation).toBe('status-webhook');
      await expect(
        provider.findSent({ from: '', to: CANDIDATE, body: 'x', since: new Date(), until: new Date(), exclude: [] }),
      ).rejects.toBeInstanceOf(ChannelError);
    });
  });

  describe('webhooks', () => {
    it('checks X-Hub-Signature-256 over the exact body with this app’s secret', () => {
      const { rawBody } = meta.batchBody({ inbound: [{ from: CANDIDATE, body: 'hi' }] });
      const good = signed(meta, rawBody);
      expect(provider.verifyWebhook(good)).toBe(true);
      const header = good.headers['x-hub-signature-256'] as string;
      for (const bad of [
        undefined,
        '',
        header.replace('sha256=', ''),
        header.toUpperCase(),
        `sha1=${header.slice(7)}`,
        hubSignature('0'.repeat(32), rawBody),
        `${header}00`,
      ]) {
        expect(provider.verifyWebhook({ ...good, headers: { 'x-hub-signature-256': bad } }), String(bad)).toBe(false);
      }
      expect(provider.verifyWebhook({ ...good, rawBody: `${rawBody} ` })).toBe(false);
    });

    it('answers the GET handshake with the challenge only for subscribe and this verify token', () => {
      const q = (mode: string, token: string, challenge = '1158201444') =>
        new URLSearchParams({ 'hub.mode': mode, 'hub.verify_token': token, 'hub.challenge': challenge });
      const token = meta.credentials.verifyToken;
      expect(provider.verifySubscription?.(q('subscribe', token))).toBe('1158201444');
      expect(provider.verifySubscription?.(q('subscribe', `${token}x`))).toBeNull();
      expect(provider.verifySubscription?.(q('subscribe', token.slice(1)))).toBeNull();
      expect(provider.verifySubscription?.(q('unsubscribe', token))).toBeNull();
      expect(provider.verifySubscription?.(q('subscribe', token, ''))).toBeNull();
      expect(provider.verifySubscription?.(q('subscribe', token, '<script>alert(1)</script> x'))).toBeNull();
      expect(provider.verifySubscription?.(new URLSearchParams())).toBeNull();
    });

    it('parses a batch into every inbound message and status, in order, with correlation ids and errors', async () => {
      const a = await provider.send(out('first', { correlationId: 'msg-a' }));
      const b = await provider.send(out('second', { correlationId: 'msg-b' }));
      const { ids, rawBody } = meta.batchBody({
        inbound: [
          { from: CANDIDATE, body: 'Yes, Tuesday works' },
          { from: '+447700900123', body: 'Thanks!' },
        ],
        statuses: [
          { message: a.providerMessageId, status: 'delivered' },
          { message: b.providerMessageId, status: 'read' },
          { message: b.providerMessageId, status: 'failed', errorCode: 131047 },
        ],
      });
      expect(provider.parseEvents?.(signed(meta, rawBody))).toEqual([
        {
          type: 'inbound',
          message: {
            providerMessageId: ids[0],
            from: CANDIDATE,
            to: meta.displayPhoneNumber,
            body: 'Yes, Tuesday works',
            mediaCount: 0,
            sentAt: expect.any(Date),
          },
        },
        {
          type: 'inbound',
          message: {
            providerMessageId: ids[1],
            from: '+447700900123',
            to: meta.displayPhoneNumber,
            body: 'Thanks!',
            mediaCount: 0,
            sentAt: expect.any(Date),
          },
        },
        {
          type: 'status',
          update: { providerMessageId: a.providerMessageId, status: 'DELIVERED', correlationId: 'msg-a' },
        },
        {
          type: 'status',
          update: { providerMessageId: b.providerMessageId, status: 'READ', correlationId: 'msg-b' },
        },
        {
          type: 'status',
          update: {
            providerMessageId: b.providerMessageId,
            status: 'FAILED',
            correlationId: 'msg-b',
            error: { code: 'REJECTED', providerCode: '131047', message: 'Meta error 131047' },
          },
        },
      ]);
    });

    it('skips other phone numbers of the same app, other webhook fields and reactions; counts media', () => {
      const body = JSON.parse(meta.batchBody({ inbound: [{ from: CANDIDATE, body: 'mine' }] }).rawBody);
      const value = body.entry[0].changes[0].value;
      body.entry[0].changes.push(
        { field: 'messages', value: { ...value, metadata: { ...value.metadata, phone_number_id: '999999999' } } },
        { field: 'message_template_status_update', value: { event: 'APPROVED' } },
        {
          field: 'messages',
          value: {
            ...value,
            messages: [
              { from: '15557654321', id: 'wamid.r1', timestamp: '1', type: 'reaction', reaction: { emoji: '👍' } },
              { from: '15557654321', id: 'wamid.i1', timestamp: '1', type: 'image', image: { caption: 'my CV' } },
            ],
          },
        },
      );
      const events = provider.parseEvents?.(signed(meta, JSON.stringify(body))) ?? [];
      expect(events.map((e) => (e.type === 'inbound' ? [e.message.body, e.message.mediaCount] : e.type))).toEqual([
        ['mine', 0],
        ['my CV', 1],
      ]);
    });

    it('refuses hostile signed payloads: wrong types, huge arrays, unknown types, bad Unicode, control characters', () => {
      const base = () => JSON.parse(meta.batchBody({ inbound: [{ from: CANDIDATE, body: 'hello' }] }).rawBody);
      const mutate = (change: (b: any) => void) => {
        const b = base();
        change(b);
        return JSON.stringify(b);
      };
      const msg = (b: any) => b.entry[0].changes[0].value.messages[0];
      const hostile: Record<string, string> = {
        'not JSON': '{"object":',
        'an array': '[]',
        'another object': mutate((b) => {
          b.object = 'page';
        }),
        'from as a number': mutate((b) => {
          msg(b).from = 15557654321;
        }),
        'from not digits': mutate((b) => {
          msg(b).from = '+1 555 DROP TABLE';
        }),
        'timestamp as a number': mutate((b) => {
          msg(b).timestamp = 1700000000;
        }),
        'messages as an object': mutate((b) => {
          b.entry[0].changes[0].value.messages = { 0: msg(b) };
        }),
        'an id that is not a wamid': mutate((b) => {
          msg(b).id = "wamid.x'; --";
        }),
        'an unknown message type': mutate((b) => {
          msg(b).type = 'hologram';
        }),
        'text without a body': mutate((b) => {
          msg(b).text = {};
        }),
        'a text over 4096 characters': mutate((b) => {
          msg(b).text.body = 'a'.repeat(4097);
        }),
        'a NUL in the text': mutate((b) => {
          msg(b).text.body = 'hi\u0000there';
        }),
        'an escape character in the text': mutate((b) => {
          msg(b).text.body = 'hi\u001b[2J';
        }),
        'a C1 control in the text': mutate((b) => {
          msg(b).text.body = 'hi\u0085there';
        }),
        'a noncharacter in the text': mutate((b) => {
          msg(b).text.body = 'hi\ufffe';
        }),
        '101 messages': mutate((b) => {
          b.entry[0].changes[0].value.messages = Array.from({ length: 101 }, () => msg(b));
        }),
        '101 entries': mutate((b) => {
          b.entry = Array.from({ length: 101 }, () => b.entry[0]);
        }),
        'an unknown status': mutate((b) => {
          b.entry[0].changes[0].value.statuses = [
            { id: 'wamid.s1', status: 'exploded', timestamp: '1', recipient_id: '15557654321' },
          ];
        }),
      };
      for (const [what, rawBody] of Object.entries(hostile)) {
        expect(() => provider.parseEvents?.(signed(meta, rawBody)), what).toThrow(ChannelError);
      }
      // A lone surrogate is valid JSON but not Unicode text.
      const surrogate = base();
      msg(surrogate).text.body = 'REPLACE';
      const raw = JSON.stringify(surrogate).replace('REPLACE', '\\ud800');
      expect(() => provider.parseEvents?.(signed(meta, raw))).toThrow(ChannelError);
      // Too many events across entries.
      const many = base();
      many.entry[0].changes[0].value.statuses = Array.from({ length: 1000 }, (_, i) => ({
        id: `wamid.s${i}`,
        status: 'sent',
        timestamp: '1',
        recipient_id: '15557654321',
      }));
      many.entry[0].changes.push(many.entry[0].changes[0]);
      expect(() => provider.parseEvents?.(signed(meta, JSON.stringify(many)))).toThrow(/more than 1000 events/);
      // What people write stays: an emoji sequence with joiners, right-to-left text.
      for (const body of ['👩‍💻 ready', 'مرحبا، متى المقابلة؟']) {
        const ok = base();
        msg(ok).text.body = body;
        expect(provider.parseEvents?.(signed(meta, JSON.stringify(ok)))).toEqual([
          expect.objectContaining({ type: 'inbound', message: expect.objectContaining({ body }) }),
        ]);
      }
    });
  });
});
