import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { type ReportTenant, seedReportTenant } from '../test/report-fixture.ts';

const ledger = (args: string) => `{ tenant { name creditLedger(first: 5${args}) { edges { node { amount } } } } }`;

describe('refused report and workflow queries', () => {
  let server: TestServer;
  let t: ReportTenant;
  const ask = (query: string, credential: string) => server.post({ query }, { authorization: `Bearer ${credential}` });
  beforeAll(async () => {
    server = await startTestServer({ env: { OUTBOX_WORKER: 'off' } });
    t = await seedReportTenant(server);
  });
  afterAll(() => server?.stop());

  it('answers a typed error and logs nothing at error level', async () => {
    const errorLines = () => server.logs.lines.filter((l) => JSON.parse(l).level >= 50);
    const before = errorLines().length;
    const recruiter = t.h.recruiter.token;
    const refusals = [
      await ask('{ workflows(first: 5) { edges { node { id } } } }', recruiter),
      await ask('{ workflowRuns(first: 5) { edges { node { id } } } }', recruiter),
      await ask(ledger(''), recruiter),
      await ask(
        '{ workflowRuns(first: 5, filter: { from: "2027-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z" }) { edges { node { id } } } }',
        t.h.tenant.apiKey,
      ),
      await ask(ledger(', from: "2027-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z"'), t.h.tenant.apiKey),
    ];
    expect(refusals.map((r) => r.body.errors?.[0]?.extensions?.code)).toEqual([
      'NOT_AUTHORIZED',
      'NOT_AUTHORIZED',
      'NOT_AUTHORIZED',
      'VALIDATION',
      'VALIDATION',
    ]);
    expect(errorLines().slice(before)).toEqual([]);
  });

  it('puts a bad credit ledger period on creditLedger, keeping the rest of the tenant', async () => {
    const { body } = await ask(ledger(', from: "2027-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z"'), t.h.tenant.apiKey);
    expect(body.errors).toMatchObject([
      { path: ['tenant', 'creditLedger'], message: 'to: must be after from', extensions: { code: 'VALIDATION' } },
    ]);
    expect(body.data).toEqual({ tenant: { name: expect.any(String), creditLedger: null } });
  });
});
