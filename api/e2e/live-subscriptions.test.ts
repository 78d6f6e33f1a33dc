import { encodeGlobalID } from '@pothos/plugin-relay';
import { createClient } from 'graphql-ws';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  ArchiveConversationDocument,
  AssignNumberDocument,
  ConversationUpdatedDocument,
  CreateApiKeyDocument,
  InboxUpdatedDocument,
  MarkConversationReadDocument,
  MarkNotificationsReadDocument,
  NotificationReceivedDocument,
  NumberUsageDocument,
  RevokeApiKeyDocument,
  SendMessageDocument,
  SetTenantTimeZoneDocument,
  UnassignNumberDocument,
  UpdateUserDocument,
  UpsertApplicationDocument,
  UpsertCommunityDocument,
} from '../../clients/generated/graphql.ts';
import { createParleyClient } from '../../clients/parley-client.ts';
import { appendEvents } from '../events/append.ts';
import { encodeCursor } from '../events/cursor.ts';
import { testMode } from '../test/databases.ts';
import { rawId, startTestServer, type TestServer } from '../test/harness.ts';
import { lastCursor, reader, setHiringTeam, wsReader } from '../test/live-fixture.ts';
import { setUpHiring, waitFor } from '../test/messaging-fixture.ts';
import { optIn } from '../test/opted-in.ts';
import { type SpawnedService, spawnService } from '../test/spawn-service.ts';
import { openSse } from '../test/sse.ts';

const conversationSse = (id: string, after: string) =>
  `subscription { conversationUpdated(id: "${id}", after: "${after}") { cursor type message { body direction } conversation { id } } }`;
const inboxSse = (after: string) =>
  `subscription { inboxUpdated(after: "${after}") { cursor type conversationId conversation { id } } }`;

/** The code of a refused subscription, whether graphql-ws sent it as an error or as a result with errors. */
async function refusal(first: Promise<unknown>) {
  const error = await first.then(
    () => null,
    (e: unknown) => e,
  );
  const errors = Array.isArray(error) ? error : (error as { errors?: unknown[] })?.errors;
  return errors?.[0] as { message: string; extensions?: { code?: string; oldestCursor?: string } } | undefined;
}

