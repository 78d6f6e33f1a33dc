import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddSendingNumberDocument,
  ArchiveConversationDocument,
  AssignNumberDocument,
  ConversationMessagesDocument,
  InboxDocument,
  type InboxFilter,
  MarkConversationReadDocument,
  NumberUsageDocument,
  SendMessageDocument,
  SetTenantTimeZoneDocument,
  SnoozeConversationDocument,
  TenantEventsDocument,
  type TenantEventsSubscription,
  UnarchiveConversationDocument,
  UpsertApplicationDocument,
  UpsertCandidateDocument,
  UpsertJobDocument,
} from '../../clients/generated/graphql.ts';
import type { ParleyClient, ParleyRequestError } from '../../clients/parley-client.ts';
import { encodeCursor } from '../events/cursor.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { type Hiring, setUpHiring, usNumber, waitFor } from '../test/messaging-fixture.ts';
import { optIn } from '../test/opted-in.ts';

type Client = ParleyClient;
type Row = NonNullable<Awaited<ReturnType<typeof inbox>>['edges'][number]['node']>;

async function inbox(client: Client, filter: InboxFilter = {}, first = 50, after: string | null = null) {
  return (await client.request(InboxDocument, { first, after, filter })).inbox;
}

async function inboxIds(client: Client, filter: InboxFilter = {}) {
  return (await inbox(client, filter)).edges.map((e) => e.node.id);
}

/** A candidate with one application (so their texts route to it), on `team`, for `jobExternalId`. */
async function addApplication(h: Hiring, name: string, team: string[], jobExternalId = 'job-1') {
  const externalId = `cand-${randomBytes(4).toString('hex')}`;
  const phone = usNumber();
  await h.tenant.client.request(UpsertCandidateDocument, { input: { externalId, name, phone } });
  const { upsertApplication } = await h.tenant.client.request(UpsertApplicationDocument, {
    input: {
      externalId: `app-${externalId}`,
      candidateExternalId: externalId,
      jobExternalId,
      hiringTeam: team,
      consent: { sms: true },
    },
  });
  if (upsertApplication.__typename !== 'Application' || !upsertApplication.conversation)
    throw new Error(JSON.stringify(upsertApplication));
  return { phone, conversationId: upsertApplication.conversation.id };
}

