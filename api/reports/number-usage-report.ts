import type { PrismaClient } from '../db/generated/prisma/client.ts';
import { type FieldIssue, ValidationError } from '../domain/errors.ts';

/** One sending number in one month of the tenant's time zone. */
export type NumberMonthRow = {
  sendingNumberId: string;
  e164: string;
  channel: string;
  month: string;
  /** The number's allowance now (allowances keep no history); null: unlimited. */
  allowance: number | null;
  sent: number;
  received: number;
};

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const MAX_REPORT_MONTHS = 24;
/** Months a report may name: from January 2000 to December of next year. */
const EARLIEST_MONTH = '2000-01';
const latestMonth = () => `${new Date().getUTCFullYear() + 1}-12`;

function monthIssue(field: string, month: string): FieldIssue | null {
  if (!MONTH.test(month)) return { field, message: 'must be YYYY-MM, e.g. 2026-11' };
  if (month < EARLIEST_MONTH) return { field, message: `must not be before ${EARLIEST_MONTH}` };
  if (month > latestMonth()) return { field, message: `must not be after ${latestMonth()}` };
  return null;
}

/**
 * Usage of every sending number of the tenant in each month from `fromMonth`
 * to `toMonth` (YYYY-MM, both included, at most 24 months, none before 2000-01
 * or after December of next year): numbers in service,
 * and retired ones with usage in the range; months without messages are zeros.
 * Ordered by month, then number.
 */
export async function numberUsageReport(
  db: Pick<PrismaClient, '$queryRaw'>,
  tenantId: string,
  fromMonth: string,
  toMonth: string,
) {
  const issues = [monthIssue('fromMonth', fromMonth), monthIssue('toMonth', toMonth)].filter(
    (issue): issue is FieldIssue => issue !== null,
  );
  if (!issues.length) {
    const span = monthIndex(toMonth) - monthIndex(fromMonth) + 1;
    if (span < 1) issues.push({ field: 'toMonth', message: 'must not be before fromMonth' });
    else if (span > MAX_REPORT_MONTHS)
      issues.push({ field: 'toMonth', message: `must be at most ${MAX_REPORT_MONTHS} months after fromMonth` });
  }
  if (issues.length) throw new ValidationError(issues);
  return db.$queryRaw<NumberMonthRow[]>`
    WITH months AS (
      SELECT to_char(d, 'YYYY-MM') AS month
      FROM generate_series(to_date(${fromMonth}, 'YYYY-MM'), to_date(${toMonth}, 'YYYY-MM'), interval '1 month') d)
    SELECT sn.id AS "sendingNumberId", sn.e164, sn.channel::text AS channel, months.month,
      sn."monthlyAllowance" AS allowance, coalesce(u.sent, 0)::int AS sent, coalesce(u.received, 0)::int AS received
    FROM "SendingNumber" sn CROSS JOIN months
    LEFT JOIN "NumberMonthlyUsage" u ON u."sendingNumberId" = sn.id AND u.month = months.month
    WHERE sn."tenantId" = ${tenantId}::uuid
      AND (sn."retiredAt" IS NULL OR EXISTS (SELECT 1 FROM "NumberMonthlyUsage" x WHERE x."sendingNumberId" = sn.id
        AND x.month BETWEEN ${fromMonth} AND ${toMonth}))
    ORDER BY months.month, sn.e164, sn.id`;
}

function monthIndex(month: string) {
  const [y, m] = month.split('-').map(Number);
  return (y ?? 0) * 12 + (m ?? 0);
}
