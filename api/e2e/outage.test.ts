import { connect, createServer, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testMode } from '../test/databases.ts';
import { startTestServer, type TestServer, type TestTenant } from '../test/harness.ts';

/**
 * A TCP hop between the service and PostgreSQL that the test can take down and
 * bring back, as a restart or failover looks from the service: connections in
 * use are cut, new ones are refused, then everything works again.
 */
async function startDatabaseHop(target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const listening = createServer((client) => {
        const upstream = connect(target.port, target.host);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => {});
        }
        client.pipe(upstream).pipe(client);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      server = listening;
      listening.once('error', reject);
      listening.listen(port, '127.0.0.1', () => {
        port = (listening.address() as { port: number }).port;
        resolve();
      });
    });
  await listen();
  return {
    get port() {
      return port;
    },
    /** Cuts every open connection and refuses new ones. */
    async down() {
      await new Promise<void>((resolve) => {
        server?.close(() => resolve());
        for (const s of sockets) s.resetAndDestroy();
      });
    },
    up: listen,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => (server?.listening ? server.close(() => resolve()) : resolve()));
    },
  };
}

const createUser = (i: number) =>
  `mutation { createUser(input: { name: "Outage ${i}", email: "outage-${i}-${Date.now()}@example.com" }) { __typename } }`;

describe.skipIf(testMode !== 'postgres')('the database going away', () => {
  let server: TestServer;
  let acme: TestTenant;
  let hop: Awaited<ReturnType<typeof startDatabaseHop>>;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let databaseName: string;
  const admin = () =>
    new pg.Client({
      connectionString: process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
    });

  beforeAll(async () => {
    database = await createTestDatabase();
    const url = new URL(database.url as string);
    databaseName = url.pathname.slice(1);
    hop = await startDatabaseHop({ host: url.hostname, port: Number(url.port || 5432) });
    url.host = `127.0.0.1:${hop.port}`;
    server = await startTestServer({
      database: { ...database, env: { ...database.env, DATABASE_URL: url.toString() } },
      // Every request looks its credential up, so the lookup meets the outage too.
      env: { AUTH_CACHE_MS: '0', DATABASE_POOL_SIZE: '4' },
    });
    acme = await server.createTenant('Acme');
  });
  afterAll(async () => {
    await server?.stop({ keepDatabase: true });
    await hop?.close();
    await database?.drop();
  });

  async function send(i: number) {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${acme.apiKey}` },
      body: JSON.stringify({ query: createUser(i) }),
    });
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: (await response.json()) as { data?: any; errors?: { message: string; extensions?: any }[] },
    };
  }

  function expectUnavailable(answer: Awaited<ReturnType<typeof send>>) {
    expect(answer.status, JSON.stringify(answer.body)).toBe(503);
    expect(answer.retryAfter).toBe('1');
    expect(answer.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/retry/i),
      extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true },
    });
    expect(JSON.stringify(answer.body)).not.toMatch(/Unexpected error/);
  }

  it('answers mutations during a restart with a retryable SERVICE_UNAVAILABLE, then recovers', async () => {
    expect((await send(0)).body.data.createUser.__typename).toBe('User');
    await hop.down();
    // In flight and new: the pool's connections are cut, reconnecting is refused.
    const during = await Promise.all(Array.from({ length: 6 }, (_, i) => send(i + 1)));
    for (const answer of during) expectUnavailable(answer);
    expect(server.logs.text).not.toMatch(/unexpected error in resolver/);
    await hop.up();
    await expect
      .poll(async () => (await send(100)).body.data?.createUser?.__typename, { timeout: 10_000, interval: 200 })
      .toBe('User');
  });

  it('answers a mutation cut off mid-transaction with a retryable SERVICE_UNAVAILABLE', async () => {
    expect((await send(400)).body.data.createUser.__typename).toBe('User');
    // A lock the mutation's insert waits on, so the restart finds it inside its transaction.
    const probe = admin();
    await probe.connect();
    try {
      const holder = new pg.Client({ connectionString: database.url });
      await holder.connect();
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE "User" IN EXCLUSIVE MODE');
      const inFlight = send(401);
      await expect
        .poll(
          async () =>
            (
              await probe.query(
                `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`,
                [databaseName],
              )
            ).rows[0].n,
          { timeout: 10_000, interval: 50 },
        )
        .toBeGreaterThan(0);
      await hop.down();
      expectUnavailable(await inFlight);
      await holder.query('ROLLBACK');
      await holder.end();
    } finally {
      await probe.end();
      await hop.up();
    }
    expect(server.logs.text).not.toMatch(/unexpected error in resolver/);
    await expect
      .poll(async () => (await send(402)).body.data?.createUser?.__typename, { timeout: 10_000, interval: 200 })
      .toBe('User');
  });

  it('answers SERVICE_UNAVAILABLE when PostgreSQL terminates the connections and refuses new ones', async () => {
    const client = admin();
    await client.connect();
    try {
      await client.query(`ALTER DATABASE ${databaseName} ALLOW_CONNECTIONS false`);
      await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [databaseName]);
      const during = await Promise.all(Array.from({ length: 4 }, (_, i) => send(200 + i)));
      for (const answer of during) expectUnavailable(answer);
    } finally {
      await client.query(`ALTER DATABASE ${databaseName} ALLOW_CONNECTIONS true`);
      await client.end();
    }
    await expect
      .poll(async () => (await send(300)).body.data?.createUser?.__typename, { timeout: 10_000, interval: 200 })
      .toBe('User');
  });
});
