import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConsentChangesDocument,
  CreditLedgerPeriodDocument,
  MessageActivityDocument,
  type MessageActivityFilter,
  type MessageActivityQuery,
  NumberUsageReportDocument,
  UpdateUserDocument,
} from '../../clients/generated/graphql.ts';
import type { ParleyClient } from '../../clients/parley-client.ts';
import { rawId, startTestServer, type TestServer } from '../test/harness.ts';
import { optIn } from '../test/opted-in.ts';
import { hostileName, period, type ReportTenant, seedReportTenant } from '../test/report-fixture.ts';

const msg = (id: string) => encodeGlobalID('Message', id);

async function activity(client: ParleyClient, filter: Partial<MessageActivityFilter>, first?: number, after?: string) {
  const { messageActivity } = await client.request(MessageActivityDocument, {
    filter: { ...period, ...filter },
    first,
    after,
  });
  return messageActivity;
}

type Connection = Extract<MessageActivityQuery['messageActivity'], { __typename: 'QueryMessageActivityConnection' }>;
function rows(result: MessageActivityQuery['messageActivity']): Connection['edges'][number]['node'][] {
  if (result.__typename !== 'QueryMessageActivityConnection') throw new Error(JSON.stringify(result));
  return result.edges.map((e) => e.node);
}
const ids = async (client: ParleyClient, filter: Partial<MessageActivityFilter>) =>
  rows(await activity(client, filter)).map((r) => r.message);

