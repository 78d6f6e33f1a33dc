import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  CreateTenantDocument,
  CreateUserDocument,
  EventCursorDocument,
  TenantEventsDocument,
  type TenantEventsSubscription,
} from '../../clients/generated/graphql.ts';
import { createParleyClient, type ParleyClient } from '../../clients/parley-client.ts';
import { encodeCursor } from '../events/cursor.ts';
import { createTestDatabase, testMode } from '../test/databases.ts';
import { waitFor } from '../test/messaging-fixture.ts';
import { type SpawnedService, spawnService } from '../test/spawn-service.ts';

// Issue 7 item 1: "kill the process between commit and publish and the event is still delivered",
// with real processes. Copy A commits and answers, then gets kill -9; copy B's relay must give A's
// events their place and publish them to B's subscribers.
//
// How A commits with no publish, without a fault point or a setting: the test holds the relay's
// advisory lock (api/events/relay.ts RELAY_LOCK), as another copy's long relay pass would. A's relay
// waits for its turn, so what A commits meanwhile stays unplaced and unpublished when A dies. B's
// relay waits too, and takes its turn once the test lets go.
const RELAY_LOCK = 7_241_003;
/** Any other number: the lock the third test's trigger makes copy A wait for. */
const MARK_LOCK = 4_760_001;

type Received = TenantEventsSubscription['tenantEvents'];
const positionOf = (cursor: string) => Number(Buffer.from(cursor, 'base64url').toString().split(':')[1]);

/** Follows tenantEvents from `after` over graphql-ws, collecting everything until stopped. */
function follow(client: ParleyClient, after: string) {
  const events: Received[] = [];
  const iterator = client.subscribe(TenantEventsDocument, { after });
  let failed: unknown = null;
  const done = (async () => {
    try {
      for await (const next of iterator) events.push(next.tenantEvents);
    } catch (error) {
      failed = error;
    }
  })();
  return {
    events,
    failed: () => failed,
    async stop() {
      await iterator.return?.();
      await done;
    },
  };
}

