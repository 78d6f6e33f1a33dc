import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AllowPlatformAccountDocument,
  AssignSeatDocument,
  BuySeatsDocument,
  CancelScheduledMessageDocument,
  CreateApiKeyDocument,
  CreateChannelAccountDocument,
  CreateUserDocument,
  EventCursorDocument,
  NumberUsageDocument,
  ReassignSeatDocument,
  RevokeApiKeyDocument,
  ScheduleMessageDocument,
  SendMessageDocument,
  SetLowCreditThresholdDocument,
  SetNumberAllowanceDocument,
  TenantEventsDocument,
  type TenantEventsSubscription,
  UnassignSeatDocument,
  UpdateChannelAccountCredentialsDocument,
  UpdateTenantSettingsDocument,
  UpdateUserDocument,
} from '../../clients/generated/graphql.ts';
import type { ParleyClient } from '../../clients/parley-client.ts';
import { appendEvents } from '../events/append.ts';
import { encodeCursor } from '../events/cursor.ts';
import { testMode } from '../test/databases.ts';
import { eventPayloadLeaks } from '../test/event-payload-scan.ts';
import { rawId, startTestServer, type TestServer, type TestTenant } from '../test/harness.ts';
import { setUpHiring, usNumber, waitFor } from '../test/messaging-fixture.ts';
import { optIn } from '../test/opted-in.ts';

type Received = TenantEventsSubscription['tenantEvents'];

/** Subscribes with `after` and collects events until `until` says stop; then unsubscribes. */
async function collect(client: ParleyClient, after: string | null, until: (events: Received[]) => boolean) {
  const events: Received[] = [];
  const iterator = client.subscribe(TenantEventsDocument, { after });
  const deadline = Date.now() + 20_000;
  while (!until(events)) {
    const next = await Promise.race([
      iterator.next(),
      new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), deadline - Date.now())),
    ]);
    if (next === 'late')
      throw new Error(`timed out after ${events.length} events: ${events.map((e) => e.type).join(', ')}`);
    if (next.done) break;
    events.push(next.value.tenantEvents);
  }
  await iterator.return?.();
  return events;
}

const positionOf = (cursor: string) => Number(Buffer.from(cursor, 'base64url').toString().split(':')[1]);

function expectGapless(events: Received[], from: number) {
  expect(events.map((e) => positionOf(e.cursor))).toEqual(events.map((_, i) => from + i + 1));
}

