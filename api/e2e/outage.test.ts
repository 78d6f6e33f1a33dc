import { connect, createServer, type Server, type Socket } from 'node:net';
import { createClient } from 'graphql-ws';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
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

  type Result = { data?: any; errors?: { message: string; extensions?: any }[] };

  /** The newest event's cursor: a subscription passing it as `after` reads the log first. */
  async function eventCursor(on: TestServer = server): Promise<string> {
    await send(500 + Math.floor(Math.random() * 1000)); // an event in the log
    const response = await fetch(on.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${acme.apiKey}` },
      body: JSON.stringify({ query: '{ tenant { eventCursor } }' }),
    });
    const cursor = ((await response.json()) as Result).data?.tenant?.eventCursor;
    if (typeof cursor !== 'string') throw new Error('no event cursor');
    return cursor;
  }

  function expectRetryable(result: Result | undefined) {
    expect(result?.errors?.[0], JSON.stringify(result)).toMatchObject({
      message: expect.stringMatching(/retry/i),
      extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true },
    });
    expect(JSON.stringify(result)).not.toMatch(/Unexpected error/);
  }

  /** A graphql-ws client with the API key (no retries), the close codes it saw, and the first result of an operation. */
  function socketTo(target: TestServer) {
    const closes: number[] = [];
    const ws = createClient({
      url: target.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${acme.apiKey}` },
      retryAttempts: 0,
      on: { closed: (event) => closes.push((event as { code: number }).code) },
    });
    const first = (query: string, variables?: Record<string, unknown>) =>
      new Promise<Result>((resolve, reject) => {
        const stop = ws.subscribe(
          { query, variables },
          {
            next: (r) => {
              resolve(r as Result);
              stop();
            },
            error: (e) => (Array.isArray(e) ? resolve({ errors: e }) : reject(e)),
            complete: () => resolve({}),
          },
        );
      });
    return { ws, closes, first };
  }

  it('answers a tenantEvents subscription over graphql-ws with a retryable SERVICE_UNAVAILABLE, the socket kept', async () => {
    const after = await eventCursor();
    const { ws, closes, first } = socketTo(server);
    try {
      expect(await first('{ viewer { kind } }')).toMatchObject({ data: { viewer: { kind: 'API_KEY' } } });
      await hop.down();
      try {
        expectRetryable(
          await first('subscription($after: String) { tenantEvents(after: $after) { cursor } }', { after }),
        );
        expect(closes).toEqual([]);
        // A new connection meanwhile: closed 1013 (try again later), not 4500 (internal error).
        const socket = new WebSocket(server.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
        const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
        socket.once('open', () =>
          socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${acme.apiKey}` } })),
        );
        expect(await closed).toBe(1013);
      } finally {
        await hop.up();
      }
      // The same connection works again once the database is back.
      await expect
        .poll(async () => (await first('{ viewer { kind } }')).data?.viewer?.kind, { timeout: 10_000, interval: 200 })
        .toBe('API_KEY');
      expect(closes).toEqual([]);
    } finally {
      await ws.dispose();
    }
    expect(server.logs.text).not.toMatch(/unexpected error in resolver/);
  });

  it('answers a tenantEvents subscription over SSE with a retryable SERVICE_UNAVAILABLE', async () => {
    const after = await eventCursor();
    await hop.down();
    try {
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), 10_000);
      try {
        const response = await fetch(server.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'text/event-stream',
            authorization: `Bearer ${acme.apiKey}`,
          },
          body: JSON.stringify({
            query: 'subscription($after: String) { tenantEvents(after: $after) { cursor } }',
            variables: { after },
          }),
          signal: abort.signal,
        });
        let result: Result | undefined;
        if (response.headers.get('content-type')?.includes('text/event-stream')) {
          const text = await response.text();
          const data = /^data: (.+)$/m.exec(text)?.[1];
          result = data ? JSON.parse(data) : undefined;
          if (!result) throw new Error(`stream ended without an event: ${text}`);
        } else {
          expect(response.status).toBe(503);
          result = (await response.json()) as Result;
        }
        expectRetryable(result);
      } finally {
        clearTimeout(timer);
        abort.abort();
      }
    } finally {
      await hop.up();
    }
    expect(server.logs.text).not.toMatch(/unexpected error in resolver/);
  });

  it('answers SERVICE_UNAVAILABLE where the credential is still cached and the replay read meets the outage (WS, SSE)', async () => {
    // A second copy of the service that keeps a looked-up credential: only the subscription's own read of the log
    // (the events after the cursor) meets the outage.
    const url = new URL(database.url as string);
    url.host = `127.0.0.1:${hop.port}`;
    const cached = await startTestServer({
      database: { ...database, env: { ...database.env, DATABASE_URL: url.toString() } },
      env: { AUTH_CACHE_MS: '60000', DATABASE_POOL_SIZE: '4' },
    });
    const { ws, closes, first } = socketTo(cached);
    const subscription = 'subscription($after: String) { tenantEvents(after: $after) { cursor } }';
    try {
      const after = await eventCursor(cached); // the credential looked up (and kept) over HTTP
      expect(await first('{ viewer { kind } }')).toMatchObject({ data: { viewer: { kind: 'API_KEY' } } });
      await hop.down();
      try {
        expectRetryable(await first(subscription, { after }));
        expect(closes).toEqual([]);
        const response = await fetch(cached.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'text/event-stream',
            authorization: `Bearer ${acme.apiKey}`,
          },
          body: JSON.stringify({ query: subscription, variables: { after } }),
          signal: AbortSignal.timeout(10_000),
        });
        const text = await response.text();
        const data = /^data: (.+)$/m.exec(text)?.[1];
        expectRetryable(data ? JSON.parse(data) : { text, status: response.status });
      } finally {
        await hop.up();
      }
      expect(cached.logs.text).not.toMatch(/unexpected error in resolver/);
    } finally {
      await ws.dispose();
      await cached.stop({ keepDatabase: true });
    }
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