describe('live subscriptions for recruiters', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.stop());

  it('delivers a candidate reply to a recruiter on the team, on conversationUpdated and inboxUpdated, over graphql-ws and SSE', async () => {
    const h = await setUpHiring(server);
    const other = await setUpHiring(server); // another tenant, texting at the same time
    const after = await lastCursor(server, h.tenant);
    const conversation = wsReader(
      h.recruiter.client.subscribe(ConversationUpdatedDocument, { id: h.conversationId, after }),
    );
    const inbox = wsReader(h.recruiter.client.subscribe(InboxUpdatedDocument, { after }));
    const sseConversation = await openSse(
      server.url,
      conversationSse(h.conversationId, after),
      `Bearer ${h.recruiter.token}`,
    );
    const sseInbox = await openSse(server.url, inboxSse(after), `Bearer ${h.recruiter.token}`);
    expect(sseConversation.status).toBe(200);

    await other.candidateTexts('Not for Acme');
    await h.candidateTexts('Yes, I am interested');

    const update = (await conversation.next()).conversationUpdated;
    expect(update).toMatchObject({
      type: 'MESSAGE_CREATED',
      message: { body: 'Yes, I am interested', direction: 'INBOUND' },
      conversation: { id: h.conversationId },
    });
    const row = (await inbox.next()).inboxUpdated;
    expect(row).toMatchObject({ type: 'MESSAGE_CREATED', conversationId: h.conversationId });
    expect(row.conversation?.id).toBe(h.conversationId);
    expect((await reader(sseConversation.next).next()).data?.conversationUpdated).toMatchObject({
      type: 'MESSAGE_CREATED',
      message: { body: 'Yes, I am interested' },
    });
    expect((await reader(sseInbox.next).next()).data?.inboxUpdated).toMatchObject({
      conversationId: h.conversationId,
    });
    sseConversation.close();
    sseInbox.close();
    await conversation.close();
    await inbox.close();
  });

  it('answers a recruiter off the team as for a missing conversation, and delivers nothing of it', async () => {
    const h = await setUpHiring(server);
    const after = await lastCursor(server, h.tenant);
    const offTeam = await refusal(
      h.outsider.client.subscribe(ConversationUpdatedDocument, { id: h.conversationId, after }).next(),
    );
    const missingId = encodeGlobalID('Conversation', uuidv7());
    const missing = await refusal(h.outsider.client.subscribe(ConversationUpdatedDocument, { id: missingId }).next());
    expect(offTeam?.extensions?.code).toBe('NOT_FOUND');
    expect(missing?.extensions?.code).toBe('NOT_FOUND');
    expect(offTeam?.message.replace(h.conversationId, 'ID')).toBe(missing?.message.replace(missingId, 'ID'));

    // The outsider's inbox: the candidate's reply never arrives; a conversation they are put on next does.
    const inbox = wsReader(h.outsider.client.subscribe(InboxUpdatedDocument, { after }));
    await h.candidateTexts('Only for the team');
    const { upsertApplication: second } = await h.tenant.client.request(UpsertApplicationDocument, {
      input: {
        externalId: `second-${h.candidateExternalId}`,
        candidateExternalId: h.candidateExternalId,
        jobExternalId: 'job-1',
        hiringTeam: [h.outsider.user.id],
      },
    });
    if (second.__typename !== 'Application') throw new Error(JSON.stringify(second));
    const first = (await inbox.next()).inboxUpdated;
    expect(first).toMatchObject({ type: 'HIRING_TEAM_CHANGED', conversationId: second.conversation?.id });
    await inbox.close();
  });

  it('stops delivering at the next event once the recruiter leaves the hiring team, and resumes when re-added', async () => {
    const h = await setUpHiring(server);
    const after = await lastCursor(server, h.tenant);
    const conversation = wsReader(
      h.recruiter.client.subscribe(ConversationUpdatedDocument, { id: h.conversationId, after }),
    );
    const sseInbox = await openSse(server.url, inboxSse(after), `Bearer ${h.recruiter.token}`);
    const inbox = reader(sseInbox.next);

    await h.candidateTexts('one');
    expect((await conversation.next()).conversationUpdated.message?.body).toBe('one');
    expect((await inbox.next()).data?.inboxUpdated.type).toBe('MESSAGE_CREATED');

    await setHiringTeam(h, [h.outsider.user.id]);
    await h.candidateTexts('two');
    // A sentinel after 'two' in the log: the recruiter is put on another application's team. Once its row
    // arrives, 'two' has been checked (while the recruiter was off the team) and was not delivered.
    const { upsertApplication: sentinel } = await h.tenant.client.request(UpsertApplicationDocument, {
      input: {
        externalId: `sentinel-${h.candidateExternalId}`,
        candidateExternalId: h.candidateExternalId,
        jobExternalId: 'job-1',
        hiringTeam: [h.recruiter.user.id],
      },
    });
    if (sentinel.__typename !== 'Application') throw new Error(JSON.stringify(sentinel));
    expect((await inbox.next()).data?.inboxUpdated).toMatchObject({
      type: 'HIRING_TEAM_CHANGED',
      conversationId: sentinel.conversation?.id,
    });
    await new Promise((r) => setTimeout(r, 300)); // the conversation's own stream, beside it
    await setHiringTeam(h, [h.recruiter.user.id]);
    await h.candidateTexts('three');

    // Same sockets, no reconnect: 'two' (sent while off the team) never arrives.
    expect((await conversation.next()).conversationUpdated.message?.body).toBe('three');
    const rows = await inbox.until((r) => r.data?.inboxUpdated.type === 'MESSAGE_CREATED');
    expect(rows.map((r) => r.data?.inboxUpdated)).toMatchObject([
      { type: 'HIRING_TEAM_CHANGED', conversationId: h.conversationId },
      { type: 'MESSAGE_CREATED', conversationId: h.conversationId },
    ]);
    const bodies = await server.app.services.prisma.message.findMany({
      where: { conversationId: rawId(h.conversationId) },
      orderBy: { id: 'asc' },
      select: { body: true },
    });
    expect(bodies.map((m) => m.body)).toEqual(['one', 'two', 'three']); // 'two' was stored, just not delivered
    sseInbox.close();
    await conversation.close();
  });

  it('replays exactly what was missed, in order, after a reconnect with `after`', async () => {
    const h = await setUpHiring(server);
    const start = await lastCursor(server, h.tenant);
    const first = wsReader(
      h.recruiter.client.subscribe(ConversationUpdatedDocument, { id: h.conversationId, after: start }),
    );
    await h.candidateTexts('before the drop');
    const seen = (await first.next()).conversationUpdated;
    await first.close();

    for (const body of ['missed 1', 'missed 2', 'missed 3']) await h.candidateTexts(body);
    const again = wsReader(
      h.recruiter.client.subscribe(ConversationUpdatedDocument, { id: h.conversationId, after: seen.cursor }),
    );
    const replayed = [];
    for (let i = 0; i < 3; i++) replayed.push((await again.next()).conversationUpdated);
    expect(replayed.map((u) => u.message?.body)).toEqual(['missed 1', 'missed 2', 'missed 3']);
    await h.candidateTexts('live again');
    expect((await again.next()).conversationUpdated.message?.body).toBe('live again');
    await again.close();

    // A cursor older than what the log keeps: CURSOR_EXPIRED, with the oldest cursor to resume from.
    const prisma = server.app.services.prisma;
    await prisma.event.updateMany({
      where: { tenantId: rawId(h.tenant.id), position: { lte: 2 } },
      data: { createdAt: new Date(Date.now() - 400 * 86_400_000) },
    });
    await server.app.services.relay.prune();
    const expired = await refusal(
      h.recruiter.client.subscribe(InboxUpdatedDocument, { after: encodeCursor(1n) }).next(),
    );
    expect(expired?.extensions).toMatchObject({ code: 'CURSOR_EXPIRED', oldestCursor: encodeCursor(2n) });

    const bad = await refusal(
      h.recruiter.client.subscribe(ConversationUpdatedDocument, { id: h.conversationId, after: 'nope' }).next(),
    );
    expect(bad?.extensions?.code).toBe('VALIDATION');
  });

  it('shows a STOP as a lock change on conversationUpdated', async () => {
    const h = await setUpHiring(server);
    const after = await lastCursor(server, h.tenant);
    const conversation = wsReader(
      h.recruiter.client.subscribe(ConversationUpdatedDocument, { id: h.conversationId, after }),
    );
    const partner = wsReader(h.tenant.client.subscribe(ConversationUpdatedDocument, { id: h.conversationId, after }));
    await h.candidateTexts('STOP');
    for (const watcher of [conversation, partner]) {
      const updates = await watcher.until((u) => u.conversationUpdated.type === 'CONSENT_CHANGED');
      const sms = updates.at(-1)?.conversationUpdated.conversation?.locks.find((l) => l.channel === 'SMS');
      expect(sms).toMatchObject({ locked: true, consent: 'OPTED_OUT' });
    }
    await conversation.close();
    await partner.close();
  });

  it('delivers only the subscriber’s own notifications, with the unread count, and read events across tabs', async () => {
    const h = await setUpHiring(server);
    const after = await lastCursor(server, h.tenant);
    const bell = wsReader(h.recruiter.client.subscribe(NotificationReceivedDocument, { after }));
    const otherTab = await openSse(
      server.url,
      `subscription { notificationReceived(after: "${after}") { type unreadCount notification { text } } }`,
      `Bearer ${h.recruiter.token}`,
    );
    // Someone else's notification first (stored as the notifier stores one): it must not arrive.
    const prisma = server.app.services.prisma;
    const tenantId = rawId(h.tenant.id);
    const otto = rawId(h.outsider.user.id);
    await prisma.$transaction(async (tx) => {
      const n = await tx.notification.create({
        data: { tenantId, userId: otto, kind: 'CREDITS_LOW', text: 'for Otto', payload: {} },
      });
      await appendEvents(tx, tenantId, [
        { type: 'NOTIFICATION_CREATED', subjectId: n.id, payload: { userId: otto, kind: 'CREDITS_LOW' } },
      ]);
    });
    server.app.services.relay.wake();
    // The candidate's reply notifies the hiring team (nobody wrote yet), through the notifier.
    await h.candidateTexts('Is the job still open?');

    const mine = (await bell.next()).notificationReceived;
    expect(mine).toMatchObject({
      type: 'NOTIFICATION_CREATED',
      unreadCount: 1,
      notification: { kind: 'CANDIDATE_REPLIED', text: 'Is the job still open?' },
    });
    expect((await reader(otherTab.next).next()).data?.notificationReceived).toMatchObject({
      notification: { text: 'Is the job still open?' },
    });
    await h.recruiter.client.request(MarkNotificationsReadDocument, {});
    expect((await bell.next()).notificationReceived).toMatchObject({
      type: 'NOTIFICATIONS_READ',
      unreadCount: 0,
      notification: null,
    });
    expect((await reader(otherTab.next).next()).data?.notificationReceived).toMatchObject({ unreadCount: 0 });
    otherTab.close();
    await bell.close();

    const refused = await refusal(h.tenant.client.subscribe(NotificationReceivedDocument, {}).next());
    expect(refused?.extensions?.code).toBe('NOT_AUTHORIZED');
  });

  it('shows a user their own read marker and archive on inboxUpdated, never a teammate’s', async () => {
    const h = await setUpHiring(server);
    await setHiringTeam(h, [h.recruiter.user.id, h.outsider.user.id]);
    const after = await lastCursor(server, h.tenant);
    const rita = wsReader(h.recruiter.client.subscribe(InboxUpdatedDocument, { after }));
    const otto = wsReader(h.outsider.client.subscribe(InboxUpdatedDocument, { after }));
    await h.candidateTexts('ping');
    const ping = (await rita.next()).inboxUpdated;
    expect(ping.conversation).toMatchObject({ unreadCount: 1, lastMessage: { body: 'ping' } });
    const upTo = ping.conversation?.lastMessage?.id as string;
    await h.recruiter.client.request(MarkConversationReadDocument, { conversationId: h.conversationId, upTo });
    const read = (await rita.next()).inboxUpdated;
    expect(read).toMatchObject({ type: 'CONVERSATION_READ', conversation: { unreadCount: 0 } });
    await h.outsider.client.request(ArchiveConversationDocument, { conversationId: h.conversationId });
    const ottoFirst = await otto.until((u) => u.inboxUpdated.type === 'CONVERSATION_INBOX_STATE_CHANGED');
    expect(ottoFirst.map((u) => u.inboxUpdated.type)).toEqual(['MESSAGE_CREATED', 'CONVERSATION_INBOX_STATE_CHANGED']);
    expect(ottoFirst[1]?.inboxUpdated.conversation?.archived).toBe(true);
    await h.candidateTexts('pong');

    // Otto's archive came in between: Rita's next row is the reply.
    expect((await rita.next()).inboxUpdated.type).toBe('MESSAGE_CREATED');
    expect((await otto.next()).inboxUpdated.type).toBe('MESSAGE_CREATED');
    await rita.close();
    await otto.close();
  });

  it('on the number-assignment model, shares read markers per number, stops at unassignment and resumes', async () => {
    const h = await setUpHiring(server);
    await optIn(h);
    await setHiringTeam(h, [h.recruiter.user.id, h.outsider.user.id]);
    const { sendingNumbers } = await h.tenant.client.request(NumberUsageDocument, {});
    const numberId = sendingNumbers[0]?.id as string;
    await h.admin.client.request(SetTenantTimeZoneDocument, { timeZone: 'UTC', requireNumberAssignment: true });
    for (const u of [h.recruiter, h.outsider])
      await h.admin.client.request(AssignNumberDocument, { numberId, userId: u.user.id });
    const after = await lastCursor(server, h.tenant);
    const otto = wsReader(h.outsider.client.subscribe(ConversationUpdatedDocument, { id: h.conversationId, after }));

    await h.candidateTexts('a');
    const first = (await otto.next()).conversationUpdated;
    expect(first).toMatchObject({ type: 'MESSAGE_CREATED', message: { body: 'a' }, conversation: { unreadCount: 1 } });
    // Rita reads it: the marker is the number's, so Otto's view clears too.
    await h.recruiter.client.request(MarkConversationReadDocument, {
      conversationId: h.conversationId,
      upTo: first.message?.id as string,
    });
    expect((await otto.next()).conversationUpdated).toMatchObject({
      type: 'CONVERSATION_READ',
      conversation: { unreadCount: 0 },
    });

    await h.admin.client.request(UnassignNumberDocument, { numberId, userId: h.outsider.user.id });
    await h.candidateTexts('b');
    await lastCursor(server, h.tenant); // 'b' has its place in the log …
    await new Promise((r) => setTimeout(r, 500)); // … and Otto's stream has checked it, unassigned
    await h.admin.client.request(AssignNumberDocument, { numberId, userId: h.outsider.user.id });
    await h.candidateTexts('c');
    expect((await otto.next()).conversationUpdated.message?.body).toBe('c');
    await otto.close();
  });

  it('closes a deactivated user’s socket (inboxUpdated) and SSE stream (conversationUpdated)', async () => {
    const h = await setUpHiring(server);
    const after = await lastCursor(server, h.tenant);
    let closedWith: number | null = null;
    const socket = createClient({
      url: server.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${h.recruiter.token}` },
      retryAttempts: 0,
      on: {
        closed: (e) => {
          closedWith = (e as { code: number }).code;
        },
      },
    });
    const got: unknown[] = [];
    socket.subscribe(
      { query: `subscription { inboxUpdated(after: "${after}") { type } }` },
      { next: (v) => void got.push(v), error: () => {}, complete: () => {} },
    );
    const sse = await openSse(server.url, conversationSse(h.conversationId, after), `Bearer ${h.recruiter.token}`);
    await h.candidateTexts('hello');
    await waitFor(async () => got.length > 0, 'the socket’s first update');
    expect((await reader(sse.next).next()).data?.conversationUpdated.type).toBe('MESSAGE_CREATED');

    await h.tenant.client.request(UpdateUserDocument, { input: { id: h.recruiter.user.id, deactivated: true } });
    await waitFor(async () => closedWith, 'the socket to close');
    expect(closedWith).toBe(4403);
    expect(await sse.next()).toBeNull();
    await socket.dispose();
  });
  it('closes a revoked key’s socket carrying conversationUpdated (partner backends read every conversation)', async () => {
    const h = await setUpHiring(server);
    const after = await lastCursor(server, h.tenant);
    const { createApiKey } = await h.tenant.client.request(CreateApiKeyDocument, { name: 'partner' });
    if (createApiKey.__typename !== 'CreatedApiKey') throw new Error(JSON.stringify(createApiKey));
    let closedWith: number | null = null;
    const socket = createClient({
      url: server.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${createApiKey.secret}` },
      retryAttempts: 0,
      on: {
        closed: (e) => {
          closedWith = (e as { code: number }).code;
        },
      },
    });
    const got: { data?: { conversationUpdated?: { type: string } } }[] = [];
    socket.subscribe(
      { query: `subscription { conversationUpdated(id: "${h.conversationId}", after: "${after}") { type } }` },
      { next: (v) => void got.push(v as never), error: () => {}, complete: () => {} },
    );
    await h.candidateTexts('for the partner too');
    await waitFor(async () => got.length > 0, 'the key’s first update');
    expect(got[0]?.data?.conversationUpdated?.type).toBe('MESSAGE_CREATED');
    await h.tenant.client.request(RevokeApiKeyDocument, { id: createApiKey.apiKey.id });
    await waitFor(async () => closedWith, 'the socket to close');
    expect(closedWith).toBe(4403);
    await socket.dispose();
  });

  it('records a hiring- or community-team change as an event, and no event when the team is the same', async () => {
    const h = await setUpHiring(server);
    const prisma = server.app.services.prisma;
    const count = (type: 'HIRING_TEAM_CHANGED' | 'COMMUNITY_TEAM_CHANGED') =>
      prisma.event.count({ where: { tenantId: rawId(h.tenant.id), type } });
    const hiring = await count('HIRING_TEAM_CHANGED');
    await setHiringTeam(h, [h.recruiter.user.id]);
    expect(await count('HIRING_TEAM_CHANGED')).toBe(hiring);
    await setHiringTeam(h, [h.recruiter.user.id, h.outsider.user.id]);
    expect(await count('HIRING_TEAM_CHANGED')).toBe(hiring + 1);

    const community = (teamUserIds: string[]) =>
      h.tenant.client.request(UpsertCommunityDocument, {
        input: { externalId: 'talent', name: 'Talent', team: teamUserIds },
      });
    await community([h.recruiter.user.id]);
    expect(await count('COMMUNITY_TEAM_CHANGED')).toBe(1);
    await community([h.recruiter.user.id]);
    expect(await count('COMMUNITY_TEAM_CHANGED')).toBe(1);
    await community([]);
    expect(await count('COMMUNITY_TEAM_CHANGED')).toBe(2);
  });
});

