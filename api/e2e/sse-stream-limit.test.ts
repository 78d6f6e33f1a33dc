import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