describe('the recruiter inbox', () => {
  let server: TestServer;
  let h: Hiring;
  let bob: { phone: string; conversationId: string };
  let carl: { phone: string; conversationId: string };
  let job2: string;

  const texts = async (from: string, body: string) => {
    const sent = await server.twilio.deliverInbound(`${server.publicUrl}/webhooks/twilio-sms/platform/inbound`, {
      from,
      to: h.sendingNumber,
      body,
    });
    if (sent.response.status !== 200) throw new Error(`inbound answered ${sent.response.status}`);
  };

  beforeAll(async () => {
    server = await startTestServer({ env: { OUTBOX_WORKER: 'off' } });
    h = await setUpHiring(server);
    const { upsertJob } = await h.tenant.client.request(UpsertJobDocument, {
      input: { externalId: 'job-2', title: 'Baker' },
    });
    if (upsertJob.__typename !== 'Job') throw new Error(JSON.stringify(upsertJob));
    job2 = upsertJob.id;
    bob = await addApplication(h, 'Bob Builder', [h.recruiter.user.id], 'job-2');
    carl = await addApplication(h, 'Carl 100%_Outsider', [h.outsider.user.id]);
    await h.candidateTexts('Hi from Cara');
    await texts(bob.phone, 'Hi from Bob');
    await texts(carl.phone, 'Hi from Carl');
  });
  afterAll(() => server?.stop());

  it('lists the conversations a recruiter may read, newest activity first, with the last message and unread count', async () => {
    const page = await inbox(h.recruiter.client);
    expect(page.edges.map((e) => e.node.id)).toEqual([bob.conversationId, h.conversationId]);
    const first = page.edges[0]?.node as Row;
    expect(first).toMatchObject({
      candidate: { name: 'Bob Builder' },
      unreadCount: 1,
      archived: false,
      snoozedUntil: null,
      lastMessage: { direction: 'INBOUND', body: 'Hi from Bob', senderName: 'Bob Builder' },
    });
    expect(first.locks.map((l) => l.channel)).toContain('SMS');
    expect(await inboxIds(h.outsider.client)).toEqual([carl.conversationId]);
    expect(await inboxIds(h.admin.client)).toEqual([carl.conversationId, bob.conversationId, h.conversationId]);
    expect(await inboxIds(h.tenant.client)).toEqual([carl.conversationId, bob.conversationId, h.conversationId]);
  });

  it('filters by job, channel, sending number and candidate name', async () => {
    expect(await inboxIds(h.admin.client, { jobId: job2 })).toEqual([bob.conversationId]);
    expect(await inboxIds(h.admin.client, { channel: 'WHATSAPP' })).toEqual([]);
    expect(await inboxIds(h.admin.client, { channel: 'SMS' })).toHaveLength(3);
    const { sendingNumbers } = await h.tenant.client.request(NumberUsageDocument, {});
    const used = sendingNumbers.find((n) => n.e164 === h.sendingNumber)?.id as string;
    const { addSendingNumber: other } = await server.operator.request(AddSendingNumberDocument, {
      tenantId: h.tenant.id,
      e164: usNumber(),
    });
    if (other.__typename !== 'SendingNumber') throw new Error(JSON.stringify(other));
    expect(await inboxIds(h.admin.client, { sendingNumberId: other.id })).toEqual([]);
    expect(await inboxIds(h.admin.client, { sendingNumberId: used })).toHaveLength(3);
    expect(await inboxIds(h.admin.client, { search: 'BUILD' })).toEqual([bob.conversationId]);
    expect(await inboxIds(h.admin.client, { search: 'cara' })).toEqual([h.conversationId]);
    expect(await inboxIds(h.admin.client, { search: '100%_' })).toEqual([carl.conversationId]);
    expect(await inboxIds(h.admin.client, { search: '%' })).toEqual([carl.conversationId]);
    expect(await inboxIds(h.admin.client, { search: 'nobody' })).toEqual([]);
    const long = await h.admin.client.request(InboxDocument, { filter: { search: 'x'.repeat(101) } }).catch((e) => e);
    expect(String(long)).toMatch(/search/);
  });

  it('filters the conversations I took part in', async () => {
    await optIn(h);
    const { sendMessage } = await h.recruiter.client.request(SendMessageDocument, {
      input: { conversationId: h.conversationId, channel: 'SMS', body: 'Hello Cara', idempotencyKey: 'inbox-mine-1' },
    });
    expect(sendMessage.__typename).toBe('Message');
    expect(await inboxIds(h.recruiter.client, { mine: true })).toEqual([h.conversationId]);
    expect(await inboxIds(h.admin.client, { mine: true })).toEqual([]);
    // The newest activity is now the recruiter's own message.
    const [top] = (await inbox(h.recruiter.client)).edges;
    expect(top?.node).toMatchObject({
      id: h.conversationId,
      lastMessage: { body: 'Hello Cara', direction: 'OUTBOUND' },
    });
  });

  it('marks read forward only, per user, and filters unread', async () => {
    const before = await inbox(h.recruiter.client, { unread: true });
    expect(before.edges.map((e) => e.node.id).sort()).toEqual([bob.conversationId, h.conversationId].sort());
    const newest = (await inbox(h.recruiter.client, { search: 'bob' })).edges[0]?.node.lastMessage?.id as string;
    await texts(bob.phone, 'Another from Bob');
    const bobRow = async (client: Client) => (await inbox(client, { search: 'bob' })).edges[0]?.node as Row | undefined;
    expect((await bobRow(h.recruiter.client))?.unreadCount).toBe(2);
    const latest = (await bobRow(h.recruiter.client))?.lastMessage?.id as string;

    const read = await h.recruiter.client.request(MarkConversationReadDocument, {
      conversationId: bob.conversationId,
      upTo: latest,
    });
    expect(read.markConversationRead).toMatchObject({ __typename: 'Conversation', unreadCount: 0, readUpTo: latest });
    // An older message does not move the marker back.
    const older = await h.recruiter.client.request(MarkConversationReadDocument, {
      conversationId: bob.conversationId,
      upTo: newest,
    });
    expect(older.markConversationRead).toMatchObject({ unreadCount: 0, readUpTo: latest });
    expect(await inboxIds(h.recruiter.client, { unread: true })).toEqual([h.conversationId]);
    // Per user: the admin still has it unread.
    expect((await bobRow(h.admin.client))?.unreadCount).toBe(2);

    const foreign = await h.recruiter.client.request(MarkConversationReadDocument, {
      conversationId: bob.conversationId,
      upTo: (await inbox(h.recruiter.client, { search: 'cara' })).edges[0]?.node.lastMessage?.id as string,
    });
    expect(foreign.markConversationRead).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION' });
    // A conversation id given as `upTo` (the same id as conversationId) is reported against `upTo`.
    const wrongKind = await h.recruiter.client.request(MarkConversationReadDocument, {
      conversationId: h.conversationId,
      upTo: h.conversationId,
    });
    expect(wrongKind.markConversationRead).toMatchObject({
      __typename: 'ValidationError',
      message: 'upTo: is not the id of a Message',
    });
    const notMine = await h.recruiter.client.request(MarkConversationReadDocument, {
      conversationId: carl.conversationId,
      upTo: latest,
    });
    expect(notMine.markConversationRead).toMatchObject({ __typename: 'NotFoundError' });
  });

  it('archives per user until unarchived or until the candidate writes again', async () => {
    const archived = await h.recruiter.client.request(ArchiveConversationDocument, {
      conversationId: bob.conversationId,
    });
    expect(archived.archiveConversation).toMatchObject({ __typename: 'Conversation', archived: true });
    expect(await inboxIds(h.recruiter.client)).toEqual([h.conversationId]);
    expect(await inboxIds(h.recruiter.client, { view: 'ARCHIVED' })).toEqual([bob.conversationId]);
    expect(await inboxIds(h.admin.client)).toContain(bob.conversationId);
    await h.recruiter.client.request(UnarchiveConversationDocument, { conversationId: bob.conversationId });
    expect(await inboxIds(h.recruiter.client)).toContain(bob.conversationId);

    await h.recruiter.client.request(ArchiveConversationDocument, { conversationId: bob.conversationId });
    expect(await inboxIds(h.recruiter.client)).not.toContain(bob.conversationId);
    await texts(bob.phone, 'Are you there?');
    expect(await inboxIds(h.recruiter.client)).toContain(bob.conversationId);
    expect(await inboxIds(h.recruiter.client, { view: 'ARCHIVED' })).toEqual([]);

    const byKey = await h.tenant.client.request(ArchiveConversationDocument, { conversationId: bob.conversationId });
    expect(byKey.archiveConversation).toMatchObject({ __typename: 'ValidationError' });
  });

  it('snoozes until the time passes or the candidate writes, whichever is first', async () => {
    const snooze = (until: Date) =>
      h.recruiter.client.request(SnoozeConversationDocument, {
        conversationId: bob.conversationId,
        until: until.toISOString(),
      });
    expect((await snooze(new Date(Date.now() - 1000))).snoozeConversation).toMatchObject({
      __typename: 'ValidationError',
    });
    expect((await snooze(new Date(Date.now() + 400 * 86_400_000))).snoozeConversation).toMatchObject({
      __typename: 'ValidationError',
    });

    const later = new Date(Date.now() + 3600_000);
    expect((await snooze(later)).snoozeConversation).toMatchObject({ snoozedUntil: later.toISOString() });
    expect(await inboxIds(h.recruiter.client)).not.toContain(bob.conversationId);
    expect(await inboxIds(h.recruiter.client, { view: 'SNOOZED' })).toEqual([bob.conversationId]);
    await texts(bob.phone, 'Ping');
    expect(await inboxIds(h.recruiter.client)).toContain(bob.conversationId);

    await snooze(new Date(Date.now() + 1500));
    expect(await inboxIds(h.recruiter.client)).not.toContain(bob.conversationId);
    await waitFor(async () => (await inboxIds(h.recruiter.client)).includes(bob.conversationId), 'snooze to pass');
  });

  it('pages a conversation’s messages both ways from a cursor, oldest first within a page', async () => {
    const all = async (args: { first?: number; last?: number; after?: string; before?: string }) => {
      const { conversation } = await h.admin.client.request(ConversationMessagesDocument, {
        id: bob.conversationId,
        ...args,
      });
      return conversation?.messages;
    };
    const everything = (await all({ last: 100 }))?.edges.map((e) => e.node.body) ?? [];
    expect(everything.length).toBeGreaterThanOrEqual(4);
    expect(everything[0]).toBe('Hi from Bob');
    const newest = await all({ last: 2 });
    expect(newest?.edges.map((e) => e.node.body)).toEqual(everything.slice(-2));
    expect(newest?.pageInfo.hasPreviousPage).toBe(true);
    const before = await all({ last: 2, before: newest?.pageInfo.startCursor as string });
    expect(before?.edges.map((e) => e.node.body)).toEqual(everything.slice(-4, -2));
    const oldest = await all({ first: 2 });
    expect(oldest?.edges.map((e) => e.node.body)).toEqual(everything.slice(0, 2));
    const next = await all({ first: 2, after: oldest?.edges[1]?.cursor as string });
    expect(next?.edges.map((e) => e.node.body)).toEqual(everything.slice(2, 4));
  });

  it('refuses a page size below 1 naming the argument, as the inbox does', async () => {
    const cases: [{ first?: number; last?: number }, string][] = [
      [{ first: -5 }, 'first: must be at least 1'],
      [{ last: -1 }, 'last: must be at least 1'],
      [{ first: 0 }, 'first: must be at least 1'],
    ];
    for (const [args, message] of cases) {
      const error = await h.admin.client
        .request(ConversationMessagesDocument, { id: bob.conversationId, ...args })
        .then(
          () => null,
          (e: ParleyRequestError) => e,
        );
      expect(error?.errors[0], JSON.stringify(args)).toMatchObject({
        message,
        extensions: { code: 'VALIDATION' },
      });
    }
  });

  it('pages with a cursor that stays valid while new messages arrive: no repeats, no skips', async () => {
    const more = [];
    for (const name of ['Dana', 'Eve', 'Finn', 'Gus']) more.push(await addApplication(h, name, [h.recruiter.user.id]));
    for (const c of more) await texts(c.phone, `Hi from ${c.conversationId}`);
    const all = await inboxIds(h.tenant.client);
    expect(all.length).toBeGreaterThanOrEqual(7);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await inbox(h.tenant.client, {}, 2, after);
      seen.push(...page.edges.map((e) => e.node.id));
      // A conversation already seen gets a new message: it moves to the top, not into a later page.
      if (after === null) await texts(more[2]?.phone as string, 'moving up');
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor ?? null;
    }
    expect(seen).toEqual(all);
    const bad = await h.tenant.client.request(InboxDocument, { after: 'nonsense' }).catch((e) => e);
    expect(String(bad)).toMatch(/cursor/);
  });
});

