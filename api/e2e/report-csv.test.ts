import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpdateUserDocument } from '../../clients/generated/graphql.ts';
import { testMode } from '../test/databases.ts';
import { rawId, startTestServer, type TestServer } from '../test/harness.ts';
import { hostileName, period, type ReportTenant, seedReportTenant } from '../test/report-fixture.ts';
import { captureSql } from '../test/sql-capture.ts';

/** RFC 4180 records (CRLF, quoted cells with doubled quotes); fails on anything else. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let cells: string[] = [];
  let i = 0;
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error('unterminated quote');
        cell += text.slice(i, q);
        if (text[q + 1] === '"') {
          cell += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else {
      const end = text.slice(i).search(/[,\r]/);
      cell = end < 0 ? text.slice(i) : text.slice(i, i + end);
      if (/["\n]/.test(cell)) throw new Error(`bad unquoted cell ${cell}`);
      i += cell.length;
    }
    cells.push(cell);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      records.push(cells);
      cells = [];
      i += 2;
    } else throw new Error(`expected , or CRLF at ${i}`);
  }
  return records;
}

describe('the activity report as CSV', () => {
  let server: TestServer;
  let t: ReportTenant;
  let other: ReportTenant;
  const base = () => `${server.publicUrl}/reports/message-activity.csv`;
  const download = (query: Record<string, string>, credential?: string | null) =>
    fetch(`${base()}?${new URLSearchParams(query)}`, {
      headers: credential ? { authorization: `Bearer ${credential}` } : {},
    });
  const csv = async (query: Record<string, string>, credential = t.h.tenant.apiKey) => {
    const response = await download({ ...period, ...query }, credential);
    expect(response.status).toBe(200);
    const [header, ...records] = parseCsv(await response.text());
    return { header: header ?? [], records, response };
  };
  const messageIds = async (query: Record<string, string>) => (await csv(query)).records.map((r) => r.at(-1));

  beforeAll(async () => {
    server = await startTestServer({ env: { OUTBOX_WORKER: 'off' } });
    t = await seedReportTenant(server);
    other = await seedReportTenant(server);
  });
  afterAll(() => server?.stop());

  it('is an attachment with a header row and one quoted, formula-safe record per message', async () => {
    const { header, records, response } = await csv({}, t.h.admin.token);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="message-activity-2026-10-01-to-2026-11-01.csv"',
    );
    expect(header).toEqual([
      'time',
      'direction',
      'user_id',
      'user_name',
      'candidate_id',
      'candidate_name',
      'number',
      'channel',
      'kind',
      'custom_kind',
      'status',
      'segments',
      'credits',
      'message_id',
    ]);
    expect(records.map((r) => r.at(-1))).toEqual(t.inPeriod.map((id) => encodeGlobalID('Message', id)));
    const smsOut = records.find((r) => r.at(-1) === encodeGlobalID('Message', t.ids.smsOut));
    expect(smsOut).toEqual([
      '2026-10-05T10:00:00.000Z',
      'OUTBOUND',
      t.h.recruiter.user.id,
      'Rita Recruiter',
      expect.any(String),
      `'${hostileName}`,
      t.h.sendingNumber,
      'SMS',
      'CHAT',
      '',
      'DELIVERED',
      '2',
      '2',
      encodeGlobalID('Message', t.ids.smsOut),
    ]);
    // The raw text: the formula is neutralised inside RFC 4180 quotes, quotes doubled; E.164 numbers stay as they are.
    const text = await (await download(period, t.h.tenant.apiKey)).text();
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""open""), Cara"`);
    expect(text).toContain(`,${t.h.sendingNumber},SMS,`);
    expect(text).toContain(",'=cmd@acme.example,EMAIL,");
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('applies each filter, like the GraphQL report', async () => {
    const m = (...ids: string[]) => ids.map((id) => encodeGlobalID('Message', id));
    expect(await messageIds({ sendingNumberId: t.firstNumberId })).toEqual(m(t.ids.smsIn, t.ids.smsOut));
    expect(await messageIds({ sendingNumberId: t.secondNumber.id })).toEqual(m(t.ids.secondNumber));
    expect(await messageIds({ userId: t.h.recruiter.user.id })).toEqual(m(t.ids.whatsapp, t.ids.smsOut));
    expect(await messageIds({ channel: 'EMAIL' })).toEqual(m(t.ids.email));
    expect(await messageIds({ direction: 'INBOUND' })).toEqual(m(t.ids.smsIn));
    expect(await messageIds({ from: '2026-09-30T23:59:59.999Z', to: '2026-10-05T10:00:00.001Z' })).toEqual(
      m(t.ids.smsOut, t.ids.before),
    );
    const theirs = await csv({}, other.h.tenant.apiKey);
    expect(theirs.records.map((r) => r.at(-1))).toEqual(m(...other.inPeriod));
  });

  it('streams a report larger than one batch, every row once, ties in time included', async () => {
    const prisma = server.app.services.prisma;
    // 2,500 messages on 10 instants: keyset batches of 1,000 must split ties by id without losing or repeating one.
    await prisma.$executeRaw`
      INSERT INTO "Message" (id, "tenantId", "conversationId", direction, channel, body, "fromNumber", "toNumber",
        status, "createdAt")
      SELECT gen_random_uuid(), ${rawId(t.h.tenant.id)}::uuid, ${rawId(t.h.conversationId)}::uuid, 'INBOUND', 'SMS',
        'bulk ' || g, ${t.h.candidatePhone}, ${t.h.sendingNumber}, 'RECEIVED',
        '2026-10-20T00:00:00Z'::timestamptz + (g % 10) * interval '1 second'
      FROM generate_series(1, 2500) g`;
    const { records } = await csv({ from: '2026-10-20T00:00:00Z', to: '2026-10-21T00:00:00Z' });
    expect(records).toHaveLength(2500);
    expect(new Set(records.map((r) => r.at(-1))).size).toBe(2500);
    const times = records.map((r) => r[0] as string);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it.runIf(testMode === 'postgres')('stops reading the database when the client disconnects', async () => {
    await server.app.services.prisma.$executeRaw`
      INSERT INTO "Message" (id, "tenantId", "conversationId", direction, channel, body, "fromNumber", "toNumber",
        status, "createdAt")
      SELECT gen_random_uuid(), ${rawId(t.h.tenant.id)}::uuid, ${rawId(t.h.conversationId)}::uuid, 'INBOUND', 'SMS',
        'bulk ' || g, ${t.h.candidatePhone}, ${t.h.sendingNumber}, 'RECEIVED',
        '2026-10-25T00:00:00Z'::timestamptz + g * interval '1 second'
      FROM generate_series(1, 30000) g`;
    const batches = await captureSql(async () => {
      const abort = new AbortController();
      const query = new URLSearchParams({ from: '2026-10-25T00:00:00Z', to: '2026-10-26T00:00:00Z' });
      const response = await fetch(`${base()}?${query}`, {
        headers: { authorization: `Bearer ${t.h.tenant.apiKey}` },
        signal: abort.signal,
      });
      const reader = response.body?.getReader();
      await reader?.read();
      abort.abort();
      await new Promise((r) => setTimeout(r, 1500));
    });
    // 30 batches make the whole report; the reads stop a few batches after the client left.
    const reads = batches.filter((s) => s.text.includes('FROM "Message" m')).length;
    expect(reads).toBeGreaterThan(0);
    expect(reads).toBeLessThan(10);
  });

  it('answers 401 without a good credential, 403 without the permission, 400 naming a bad filter', async () => {
    const refused = async (response: Response, status: number, code: string) => {
      expect(response.status).toBe(status);
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]?.extensions.code).toBe(code);
      return body.errors[0]?.message ?? '';
    };
    expect(await refused(await download(period), 401, 'UNAUTHENTICATED')).toMatch(/Authorization: Bearer/);
    await refused(await download(period, 'prl_not_a_real_key_at_all_000000000000'), 401, 'UNAUTHENTICATED');
    await refused(
      await fetch(`${base()}?${new URLSearchParams(period)}`, { headers: { authorization: 'Basic abc' } }),
      401,
      'UNAUTHENTICATED',
    );
    await refused(await download(period, t.h.recruiter.token), 403, 'NOT_AUTHORIZED');
    await refused(await download(period, server.operatorKey), 403, 'NOT_AUTHORIZED');
    await t.h.tenant.client.request(UpdateUserDocument, { input: { id: t.h.recruiter.user.id, canViewReports: true } });
    expect((await download(period, t.h.recruiter.token)).status).toBe(200);
    await t.h.tenant.client.request(UpdateUserDocument, {
      input: { id: t.h.recruiter.user.id, canViewReports: false },
    });
    await refused(await download(period, t.h.recruiter.token), 403, 'NOT_AUTHORIZED');

    const key = t.h.tenant.apiKey;
    expect(await refused(await download({ from: period.from }, key), 400, 'VALIDATION')).toMatch(/to is required/);
    expect(await refused(await download({ ...period, from: 'last week' }, key), 400, 'VALIDATION')).toMatch(
      /from must be an ISO 8601/,
    );
    expect(await refused(await download({ from: period.to, to: period.from }, key), 400, 'VALIDATION')).toMatch(
      /to must be after from/,
    );
    expect(await refused(await download({ ...period, user: t.h.recruiter.user.id }, key), 400, 'VALIDATION')).toMatch(
      /user is not a filter/,
    );
    expect(await refused(await download({ ...period, channel: 'FAX' }, key), 400, 'VALIDATION')).toMatch(
      /channel must be one of SMS, WHATSAPP, EMAIL/,
    );
    expect(await refused(await download({ ...period, userId: t.firstNumberId }, key), 400, 'VALIDATION')).toMatch(
      /userId is not the id of a User/,
    );
    expect(
      await refused(await download({ ...period, sendingNumberId: other.firstNumberId }, key), 400, 'VALIDATION'),
    ).toMatch(/sendingNumberId is not a sending number of your tenant/);
    expect(
      (
        await fetch(`${base()}?${new URLSearchParams(period)}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}` },
        })
      ).status,
    ).toBe(405);
  });
});
