import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CreateUserDocument, TenantEventsDocument } from '../../clients/generated/graphql.ts';
import { topicCounts } from '../events/tenant-topics.ts';
import { startTestServer, type TestServer, type TestTenant } from '../test/harness.ts';

async function createUserIn(tenant: TestTenant, name: string) {
  const { createUser } = await tenant.client.request(CreateUserDocument, {
    input: { name, email: `${name}@example.com` },
  });
  if (createUser.__typename !== 'User') throw new Error(JSON.stringify(createUser));
}

async function until(what: string, check: () => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

type Received = { cursor: string; type: string }[];
const eventsQuery = TenantEventsDocument.toString();

/** One socket (graphql-ws) of an API key, carrying tenantEvents subscriptions whose events are collected. */
function socketOf(server: TestServer, apiKey: string) {
  const client = createClient({
    url: server.url.replace('http', 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${apiKey}` },
    retryAttempts: 0,
  });
  return {
    subscribe(variables: Record<string, unknown> = {}) {
      const received: Received = [];
      const stop = client.subscribe<{ tenantEvents: Received[number] }>(
        { query: eventsQuery, variables },
        {
          next: (result) => {
            if (result.data) received.push(result.data.tenantEvents);
          },
          error: (error) => received.push({ cursor: 'error', type: String(error) }),
          complete: () => {},
        },
      );
      return { received, stop };
    },
    close: () => client.dispose(),
  };
}

describe('subscribers of one tenant share one live execution per process', () => {
  let server: TestServer;
  let acme: TestTenant;
  const counts = () => topicCounts(server.app.services.events.pubsub);

  beforeAll(async () => {
    server = await startTestServer();
    acme = await server.createTenant('Acme');
  });
  afterAll(() => server?.stop());

  it('gives every subscriber each event once and in order, and keeps going when one of them stops', async () => {
    const sockets = Array.from({ length: 5 }, () => socketOf(server, acme.apiKey));
    const subscribers = sockets.map((socket) => socket.subscribe());
    let n = 0;
    // A subscription is live once it has received an event: publish until all have.
    await until(
      'five live subscribers',
      () => {
        if (n % 10 === 0) void createUserIn(acme, `warm-${n}`);
        n++;
        return subscribers.every((s) => s.received.length > 0);
      },
      30_000,
    );
    await new Promise((r) => setTimeout(r, 1_500));
    // All five share one stream of the tenant's log on this process.
    expect(counts()).toEqual({ topics: 1, members: 1 });
    for (const s of subscribers) s.received.length = 0;

    for (const name of ['ann', 'bob', 'cy']) await createUserIn(acme, name);
    await until('three events each', () => subscribers.every((s) => s.received.length >= 3));
    const [first, ...others] = subscribers;
    for (const s of others) expect(s.received).toEqual(first?.received);
    expect(new Set(first?.received.map((e) => e.cursor)).size).toBe(3);

    // The first subscriber (whose stream the group runs on) leaves; the others go on.
    first?.stop();
    await createUserIn(acme, 'dee');
    await until('the fourth event', () => others.every((s) => s.received.length >= 4));
    for (const s of others) expect(s.received.map((e) => e.type)).toEqual(Array(4).fill('USER_CREATED'));
    expect(first?.received).toHaveLength(3);
    for (const s of others) s.stop();
    await until('everything released', () => counts().topics === 0);
    await Promise.all(sockets.map((socket) => socket.close()));
  }, 60_000);

  it('releases everything when 200 subscriptions, shared and resuming from a cursor, are closed', async () => {
    expect(counts()).toEqual({ topics: 0, members: 0 });
    const sockets = Array.from({ length: 10 }, () => socketOf(server, acme.apiKey));
    const subscriptions = sockets.flatMap((socket) =>
      // Every other one resumes from a cursor, so it runs on its own rather than in the shared group.
      Array.from({ length: 20 }, (_, i) => socket.subscribe(i % 2 ? { after: 'ZXYxOjA' } : {})),
    );
    await until('200 subscriptions running', () => counts().members === 101);
    expect(counts().topics).toBe(1);
    // Half are completed by the client, the rest end with their sockets.
    for (const s of subscriptions.slice(0, 100)) s.stop();
    await Promise.all(sockets.slice(5).map((socket) => socket.close()));
    await until('every subscription released', () => counts().topics === 0);
    expect(counts()).toEqual({ topics: 0, members: 0 });
    expect(subscriptions.flatMap((s) => s.received).filter((e) => e.cursor === 'error')).toEqual([]);
    await Promise.all(sockets.map((socket) => socket.close()));
  }, 60_000);
});
