import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../test/webhook-receiver.ts';
import { postWebhook } from './post.ts';

describe('postWebhook', () => {
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver((r) =>
      r.path.startsWith('/redirect') ? 302 : r.path === '/slow' ? 'hang' : 204,
    );
  });
  afterAll(() => receiver.close());

  const post = (url: string, allowPrivate: boolean, timeoutMs = 2_000) =>
    postWebhook(url, { 'webhook-id': 'x' }, '{}', { timeoutMs, allowPrivate });

  it('refuses loopback at connect time, for an IP and for a name that resolves to it, and sends nothing', async () => {
    const before = receiver.received.length;
    const byIp = await post(`http://127.0.0.1:${receiver.port}/hooks`, false);
    const byName = await post(`http://localhost:${receiver.port}/hooks`, false);
    expect(byIp).toMatchObject({ statusCode: null, error: expect.stringMatching(/loopback/) });
    expect(byName).toMatchObject({
      statusCode: null,
      error: expect.stringMatching(/localhost resolves to .*loopback/),
    });
    expect(receiver.received.length).toBe(before);
  });

  it('sends when private targets are allowed, and reports status and latency', async () => {
    const result = await post(`http://localhost:${receiver.port}/hooks`, true);
    expect(result.statusCode).toBe(204);
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('does not follow redirects', async () => {
    const before = receiver.received.length;
    expect((await post(`http://127.0.0.1:${receiver.port}/redirect`, true)).statusCode).toBe(302);
    expect(receiver.received.slice(before).map((r) => r.path)).toEqual(['/redirect']);
  });

  it('ends a request in flight at once when the service stops', async () => {
    const stopping = new AbortController();
    const pending = postWebhook(`http://127.0.0.1:${receiver.port}/slow`, {}, '{}', {
      timeoutMs: 10_000,
      allowPrivate: true,
      signal: stopping.signal,
    });
    await new Promise((r) => setTimeout(r, 100));
    stopping.abort();
    expect(await pending).toMatchObject({ statusCode: null, error: expect.stringMatching(/stopping/) });
  });

  it('gives up on an endpoint that does not answer after the timeout', async () => {
    const result = await post(`http://127.0.0.1:${receiver.port}/slow`, true, 300);
    expect(result).toMatchObject({ statusCode: null, error: expect.stringMatching(/no answer within 300 ms/) });
    expect(result.latencyMs).toBeLessThan(2_000);
  });
});
