import { request as httpGet, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateApiKeyDocument, RevokeApiKeyDocument } from '../../clients/generated/graphql.ts';
import { loadConfig } from '../config.ts';
import { rawId, startTestServer, type TestServer } from '../test/harness.ts';
import { type ReportTenant, seedReportTenant } from '../test/report-fixture.ts';

const bulk = { from: '2026-12-01T00:00:00Z', to: '2026-12-03T00:00:00Z' };
const ROWS = 60_000;

describe('CSV downloads at once, and a revoked one', () => {
  let server: TestServer;
  let a: ReportTenant;
  let b: ReportTenant;
  const open: IncomingMessage[] = [];

  /** Starts a download and reads nothing past its headers, so it stays open (backpressure). */
  const start = (credential: string) =>
    new Promise<IncomingMessage>((resolve, reject) => {
      const url = new URL(`${server.publicUrl}/reports/message-activity.csv?${new URLSearchParams(bulk)}`);
      httpGet(url, { headers: { authorization: `Bearer ${credential}` } }, (res) => {
        res.pause();
        if (res.statusCode === 200) open.push(res);
        resolve(res);
      })
        .on('error', reject)
        .end();
    });
  const body = (res: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => {
        text += c;
      });
      res.on('end', () => resolve(text));
      res.resume();
    });
  /** Reads to the end: the rows and whether the response ended whole or was cut. */
  const drain = (res: IncomingMessage) =>
    new Promise<{ rows: number; whole: boolean }>((resolve) => {
      let rows = -1;
      let carry = ''; // a chunk may end between a row's \r and its \n
      res.on('data', (c: Buffer) => {
        const text = carry + c.toString();
        rows += text.split('\r\n').length - 1;
        carry = text.endsWith('\r') ? '\r' : '';
      });
      res.on('end', () => resolve({ rows, whole: true }));
      res.on('aborted', () => resolve({ rows, whole: false }));
      res.on('error', () => resolve({ rows, whole: false }));
      res.resume();
    });
  const seedBulk = (t: ReportTenant) =>
    server.app.services.prisma.$executeRaw`
      INSERT INTO "Message" (id, "tenantId", "conversationId", direction, channel, body, "fromNumber", "toNumber",
        status, "createdAt")
      SELECT gen_random_uuid(), ${rawId(t.h.tenant.id)}::uuid, ${rawId(t.h.conversationId)}::uuid, 'INBOUND', 'SMS',
        'bulk ' || g, ${t.h.candidatePhone}, ${t.h.sendingNumber}, 'RECEIVED',
        '2026-12-01T00:00:00Z'::timestamptz + g * interval '1 second'
      FROM generate_series(1, ${ROWS}) g`;

  beforeAll(async () => {
    server = await startTestServer({
      env: { OUTBOX_WORKER: 'off', REPORT_CSV_MAX_PER_TENANT: '2', REPORT_CSV_MAX_CONCURRENT: '3' },
    });
    a = await seedReportTenant(server);
    b = await seedReportTenant(server);
    await seedBulk(a);
    await seedBulk(b);
  }, 120_000);
  afterAll(async () => {
    for (const res of open) res.destroy();
    await server?.stop();
  });

  it('defaults to 2 downloads per tenant and 4 in all', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).reportDownloads).toEqual({ perTenant: 2, total: 4 });
  });

  it('answers 429 with Retry-After beyond the per-tenant and the process limit, and frees a place when one ends', async () => {
    const first = await start(a.h.tenant.apiKey);
    const second = await start(a.h.admin.token);
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    const third = await start(a.h.tenant.apiKey);
    expect(third.statusCode).toBe(429);
    expect(third.headers['retry-after']).toBe('5');
    const refusal = JSON.parse(await body(third));
    expect(refusal.errors[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', retryAfterSeconds: 5 });
    expect(refusal.errors[0].message).toMatch(/at most 2 per tenant, 3 in all\); wait for one to finish/);

    // Another tenant gets the last place in the process, then none.
    const theirs = await start(b.h.tenant.apiKey);
    expect(theirs.statusCode).toBe(200);
    const over = await start(b.h.admin.token);
    expect(over.statusCode).toBe(429);
    await body(over);

    // A download read to its end gives its place back.
    expect(await drain(first)).toEqual({ rows: ROWS, whole: true });
    const again = await start(b.h.admin.token);
    expect(again.statusCode).toBe(200);
    for (const res of [second, theirs, again]) res.destroy();
  });

  it('ends an open download whose API key is revoked', async () => {
    await new Promise((r) => setTimeout(r, 200)); // the places of the last test's downloads come back
    const created = await a.h.tenant.client.request(CreateApiKeyDocument, { name: 'report reader' });
    if (created.createApiKey.__typename !== 'CreatedApiKey') throw new Error(JSON.stringify(created));
    const res = await start(created.createApiKey.secret);
    expect(res.statusCode).toBe(200);
    await a.h.tenant.client.request(RevokeApiKeyDocument, { id: created.createApiKey.apiKey.id });
    const { rows, whole } = await drain(res);
    expect(whole).toBe(false);
    expect(rows).toBeLessThan(ROWS);
    expect(server.logs.text).toContain('report download ended: credential revoked');
  });
});
