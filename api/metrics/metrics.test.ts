import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SendMessageDocument, TenantEventsDocument } from '../../clients/generated/graphql.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { setUpHiring, waitFor } from '../test/messaging-fixture.ts';
import { optIn } from '../test/opted-in.ts';
import { mayScrape } from './serve-metrics.ts';

const token = randomBytes(24).toString('hex');
let server: TestServer;
let metricsUrl: string;

beforeAll(async () => {
  // The worker starts when the test has seen the queued row in the outbox gauge.
  server = await startTestServer({ env: { METRICS_TOKEN: token, OUTBOX_WORKER: 'off' } });
  metricsUrl = `${server.publicUrl}/metrics`;
});
afterAll(() => server?.stop());

async function scrape(): Promise<string> {
  const response = await fetch(metricsUrl, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  return response.text();
}

/** The value of the series `name` whose labels include `labels` (0 when there is none). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(match[3]);
  }
  return 0;
}

describe('GET /metrics', () => {
  it('is refused without the METRICS_TOKEN, or with another', async () => {
    const none = await fetch(metricsUrl);
    expect(none.status).toBe(401);
    expect(await none.text()).not.toContain('graphql_envelop');
    const wrong = await fetch(metricsUrl, { headers: { authorization: `Bearer ${token.replace(/.$/, 'x')}` } });
    expect(wrong.status).toBe(401);
  });

  it('without a token, answers callers on this host only', () => {
    const req = (remoteAddress: string, authorization?: string, more: Record<string, string> = {}) =>
      ({ headers: { authorization, ...more }, socket: { remoteAddress } }) as unknown as IncomingMessage;
    expect(mayScrape(req('127.0.0.1'), undefined)).toBe(true);
    expect(mayScrape(req('::1'), undefined)).toBe(true);
    expect(mayScrape(req('10.0.0.7'), undefined)).toBe(false);
    // Forwarded by a proxy on this host (nginx, a sidecar): from loopback, but not this host's caller.
    expect(mayScrape(req('127.0.0.1', undefined, { 'x-forwarded-for': '203.0.113.9' }), undefined)).toBe(false);
    expect(mayScrape(req('127.0.0.1', undefined, { forwarded: 'for=203.0.113.9' }), undefined)).toBe(false);
    expect(mayScrape(req('127.0.0.1', undefined, { via: '1.1 sidecar' }), undefined)).toBe(false);
    expect(mayScrape(req('127.0.0.1'), token)).toBe(false);
    expect(mayScrape(req('10.0.0.7', `Bearer ${token}`), token)).toBe(true);
  });

  it('moves when a message is sent: requests by operation, the outbox gauges, sends by channel, plugin and status', async () => {
    const h = await setUpHiring(server);
    await optIn(h);
    const before = await scrape();
    const sendLabels = { operationName: 'SendMessage', operationType: 'mutation' };

    const sent = await h.recruiter.client.request(SendMessageDocument, {
      input: { conversationId: h.conversationId, channel: 'SMS', body: 'Metrics hello', idempotencyKey: 'metrics-1' },
    });
    expect(sent.sendMessage.__typename).toBe('Message');

    const queued = await scrape();
    expect(sample(queued, 'graphql_envelop_request', sendLabels)).toBe(
      sample(before, 'graphql_envelop_request', sendLabels) + 1,
    );
    expect(sample(queued, 'graphql_envelop_request_duration_count', sendLabels)).toBe(
      sample(before, 'graphql_envelop_request_duration_count', sendLabels) + 1,
    );
    expect(sample(queued, 'parley_outbox_rows', { state: 'pending' })).toBeGreaterThanOrEqual(1);
    expect(sample(queued, 'parley_outbox_oldest_due_seconds')).toBeGreaterThanOrEqual(0);
    expect(queued).toMatch(/^parley_event_relay_lag_seconds \S+$/m);
    expect(queued).toMatch(/^parley_live_connections \S+$/m);
    if (server.config.databaseUrl)
      expect(sample(queued, 'parley_db_pool_connections', { state: 'total' })).toBeGreaterThan(0);

    const sendsLabels = { channel: 'SMS', plugin: 'twilio-sms', status: 'sent' };
    server.app.outbox.start();
    await waitFor(async () => h.sentToCandidate().length === 1, 'the send');
    const after = await waitFor(async () => {
      const text = await scrape();
      return (
        sample(text, 'parley_outbox_sends_total', sendsLabels) ===
          sample(before, 'parley_outbox_sends_total', sendsLabels) + 1 && text
      );
    }, 'the sends counter');
    expect(sample(after, 'parley_outbox_rows', { state: 'pending' })).toBe(0);
    // No tenant, person, number or text in any label.
    for (const secret of [h.tenant.id, h.candidatePhone, h.sendingNumber, 'Metrics hello', h.conversationId]) {
      expect(after).not.toContain(secret);
    }
  });

  it('counts open graphql-ws connections', async () => {
    const before = sample(await scrape(), 'parley_live_connections');
    const tenant = await server.createTenant();
    const events = tenant.client.subscribe(TenantEventsDocument);
    const first = events.next();
    await expect
      .poll(async () => sample(await scrape(), 'parley_live_connections'), { timeout: 10_000 })
      .toBe(before + 1);
    await events.return?.();
    await tenant.client.close();
    await first.catch(() => {});
    await expect.poll(async () => sample(await scrape(), 'parley_live_connections'), { timeout: 10_000 }).toBe(before);
  });

  it('counts a refused provider webhook', async () => {
    const labels = { plugin: 'twilio-sms', reason: 'signature' };
    const before = sample(await scrape(), 'parley_webhook_refused_total', labels);
    const response = await fetch(`${server.publicUrl}/webhooks/twilio-sms/platform/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'forged' },
      body: 'From=%2B14155550100&To=%2B14155550101&Body=hi&MessageSid=SM1',
    });
    expect(response.status).toBe(403);
    expect(sample(await scrape(), 'parley_webhook_refused_total', labels)).toBe(before + 1);
  });

  it('counts errors by the extensions.code the client received', async () => {
    const tenant = await server.createTenant();
    const ask = (query: string) => server.post({ query }, { authorization: `Bearer ${tenant.apiKey}` });
    const series = (phase: string, code: string) => ({ phase, code });
    const before = await scrape();
    expect((await ask('{ node(id: "bad") { id } }')).body.errors?.[0]?.extensions?.code).toBe('VALIDATION');
    expect((await ask('{ noSuchField }')).body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const after = await scrape();
    const moved = (phase: string, code: string) =>
      sample(after, 'graphql_envelop_error_result', series(phase, code)) -
      sample(before, 'graphql_envelop_error_result', series(phase, code));
    expect(moved('execute', 'VALIDATION')).toBe(1);
    expect(moved('execute', 'INTERNAL_SERVER_ERROR')).toBe(0);
    expect(moved('validate', 'GRAPHQL_VALIDATION_FAILED')).toBe(1);
    expect(moved('validate', 'none')).toBe(0);
  });

  it('counts operation names it does not know as "other", so callers cannot grow the series', async () => {
    const tenant = await server.createTenant();
    const names = Array.from({ length: 40 }, (_, i) => `Hostile${i}_${randomBytes(6).toString('hex')}`);
    const ask = (name: string) =>
      server.post(
        { query: `query ${name} { __typename }`, operationName: name },
        {
          authorization: `Bearer ${tenant.apiKey}`,
        },
      );
    await ask('HostileFirst'); // the "other" series exists from here on
    const before = await scrape();
    for (const name of names) {
      expect((await ask(name)).status).toBe(200);
    }
    const after = await scrape();
    expect(after).not.toContain('Hostile');
    const other = { operationName: 'other', operationType: 'query' };
    expect(sample(after, 'graphql_envelop_request', other)).toBe(sample(before, 'graphql_envelop_request', other) + 40);
    const series = after.split('\n').filter((l) => l.startsWith('graphql_envelop_request{'));
    expect(series.length).toBe(before.split('\n').filter((l) => l.startsWith('graphql_envelop_request{')).length);
  });
});
