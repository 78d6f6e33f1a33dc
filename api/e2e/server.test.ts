import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TenantEventsDocument } from '../../clients/generated/graphql.ts';
import { rawId, startTestServer, type TestServer } from '../test/harness.ts';
import { openSse } from '../test/sse.ts';

describe('the HTTP server', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('answers liveness and readiness, and echoes a request id', async () => {
    server = await startTestServer();
    const base = server.url.replace('/graphql', '');
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', checks: { database: 'ok', events: 'ok' } });

    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'abc-123' },
      body: JSON.stringify({ query: '{ viewer { kind } }' }),
    });
    expect(res.headers.get('x-request-id')).toBe('abc-123');
    const generated = await fetch(`${base}/healthz`);
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs one JSON line per request with request id, tenant and duration, and no credentials', async () => {
    server = await startTestServer();
    const tenant = await server.createTenant();
    await server.post(
      { query: '{ tenant { name } }' },
      { authorization: `Bearer ${tenant.apiKey}`, 'x-request-id': 'log-check-1' },
    );
    const line = server.logs.lines.map((l) => JSON.parse(l)).find((l) => l.requestId === 'log-check-1');
    expect(line).toMatchObject({
      msg: 'request',
      tenantId: rawId(tenant.id),
      actor: 'apiKey',
      status: 200,
      method: 'POST',
      path: '/graphql',
    });
    expect(line.durationMs).toEqual(expect.any(Number));
    expect(server.logs.text).not.toContain(tenant.apiKey);
  });

  it('drains on shutdown: finishes a request in flight, closes live streams, then refuses connections', async () => {
    server = await startTestServer();
    const tenant = await server.createTenant();
    const sse = await openSse(server.url, 'subscription { tenantEvents { type } }', `Bearer ${tenant.apiKey}`);
    const ws = tenant.client.subscribe(TenantEventsDocument);
    const wsEnded = ws.next().then(
      (r) => ({ done: r.done }),
      (e: unknown) => ({ error: e }),
    );
    await new Promise((r) => setTimeout(r, 200));

    // A request whose body is still arriving when shutdown starts.
    const body = JSON.stringify({ query: '{ tenant { users(first: 50) { totalCount } } }' });
    const socket = connect(server.app.port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    socket.write(
      `POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\nauthorization: Bearer ${tenant.apiKey}\r\ncontent-length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
    );
    const response = new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (d) => {
        text += d;
      });
      socket.on('close', () => resolve(text));
    });
    await new Promise((r) => setTimeout(r, 100));
    const stopping = server.stop();
    await new Promise((r) => setTimeout(r, 100));
    socket.write(body.slice(10));
    const answer = await response;
    expect(answer).toMatch(/^HTTP\/1.1 200/);
    expect(answer).toContain('"totalCount":0');
    expect(await sse.next()).toBeNull(); // the stream ended
    expect(await wsEnded).not.toEqual({ done: false }); // the WebSocket subscription ended, no event arrived
    await stopping;
    await expect(fetch(server.url.replace('/graphql', '/healthz'))).rejects.toThrow();
  });
});
