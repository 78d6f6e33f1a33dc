import { type Client, createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  CreateApiKeyDocument,
  CreateUserDocument,
  RevokeApiKeyDocument,
  UpdateUserDocument,
  ViewerDocument,
} from '../../clients/generated/graphql.ts';
import { signUserToken } from '../auth/user-tokens.ts';
import { testMode } from '../test/databases.ts';
import { rawId, startTestServer, type TestServer, type TestTenant } from '../test/harness.ts';
import { waitFor } from '../test/messaging-fixture.ts';
import { openSse } from '../test/sse.ts';

const eventsQuery = 'subscription { tenantEvents { type } }';

type Closed = { code: number; reason: string };

/** A graphql-ws client that records how its socket closed and never reconnects. */
function wsClient(url: string, credential: string) {
  let closed: Closed | null = null;
  const client: Client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${credential}` },
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => {}, // the close is what the tests look at
    on: {
      closed: (event) => {
        const e = event as { code: number; reason: string };
        closed = { code: e.code, reason: String(e.reason) };
      },
    },
  });
  return { client, closed: () => closed };
}

/** Subscribes and resolves once the subscription is live on the server (its first event arrived). */
async function liveSubscription(client: Client, poke: () => Promise<unknown>) {
  const events: unknown[] = [];
  const errors: unknown[] = [];
  let completed = false;
  client.subscribe(
    { query: eventsQuery },
    {
      next: (value) => void events.push(value),
      error: (error) => void errors.push(error),
      complete: () => {
        completed = true;
      },
    },
  );
  await waitFor(async () => {
    if (events.length > 0) return true;
    await poke();
    return false;
  }, 'the subscription to go live');
  return { events, errors, ended: () => completed || errors.length > 0 };
}

describe('revocation reaches open connections', () => {
  let server: TestServer;
  let tenant: TestTenant;
  let n = 0;
  const poke = () =>
    tenant.client.request(CreateUserDocument, { input: { name: `Poke ${n}`, email: `poke-${n++}@example.com` } });

  beforeAll(async () => {
    server = await startTestServer();
    tenant = await server.createTenant('Revokers');
  });
  afterAll(() => server?.stop());

  async function newKey() {
    const created = await tenant.client.request(CreateApiKeyDocument, { name: `key ${n++}` });
    if (created.createApiKey.__typename !== 'CreatedApiKey') throw new Error(JSON.stringify(created));
    return created.createApiKey;
  }

  it('refuses a deactivated user on the very next request, every time', async () => {
    for (let i = 0; i < 40; i++) {
      const { client, user } = await server.createUser(tenant);
      expect((await client.request(ViewerDocument)).viewer.kind).toBe('USER'); // now cached
      await tenant.client.request(UpdateUserDocument, { input: { id: user.id, deactivated: true } });
      await expect(client.request(ViewerDocument), `try ${i}`).rejects.toMatchObject({ status: 401 });
    }
  });

  it('closes a revoked key’s WebSocket with 4403 and ends its subscriptions', async () => {
    const key = await newKey();
    const ws = wsClient(server.url, key.secret);
    const sub = await liveSubscription(ws.client, poke);
    await tenant.client.request(RevokeApiKeyDocument, { id: key.apiKey.id });
    const closed = await waitFor(async () => ws.closed(), 'the socket to close');
    expect(closed).toEqual({ code: 4403, reason: 'This API key was revoked.' });
    expect(sub.ended()).toBe(true);
    const before = sub.events.length;
    await poke();
    await new Promise((r) => setTimeout(r, 200));
    expect(sub.events.length).toBe(before);
    // Nor can the revoked key open a new socket.
    const again = wsClient(server.url, key.secret);
    await waitFor(async () => again.closed(), 'the new socket to be refused');
    expect(again.closed()?.code).toBe(4403);
    await Promise.all([ws.client.dispose(), again.client.dispose()]);
  });

  it('refuses new operations on a socket whose key was revoked, even before the socket is closed', async () => {
    const key = await newKey();
    const socket = new WebSocket(server.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const messages: { type: string; id?: string; payload?: unknown }[] = [];
    let closedWith: number | null = null;
    socket.on('message', (data) => messages.push(JSON.parse(String(data))));
    socket.on('close', (code) => {
      closedWith = code;
    });
    await new Promise((r) => socket.once('open', r));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${key.secret}` } }));
    await waitFor(async () => messages.some((m) => m.type === 'connection_ack'), 'connection_ack');
    // Revoke straight in the database, so no announcement closes the socket: only the per-operation check can refuse.
    await server.app.services.prisma.apiKey.update({
      where: { id: rawId(key.apiKey.id) },
      data: { revokedAt: new Date() },
    });
    const cacheMs = server.config.authCacheMs;
    await new Promise((r) => setTimeout(r, cacheMs + 50));
    socket.send(
      JSON.stringify({
        type: 'subscribe',
        id: '1',
        payload: { query: 'mutation { createApiKey(name: "x") { __typename } }' },
      }),
    );
    await waitFor(async () => closedWith !== null, 'the socket to close');
    expect(closedWith).toBe(4403);
    expect(messages.some((m) => m.type === 'next')).toBe(false);
    const keys = await server.app.services.prisma.apiKey.count({ where: { tenantId: rawId(tenant.id), name: 'x' } });
    expect(keys).toBe(0);
  });

  it('ends a deactivated user’s SSE stream, and closes a user’s socket when their role changes', async () => {
    const admin = await server.createUser(tenant, { role: 'ADMIN' });
    const sse = await openSse(server.url, eventsQuery, `Bearer ${admin.token}`);
    await poke();
    expect(await sse.next()).toMatchObject({ data: { tenantEvents: { type: 'USER_CREATED' } } });
    await tenant.client.request(UpdateUserDocument, { input: { id: admin.user.id, deactivated: true } });
    let next = await sse.next();
    while (next?.data?.tenantEvents?.type === 'USER_UPDATED') next = await sse.next(); // the deactivation itself
    expect(next).toBeNull();

    const other = await server.createUser(tenant, { role: 'ADMIN' });
    const ws = wsClient(server.url, other.token);
    await liveSubscription(ws.client, poke);
    await tenant.client.request(UpdateUserDocument, { input: { id: other.user.id, name: 'Renamed' } });
    await new Promise((r) => setTimeout(r, 200));
    expect(ws.closed()).toBeNull(); // a new name is no reason to close anything
    await tenant.client.request(UpdateUserDocument, { input: { id: other.user.id, role: 'RECRUITER' } });
    const closed = await waitFor(async () => ws.closed(), 'the socket to close');
    expect(closed.code).toBe(4403);
    await ws.client.dispose();
  });

  it('answers the revoking request itself, and other requests in flight, rather than cutting them off', async () => {
    const key = await newKey();
    const self = server.client(key.secret);
    const revoked = await self.request(RevokeApiKeyDocument, { id: key.apiKey.id });
    expect(revoked.revokeApiKey).toMatchObject({ __typename: 'ApiKey', active: false });
    const admin = await server.createUser(tenant, { role: 'ADMIN' });
    const demoted = await admin.client.request(UpdateUserDocument, { input: { id: admin.user.id, role: 'RECRUITER' } });
    expect(demoted.updateUser).toMatchObject({ __typename: 'User' });
  });

  it('refuses a socket without a credential, and more sockets per credential than allowed', async () => {
    const anonymous = new WebSocket(server.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const refused = new Promise<number>((resolve) => anonymous.on('close', (code) => resolve(code)));
    await new Promise((r) => anonymous.once('open', r));
    anonymous.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    expect(await refused).toBe(4401);

    const capped = await startTestServer({ env: { GRAPHQL_MAX_CONNECTIONS_PER_CREDENTIAL: '2' } });
    try {
      const own = await capped.createTenant('Capped');
      const sockets = [
        wsClient(capped.url, own.apiKey),
        wsClient(capped.url, own.apiKey),
        wsClient(capped.url, own.apiKey),
      ];
      // Whichever connects last is refused: the order of connection is not the order of creation.
      const refused = await waitFor(async () => sockets.find((s) => s.closed()), 'one socket to be refused');
      expect(refused.closed()?.code).toBe(4429);
      await new Promise((r) => setTimeout(r, 200));
      expect(sockets.filter((s) => s.closed() === null)).toHaveLength(2);
      await Promise.all(sockets.map((s) => s.client.dispose()));
    } finally {
      await capped.stop();
    }
  });

  it('closes a user token’s socket when the token expires', async () => {
    const admin = await server.createUser(tenant, { role: 'ADMIN' });
    const short = await signUserToken(
      server.app.services.signingKey,
      { userId: rawId(admin.user.id), tenantId: rawId(tenant.id) },
      2,
    );
    const ws = wsClient(server.url, short.token);
    await liveSubscription(ws.client, poke);
    const closed = await waitFor(async () => ws.closed(), 'the socket to close at expiry', 6_000);
    expect(closed).toMatchObject({ code: 4403, reason: expect.stringMatching(/expired/) });
    await ws.client.dispose();
  });

  it('closes a revoked key’s socket even when the revocation was never announced', async () => {
    const checking = await startTestServer({ env: { LIVE_CONNECTION_RECHECK_MS: '300' } });
    try {
      const own = await checking.createTenant('Rechecked');
      const created = await own.client.request(CreateApiKeyDocument, { name: 'watched' });
      if (created.createApiKey.__typename !== 'CreatedApiKey') throw new Error(JSON.stringify(created));
      const { secret, apiKey } = created.createApiKey;
      const ws = wsClient(checking.url, secret);
      let i = 0;
      await liveSubscription(ws.client, () =>
        own.client.request(CreateUserDocument, { input: { name: `R ${i}`, email: `r-${i++}@example.com` } }),
      );
      // Straight in the database, as if the announcement had been lost with Redis.
      await checking.app.services.prisma.apiKey.update({
        where: { id: rawId(apiKey.id) },
        data: { revokedAt: new Date() },
      });
      const closed = await waitFor(async () => ws.closed(), 'the socket to close on the recheck', 5_000);
      expect(closed.code).toBe(4403);
      await ws.client.dispose();
    } finally {
      await checking.stop();
    }
  });

  it('ends an SSE stream whatever Accept header opened it', async () => {
    for (const accept of ['*/*', 'TEXT/EVENT-STREAM', null]) {
      const key = await newKey();
      const response = await fetch(server.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${key.secret}`,
          ...(accept ? { accept } : {}),
        },
        body: JSON.stringify({ query: eventsQuery }),
      });
      expect(response.headers.get('content-type'), String(accept)).toContain('text/event-stream');
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      await tenant.client.request(RevokeApiKeyDocument, { id: key.apiKey.id });
      const ended = await (async () => {
        for (;;) {
          const chunk = await reader.read().catch(() => ({ done: true }));
          if (chunk.done) return true;
        }
      })();
      expect(ended, String(accept)).toBe(true);
    }
  });

  it.runIf(testMode === 'postgres')(
    'refuses a user deactivated, demoted or a key revoked through one copy on the very next request to another, every time',
    async () => {
      // The second copy caches credentials for a minute: only the announcement can make it forget one in time.
      const second = await startTestServer({ database: server.database, env: { AUTH_CACHE_MS: '60000' } });
      try {
        const onSecond = (token: string) => second.client(token);
        for (let i = 0; i < 40; i++) {
          const { token, user } = await server.createUser(tenant);
          expect((await onSecond(token).request(ViewerDocument)).viewer.kind).toBe('USER'); // cached there
          await tenant.client.request(UpdateUserDocument, { input: { id: user.id, deactivated: true } });
          await expect(onSecond(token).request(ViewerDocument), `try ${i}`).rejects.toMatchObject({ status: 401 });
        }
        const admin = await server.createUser(tenant, { role: 'ADMIN' });
        const created = await onSecond(admin.token).request(CreateApiKeyDocument, { name: 'before' });
        expect(created.createApiKey.__typename).toBe('CreatedApiKey');
        await tenant.client.request(UpdateUserDocument, { input: { id: admin.user.id, role: 'RECRUITER' } });
        const after = await onSecond(admin.token).request(CreateApiKeyDocument, { name: 'after' });
        expect(after.createApiKey.__typename).toBe('NotAuthorizedError');
        const key = await newKey();
        expect((await onSecond(key.secret).request(ViewerDocument)).viewer.kind).toBe('API_KEY');
        await tenant.client.request(RevokeApiKeyDocument, { id: key.apiKey.id });
        await expect(onSecond(key.secret).request(ViewerDocument)).rejects.toMatchObject({ status: 401 });
      } finally {
        await second.stop({ keepDatabase: true });
      }
    },
  );

  it.runIf(testMode === 'postgres')('closes the key’s sockets on every copy of the service', async () => {
    const second = await startTestServer({ database: server.database, env: { AUTH_CACHE_MS: '60000' } });
    try {
      const key = await newKey();
      const ws = wsClient(second.url, key.secret);
      await liveSubscription(ws.client, poke);
      await tenant.client.request(RevokeApiKeyDocument, { id: key.apiKey.id });
      const closed = await waitFor(async () => ws.closed(), 'the socket on the second copy to close');
      expect(closed.code).toBe(4403);
      await ws.client.dispose();
    } finally {
      await second.stop({ keepDatabase: true });
    }
  });
});
