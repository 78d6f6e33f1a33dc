import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationDocument, SendMessageDocument, UnassignSeatDocument } from '../../clients/generated/graphql.ts';
import { rawId, startTestServer, type TestServer } from '../test/harness.ts';
import { type Hiring, setUpHiring, waitFor } from '../test/messaging-fixture.ts';
import { optIn } from '../test/opted-in.ts';

let keySeq = 0;
const key = () => `send-key-${Date.now()}-${keySeq++}`;

describe('sending SMS', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.stop());

  const sendAs = (
    h: Hiring,
    who: 'recruiter' | 'outsider' | 'admin',
    input: { body: string; idempotencyKey?: string; attachments?: string[] },
  ) =>
    h[who].client.request(SendMessageDocument, {
      input: {
        conversationId: h.conversationId,
        channel: 'SMS',
        idempotencyKey: input.idempotencyKey ?? key(),
        body: input.body,
        attachments: input.attachments,
      },
    });
  const messageCount = async (h: Hiring) => (await h.conversation()).messages.edges.length;

  it('shows the conversation to its hiring team and admins only, and lets only the team send', async () => {
    const h = await setUpHiring(server);
    await optIn(h);
    expect((await h.recruiter.client.request(ConversationDocument, { id: h.conversationId })).conversation?.id).toBe(
      h.conversationId,
    );
    expect((await h.outsider.client.request(ConversationDocument, { id: h.conversationId })).conversation).toBeNull();
    const node = await server.post(
      { query: 'query($id: ID!) { node(id: $id) { id } }', variables: { id: h.conversationId } },
      { authorization: `Bearer ${h.outsider.token}` },
    );
    expect(node.body.data?.node ?? null).toBeNull();
    expect((await sendAs(h, 'outsider', { body: 'hi' })).sendMessage.__typename).toBe('NotFoundError');
    expect((await sendAs(h, 'admin', { body: 'hi' })).sendMessage).toMatchObject({
      __typename: 'SendNotAllowedError',
      refusal: 'NOT_ON_HIRING_TEAM',
    });
    const byKey = await h.tenant.client.request(SendMessageDocument, {
      input: { conversationId: h.conversationId, channel: 'SMS', body: 'hi', idempotencyKey: key() },
    });
    expect(byKey.sendMessage).toMatchObject({ __typename: 'SendNotAllowedError', refusal: 'NOT_A_USER' });
    expect(await messageCount(h)).toBe(0);
  });

  it('refuses bad messages with typed errors and writes nothing', async () => {
    const h = await setUpHiring(server);
    await optIn(h);
    const tooLong = await sendAs(h, 'recruiter', { body: 'x'.repeat(1601) });
    expect(tooLong.sendMessage).toMatchObject({ __typename: 'MessageTooLongError', length: 1601, maxLength: 1600 });
    expect((await sendAs(h, 'recruiter', { body: '   ' })).sendMessage).toMatchObject({
      __typename: 'ValidationError',
      field: 'body',
    });
    const withFile = await sendAs(h, 'recruiter', {
      body: 'see attached',
      attachments: ['https://example.com/cv.pdf'],
    });
    expect(withFile.sendMessage).toMatchObject({
      __typename: 'AttachmentsNotSupportedError',
      code: 'ATTACHMENTS_NOT_SUPPORTED',
    });
    const shortKey = await sendAs(h, 'recruiter', { body: 'hi', idempotencyKey: 'abc' });
    expect(shortKey.sendMessage).toMatchObject({ __typename: 'ValidationError', field: 'idempotencyKey' });
    const exactly = await sendAs(h, 'recruiter', { body: 'y'.repeat(1600) });
    expect(exactly.sendMessage).toMatchObject({ __typename: 'Message', segments: 11, encoding: 'GSM-7' });
    await h.tenant.client.request(UnassignSeatDocument, { userId: h.recruiter.user.id });
    expect((await sendAs(h, 'recruiter', { body: 'hi' })).sendMessage).toMatchObject({
      __typename: 'SendNotAllowedError',
      refusal: 'NO_SEAT',
    });
    expect(await messageCount(h)).toBe(1);
  });

  it('creates one message for 50 concurrent sends with the same key, and refuses the key for another body', async () => {
    const h = await setUpHiring(server);
    await optIn(h);
    const idempotencyKey = key();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => sendAs(h, 'recruiter', { body: 'Only once, please', idempotencyKey })),
    );
    const ids = new Set(
      results.map((r) => (r.sendMessage.__typename === 'Message' ? r.sendMessage.id : r.sendMessage.__typename)),
    );
    expect([...ids]).toHaveLength(1);
    expect([...ids][0]).not.toMatch(/Error/);
    const reused = await sendAs(h, 'recruiter', { body: 'Something else', idempotencyKey });
    expect(reused.sendMessage).toMatchObject({
      __typename: 'IdempotencyKeyReusedError',
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    await waitFor(async () => h.sentToCandidate().length === 1, 'the one send');
    await new Promise((r) => setTimeout(r, 300));
    expect(h.sentToCandidate()).toHaveLength(1);
    expect(await messageCount(h)).toBe(1);
  });

  it('moves status forward with signed callbacks and never back', async () => {
    const h = await setUpHiring(server);
    await optIn(h);
    const sent = await sendAs(h, 'recruiter', { body: 'Status please' });
    if (sent.sendMessage.__typename !== 'Message') throw new Error('send refused');
    const id = sent.sendMessage.id;
    const status = async () => (await h.conversation()).messages.edges.find((e) => e.node.id === id)?.node;
    await waitFor(async () => (await status())?.status === 'SENT', 'SENT');
    const twilioMessage = h.sentToCandidate()[0]!;
    expect((await server.twilio.reportStatus(twilioMessage, 'delivered')).status).toBe(200);
    expect(await status()).toMatchObject({ status: 'DELIVERED', deliveredAt: expect.any(String) });
    await server.twilio.reportStatus(twilioMessage, 'sent'); // late and out of order
    expect((await status())?.status).toBe('DELIVERED');
  });

  it('keeps DELIVERED when the callback beats the answer to the send call', async () => {
    const h = await setUpHiring(server);
    await optIn(h);
    server.twilio.holdResponses();
    let messageId = '';
    try {
      const sent = await sendAs(h, 'recruiter', { body: 'Race me' });
      if (sent.sendMessage.__typename !== 'Message') throw new Error('send refused');
      messageId = rawId(sent.sendMessage.id);
      const twilioMessage = await waitFor(async () => h.sentToCandidate()[0], 'Twilio to accept');
      expect((await server.twilio.reportStatus(twilioMessage, 'delivered')).status).toBe(200);
    } finally {
      server.twilio.release();
    }
    const prisma = server.app.services.prisma;
    await waitFor(
      async () => (await prisma.outboxEntry.findUnique({ where: { messageId } }))?.state === 'DONE',
      'the send call to return',
    );
    const [message] = (await h.conversation()).messages.edges;
    expect(message?.node.status).toBe('DELIVERED');
    expect(h.sentToCandidate()).toHaveLength(1);
  });

  it('shows an alert when the number is invalid, and retries transient failures', async () => {
    const h = await setUpHiring(server);
    await optIn(h);
    server.twilio.failNext(h.candidatePhone, {
      status: 400,
      code: 21211,
      message: "The 'To' number is not a valid phone number.",
    });
    const bad = await sendAs(h, 'recruiter', { body: 'Hello?' });
    if (bad.sendMessage.__typename !== 'Message') throw new Error('send refused');
    const failed = await waitFor(async () => {
      const m = (await h.conversation()).messages.edges[0]?.node;
      return m?.status === 'FAILED' ? m : null;
    }, 'FAILED');
    expect(failed).toMatchObject({ errorCode: 'INVALID_RECIPIENT', alert: { code: 'INVALID_RECIPIENT' } });
    expect(failed.alert?.message).toMatch(/phone number/);

    server.twilio.failNext(
      h.candidatePhone,
      { status: 503, code: 20503, message: 'busy' },
      { status: 429, code: 20429, message: 'slow down' },
    );
    const retried = await sendAs(h, 'recruiter', { body: 'Second try' });
    if (retried.sendMessage.__typename !== 'Message') throw new Error('send refused');
    await waitFor(async () => h.sentToCandidate().some((m) => m.body === 'Second try'), 'the retried send');
    expect(h.sentToCandidate().filter((m) => m.body === 'Second try')).toHaveLength(1);
  });

  it('marks the candidate opted out when the carrier says they unsubscribed', async () => {
    const h = await setUpHiring(server);
    await optIn(h);
    server.twilio.failNext(h.candidatePhone, {
      status: 400,
      code: 21610,
      message: 'Attempt to send to unsubscribed recipient',
    });
    await sendAs(h, 'recruiter', { body: 'Hello' });
    await waitFor(async () => (await h.smsLock())?.reason === 'OPTED_OUT', 'consent to follow the carrier');
    expect((await h.conversation()).candidate.consentHistory.at(-1)).toMatchObject({
      source: 'CARRIER',
      to: 'OPTED_OUT',
    });
  });
});
