import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CreateUserDocument, TenantEventsDocument } from '../../clients/generated/graphql.ts';
import { testMode } from '../test/databases.ts';
import { startTestServer, type TestServer, type TestTenant } from '../test/harness.ts';
import { openSse } from '../test/sse.ts';

const eventsQuery = 'subscription { tenantEvents { type subjectId } }';

async function createUserIn(tenant: TestTenant, name: string) {
  const { createUser } = await tenant.client.request(CreateUserDocument, {
    input: { name, email: `${name}@example.com` },
  });
  if (createUser.__typename !== 'User') throw new Error(JSON.stringify(createUser));
}

/** Publishes until the subscriber's first event arrives (a subscription is live only once the server has it). */
async function firstEvent<T>(next: () => Promise<T>, publish: () => Promise<unknown>): Promise<T> {
  const got = next();
  let done = false;
  got.finally(() => {
    done = true;
  });
  for (let i = 0; i < 50 && !done; i++) {
    await publish();
    await Promise.race([got, new Promise((r) => setTimeout(r, 100))]);
  }
  return got;
}

describe('live tenant events', () => {
  let server: TestServer;
  let acme: TestTenant;
  let bolt: TestTenant;

  beforeAll(async () => {
    server = await startTestServer();
    [acme, bolt] = await Promise.all([server.createTenant('Acme'), server.createTenant('Bolt')]);
  });
  afterAll(() => server?.stop());

  it('streams over graphql-ws, only the subscriber’s own tenant', async () => {
    const events = acme.client.subscribe(TenantEventsDocument);
    let n = 0;
    const first = await firstEvent(
      () => events.next(),
      async () => {
        await createUserIn(bolt, `bolt-${n}`); // another tenant's change must never arrive
        await createUserIn(acme, `acme-${n++}`);
      },
    );
    expect(first.value?.tenantEvents.type).toBe('USER_CREATED');
    const subject = await server.post(
      {
        query: 'query($id: ID!) { node(id: $id) { ... on User { name } } }',
        variables: { id: first.value?.tenantEvents.subjectId },
      },
      { authorization: `Bearer ${acme.apiKey}` },
    );
    expect(subject.body.data.node.name).toMatch(/^acme-/);
    await events.return?.();
  });

  it('streams over SSE on the same path with the same auth', async () => {
    const denied = await openSse(server.url, eventsQuery);
    const deniedResult = await denied.next();
    expect(deniedResult?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    denied.close();

    const sse = await openSse(server.url, eventsQuery, `Bearer ${acme.apiKey}`);
    expect(sse.status).toBe(200);
    let n = 0;
    const first = await firstEvent(sse.next, async () => {
      await createUserIn(bolt, `sse-bolt-${n}`);
      await createUserIn(acme, `sse-acme-${n++}`);
    });
    expect(first?.data?.tenantEvents).toMatchObject({ type: 'USER_CREATED' });
    sse.close();
  });

  it('refuses a WebSocket with a bad credential and a recruiter’s subscription', async () => {
    const bad = createClient({
      url: server.url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: 'Bearer prl_wrong' },
      retryAttempts: 0,
    });
    const closed = await new Promise<{ code: number }>((resolve) => {
      bad.subscribe(
        { query: eventsQuery },
        { next: () => {}, error: (e) => resolve(e as { code: number }), complete: () => resolve({ code: 0 }) },
      );
    });
    expect(closed.code).toBe(4403);
    await bad.dispose();

    const recruiter = await server.createUser(acme);
    const iterator = recruiter.client.subscribe(TenantEventsDocument);
    await expect(iterator.next()).rejects.toThrow(/not allow/);
  });

  it.runIf(testMode === 'postgres')(
    'fans events out through Redis to subscribers on another copy of the service',
    async () => {
      const second = await startTestServer({ database: server.database });
      try {
        const events = second.client(acme.apiKey).subscribe(TenantEventsDocument);
        let n = 0;
        const first = await firstEvent(
          () => events.next(),
          () => createUserIn(acme, `copy-${n++}`),
        );
        expect(first.value?.tenantEvents.type).toBe('USER_CREATED');
        await events.return?.();
      } finally {
        await second.stop({ keepDatabase: true });
      }
    },
  );
});