describe('read state on the number-assignment model', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { OUTBOX_WORKER: 'off' } });
  });
  afterAll(() => server?.stop());

  it('is shared by the assignees of the conversation’s number, and appends CONVERSATION_READ', async () => {
    const h = await setUpHiring(server);
    const { sendingNumbers } = await h.tenant.client.request(NumberUsageDocument, {});
    const numberId = sendingNumbers[0]?.id as string;
    const { updateTenantSettings } = await h.admin.client.request(SetTenantTimeZoneDocument, {
      timeZone: 'UTC',
      requireNumberAssignment: true,
    });
    expect(updateTenantSettings.__typename).toBe('Tenant');
    const second = await server.createUser(h.tenant, { name: 'Sam Second' });
    await h.tenant.client.request(UpsertApplicationDocument, {
      input: {
        externalId: `app-${h.candidateExternalId}`,
        candidateExternalId: h.candidateExternalId,
        jobExternalId: 'job-1',
        hiringTeam: [h.recruiter.user.id, second.user.id],
      },
    });
    for (const u of [h.recruiter, second]) {
      const { assignNumber } = await h.admin.client.request(AssignNumberDocument, { numberId, userId: u.user.id });
      expect(assignNumber.__typename).not.toMatch(/Error/);
    }
    await h.candidateTexts('Hello assignees');
    const row = async (c: Client) => (await inbox(c)).edges[0]?.node as Row | undefined;
    expect((await row(h.recruiter.client))?.unreadCount).toBe(1);
    expect((await row(second.client))?.unreadCount).toBe(1);

    const upTo = (await row(h.recruiter.client))?.lastMessage?.id as string;
    await h.recruiter.client.request(MarkConversationReadDocument, { conversationId: h.conversationId, upTo });
    expect((await row(second.client))?.unreadCount).toBe(0);
    expect(await inboxIds(second.client, { unread: true })).toEqual([]);

    const events: TenantEventsSubscription['tenantEvents'][] = [];
    const iterator = h.tenant.client.subscribe(TenantEventsDocument, { after: encodeCursor(0n) });
    await waitFor(async () => {
      const next = await iterator.next();
      if (!next.done) events.push(next.value.tenantEvents);
      return events.some((e) => e.type === 'CONVERSATION_READ');
    }, 'CONVERSATION_READ');
    await iterator.return?.();
    const read = events.find((e) => e.type === 'CONVERSATION_READ');
    expect(read).toMatchObject({ conversationId: h.conversationId, payload: { sendingNumberId: expect.any(String) } });
    expect(JSON.stringify(read?.payload)).not.toContain('Hello assignees');
  });

  it('appends CONVERSATION_INBOX_STATE_CHANGED for archive and snooze', async () => {
    const h = await setUpHiring(server);
    await h.candidateTexts('Hi');
    const { archiveConversation } = await h.recruiter.client.request(ArchiveConversationDocument, {
      conversationId: h.conversationId,
    });
    expect(archiveConversation.__typename).toBe('Conversation');
    const iterator = h.tenant.client.subscribe(TenantEventsDocument, { after: encodeCursor(0n) });
    const found = await waitFor(async () => {
      const next = await iterator.next();
      return !next.done && next.value.tenantEvents.type === 'CONVERSATION_INBOX_STATE_CHANGED'
        ? next.value.tenantEvents
        : null;
    }, 'CONVERSATION_INBOX_STATE_CHANGED');
    await iterator.return?.();
    expect(found).toMatchObject({
      conversationId: h.conversationId,
      payload: { userId: expect.stringMatching(/^[0-9a-f-]{36}$/), archived: true },
    });
  });
});