describe('reports', () => {
  let server: TestServer;
  let t: ReportTenant;
  let other: ReportTenant;
  beforeAll(async () => {
    server = await startTestServer({ env: { OUTBOX_WORKER: 'off' } });
    t = await seedReportTenant(server);
    other = await seedReportTenant(server);
  });
  afterAll(() => server?.stop());

  it('lists every message of the period, newest first, with who, candidate, number, channel, kind, status, segments and credits', async () => {
    const list = rows(await activity(t.h.admin.client, {}));
    expect(list.map((r) => r.message)).toEqual(t.inPeriod.map(msg));
    const byId = new Map(list.map((r) => [r.message, r]));
    expect(byId.get(msg(t.ids.smsOut))).toMatchObject({
      createdAt: '2026-10-05T10:00:00.000Z',
      direction: 'OUTBOUND',
      author: { id: t.h.recruiter.user.id, name: 'Rita Recruiter' },
      candidate: { name: hostileName },
      number: t.h.sendingNumber,
      channel: 'SMS',
      kind: 'CHAT',
      status: 'DELIVERED',
      segments: 2,
      credits: 2,
    });
    expect(byId.get(msg(t.ids.secondNumber))).toMatchObject({
      author: { id: t.h.admin.user.id },
      number: t.secondNumber.e164,
      kind: 'REJECTION',
      status: 'SENT',
      credits: 2, // 3 charged, 1 refunded
    });
    expect(byId.get(msg(t.ids.smsIn))).toMatchObject({
      direction: 'INBOUND',
      author: null,
      number: t.h.sendingNumber,
      credits: 0,
    });
  });

  it('applies each filter', async () => {
    const c = t.h.admin.client;
    expect(await ids(c, { sendingNumberId: t.firstNumberId })).toEqual([t.ids.smsIn, t.ids.smsOut].map(msg));
    expect(await ids(c, { sendingNumberId: t.secondNumber.id })).toEqual([msg(t.ids.secondNumber)]);
    expect(await ids(c, { userId: t.h.recruiter.user.id })).toEqual([t.ids.whatsapp, t.ids.smsOut].map(msg));
    expect(await ids(c, { userId: t.h.outsider.user.id })).toEqual([]);
    expect(await ids(c, { channel: 'EMAIL' })).toEqual([msg(t.ids.email)]);
    expect(await ids(c, { channel: 'WHATSAPP' })).toEqual([msg(t.ids.whatsapp)]);
    expect(await ids(c, { direction: 'INBOUND' })).toEqual([msg(t.ids.smsIn)]);
    expect(await ids(c, { channel: 'SMS', direction: 'OUTBOUND', userId: t.h.admin.user.id })).toEqual([
      msg(t.ids.secondNumber),
    ]);
    // The period's bounds: from included, to excluded.
    expect(await ids(c, { from: '2026-09-30T23:59:59.999Z', to: '2026-10-05T10:00:00.001Z' })).toEqual(
      [t.ids.smsOut, t.ids.before].map(msg),
    );
    expect(await ids(c, { from: '2026-10-06T10:00:00.000Z', to: '2026-11-01T00:00:00.001Z' })).toEqual(
      [t.ids.atEnd, t.ids.email, t.ids.whatsapp, t.ids.secondNumber, t.ids.smsIn].map(msg),
    );
  });

  it('pages with stable cursors: the pages together are the whole report, once each', async () => {
    const c = t.h.admin.client;
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 5; page++) {
      const result = await activity(c, {}, 2, after);
      if (result.__typename !== 'QueryMessageActivityConnection') throw new Error(result.__typename);
      seen.push(...result.edges.map((e) => e.node.message));
      expect(result.pageInfo.hasPreviousPage).toBe(page > 0);
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor ?? undefined;
    }
    expect(seen).toEqual(t.inPeriod.map(msg));
    expect(await activity(c, {}, 2, 'not-a-cursor')).toMatchObject({ __typename: 'ValidationError', field: 'after' });
  });

  it('refuses a bad period and ids of another tenant, naming the field', async () => {
    const c = t.h.admin.client;
    expect(await activity(c, { from: period.to, to: period.from })).toMatchObject({
      __typename: 'ValidationError',
      field: 'filter.to',
    });
    const foreign = await activity(c, { sendingNumberId: other.firstNumberId, userId: other.h.recruiter.user.id });
    if (foreign.__typename !== 'ValidationError') throw new Error(foreign.__typename);
    expect(foreign.issues.map((i) => i.field)).toEqual(['filter.sendingNumberId', 'filter.userId']);
  });

  it('is for admins, the partner backend and users with canViewReports; never shows another tenant', async () => {
    expect(await activity(t.h.recruiter.client, {})).toMatchObject({ __typename: 'NotAuthorizedError' });
    expect(await ids(t.h.tenant.client, {})).toEqual(t.inPeriod.map(msg));
    await t.h.tenant.client.request(UpdateUserDocument, { input: { id: t.h.outsider.user.id, canViewReports: true } });
    // The outsider reads none of these conversations, and the report still lists them all: it covers the tenant.
    expect(await ids(t.h.outsider.client, {})).toEqual(t.inPeriod.map(msg));
    await t.h.tenant.client.request(UpdateUserDocument, { input: { id: t.h.outsider.user.id, canViewReports: false } });
    expect(await activity(t.h.outsider.client, {})).toMatchObject({ __typename: 'NotAuthorizedError' });
    expect(await ids(other.h.admin.client, {})).toEqual(other.inPeriod.map(msg));
    expect((await server.operator.request(MessageActivityDocument, { filter: period })).messageActivity).toMatchObject({
      __typename: 'NotAuthorizedError',
    });
  });

  it('reports consent changes of a period with their evidence', async () => {
    const before = new Date();
    await optIn(t.h);
    await optIn(other.h);
    const prisma = server.app.services.prisma;
    const candidate = await prisma.candidate.findFirstOrThrow({ where: { tenantId: rawId(t.h.tenant.id) } });
    await prisma.consentEvent.create({
      data: {
        tenantId: rawId(t.h.tenant.id),
        candidateId: candidate.id,
        channel: 'SMS',
        fromState: 'NONE',
        toState: 'CONSENTED',
        source: 'APPLICATION',
        evidence: 'form v1',
        createdAt: new Date('2026-10-02T00:00:00Z'),
      },
    });
    const recent = {
      from: before.toISOString(),
      to: new Date(Date.now() + 1000).toISOString(),
    };
    const { consentChanges } = await t.h.admin.client.request(ConsentChangesDocument, { filter: recent });
    if (consentChanges.__typename !== 'QueryConsentChangesConnection') throw new Error(consentChanges.__typename);
    expect(consentChanges.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({
        candidate: { id: encodeGlobalID('Candidate', candidate.id), name: hostileName },
        channel: 'SMS',
        toState: 'OPTED_IN',
        source: 'RECRUITER',
        actor: { id: t.h.recruiter.user.id, name: 'Rita Recruiter' },
        evidence: 'test set-up',
      }),
    ]);
    const october = await t.h.admin.client.request(ConsentChangesDocument, { filter: period });
    if (october.consentChanges.__typename !== 'QueryConsentChangesConnection') throw new Error('refused');
    expect(october.consentChanges.edges.map((e) => [e.node.source, e.node.evidence])).toEqual([
      ['APPLICATION', 'form v1'],
    ]);
    expect(
      (await t.h.recruiter.client.request(ConsentChangesDocument, { filter: recent })).consentChanges,
    ).toMatchObject({ __typename: 'NotAuthorizedError' });
  });

  it('reports usage per number per month with its allowance, zeros included', async () => {
    const prisma = server.app.services.prisma;
    const tenantId = rawId(t.h.tenant.id);
    await prisma.sendingNumber.update({ where: { id: rawId(t.firstNumberId) }, data: { monthlyAllowance: 500 } });
    await prisma.numberMonthlyUsage.create({
      data: { tenantId, sendingNumberId: rawId(t.firstNumberId), month: '2026-10', sent: 7, received: 4 },
    });
    const { numberUsageReport } = await t.h.admin.client.request(NumberUsageReportDocument, {
      fromMonth: '2026-09',
      toMonth: '2026-10',
    });
    if (numberUsageReport.__typename !== 'QueryNumberUsageReportSuccess') throw new Error(numberUsageReport.__typename);
    const row = (month: string, id: string) =>
      numberUsageReport.data.find((r) => r.month === month && r.sendingNumberId === id);
    expect(numberUsageReport.data).toHaveLength(4);
    expect(row('2026-10', t.firstNumberId)).toMatchObject({ allowance: 500, sent: 7, received: 4, used: 11 });
    expect(row('2026-09', t.firstNumberId)).toMatchObject({ allowance: 500, sent: 0, received: 0 });
    expect(row('2026-10', t.secondNumber.id)).toMatchObject({ allowance: null, sent: 0, received: 0 });
    expect(
      (await t.h.admin.client.request(NumberUsageReportDocument, { fromMonth: '2026-10', toMonth: '2026-09' }))
        .numberUsageReport,
    ).toMatchObject({ __typename: 'ValidationError', field: 'toMonth' });
    const usage = async (fromMonth: string, toMonth: string) =>
      (await t.h.admin.client.request(NumberUsageReportDocument, { fromMonth, toMonth })).numberUsageReport;
    expect(await usage('0000-01', '0000-02')).toMatchObject({ __typename: 'ValidationError', field: 'fromMonth' });
    expect(await usage('1999-12', '2000-01')).toMatchObject({ __typename: 'ValidationError', field: 'fromMonth' });
    const nextYear = new Date().getUTCFullYear() + 1;
    expect(await usage(`${nextYear}-12`, `${nextYear + 1}-01`)).toMatchObject({
      __typename: 'ValidationError',
      field: 'toMonth',
    });
    expect(await usage('2000-01', '2000-01')).toMatchObject({ __typename: 'QueryNumberUsageReportSuccess' });
    expect(
      (await t.h.recruiter.client.request(NumberUsageReportDocument, { fromMonth: '2026-09', toMonth: '2026-10' }))
        .numberUsageReport,
    ).toMatchObject({ __typename: 'NotAuthorizedError' });
  });

  it('filters the credit ledger by period', async () => {
    const prisma = server.app.services.prisma;
    const tenantId = rawId(t.h.tenant.id);
    await prisma.creditEntry.createMany({
      data: [
        { tenantId, kind: 'TOPUP', amount: 100, actor: 'operator', createdAt: new Date('2026-09-15T00:00:00Z') },
        { tenantId, kind: 'TOPUP', amount: 50, actor: 'operator', createdAt: new Date('2026-10-15T00:00:00Z') },
      ],
    });
    const amounts = async (from?: string, to?: string) =>
      (
        await t.h.tenant.client.request(CreditLedgerPeriodDocument, { from, to, first: 100 })
      ).tenant.creditLedger?.edges.map((e) => [e.node.kind, e.node.amount]);
    expect(await amounts(period.from, period.to)).toEqual([['TOPUP', 50]]);
    expect(await amounts(undefined, period.from)).toEqual([['TOPUP', 100]]);
    expect((await amounts())?.length).toBeGreaterThan(2);
  });
});
