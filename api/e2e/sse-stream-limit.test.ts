import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type TestServer, type TestTenant } from '../test/harness.ts';
import { waitFor } from '../test/messaging-fixture.ts';
import { openSse } from '../test/sse.ts';

const eventsQuery = 'subscription { tenantEvents { type } }';

describe('SSE streams per credential', () => {
  let server: TestServer;
  let tenant: TestTenant;
  beforeAll(async () => {
    server = await startTestServer(); // GRAPHQL_MAX_CONNECTIONS_PER_CREDENTIAL: 50 by default
    tenant = await server.createTenant('Streams');
  });
  afterAll(() => server?.stop());

  const open = () => openSse(server.url, eventsQuery, `Bearer ${tenant.apiKey}`);
  const refusal = async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        authorization: `Bearer ${tenant.apiKey}`,
      },
      body: JSON.stringify({ query: eventsQuery }),
    });
    return { status: response.status, text: await response.text() };
  };

  it('refuses the 51st stream of one API key with 429 LIMIT_EXCEEDED, and takes one again once a stream closes', async () => {
    const streams = [];
    for (let i = 0; i < 50; i++) streams.push(await open());
    expect(streams.map((s) => s.status)).toEqual(Array(50).fill(200));

    const over = await refusal();
    expect(over.status).toBe(429);
    expect(over.text).toContain('LIMIT_EXCEEDED');
    expect(over.text).toContain('graphql-ws');

    // Another tenant's key has its own budget.
    const other = await server.createTenant('Other streams');
    const theirs = await openSse(server.url, eventsQuery, `Bearer ${other.apiKey}`);
    expect(theirs.status).toBe(200);
    theirs.close();

    streams.pop()?.close();
    const again = await waitFor(async () => {
      const s = await open();
      if (s.status === 200) return s;
      s.close();
      return null;
    }, 'a place to be given back when a stream closes');
    streams.push(again);
    expect((await refusal()).status).toBe(429);
    for (const s of streams) s.close();
  });

  it('counts WebSockets and SSE streams of one credential against one budget', async () => {
    const capped = await startTestServer({ env: { GRAPHQL_MAX_CONNECTIONS_PER_CREDENTIAL: '2' } });
    try {
      const own = await capped.createTenant('One budget');
      const socket = () => {
        let closedWith: number | null = null;
        let connected = false;
        const client = createClient({
          url: capped.url.replace(/^http/, 'ws'),
          webSocketImpl: WebSocket,
          connectionParams: { authorization: `Bearer ${own.apiKey}` },
          retryAttempts: 0,
          lazy: false,
          onNonLazyError: () => {},
          on: {
            connected: () => {
              connected = true;
            },
            closed: (event) => {
              closedWith = (event as { code: number }).code;
            },
          },
        });
        return { client, connected: () => connected, closedWith: () => closedWith };
      };
      const first = socket();
      await waitFor(async () => first.connected(), 'the first socket to connect');
      const stream = await openSse(capped.url, eventsQuery, `Bearer ${own.apiKey}`);
      expect(stream.status).toBe(200);

      // One socket and one stream fill a budget of 2: a second socket is refused, and so is a second stream.
      const second = socket();
      expect(await waitFor(async () => second.closedWith(), 'the second socket to be refused')).toBe(4429);
      const over = await openSse(capped.url, eventsQuery, `Bearer ${own.apiKey}`);
      expect(over.status).toBe(429);
      over.close();

      // Closing the socket gives its place to a stream.
      await first.client.dispose();
      const again = await waitFor(async () => {
        const s = await openSse(capped.url, eventsQuery, `Bearer ${own.apiKey}`);
        if (s.status === 200) return s;
        s.close();
        return null;
      }, 'the socket’s place to be given back');
      again.close();
      stream.close();
      await second.client.dispose();
    } finally {
      await capped.stop();
    }
  });
});
