import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordConsentDocument, SendMessageDocument } from '../../clients/generated/graphql.ts';
import {
  type FakeMetaAccount,
  type FakeMetaApi,
  startFakeMetaApi,
} from '../../plugins/whatsapp/testing/fake-meta-api.ts';
import { rawId, startTestServer, type TestServer } from '../test/harness.ts';
import { type Hiring, setUpHiring, usNumber, waitFor } from '../test/messaging-fixture.ts';
import { optIn } from '../test/opted-in.ts';
import { addWhatsApp } from '../test/whatsapp-fixture.ts';

const PLUGINS = './plugins/twilio-sms/index.ts,./plugins/sandbox/index.ts,./plugins/whatsapp/index.ts';
const UNKNOWABLE_WAIT_MS = 1_500;
let seq = 0;

describe('WhatsApp webhooks through the real server', () => {
  let meta: FakeMetaApi;
  let server: TestServer;

  beforeAll(async () => {
    meta = await startFakeMetaApi({ displayPhoneNumber: usNumber() });
    server = await startTestServer({
      env: {
        CHANNEL_PLUGINS: PLUGINS,
        WHATSAPP_API_URL: meta.url,
        OUTBOX_UNKNOWABLE_WAIT_MS: String(UNKNOWABLE_WAIT_MS),
        OUTBOX_LEASE_MS: '3000',
      },
    });
  });
  afterAll(async () => {
    await server?.stop();
    await meta?.close();
  });

  type Tenant = Hiring & { account: FakeMetaAccount; accountId: string; webhookUrl: string };

  /** A tenant with a WhatsApp account at `account` owning its number, WhatsApp enabled and consent recorded. */
  async function whatsAppTenant(account: FakeMetaAccount): Promise<Tenant> {
    const h = await setUpHiring(server);
    const wa = await addWhatsApp(server, meta, h, ['SMS', 'WHATSAPP'], account);
    const { recordConsent } = await h.recruiter.client.request(RecordConsentDocument, {
      input: { conversationId: h.conversationId, channel: 'WHATSAPP', granted: true, reason: 'test set-up' },
    });
    if (recordConsent.__typename !== 'Conversation') throw new Error(JSON.stringify(recordConsent));
    return { ...h, account, accountId: wa.accountId, webhookUrl: wa.inboundUrl };
  }

  const messages = async (t: Hiring) => (await t.conversation()).messages.edges.map((e) => e.node);
  const prisma = () => server.app.services.prisma;
  const readAt = (id: string) =>
    prisma().message.findUniqueOrThrow({ where: { id: rawId(id) }, select: { status: true, readAt: true } });

  /** The candidate writes first (opening the 24-hour window), then the recruiter answers; returns both. */
  async function exchange(t: Tenant, body: string) {
    const inbound = await t.account.postInbound(t.webhookUrl, { from: t.candidatePhone, body: `Hi, ${body}?` });
    expect(inbound.response.status).toBe(200);
    const { sendMessage } = await t.recruiter.client.request(SendMessageDocument, {
      input: {
        conversationId: t.conversationId,
        channel: 'WHATSAPP',
        body,
        idempotencyKey: `whatsapp-${Date.now()}-${seq++}`,
      },
    });
    if (sendMessage.__typename !== 'Message') throw new Error(JSON.stringify(sendMessage));
    const id = rawId(sendMessage.id);
    const sent = await waitFor(async () => t.account.sent.find((m) => m.callbackData === id), 'the send at Meta');
    // SENT, or already further when Meta's own statuses (the fake's autoStatusMs) came first.
    const accepted = ['SENT', 'DELIVERED'];
    await waitFor(
      async () => (await messages(t)).find((m) => m.id === sendMessage.id && accepted.includes(m.status)),
      'SENT',
    );
    return { messageId: sendMessage.id, sent };
  }

  it('answers Meta’s GET handshake with the challenge for the account’s verify token only, logging no token', async () => {
    const a = await whatsAppTenant(meta);
    await a.account.subscribe(a.webhookUrl);
    const wrong = 'not-the-verify-token-0123456789';
    await expect(a.account.subscribe(a.webhookUrl, { verifyToken: wrong })).rejects.toThrow(/403/);
    const q = (token: string) =>
      new URLSearchParams({ 'hub.mode': 'subscribe', 'hub.verify_token': token, 'hub.challenge': '42' });
    const other = meta.addAccount({ displayPhoneNumber: usNumber() });
    const b = await whatsAppTenant(other);
    // Another account's token does not open this account's URL, nor the status path.
    expect((await fetch(`${a.webhookUrl}?${q(other.credentials.verifyToken)}`)).status).toBe(403);
    expect((await fetch(`${b.webhookUrl}?${q(other.credentials.verifyToken)}`)).status).toBe(200);
    const status = a.webhookUrl.replace(/inbound$/, 'status');
    expect((await fetch(`${status}?${q(a.account.credentials.verifyToken)}`)).status).toBe(404);
    const logs = server.logs.text;
    for (const token of [a.account.credentials.verifyToken, other.credentials.verifyToken, wrong]) {
      expect(logs).not.toContain(token);
    }
  });

  it('follows Meta’s own statuses after a send (the fake posts sent, then delivered, once subscribed)', async () => {
    const t = await whatsAppTenant(meta.addAccount({ displayPhoneNumber: usNumber() }));
    await t.account.subscribe(t.webhookUrl, { autoStatusMs: 20 });
    const { messageId } = await exchange(t, 'See you at 9');
    const delivered = await waitFor(
      async () => (await messages(t)).find((m) => m.id === messageId && m.status === 'DELIVERED'),
      'DELIVERED',
    );
    expect(delivered.deliveredAt).toEqual(expect.any(String));
  });

  it('refuses forged and unsigned POSTs with 403 and stores nothing', async () => {
    const t = await whatsAppTenant(meta.addAccount({ displayPhoneNumber: usNumber() }));
    const intruder = meta.addAccount({ displayPhoneNumber: usNumber() });
    const { rawBody } = t.account.batchBody({ inbound: [{ from: t.candidatePhone, body: 'forged' }] });
    const attempts = [
      await t.account.postRaw(t.webhookUrl, rawBody, null),
      await t.account.postRaw(t.webhookUrl, rawBody, 'sha256=00'),
      await t.account.postRaw(t.webhookUrl, rawBody, intruder.sign(rawBody)),
      await t.account.postRaw(t.webhookUrl, rawBody.replace('forged', 'f0rged'), t.account.sign(rawBody)),
    ];
    expect(attempts.map((r) => r.status)).toEqual([403, 403, 403, 403]);
    expect(await messages(t)).toHaveLength(0);
    expect(await prisma().unmatchedInbound.count({ where: { tenantId: rawId(t.tenant.id) } })).toBe(0);
  });

  it('applies a batch of inbound messages and statuses; a replay changes nothing and statuses never go back', async () => {
    const t = await whatsAppTenant(meta.addAccount({ displayPhoneNumber: usNumber() }));
    const first = await exchange(t, 'Can you come Tuesday');
    const second = await exchange(t, 'Bring your ID');
    const batch = await t.account.postBatch(t.webhookUrl, {
      inbound: [{ from: t.candidatePhone, body: 'Tuesday works' }],
      statuses: [
        { message: first.sent, status: 'delivered' },
        { message: second.sent, status: 'failed', errorCode: 131026 },
      ],
    });
    expect(batch.response.status).toBe(200);
    const after = await messages(t);
    expect(after.filter((m) => m.direction === 'INBOUND').map((m) => [m.channel, m.body])).toEqual([
      ['WHATSAPP', 'Hi, Can you come Tuesday?'],
      ['WHATSAPP', 'Hi, Bring your ID?'],
      ['WHATSAPP', 'Tuesday works'],
    ]);
    expect(after.find((m) => m.id === first.messageId)).toMatchObject({ status: 'DELIVERED' });
    expect(after.find((m) => m.id === second.messageId)).toMatchObject({ status: 'FAILED', errorCode: 'UNREACHABLE' });

    // Meta retries the same request: nothing is stored twice.
    const replay = await t.account.postRaw(t.webhookUrl, batch.rawBody);
    expect(replay.status).toBe(200);
    expect(await messages(t)).toEqual(after);
    // A late 'sent' does not take a delivered message back; 'read' moves it on, once.
    await t.account.postStatus(t.webhookUrl, first.sent, 'sent');
    expect((await messages(t)).find((m) => m.id === first.messageId)).toMatchObject({ status: 'DELIVERED' });
    await t.account.postStatus(t.webhookUrl, first.sent, 'read');
    const read = await readAt(first.messageId);
    expect(read).toMatchObject({ status: 'READ', readAt: expect.any(Date) });
    await t.account.postStatus(t.webhookUrl, first.sent, 'delivered');
    await t.account.postStatus(t.webhookUrl, first.sent, 'read');
    expect(await readAt(first.messageId)).toEqual(read);
    // A message that was not delivered is never read.
    await t.account.postStatus(t.webhookUrl, second.sent, 'read');
    expect((await messages(t)).find((m) => m.id === second.messageId)).toMatchObject({ status: 'FAILED' });
  });

  it('refuses a signed batch with one malformed event (400) and stores none of it', async () => {
    const t = await whatsAppTenant(meta.addAccount({ displayPhoneNumber: usNumber() }));
    const body = JSON.parse(
      t.account.batchBody({
        inbound: [
          { from: t.candidatePhone, body: 'good' },
          { from: t.candidatePhone, body: 'bad' },
        ],
      }).rawBody,
    );
    body.entry[0].changes[0].value.messages[1].type = 'hologram';
    const response = await t.account.postRaw(t.webhookUrl, JSON.stringify(body));
    expect(response.status).toBe(400);
    expect(await messages(t)).toHaveLength(0);
  });

  it('never touches another tenant’s message, whatever wamid or correlation id a signed status names', async () => {
    const a = await whatsAppTenant(meta.addAccount({ displayPhoneNumber: usNumber() }));
    const b = await whatsAppTenant(meta.addAccount({ displayPhoneNumber: usNumber() }));
    const theirs = await exchange(b, 'Offer attached');
    // Signed by A's app, posted to A's URL, naming B's message by its wamid and by Parley's id.
    const response = await a.account.postBatch(a.webhookUrl, {
      statuses: [{ message: theirs.sent, status: 'failed', errorCode: 131026 }],
    });
    expect(response.response.status).toBe(200);
    // Posted to B's URL with A's signature: refused before parsing.
    const { rawBody } = a.account.batchBody({
      statuses: [{ message: theirs.sent, status: 'failed', errorCode: 131026 }],
    });
    expect((await a.account.postRaw(b.webhookUrl, rawBody)).status).toBe(403);
    expect((await messages(b)).find((m) => m.id === theirs.messageId)).toMatchObject({
      status: 'SENT',
      errorCode: null,
    });
  });

  it('files a message Meta delivers late at the time the candidate wrote, so it opens no window that has closed', async () => {
    const t = await whatsAppTenant(meta.addAccount({ displayPhoneNumber: usNumber() }));
    const wrote = new Date(Date.now() - 30 * 3600_000);
    const late = await t.account.postInbound(t.webhookUrl, {
      from: t.candidatePhone,
      body: 'Sent yesterday',
      sentAt: wrote,
    });
    expect(late.response.status).toBe(200);
    const [stored] = await prisma().message.findMany({ where: { conversationId: rawId(t.conversationId) } });
    expect(stored?.createdAt.getTime()).toBe(Math.floor(wrote.getTime() / 1000) * 1000);
    const lock = (await t.conversation()).locks.find((l) => l.channel === 'WHATSAPP');
    expect(lock).toMatchObject({ locked: true, reason: 'SESSION_WINDOW_CLOSED' });
    const { sendMessage } = await t.recruiter.client.request(SendMessageDocument, {
      input: { conversationId: t.conversationId, channel: 'WHATSAPP', body: 'Hi!', idempotencyKey: `wa-late-${seq++}` },
    });
    expect(sendMessage.__typename).toBe('SessionWindowClosedError');
  });

  it('takes a batch larger than 64 KiB, as Meta sends when many statuses come at once', async () => {
    const t = await whatsAppTenant(meta.addAccount({ displayPhoneNumber: usNumber() }));
    const statuses = Array.from({ length: 150 }, (_, i) => ({
      message: `wamid.UNKNOWN${i}`,
      status: 'delivered' as const,
      callbackData: 'x'.repeat(500),
    }));
    const { rawBody } = t.account.batchBody({ statuses });
    expect(rawBody.length).toBeGreaterThan(64 * 1024);
    expect((await t.account.postRaw(t.webhookUrl, rawBody)).status).toBe(200);
  });

  it('never lets one account of a tenant change a message another of its accounts sent', async () => {
    const t = await whatsAppTenant(meta.addAccount({ displayPhoneNumber: usNumber() }));
    await optIn(t);
    // The conversation uses both accounts: the candidate wrote on WhatsApp too.
    await exchange(t, 'On WhatsApp');
    const { sendMessage } = await t.recruiter.client.request(SendMessageDocument, {
      input: { conversationId: t.conversationId, channel: 'SMS', body: 'By text', idempotencyKey: `wa-cross-${seq++}` },
    });
    if (sendMessage.__typename !== 'Message') throw new Error(JSON.stringify(sendMessage));
    const sms = rawId(sendMessage.id);
    await waitFor(async () => t.sentToCandidate().find((m) => m.body === 'By text'), 'the SMS at Twilio');
    // Signed by the tenant's WhatsApp app, naming the SMS (sent through the platform's Twilio) by Parley's id.
    const forged = await t.account.postBatch(t.webhookUrl, {
      statuses: [{ message: 'wamid.FORGED', status: 'failed', errorCode: 131026, callbackData: sms }],
    });
    expect(forged.response.status).toBe(200);
    expect(await prisma().message.findUniqueOrThrow({ where: { id: sms } })).toMatchObject({
      provider: 'twilio-sms',
      errorCode: null,
    });
    expect(['SENT', 'DELIVERED']).toContain((await prisma().message.findUniqueOrThrow({ where: { id: sms } })).status);
  });

  it('settles a send whose answer was lost by its status webhook, and never sends it twice', async () => {
    const t = await whatsAppTenant(meta.addAccount({ displayPhoneNumber: usNumber() }));
    await t.account.postInbound(t.webhookUrl, { from: t.candidatePhone, body: 'Hello?' });
    const send = async (body: string) => {
      const { sendMessage } = await t.recruiter.client.request(SendMessageDocument, {
        input: {
          conversationId: t.conversationId,
          channel: 'WHATSAPP',
          body,
          idempotencyKey: `whatsapp-${Date.now()}-${seq++}`,
        },
      });
      if (sendMessage.__typename !== 'Message') throw new Error(JSON.stringify(sendMessage));
      return sendMessage.id;
    };
    const byId = async (id: string) => (await messages(t)).find((m) => m.id === id);

    // Meta accepted, then answered 500; its status webhook (carrying Parley's id) settles the message.
    meta.failNext(t.candidatePhone, { acceptThen: 500 });
    const confirmed = await send('Interview at 10');
    const atMeta = await waitFor(async () => t.account.sent.find((m) => m.callbackData === rawId(confirmed)), 'send');
    await t.account.postStatus(t.webhookUrl, atMeta, 'delivered');
    await waitFor(async () => (await byId(confirmed))?.status === 'DELIVERED', 'DELIVERED from the webhook');
    await waitFor(
      async () =>
        (await prisma().outboxEntry.findUniqueOrThrow({ where: { messageId: rawId(confirmed) } })).state === 'DONE',
      'the outbox row settled',
    );

    // Meta accepted, then the connection dropped, and no webhook ever came: FAILED as unknown, not resent.
    meta.failNext(t.candidatePhone, { acceptThen: 'reset' });
    const lost = await send('Interview at 11');
    const failed = await waitFor(
      async () => {
        const m = await byId(lost);
        return m?.status === 'FAILED' ? m : null;
      },
      'FAILED after the bounded wait',
      UNKNOWABLE_WAIT_MS + 10_000,
    );
    expect(failed.errorCode).toBe('OUTCOME_UNKNOWN');
    expect(t.account.sent.filter((m) => m.body === 'Interview at 11')).toHaveLength(1);
    expect(t.account.sent.filter((m) => m.body === 'Interview at 10')).toHaveLength(1);

    // Meta's status comes at last: the first real news of the message corrects it.
    const late = t.account.sent.find((m) => m.body === 'Interview at 11');
    if (!late) throw new Error('not at Meta');
    await t.account.postStatus(t.webhookUrl, late, 'delivered');
    await waitFor(async () => (await byId(lost))?.status === 'DELIVERED', 'DELIVERED after all');
    expect(await byId(lost)).toMatchObject({ errorCode: null });
    // And a delivered message does not go back.
    await t.account.postStatus(t.webhookUrl, late, 'failed', 131026);
    expect(await byId(lost)).toMatchObject({ status: 'DELIVERED' });
  });
});