describe.skipIf(testMode !== 'postgres')('an event committed by a copy killed before publishing it', () => {
  const services: SpawnedService[] = [];
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let b: { service: SpawnedService; url: string };
  let secret: string;
  let onB: ParleyClient;
  let db: pg.Client;
  let tenantId: string;
  const operatorKey = randomBytes(24).toString('hex');

  async function start(port: number, env: Record<string, string> = {}) {
    const service = spawnService({
      ...database.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      OPERATOR_KEY: operatorKey,
      DEMO_TENANT: 'off',
    });
    services.push(service);
    await service.waitFor(/"msg":"listening"/);
    return { service, url: `http://127.0.0.1:${port}/graphql` };
  }

  const count = async (where: string) =>
    Number(
      (
        await db.query<{ n: string }>(`SELECT count(*) AS n FROM "Event" WHERE "tenantId" = $1 AND ${where}`, [
          tenantId,
        ])
      ).rows[0]?.n,
    );

  // Copy B lives through the file; each test starts its own copy A, on the same database and Redis.
  beforeAll(async () => {
    database = await createTestDatabase();
    b = await start(4760);
    const operator = createParleyClient({ url: b.url, credential: operatorKey });
    const { createTenant } = await operator.request(CreateTenantDocument, { input: { name: 'Killed' } });
    if (createTenant.__typename !== 'CreatedTenant') throw new Error(JSON.stringify(createTenant));
    await operator.close();
    secret = createTenant.apiKeySecret;
    // A real socket to B.
    onB = createParleyClient({ url: b.url, credential: secret, webSocketImpl: WebSocket });
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
    tenantId = (await db.query<{ id: string }>(`SELECT id FROM "Tenant" WHERE name = 'Killed'`)).rows[0]?.id ?? '';
    // An event placed before, so the subscribers' cursors have history behind them.
    await onB.request(CreateUserDocument, { input: { name: 'Before', email: 'before@killed.example' } });
  }, 60_000);

  afterAll(async () => {
    for (const s of services) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
    await onB?.close();
    await db?.end();
    await database?.drop();
  });

  /** A copy A to kill, and the tenant's cursor once everything so far has its place. */
  async function setUp(port: number, env: Record<string, string> = {}) {
    const a = await start(port, env);
    const onA = createParleyClient({ url: a.url, credential: secret });
    await waitFor(async () => (await count('position IS NULL')) === 0, 'earlier events to get their place');
    const cursor = (await onB.request(EventCursorDocument)).tenant.eventCursor;
    return {
      a,
      onA,
      onB,
      db,
      tenantId,
      count,
      cursor,
      async tearDown() {
        await onA.close();
        // The session's relay lock, if a failure left it held, must not stall the next test.
        await db.query('SELECT pg_advisory_unlock_all()');
      },
    };
  }

  it('kill -9 right after the answer: B delivers it once, with its cursor, live and to a resumed subscriber', async () => {
    const t = await setUp(4761);
    try {
      const live = follow(t.onB, t.cursor);
      await new Promise((r) => setTimeout(r, 300)); // the subscription is on before the commit
      await t.db.query('SELECT pg_advisory_lock($1)', [RELAY_LOCK]);
      const { createUser } = await t.onA
        .request(CreateUserDocument, { input: { name: 'Orphan', email: 'orphan@killed.example' } })
        .then((answer) => {
          t.a.service.child.kill('SIGKILL');
          return answer;
        });
      if (createUser.__typename !== 'User') throw new Error(JSON.stringify(createUser));
      await waitFor(async () => t.a.service.child.signalCode === 'SIGKILL', 'copy A to die');
      // Committed, with no place and no publication: A died between commit and publish.
      expect(await t.count(`position IS NULL AND "publishedAt" IS NULL`)).toBe(1);
      await t.db.query('SELECT pg_advisory_unlock($1)', [RELAY_LOCK]);

      await waitFor(async () => live.events.length >= 1 || live.failed(), 'B to deliver A’s event', 15_000);
      await waitFor(async () => (await t.count(`"publishedAt" IS NULL`)) === 0, 'B to publish it');
      await new Promise((r) => setTimeout(r, 300)); // room for a second delivery, which must not come
      await live.stop();
      expect(live.failed()).toBeNull();
      expect(live.events.map((e) => [e.type, e.subjectId])).toEqual([['USER_CREATED', createUser.id]]);
      const cursor = live.events[0]?.cursor ?? '';
      expect(positionOf(cursor)).toBe(positionOf(t.cursor) + 1);

      const resumed = follow(t.onB, t.cursor);
      await waitFor(async () => resumed.events.length >= 1 || resumed.failed(), 'the resumed subscriber');
      await new Promise((r) => setTimeout(r, 300));
      await resumed.stop();
      expect(resumed.failed()).toBeNull();
      expect(resumed.events.map((e) => [e.cursor, e.type, e.subjectId])).toEqual([
        [cursor, 'USER_CREATED', createUser.id],
      ]);
    } finally {
      await t.tearDown();
    }
  }, 60_000);

  it('kill -9 under a burst of 50 writes: every answered write once, none twice, cursors strictly increasing', async () => {
    const t = await setUp(4762);
    try {
      const live = follow(t.onB, t.cursor);
      await new Promise((r) => setTimeout(r, 300));
      const answered: string[] = [];
      const writes = Array.from(
        { length: 50 },
        // Spread over a second, so writes are still in flight when the lock is taken and at the kill.
        (_, i) =>
          new Promise((r) => setTimeout(r, i * 20))
            .then(() =>
              t.onA.request(CreateUserDocument, { input: { name: `Burst ${i}`, email: `burst-${i}@killed.example` } }),
            )
            .then(({ createUser }) => {
              if (createUser.__typename === 'User') answered.push(createUser.id);
            })
            .catch(() => {}), // no answer: A died with it in flight
      );
      // A's relay runs freely for the first writes (it may die in the middle of a pass); then it
      // waits for its turn, so what A commits from there on is certainly unpublished when it dies.
      await waitFor(async () => answered.length >= 10, 'the first answers', 15_000);
      await t.db.query('SELECT pg_advisory_lock($1)', [RELAY_LOCK]);
      const atLock = answered.length;
      await waitFor(async () => answered.length >= atLock + 5 || answered.length === 50, 'answers after the lock');
      t.a.service.child.kill('SIGKILL');
      await Promise.all(writes);
      const unplaced = await t.count('position IS NULL');
      await t.db.query('SELECT pg_advisory_unlock($1)', [RELAY_LOCK]);
      expect(unplaced).toBeGreaterThan(0); // A died with committed events it never placed nor published

      // Ground truth: every user A committed, answered or not.
      const committed = async () =>
        (
          await t.db.query<{ id: string }>(
            `SELECT "subjectId" AS id FROM "Event" WHERE "tenantId" = $1 AND type = 'USER_CREATED' AND position > $2`,
            [t.tenantId, positionOf(t.cursor)],
          )
        ).rows.length;
      await waitFor(
        async () => (await t.count(`position IS NULL OR "publishedAt" IS NULL`)) === 0,
        'B to place and publish everything A left',
        15_000,
      );
      const total = await committed();
      await waitFor(async () => live.events.length >= total || live.failed(), `all ${total} events on B`, 10_000);
      await new Promise((r) => setTimeout(r, 500)); // room for a second delivery, which must not come
      await live.stop();
      expect(live.failed()).toBeNull();

      const users = live.events.filter((e) => e.type === 'USER_CREATED').map((e) => e.subjectId);
      expect(users.length).toBe(total);
      expect(new Set(users).size).toBe(users.length); // none twice
      for (const id of answered) expect(users).toContain(id); // every answered write
      expect(answered.length).toBeGreaterThan(atLock);
      const positions = live.events.map((e) => positionOf(e.cursor));
      expect(positions).toEqual(positions.map((_, i) => positionOf(t.cursor) + i + 1)); // increasing, gapless

      const resumed = follow(t.onB, t.cursor);
      await waitFor(async () => resumed.events.length >= live.events.length || resumed.failed(), 'the resumed one');
      await new Promise((r) => setTimeout(r, 300));
      await resumed.stop();
      expect(resumed.failed()).toBeNull();
      expect(resumed.events.map((e) => [e.cursor, e.subjectId])).toEqual(
        live.events.map((e) => [e.cursor, e.subjectId]),
      );
    } finally {
      await t.tearDown();
    }
  }, 60_000);

  it('kill -9 after A published but before it marked that: B publishes again, the subscriber gets it once', async () => {
    // Copy A's connections are named, and a trigger makes A's write of publishedAt wait for a lock the
    // test holds: A's relay places the event and publishes it, then dies before recording that.
    const url = new URL(database.url ?? '');
    url.searchParams.set('application_name', 'copy-a');
    await db.query(`
      CREATE FUNCTION hold_copy_a_mark() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        IF current_setting('application_name') = 'copy-a' THEN PERFORM pg_advisory_xact_lock(${MARK_LOCK}); END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER hold_copy_a_mark BEFORE UPDATE OF "publishedAt" ON "Event"
        FOR EACH ROW WHEN (OLD."publishedAt" IS NULL AND NEW."publishedAt" IS NOT NULL) EXECUTE FUNCTION hold_copy_a_mark();`);
    await db.query('SELECT pg_advisory_lock($1)', [MARK_LOCK]);
    const t = await setUp(4763, { DATABASE_URL: url.toString() });
    try {
      const live = follow(t.onB, t.cursor);
      await new Promise((r) => setTimeout(r, 300));
      // Both relays poll; when B's places the event first, B publishes and records it: write again.
      const aWaits = async () =>
        (
          await db.query(
            `SELECT 1 FROM pg_stat_activity WHERE application_name = 'copy-a' AND wait_event_type = 'Lock'
               AND query LIKE '%SET "publishedAt"%'`,
          )
        ).rowCount;
      const created: string[] = [];
      for (let i = 0; !(await aWaits()); i++) {
        if (i === 20) throw new Error('copy B’s relay placed every event first');
        const { createUser } = await t.onA.request(CreateUserDocument, {
          input: { name: `Published ${i}`, email: `published-${i}@killed.example` },
        });
        if (createUser.__typename !== 'User') throw new Error(JSON.stringify(createUser));
        created.push(createUser.id);
        await waitFor(
          async () => (await aWaits()) || (await t.count(`"publishedAt" IS NULL`)) === 0,
          'a relay to publish it',
        );
      }
      await waitFor(async () => live.events.length >= created.length || live.failed(), 'A’s own publication');
      t.a.service.child.kill('SIGKILL');
      await waitFor(async () => t.a.service.child.signalCode === 'SIGKILL', 'copy A to die');
      // The database drops a dead client's sessions when it next talks to them; here, at once.
      await db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'copy-a'`);
      await db.query('SELECT pg_advisory_unlock($1)', [MARK_LOCK]);
      expect(await t.count(`position IS NOT NULL AND "publishedAt" IS NULL`)).toBe(1);

      // B's relay publishes it again (after REPUBLISH_AFTER_MS); the subscriber must not see it twice.
      await waitFor(async () => (await t.count(`"publishedAt" IS NULL`)) === 0, 'B to publish it again', 15_000);
      await new Promise((r) => setTimeout(r, 500));
      await live.stop();
      expect(live.failed()).toBeNull();
      expect(live.events.map((e) => [e.cursor, e.type, e.subjectId])).toEqual(
        created.map((id, i) => [encodeCursor(BigInt(positionOf(t.cursor) + i + 1)), 'USER_CREATED', id]),
      );
    } finally {
      await db.query('DROP TRIGGER hold_copy_a_mark ON "Event"; DROP FUNCTION hold_copy_a_mark()');
      await t.tearDown();
    }
  }, 60_000);
});
