import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConversationMessagesDocument,
  InboxDocument,
  type InboxFilter,
  MyNotificationsDocument,
  NumberUsageDocument,
  RecordEmailDocument,
  type RecordEmailInput,
  UpsertApplicationDocument,
  UpsertCandidateDocument,
} from '../../clients/generated/graphql.ts';
import type { ParleyClient } from '../../clients/parley-client.ts';
import { type FakeMetaApi, startFakeMetaApi } from '../../plugins/whatsapp/testing/fake-meta-api.ts';
import { rawId, startTestServer, type TestServer } from '../test/harness.ts';
import { type Hiring, setUpHiring, usNumber, waitFor } from '../test/messaging-fixture.ts';
import { addWhatsApp, withWhatsApp } from '../test/whatsapp-fixture.ts';

const MINUTE = 60_000;
let keys = 0;
const key = () => `record-email-${Date.now()}-${keys++}`;

const record = (client: ParleyClient, input: RecordEmailInput) =>
  client.request(RecordEmailDocument, { input }).then((r) => r.recordEmail);

const inboxRows = async (client: ParleyClient, filter: InboxFilter = {}) =>
  (await client.request(InboxDocument, { first: 50, filter })).inbox.edges.map((e) => e.node);

describe('recordEmail: emails the ATS records in a conversation', () => {
  let meta: FakeMetaApi;
  let server: TestServer;
  beforeAll(async () => {
    meta = await startFakeMetaApi();
    server = await startTestServer({ env: { ...withWhatsApp(meta), OUTBOX_WORKER: 'off' } });
  });
  afterAll(async () => {
    await server?.stop();
    await meta?.close();
  });

  it('shows recorded emails in the history and the inbox, appends MESSAGE_CREATED and notifies, without touching texting', async () => {
    const h = await setUpHiring(server, { consent: { texting: true } });
    const wa = await addWhatsApp(server, meta, h, ['SMS', 'WHATSAPP']);
    await h.candidateTexts('Hi, is the job still open?');
    const usage = async () =>
      (await h.tenant.client.request(NumberUsageDocument, {})).sendingNumbers.map((n) => [n.e164, n.usage]);
    const usageBefore = await usage();
    const windowBefore = (await wa.lock()).sessionWindow;
    expect(windowBefore?.lastInboundAt).toBeNull();

    const outbound = await record(h.tenant.client, {
      conversationId: h.conversationId,
      direction: 'OUTBOUND',
      subject: 'Your interview',
      body: 'Dear Cara,\n\ncould you come on Monday?',
      sentAt: new Date(Date.now() - 2 * MINUTE).toISOString(),
      authorId: h.recruiter.user.id,
    });
    if (outbound.__typename !== 'Message') throw new Error(JSON.stringify(outbound));
    expect(outbound).toMatchObject({
      __typename: 'Message',
      direction: 'OUTBOUND',
      channel: 'EMAIL',
      subject: 'Your interview',
      status: 'RECORDED',
    });
    const inbound = await record(h.tenant.client, {
      conversationId: h.conversationId,
      direction: 'INBOUND',
      subject: 'Re: Your interview',
      body: 'Monday works for me.',
      sentAt: new Date().toISOString(),
    });
    if (inbound.__typename !== 'Message') throw new Error(JSON.stringify(inbound));

    // History, in sent order: the outbound email was sent before the text arrived.
    const { conversation } = await h.recruiter.client.request(ConversationMessagesDocument, {
      id: h.conversationId,
      first: 50,
    });
    expect(conversation?.messages.edges.map((e) => [e.node.channel, e.node.direction, e.node.subject])).toEqual([
      ['EMAIL', 'OUTBOUND', 'Your interview'],
      ['SMS', 'INBOUND', null],
      ['EMAIL', 'INBOUND', 'Re: Your interview'],
    ]);
    expect(conversation?.messages.edges[0]?.node.author?.name).toBe('Rita Recruiter');

    // No texting fact moved: the WhatsApp window stays unopened, the numbers' usage is the same.
    expect((await wa.lock()).sessionWindow).toEqual(windowBefore);
    expect(await usage()).toEqual(usageBefore);

    // The inbox: the email is the last message, it counts as unread, the EMAIL filter selects it.
    const [row] = await inboxRows(h.recruiter.client, { channel: 'EMAIL' });
    expect(row).toMatchObject({
      id: h.conversationId,
      unreadCount: 2,
      lastMessage: { id: inbound.id, channel: 'EMAIL', subject: 'Re: Your interview', body: 'Monday works for me.' },
    });
    expect(await inboxRows(h.outsider.client, { channel: 'EMAIL' })).toEqual([]);
    const outsiderView = await h.outsider.client
      .request(ConversationMessagesDocument, { id: h.conversationId, first: 50 })
      .then((r) => r.conversation);
    expect(outsiderView).toBeNull();

    // Another conversation with only a text is not an EMAIL row, but is an SMS one.
    const other = await otherApplication(h);
    await server.twilio.deliverInbound(`${server.publicUrl}/webhooks/twilio-sms/platform/inbound`, {
      from: other.phone,
      to: h.sendingNumber,
      body: 'Hello',
    });
    await waitFor(async () => (await inboxRows(h.admin.client)).length === 2, 'the second row');
    expect((await inboxRows(h.admin.client, { channel: 'EMAIL' })).map((r) => r.id)).toEqual([h.conversationId]);
    expect((await inboxRows(h.admin.client, { channel: 'SMS' })).map((r) => r.id).sort()).toEqual(
      [h.conversationId, other.conversationId].sort(),
    );

    // MESSAGE_CREATED, committed with the message.
    const events = await server.app.services.prisma.event.findMany({
      where: { subjectId: { in: [rawId(outbound.id), rawId(inbound.id)] }, type: 'MESSAGE_CREATED' },
    });
    expect(events.map((e) => e.payload).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual([
      { channel: 'EMAIL', direction: 'INBOUND', kind: 'CHAT' },
      { channel: 'EMAIL', direction: 'OUTBOUND', kind: 'CHAT' },
    ]);

    // The candidate's email notifies the recruiter who wrote, with its subject.
    const note = await waitFor(async () => {
      const { viewer } = await h.recruiter.client.request(MyNotificationsDocument, {});
      return viewer?.notifications.edges.find((e) => e.node.message?.id === inbound.id)?.node;
    }, 'the CANDIDATE_REPLIED notification');
    expect(note).toMatchObject({ kind: 'CANDIDATE_REPLIED', text: 'Re: Your interview\n\nMonday works for me.' });
  });

  it('files an email recorded late at its sent time, without moving the conversation up the inbox', async () => {
    const h = await setUpHiring(server);
    const second = await otherApplication(h);
    await h.candidateTexts('First');
    await server.twilio.deliverInbound(`${server.publicUrl}/webhooks/twilio-sms/platform/inbound`, {
      from: second.phone,
      to: h.sendingNumber,
      body: 'Second',
    });
    const order = async () => (await inboxRows(h.admin.client)).map((r) => r.id);
    await waitFor(async () => (await order()).length === 2, 'two rows');
    expect(await order()).toEqual([second.conversationId, h.conversationId]);
    const old = await record(h.tenant.client, {
      conversationId: h.conversationId,
      direction: 'INBOUND',
      subject: 'Application',
      body: 'Sent last year',
      sentAt: '2025-03-01T09:00:00.000Z',
    });
    expect(old).toMatchObject({ __typename: 'Message', createdAt: '2025-03-01T09:00:00.000Z' });
    expect(await order()).toEqual([second.conversationId, h.conversationId]);
    const [row] = (await inboxRows(h.admin.client)).filter((r) => r.id === h.conversationId);
    expect(row?.lastMessage).toMatchObject({ channel: 'SMS', body: 'First' });
    const { conversation } = await h.admin.client.request(ConversationMessagesDocument, {
      id: h.conversationId,
      first: 10,
    });
    expect(conversation?.messages.edges.map((e) => e.node.body)).toEqual(['Sent last year', 'First']);
  });

  it('is idempotent per key: the same input returns the first message, other input is refused', async () => {
    const h = await setUpHiring(server);
    const input = {
      conversationId: h.conversationId,
      direction: 'OUTBOUND' as const,
      subject: 'Offer',
      body: 'We are happy to offer you the job.',
      sentAt: new Date(Date.now() - MINUTE).toISOString(),
      idempotencyKey: key(),
    };
    const first = await record(h.tenant.client, input);
    const again = await record(h.tenant.client, input);
    expect(first.__typename).toBe('Message');
    expect(again).toEqual(first);
    const changed = await record(h.tenant.client, { ...input, body: 'Another body' });
    expect(changed).toMatchObject({ __typename: 'IdempotencyKeyReusedError', code: 'IDEMPOTENCY_KEY_REUSED' });
    const { conversation } = await h.admin.client.request(ConversationMessagesDocument, {
      id: h.conversationId,
      first: 10,
    });
    expect(conversation?.messages.edges).toHaveLength(1);
  });

  it('refuses bad input with typed errors, other tenants’ records and recruiters', async () => {
    const h = await setUpHiring(server);
    const elsewhere = await setUpHiring(server);
    const valid: RecordEmailInput = {
      conversationId: h.conversationId,
      direction: 'INBOUND',
      subject: 'Hello',
      body: 'Text',
      sentAt: new Date().toISOString(),
    };
    const refused = async (input: Partial<RecordEmailInput>, client = h.tenant.client) =>
      (await record(client, { ...valid, ...input })) as { __typename: string; field?: string };
    expect(await refused({ conversationId: elsewhere.conversationId })).toMatchObject({
      __typename: 'NotFoundError',
    });
    expect(await refused({ authorId: elsewhere.recruiter.user.id })).toMatchObject({ __typename: 'NotFoundError' });
    expect(await refused({ subject: 'x'.repeat(999) })).toMatchObject({
      __typename: 'ValidationError',
      field: 'subject',
    });
    expect(await refused({ subject: 'Two\r\nlines' })).toMatchObject({
      __typename: 'ValidationError',
      field: 'subject',
    });
    expect(await refused({ body: 'x'.repeat(100_001) })).toMatchObject({
      __typename: 'ValidationError',
      field: 'body',
    });
    expect(await refused({ sentAt: new Date(Date.now() + 60 * MINUTE).toISOString() })).toMatchObject({
      __typename: 'ValidationError',
      field: 'sentAt',
    });
    expect(await refused({ sentAt: '1999-12-31T23:00:00.000Z' })).toMatchObject({
      __typename: 'ValidationError',
      field: 'sentAt',
    });
    expect(await refused({ idempotencyKey: 'short' })).toMatchObject({
      __typename: 'ValidationError',
      field: 'idempotencyKey',
    });
    expect(await refused({}, h.recruiter.client)).toMatchObject({ __typename: 'NotAuthorizedError' });
    expect(await refused({}, h.admin.client)).toMatchObject({ __typename: 'NotAuthorizedError' });
    // The limits themselves are accepted.
    expect(await refused({ subject: 'x'.repeat(998), body: 'y'.repeat(100_000) })).toMatchObject({
      __typename: 'Message',
    });
    const { conversation } = await elsewhere.admin.client.request(ConversationMessagesDocument, {
      id: elsewhere.conversationId,
      first: 10,
    });
    expect(conversation?.messages.edges).toEqual([]);
  });

  it('cannot send, enable, route or lock on EMAIL: the sending enum has no EMAIL', async () => {
    const h = await setUpHiring(server);
    const schema = await server.post(
      {
        query: `{ channel: __type(name: "Channel") { enumValues { name } }
          messageChannel: __type(name: "MessageChannel") { enumValues { name } }
          send: __type(name: "SendMessageInput") { inputFields { name type { name ofType { name } } } } }`,
      },
      { authorization: `Bearer ${h.tenant.apiKey}` },
    );
    expect(schema.body.data.channel.enumValues.map((v: { name: string }) => v.name)).toEqual(['SMS', 'WHATSAPP']);
    expect(schema.body.data.messageChannel.enumValues.map((v: { name: string }) => v.name).sort()).toEqual([
      'EMAIL',
      'SMS',
      'WHATSAPP',
    ]);
    const channelField = schema.body.data.send.inputFields.find((f: { name: string }) => f.name === 'channel');
    expect(channelField.type.ofType.name).toBe('Channel');
    const attempts = [
      `mutation { sendMessage(input: { conversationId: "${h.conversationId}", channel: EMAIL, body: "x", idempotencyKey: "email-send-1" }) { __typename } }`,
      'mutation { updateTenantSettings(input: { enabledChannels: [SMS, EMAIL] }) { __typename } }',
      `mutation { addSendingNumber(tenantId: "${h.tenant.id}", e164: "${usNumber()}", channel: EMAIL) { __typename } }`,
    ];
    for (const query of attempts) {
      const answer = await server.post({ query }, { authorization: `Bearer ${h.tenant.apiKey}` });
      expect(answer.body.errors?.[0]?.message).toMatch(/EMAIL/);
      expect(answer.body.data ?? null).toBeNull();
    }
  });
});

/** A second candidate with an application on the recruiter's team, so their texts route to it. */
async function otherApplication(h: Hiring) {
  const externalId = `cand-other-${keys++}-${Date.now()}`;
  const phone = usNumber();
  await h.tenant.client.request(UpsertCandidateDocument, { input: { externalId, name: 'Oscar Other', phone } });
  const { upsertApplication } = await h.tenant.client.request(UpsertApplicationDocument, {
    input: {
      externalId: `app-${externalId}`,
      candidateExternalId: externalId,
      jobExternalId: 'job-1',
      hiringTeam: [h.recruiter.user.id],
      consent: { sms: true },
    },
  });
  if (upsertApplication.__typename !== 'Application' || !upsertApplication.conversation)
    throw new Error(JSON.stringify(upsertApplication));
  return { phone, conversationId: upsertApplication.conversation.id };
}