describe.runIf(testMode === 'postgres')('live subscriptions across two service processes (Redis)', () => {
  let server: TestServer;
  let other: SpawnedService | null = null;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await other?.stop();
    await server?.stop();
  });

  it('delivers a message sent through this process to a recruiter subscribed on another process', async () => {
    const h = await setUpHiring(server);
    await optIn(h);
    other = spawnService({
      ...server.database.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      DEMO_TENANT: 'off',
      CHANNEL_CREDENTIALS_KEYS: `test:${Buffer.alloc(32, 7).toString('base64')}`,
    });
    const port = (await other.waitFor(/"port":(\d+),"msg":"listening"/))[1] as string;
    const url = `http://127.0.0.1:${port}/graphql`;
    const after = await lastCursor(server, h.tenant);
    const onB = createParleyClient({ url, credential: h.recruiter.token, webSocketImpl: WebSocket });
    try {
      const conversation = wsReader(onB.subscribe(ConversationUpdatedDocument, { id: h.conversationId, after }));
      const inbox = wsReader(onB.subscribe(InboxUpdatedDocument, { after }));
      // Let both go live on process B, so what follows arrives through Redis, not the replay.
      await new Promise((r) => setTimeout(r, 1_500));
      const sentAt = Date.now();
      const sent = await h.recruiter.client.request(SendMessageDocument, {
        input: {
          conversationId: h.conversationId,
          channel: 'SMS',
          idempotencyKey: `live-${Date.now()}`,
          body: 'Across processes',
        },
      });
      expect(sent.sendMessage.__typename).toBe('Message');
      const update = await conversation.until((u) => u.conversationUpdated.type === 'MESSAGE_CREATED');
      expect(update.at(-1)?.conversationUpdated.message).toMatchObject({
        body: 'Across processes',
        direction: 'OUTBOUND',
      });
      // Well before process B's idle look at the log (15 s): the publication came through Redis.
      expect(Date.now() - sentAt).toBeLessThan(10_000);
      const rows = await inbox.until((u) => u.inboxUpdated.type === 'MESSAGE_CREATED');
      expect(rows.at(-1)?.inboxUpdated.conversationId).toBe(h.conversationId);
      await conversation.close();
      await inbox.close();
    } finally {
      await onB.close();
    }
  }, 120_000);
});
