import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AssignNumberDocument,
  MarkNotificationsReadDocument,
  NotificationsDocument,
  NumberUsageDocument,
  PreviewAllowanceDocument,
  SendMessageWithinAllowanceDocument,
  SetNumberAllowanceDocument,
  SetTenantTimeZoneDocument,
} from '../../clients/generated/graphql.ts';
import { monthKeySql, nextMonthSql } from '../allowances/month.ts';
import { Prisma } from '../db/generated/prisma/client.ts';
import { rawId, startTestServer, type TestServer } from '../test/harness.ts';
import { type Hiring, setUpHiring, usNumber, waitFor } from '../test/messaging-fixture.ts';
import { optIn } from '../test/opted-in.ts';

let n = 0;
const send = (h: Hiring) =>
  h.recruiter.client.request(SendMessageWithinAllowanceDocument, {
    input: { conversationId: h.conversationId, channel: 'SMS', body: 'Hello', idempotencyKey: `allowance-${n++}-key` },
  });

describe('monthly allowances', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { OUTBOX_WORKER: 'off' } });
  });
  afterAll(() => server?.stop());

  async function limited(allowance: number) {
    const h = await setUpHiring(server);
    await optIn(h);
    const { sendingNumbers } = await h.tenant.client.request(NumberUsageDocument, {});
    const numberId = sendingNumbers[0]?.id as string;
    const { setNumberAllowance } = await server.operator.request(SetNumberAllowanceDocument, {
      numberId,
      monthlyAllowance: allowance,
    });
    expect(setNumberAllowance).toMatchObject({ monthlyAllowance: allowance });
    return { h, numberId };
  }
  const events = (tenantId: string) =>
    server.app.services.prisma.event.findMany({
      where: { tenantId: rawId(tenantId), type: { in: ['ALLOWANCE_WARNING', 'ALLOWANCE_REACHED'] } },
      orderBy: { createdAt: 'asc' },
    });
  const notifications = async (h: Hiring, client = h.admin.client) =>
    (await client.request(NotificationsDocument, {})).viewer.notifications?.edges.map((e) => e.node) ?? [];

  it('warns at 90 % and at 100 % once, refuses sends at 100 %, and still stores and counts replies', async () => {
    const { h, numberId } = await limited(10);
    for (let i = 0; i < 8; i++) expect((await send(h)).sendMessage.__typename).toBe('Message');
    expect(await events(h.tenant.id)).toHaveLength(0);
    expect((await send(h)).sendMessage.__typename).toBe('Message'); // 9 of 10: 90 %
    expect((await events(h.tenant.id)).map((e) => e.type)).toEqual(['ALLOWANCE_WARNING']);
    expect((await send(h)).sendMessage.__typename).toBe('Message'); // 10 of 10
    const refused = (await send(h)).sendMessage;
    expect(refused).toMatchObject({ __typename: 'AllowanceExhaustedError', allowance: 10, used: 10 });
    if (refused.__typename !== 'AllowanceExhaustedError') throw new Error('not refused');
    expect(new Date(refused.resetsAt).getUTCDate()).toBe(1); // the tenant's (UTC) next month
    const { previewMessage } = await h.recruiter.client.request(PreviewAllowanceDocument, {
      input: { conversationId: h.conversationId, channel: 'SMS', body: 'Hi' },
    });
    expect(previewMessage).toMatchObject({
      allowed: false,
      refusals: [{ code: 'ALLOWANCE_EXHAUSTED', allowance: 10, allowanceUsed: 10 }],
    });
    // The candidate's reply past 100 % is stored and counted; no alert fires again.
    await h.candidateTexts('Thanks!');
    await h.candidateTexts('When do I start?');
    // A text from a number that matches no candidate is kept for admins, and counted too.
    const stranger = await server.twilio.deliverInbound(`${server.publicUrl}/webhooks/twilio-sms/platform/inbound`, {
      from: usNumber(),
      to: h.sendingNumber,
      body: 'Wrong number?',
    });
    expect(stranger.response.status).toBe(200);
    const { sendingNumbers } = await h.admin.client.request(NumberUsageDocument, {});
    expect(sendingNumbers[0]?.usage).toMatchObject({ sent: 10, received: 3, used: 13, allowance: 10, remaining: 0 });
    const types = (await events(h.tenant.id)).map((e) => e.type);
    expect(types).toEqual(['ALLOWANCE_WARNING', 'ALLOWANCE_REACHED']);
    // No one is assigned to the number: the tenant's admins are told, once per level (by the notifier, from the events).
    const told = await waitFor(async () => {
      const n = await notifications(h);
      return n.length >= 2 && n;
    }, 'the allowance notifications');
    expect(told.map((x) => x.kind).sort()).toEqual(['ALLOWANCE_REACHED', 'ALLOWANCE_WARNING']);
    expect(told.find((x) => x.kind === 'ALLOWANCE_WARNING')?.text).toContain('9 of its 10');
    // The recruiter is told of the candidate's replies, not of the number's allowance.
    expect((await notifications(h, h.recruiter.client)).filter((x) => x.kind.startsWith('ALLOWANCE'))).toEqual([]);
    // Another user of the tenant cannot read them by id either.
    for (const token of [h.recruiter.token, h.outsider.token]) {
      const byId = await server.post(
        { query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids: told.map((x) => x.id) } },
        { authorization: `Bearer ${token}` },
      );
      expect(byId.body).toEqual({ data: { nodes: [null, null] } });
    }
    expect((await h.admin.client.request(MarkNotificationsReadDocument, {})).markNotificationsRead).toMatchObject({
      changed: 2,
    });
    expect(await h.admin.client.request(NotificationsDocument, { unreadOnly: true })).toMatchObject({
      viewer: { notifications: { edges: [] } },
    });
    // Raised by the operator, the number sends again; unlimited (null) too.
    await server.operator.request(SetNumberAllowanceDocument, { numberId, monthlyAllowance: 20 });
    expect((await send(h)).sendMessage.__typename).toBe('Message');
    await server.operator.request(SetNumberAllowanceDocument, { numberId, monthlyAllowance: null });
    expect((await send(h)).sendMessage.__typename).toBe('Message');
  });

  it('notifies the users assigned to the number rather than the admins', async () => {
    const { h, numberId } = await limited(1);
    await h.admin.client.request(AssignNumberDocument, { numberId, userId: h.recruiter.user.id });
    expect((await send(h)).sendMessage.__typename).toBe('Message'); // 1 of 1: both levels at once
    const told = await waitFor(async () => {
      const n = await notifications(h, h.recruiter.client);
      return n.length >= 2 && n;
    }, 'the allowance notifications');
    expect(told.map((x) => x.kind).sort()).toEqual(['ALLOWANCE_REACHED', 'ALLOWANCE_WARNING']);
    expect(await notifications(h)).toEqual([]);
  });

  it('starts each month of the tenant’s time zone from zero: last month’s usage does not carry over', async () => {
    const { h, numberId } = await limited(3);
    const prisma = server.app.services.prisma;
    const { updateTenantSettings } = await h.admin.client.request(SetTenantTimeZoneDocument, {
      timeZone: 'us/pacific', // stored by its canonical name
    });
    expect(updateTenantSettings).toMatchObject({ timeZone: 'America/Los_Angeles' });
    expect(
      (await h.admin.client.request(SetTenantTimeZoneDocument, { timeZone: 'Mars/Olympus' })).updateTenantSettings,
    ).toMatchObject({ __typename: 'ValidationError', field: 'timeZone' });
    // Last month (in Los Angeles) used the whole allowance.
    const [{ month } = { month: '' }] = await prisma.$queryRaw<{ month: string }[]>`
      SELECT ${monthKeySql(Prisma.sql`now() - interval '1 month'`, Prisma.sql`'America/Los_Angeles'`)} AS month`;
    await prisma.numberMonthlyUsage.create({
      data: { tenantId: rawId(h.tenant.id), sendingNumberId: rawId(numberId), month, sent: 3, received: 9 },
    });
    for (let i = 0; i < 3; i++) expect((await send(h)).sendMessage.__typename).toBe('Message');
    expect((await send(h)).sendMessage).toMatchObject({ __typename: 'AllowanceExhaustedError', used: 3 });
    const { sendingNumbers } = await h.admin.client.request(NumberUsageDocument, {});
    expect(sendingNumbers[0]?.usageHistory.map((u) => [u.month, u.used])).toEqual([
      [sendingNumbers[0]?.usage?.month, 3],
      [month, 12],
    ]);
  });

  it('puts an instant in the tenant’s month, not UTC’s, across DST', async () => {
    const table: [string, string, string, string][] = [
      // instant (UTC), zone, month there, when the next month starts (UTC)
      ['2026-12-01T07:30:00Z', 'America/Los_Angeles', '2026-11', '2026-12-01T08:00:00.000Z'],
      ['2026-12-01T08:30:00Z', 'America/Los_Angeles', '2026-12', '2027-01-01T08:00:00.000Z'],
      ['2026-10-31T22:30:00Z', 'Europe/Stockholm', '2026-10', '2026-10-31T23:00:00.000Z'],
      ['2026-10-31T23:30:00Z', 'Europe/Stockholm', '2026-11', '2026-11-30T23:00:00.000Z'],
      ['2026-03-31T21:30:00Z', 'Europe/Stockholm', '2026-03', '2026-03-31T22:00:00.000Z'],
      ['2026-06-30T14:00:00Z', 'Pacific/Auckland', '2026-07', '2026-07-31T12:00:00.000Z'],
      ['2026-12-31T23:59:59Z', 'UTC', '2026-12', '2027-01-01T00:00:00.000Z'],
    ];
    for (const [at, zone, month, next] of table) {
      const ts = Prisma.sql`${new Date(at)}::timestamptz`;
      const [row] = await server.app.services.prisma.$queryRaw<{ month: string; next: Date }[]>`
        SELECT ${monthKeySql(ts, Prisma.sql`${zone}::text`)} AS month, ${nextMonthSql(ts, Prisma.sql`${zone}::text`)} AS next`;
      expect([row?.month, new Date(row?.next ?? 0).toISOString()], `${at} in ${zone}`).toEqual([month, next]);
    }
  });

  it('sends exactly 100 of 200 concurrent sends against an allowance of 100', async () => {
    const { h } = await limited(100);
    const results = await Promise.all(Array.from({ length: 200 }, () => send(h)));
    const kinds = results.map((r) => r.sendMessage.__typename);
    expect(kinds.filter((k) => k === 'Message')).toHaveLength(100);
    expect(kinds.filter((k) => k === 'AllowanceExhaustedError')).toHaveLength(100);
    const prisma = server.app.services.prisma;
    expect(await prisma.message.count({ where: { tenantId: rawId(h.tenant.id), direction: 'OUTBOUND' } })).toBe(100);
    const { sendingNumbers } = await h.admin.client.request(NumberUsageDocument, {});
    expect(sendingNumbers[0]?.usage).toMatchObject({ sent: 100, used: 100 });
    expect((await events(h.tenant.id)).map((e) => e.type)).toEqual(['ALLOWANCE_WARNING', 'ALLOWANCE_REACHED']);
  }, 60_000);
});