describe('the event log', () => {
  let server: TestServer;
  let tenant: TestTenant;
  beforeAll(async () => {
    server = await startTestServer();
    tenant = await server.createTenant('Loggers');
  });
  afterAll(() => server?.stop());

  const createUser = (name: string) =>
    tenant.client.request(CreateUserDocument, { input: { name, email: `${name}@example.com` } });

  it('records every documented event type, with its subject, in the order things happened', async () => {
    const start = encodeCursor(0n);
    const { createUser: user } = await createUser('logged-user');
    if (user.__typename !== 'User') throw new Error('createUser failed');
    await tenant.client.request(UpdateUserDocument, { input: { id: user.id, name: 'Renamed' } });
    await tenant.client.request(BuySeatsDocument, { count: 1 });
    await tenant.client.request(AssignSeatDocument, { userId: user.id });
    await tenant.client.request(UnassignSeatDocument, { userId: user.id });
    await tenant.client.request(AssignSeatDocument, { userId: user.id });
    await tenant.client.request(UpdateUserDocument, { input: { id: user.id, deactivated: true } }); // frees the seat
    const key = await tenant.client.request(CreateApiKeyDocument, { name: 'logged key' });
    if (key.createApiKey.__typename !== 'CreatedApiKey') throw new Error('createApiKey failed');
    await tenant.client.request(RevokeApiKeyDocument, { id: key.createApiKey.apiKey.id });
    await tenant.client.request(UpdateTenantSettingsDocument, { input: { name: 'Loggers Inc' } });
    const credentials = { accountSid: `AC${'1'.repeat(32)}`, authToken: 'a'.repeat(32) };
    const { createChannelAccount: account } = await server.operator.request(CreateChannelAccountDocument, {
      tenantId: tenant.id,
      pluginId: 'twilio-sms',
      label: 'Own Twilio',
      credentials,
    });
    if (account.__typename !== 'ChannelAccount') throw new Error(JSON.stringify(account));
    await server.operator.request(UpdateChannelAccountCredentialsDocument, {
      id: account.id,
      credentials: { ...credentials, authToken: 'b'.repeat(32) },
    });

    const expected = [
      ['USER_CREATED', user.id],
      ['USER_UPDATED', user.id],
      ['SEATS_CHANGED', tenant.id],
      ['SEAT_ASSIGNED', null],
      ['SEAT_UNASSIGNED', null],
      ['SEAT_ASSIGNED', null],
      ['USER_UPDATED', user.id],
      ['SEAT_UNASSIGNED', null],
      ['API_KEY_CREATED', key.createApiKey.apiKey.id],
      ['API_KEY_REVOKED', key.createApiKey.apiKey.id],
      ['TENANT_UPDATED', tenant.id],
      ['CHANNEL_ACCOUNT_CREATED', account.id],
      ['CHANNEL_ACCOUNT_UPDATED', account.id],
    ] as const;
    const events = await collect(tenant.client, start, (e) => e.length >= expected.length);
    expect(events.map((e) => e.type)).toEqual(expected.map(([type]) => type));
    for (const [i, [, subject]] of expected.entries()) if (subject) expect(events[i]?.subjectId).toBe(subject);
    expectGapless(events, 0);
  });

  it('records the other writers of a type with their rows: settings, a moved seat, a scheduled message cancelled', async () => {
    const h = await setUpHiring(server);
    await optIn(h);
    const prisma = server.app.services.prisma;
    const tenantId = rawId(h.tenant.id);
    const seen = new Set((await prisma.event.findMany({ where: { tenantId }, select: { id: true } })).map((e) => e.id));
    const {
      sendingNumbers: [number],
    } = await h.tenant.client.request(NumberUsageDocument, {});
    if (!number) throw new Error('no number');
    const ok = (typename: string, result: { __typename: string }) => {
      if (result.__typename !== typename) throw new Error(JSON.stringify(result));
    };
    ok(
      'Tenant',
      (await h.tenant.client.request(SetLowCreditThresholdDocument, { lowCreditThreshold: 25 })).setLowCreditThreshold,
    );
    ok(
      'SendingNumber',
      (await server.operator.request(SetNumberAllowanceDocument, { numberId: number.id, monthlyAllowance: 500 }))
        .setNumberAllowance,
    );
    ok(
      'Tenant',
      (
        await server.operator.request(AllowPlatformAccountDocument, {
          tenantId: h.tenant.id,
          channel: 'WHATSAPP',
          allowed: false,
        })
      ).allowPlatformAccount,
    );
    const { reassignSeat: seat } = await h.tenant.client.request(ReassignSeatDocument, {
      fromUserId: h.outsider.user.id,
      toUserId: h.admin.user.id,
    });
    if (seat.__typename !== 'Seat') throw new Error(JSON.stringify(seat));
    const sendAt = new Date(Date.now() + 3_600_000);
    const { sendMessage: scheduled } = await h.recruiter.client.request(ScheduleMessageDocument, {
      input: {
        conversationId: h.conversationId,
        channel: 'SMS',
        body: 'Scheduled, then cancelled',
        idempotencyKey: 'event-log-scheduled',
        sendAt: sendAt.toISOString(),
      },
    });
    if (scheduled.__typename !== 'Message') throw new Error(JSON.stringify(scheduled));
    ok(
      'Message',
      (await h.recruiter.client.request(CancelScheduledMessageDocument, { id: scheduled.id })).cancelScheduledMessage,
    );

    const rows = (await prisma.event.findMany({ where: { tenantId }, orderBy: { id: 'asc' } })).filter(
      (e) => !seen.has(e.id) && e.type !== 'NOTIFICATION_CREATED',
    );
    const conversationId = rawId(h.conversationId);
    expect(rows.map((e) => [e.tenantId, e.type, e.subjectId, e.conversationId, e.payload])).toEqual([
      [tenantId, 'TENANT_UPDATED', tenantId, null, { lowCreditThreshold: 25 }],
      [tenantId, 'TENANT_UPDATED', tenantId, null, { sendingNumberId: rawId(number.id), monthlyAllowance: 500 }],
      [tenantId, 'TENANT_UPDATED', tenantId, null, {}],
      [
        tenantId,
        'SEAT_ASSIGNED',
        rawId(seat.id),
        null,
        { userId: rawId(h.admin.user.id), fromUserId: rawId(h.outsider.user.id) },
      ],
      [
        tenantId,
        'MESSAGE_CREATED',
        rawId(scheduled.id),
        conversationId,
        { direction: 'OUTBOUND', channel: 'SMS', kind: 'CHAT', status: 'SCHEDULED', sendAt: sendAt.toISOString() },
      ],
      [tenantId, 'MESSAGE_STATUS_CHANGED', rawId(scheduled.id), conversationId, { status: 'CANCELLED' }],
    ]);
  }, 90_000); // a hiring set-up and eight writes: over 30 s on a loaded machine (PGlite)

  it('records messages, their status, consent and unmatched texts, in order within a conversation', async () => {
    const h = await setUpHiring(server);
    const after = await lastCursor(server, h.tenant.client);
    await optIn(h); // CONSENT_CHANGED
    const sent = await h.recruiter.client.request(SendMessageDocument, {
      input: { conversationId: h.conversationId, channel: 'SMS', body: 'Logged', idempotencyKey: 'event-log-1' },
    });
    if (sent.sendMessage.__typename !== 'Message') throw new Error(JSON.stringify(sent));
    const messageId = sent.sendMessage.id;
    await h.candidateTexts('Thanks'); // MESSAGE_CREATED (inbound)
    await server.twilio.deliverInbound(`${server.publicUrl}/webhooks/twilio/sms`, {
      from: usNumber(),
      to: h.sendingNumber,
      body: 'Who is this?',
    }); // INBOUND_UNMATCHED
    // The notifier's NOTIFICATION_CREATED events (the reply, the opt-in) interleave as it catches up.
    const ofTheConversation = <E extends { type: string }>(e: E[]) =>
      e.filter((x) => x.type !== 'NOTIFICATION_CREATED');
    const events = ofTheConversation(await collect(h.tenant.client, after, (e) => ofTheConversation(e).length >= 5));
    expect(events.map((e) => e.type).sort()).toEqual(
      ['CONSENT_CHANGED', 'INBOUND_UNMATCHED', 'MESSAGE_CREATED', 'MESSAGE_CREATED', 'MESSAGE_STATUS_CHANGED'].sort(),
    );
    const created = events.findIndex((e) => e.type === 'MESSAGE_CREATED' && e.subjectId === messageId);
    const status = events.findIndex((e) => e.type === 'MESSAGE_STATUS_CHANGED');
    expect(created).toBeLessThan(status);
    expect(events[status]).toMatchObject({ subjectId: messageId, conversationId: h.conversationId });
    expect(events[status]?.payload).toEqual({ status: 'SENT' });
    expect(JSON.stringify(events)).not.toContain('Logged'); // no message bodies in events
    const unmatched = events.find((e) => e.type === 'INBOUND_UNMATCHED');
    const read = await server.post(
      {
        query: 'query($id: ID!) { node(id: $id) { ... on UnmatchedInbound { body } } }',
        variables: { id: unmatched?.subjectId },
      },
      { authorization: `Bearer ${h.tenant.apiKey}` },
    );
    expect(read.body.data.node).toEqual({ body: 'Who is this?' });
  });

  it('gives a subscriber who reconnects with its cursor exactly what it missed, then goes on live', async () => {
    const h = await setUpHiring(server);
    await optIn(h);
    const after = await lastCursor(server, h.tenant.client);
    server.app.outbox.stop(); // only the 100 creations, no status changes in between
    try {
      for (let i = 0; i < 100; i++) {
        await h.recruiter.client.request(SendMessageDocument, {
          input: {
            conversationId: h.conversationId,
            channel: 'SMS',
            body: `Message ${i}`,
            idempotencyKey: `missed-${i}`,
          },
        });
      }
      const missed = await collect(h.tenant.client, after, (e) => e.length >= 100);
      expect(missed).toHaveLength(100);
      expect(missed.every((e) => e.type === 'MESSAGE_CREATED')).toBe(true);
      expectGapless(missed, positionOf(after));
      // Nothing more arrives from the replay, and a live event follows with the next position.
      const last = missed.at(-1)?.cursor as string;
      const live = collect(h.tenant.client, last, (e) => e.length >= 1);
      await new Promise((r) => setTimeout(r, 300));
      await h.tenant.client.request(UpdateTenantSettingsDocument, { input: { name: 'Still here' } });
      const [next] = await live;
      expect(next?.type).toBe('TENANT_UPDATED');
      expect(positionOf(next?.cursor as string)).toBe(positionOf(last) + 1);
    } finally {
      server.app.outbox.start();
    }
  }, 120_000); // 100 sends one after another: on a loaded machine (CI, PostgreSQL) more than the default 30 s

  it('never misses an event with 8 concurrent writers and a subscriber that keeps reconnecting', async () => {
    let cursor = await lastCursor(server, tenant.client);
    const from = positionOf(cursor);
    const names = Array.from({ length: 8 }, (_, w) => Array.from({ length: 12 }, (_, i) => `w${w}-u${i}`));
    const writing = Promise.all(
      names.map(async (batch) => {
        for (const name of batch) await createUser(name);
      }),
    );
    const received: Received[] = [];
    while (received.length < 96) {
      const take = 3 + (received.length % 5);
      const batch = await collect(tenant.client, cursor, (e) => e.length >= take || received.length + e.length >= 96);
      received.push(...batch);
      if (batch.length) cursor = batch.at(-1)?.cursor as string;
    }
    await writing;
    expect(received).toHaveLength(96);
    expectGapless(received, from);
    expect(new Set(received.map((e) => e.subjectId)).size).toBe(96);
  }, 90_000); // 96 writes and about 20 reconnections: over 30 s on a loaded machine (PGlite)

  // PGlite has one connection: its transactions never overlap, so only PostgreSQL can commit one late.
  it.skipIf(testMode === 'embedded')(
    'gives a transaction that commits late a later place than one that committed before it, so no cursor skips it',
    async () => {
      const { createUser: subject } = await createUser('late-subject');
      if (subject.__typename !== 'User') throw new Error('createUser failed');
      const after = await lastCursor(server, tenant.client);
      const prisma = server.app.services.prisma;
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let appended = () => {};
      const isAppended = new Promise<void>((resolve) => {
        appended = resolve;
      });
      // The late writer appends its event first (its id and createdAt are the older ones) and commits last.
      const late = prisma.$transaction(
        async (tx) => {
          await appendEvents(tx, rawId(tenant.id), [{ type: 'USER_UPDATED', subjectId: rawId(subject.id) }]);
          appended();
          await held;
        },
        { timeout: 20_000 },
      );
      await isAppended;
      const { createUser: early } = await createUser('early-committer');
      if (early.__typename !== 'User') throw new Error('createUser failed');
      const [first] = await collect(tenant.client, after, (e) => e.length >= 1);
      expect(first).toMatchObject({ type: 'USER_CREATED', subjectId: early.id });
      release();
      await late;
      server.app.services.relay.wake();
      // A subscriber that resumes after the early event still gets the late one, at the next place.
      const [next] = await collect(tenant.client, first?.cursor as string, (e) => e.length >= 1);
      expect(next).toMatchObject({ type: 'USER_UPDATED', subjectId: subject.id });
      expect(positionOf(next?.cursor as string)).toBe(positionOf(first?.cursor as string) + 1);
      // By id (a sequence or UUIDv7, in the order writers began), the late event comes first: a cursor of ids would skip it.
      const rows = await prisma.event.findMany({
        where: { tenantId: rawId(tenant.id), position: { gt: positionOf(after) } },
        orderBy: { id: 'asc' },
      });
      expect(rows.map((r) => [r.type, Number(r.position)])).toEqual([
        ['USER_UPDATED', positionOf(after) + 2],
        ['USER_CREATED', positionOf(after) + 1],
      ]);
    },
  );

  it('delivers an event committed by a copy that died before publishing it', async () => {
    const after = await lastCursor(server, tenant.client);
    await server.app.services.relay.stop(); // as if killed between commit and publish
    const { createUser: user } = await createUser('orphan');
    if (user.__typename !== 'User') throw new Error('createUser failed');
    expect(await server.app.services.prisma.event.count({ where: { subjectId: rawId(user.id), position: null } })).toBe(
      1,
    );
    server.app.services.relay.start(); // another copy's relay, or this one after a restart
    const [event] = await collect(tenant.client, after, (e) => e.length >= 1);
    expect(event).toMatchObject({ type: 'USER_CREATED', subjectId: user.id });
  });

  it('publishes again an event whose relay gave it its place but died before publishing it', async () => {
    const { createUser: user } = await createUser('unpublished');
    if (user.__typename !== 'User') throw new Error('createUser failed');
    const prisma = server.app.services.prisma;
    const where = { subjectId: rawId(user.id), type: 'USER_CREATED' };
    await waitFor(async () => (await prisma.event.findFirst({ where }))?.publishedAt, 'the event to be published');
    // As if the relay had committed the position and died before publishing.
    await prisma.event.updateMany({ where, data: { publishedAt: null, createdAt: new Date(Date.now() - 10_000) } });
    const live = server.app.services.events.pubsub.subscribe('tenant', rawId(tenant.id));
    const next = live.next();
    await new Promise((r) => setTimeout(r, 100));
    await server.app.services.relay.runOnce();
    const published = await next;
    await live.return?.();
    expect(published.value).toMatchObject({ type: 'USER_CREATED', subjectId: rawId(user.id) });
    expect((await prisma.event.findFirst({ where }))?.publishedAt).not.toBeNull();
  });

  it('has no message body or secret in any payload; the check at every test server’s stop finds one', async () => {
    const prisma = server.app.services.prisma;
    const h = await setUpHiring(server);
    await optIn(h);
    const body = 'A body that never goes in an event';
    await h.recruiter.client.request(SendMessageDocument, {
      input: { conversationId: h.conversationId, channel: 'SMS', body, idempotencyKey: 'payload-scan-1' },
    });
    await h.candidateTexts('A reply that stays out of events too');
    const secrets = [h.tenant.apiKey, h.recruiter.token, server.operatorKey];
    expect(await eventPayloadLeaks(prisma, secrets)).toEqual([]);
    // Planted: the check (run by the harness when each test file's server stops) names what it finds.
    const plant = (payload: Record<string, string>) =>
      appendEvents(prisma, rawId(h.tenant.id), [
        { type: 'USER_UPDATED', subjectId: rawId(h.recruiter.user.id), payload },
      ]);
    await plant({ note: `said: ${body}` });
    await plant({ token: h.recruiter.token });
    try {
      expect(await eventPayloadLeaks(prisma, secrets)).toEqual([
        'USER_UPDATED carries a message body',
        'USER_UPDATED carries a secret',
      ]);
    } finally {
      await prisma.event.deleteMany({
        where: { tenantId: rawId(h.tenant.id), type: 'USER_UPDATED', subjectId: rawId(h.recruiter.user.id) },
      });
    }
  });

  it('prunes a prefix of the log, never an old event placed after one it keeps, so no cursor skips it', async () => {
    const other = await server.createTenant('Holes');
    for (const name of ['h1', 'h2', 'h3']) {
      await other.client.request(CreateUserDocument, { input: { name, email: `${name}@holes.example` } });
    }
    const prisma = server.app.services.prisma;
    const tenantId = rawId(other.id);
    await waitFor(
      async () => (await prisma.event.count({ where: { tenantId, position: { not: null } } })) === 3,
      'the events to be positioned',
    );
    // At the retention boundary: position 2's transaction began a minute past it and committed after position 1's.
    const day = 86_400_000;
    const at = (ms: number) => new Date(Date.now() - server.config.eventRetentionDays * day + ms);
    await prisma.event.updateMany({ where: { tenantId, position: 1 }, data: { createdAt: at(60_000) } });
    await prisma.event.updateMany({ where: { tenantId, position: 2 }, data: { createdAt: at(-60_000) } });
    await server.app.services.relay.prune();
    const resumed = await collect(other.client, encodeCursor(1n), (e) => e.length >= 2);
    expect(resumed.map((e) => positionOf(e.cursor))).toEqual([2, 3]);
    // Once position 1 is past retention too, both go, and a cursor before them is refused, not served with a hole.
    await prisma.event.updateMany({ where: { tenantId, position: 1 }, data: { createdAt: at(-120_000) } });
    await server.app.services.relay.prune();
    expect(await prisma.event.count({ where: { tenantId } })).toBe(1);
    expect(await refusalCode(other.client.subscribe(TenantEventsDocument, { after: encodeCursor(1n) }).next())).toBe(
      'CURSOR_EXPIRED',
    );
  });

  it('refuses a cursor older than retention with CURSOR_EXPIRED, and one that is not a cursor', async () => {
    const other = await server.createTenant('Forgetful');
    for (const name of ['f1', 'f2', 'f3']) {
      await other.client.request(CreateUserDocument, { input: { name, email: `${name}@forgetful.example` } });
    }
    await waitFor(
      async () =>
        (await server.app.services.prisma.event.count({
          where: { tenantId: rawId(other.id), position: { not: null } },
        })) === 3,
      'the events to be positioned',
    );
    await server.app.services.prisma.event.updateMany({
      where: { tenantId: rawId(other.id), position: { lte: 2 } },
      data: { createdAt: new Date(Date.now() - 40 * 86_400_000) },
    });
    await server.app.services.relay.prune();
    const iterator = other.client.subscribe(TenantEventsDocument, { after: encodeCursor(1n) });
    const refusal = await iterator.next().then(
      () => null,
      (e: unknown) => (Array.isArray(e) ? e[0] : (e as { errors?: unknown[] }).errors?.[0]),
    );
    expect(refusal).toMatchObject({ extensions: { code: 'CURSOR_EXPIRED', oldestCursor: encodeCursor(2n) } });
    const fine = await collect(other.client, encodeCursor(2n), (e) => e.length >= 1);
    expect(fine).toHaveLength(1);
    const garbage = other.client.subscribe(TenantEventsDocument, { after: 'not-a-cursor' });
    expect(await refusalCode(garbage.next())).toBe('VALIDATION');
  });
});

/**
 * The tenant's newest cursor once everything committed so far has its place
 * (events still waiting for the relay would come after the cursor: what a
 * partner reads before subscribing).
 */
async function lastCursor(server: TestServer, client: ParleyClient): Promise<string> {
  const prisma = server.app.services.prisma;
  await waitFor(async () => (await prisma.event.count({ where: { position: null } })) === 0, 'the relay to catch up');
  return (await client.request(EventCursorDocument)).tenant.eventCursor;
}

/** The code a refused subscription carries, whether graphql-ws sent it as an error or as a result with errors. */
async function refusalCode(first: Promise<unknown>): Promise<unknown> {
  const error = await first.then(
    () => null,
    (e: unknown) => e,
  );
  const errors = Array.isArray(error) ? error : (error as { errors?: unknown[] })?.errors;
  return (errors?.[0] as { extensions?: { code?: string } })?.extensions?.code;
}
