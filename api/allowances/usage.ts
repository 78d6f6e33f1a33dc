import { Prisma, type PrismaClient } from '../db/generated/prisma/client.ts';
import { AllowanceExhaustedError } from '../domain/errors.ts';
import { monthKeySql, nextMonthSql } from './month.ts';
import { allowanceAlertCtes, usageCtes } from './usage-sql.ts';

/** Anything that runs raw SQL: the service's client, a tenant's, a transaction (every statement names the tenant). */
type Db = Pick<PrismaClient, '$queryRaw'>;

export type MonthUsage = {
  sendingNumberId: string;
  month: string;
  sent: number;
  received: number;
  used: number;
  /** The number's allowance now (null: unlimited); past months show today's allowance too. */
  allowance: number | null;
  /** When this month ends in the tenant's time zone (for the current month: when usage starts again from zero). */
  resetsAt: Date;
};

/** The number's usage in the tenant's month of `at` (zeros before its first message). */
export async function monthUsage(db: Db, tenantId: string, numberId: string, at: Date = new Date()) {
  const ts = Prisma.sql`${at}::timestamptz`;
  const [row] = await db.$queryRaw<MonthUsage[]>`
    SELECT sn.id AS "sendingNumberId", ${monthKeySql(ts, Prisma.sql`t."timeZone"`)} AS month,
      coalesce(u.sent, 0)::int AS sent, coalesce(u.received, 0)::int AS received,
      coalesce(u.sent + u.received, 0)::int AS used, sn."monthlyAllowance" AS allowance,
      ${nextMonthSql(ts, Prisma.sql`t."timeZone"`)} AS "resetsAt"
    FROM "SendingNumber" sn JOIN "Tenant" t ON t.id = sn."tenantId"
    LEFT JOIN "NumberMonthlyUsage" u ON u."sendingNumberId" = sn.id
      AND u.month = ${monthKeySql(ts, Prisma.sql`t."timeZone"`)}
    WHERE sn.id = ${numberId}::uuid AND sn."tenantId" = ${tenantId}::uuid`;
  return row ?? null;
}

/** The refusal for a send from this number now, when its month's allowance is used up; null when it is not. */
export async function allowanceExhausted(db: Db, tenantId: string, numberId: string, at: Date) {
  const [row] = await db.$queryRaw<(MonthUsage & { e164: string })[]>`
    SELECT sn.e164, sn."monthlyAllowance" AS allowance, coalesce(u.sent + u.received, 0)::int AS used,
      ${nextMonthSql(Prisma.sql`${at}::timestamptz`, Prisma.sql`t."timeZone"`)} AS "resetsAt"
    FROM "SendingNumber" sn JOIN "Tenant" t ON t.id = sn."tenantId"
    LEFT JOIN "NumberMonthlyUsage" u ON u."sendingNumberId" = sn.id
      AND u.month = ${monthKeySql(Prisma.sql`${at}::timestamptz`, Prisma.sql`t."timeZone"`)}
    WHERE sn.id = ${numberId}::uuid AND sn."tenantId" = ${tenantId}::uuid`;
  if (!row || row.allowance === null || row.used < row.allowance) return null;
  return new AllowanceExhaustedError(row.e164, row.allowance, row.used, new Date(row.resetsAt));
}

/** Past months of the number, newest first (the current one included), at most `months`. */
export async function usageHistory(db: Db, tenantId: string, numberId: string, months = 24) {
  return db.$queryRaw<MonthUsage[]>`
    SELECT u."sendingNumberId", u.month, u.sent, u.received, (u.sent + u.received)::int AS used,
      sn."monthlyAllowance" AS allowance,
      ((to_date(u.month, 'YYYY-MM') + interval '1 month')::timestamp AT TIME ZONE t."timeZone") AS "resetsAt"
    FROM "NumberMonthlyUsage" u JOIN "SendingNumber" sn ON sn.id = u."sendingNumberId"
    JOIN "Tenant" t ON t.id = sn."tenantId"
    WHERE u."sendingNumberId" = ${numberId}::uuid AND u."tenantId" = ${tenantId}::uuid
    ORDER BY u.month DESC LIMIT ${months}`;
}

/** Counts a received message that is stored outside a conversation (unmatched) against its number, with its alerts. */
export async function countReceived(
  db: Pick<PrismaClient, '$executeRaw'>,
  tenantId: string,
  numberId: string,
  at: Date = new Date(),
) {
  const usage = usageCtes({ tenantId, numberId, at, direction: 'received', guard: false });
  await db.$executeRaw`WITH ${usage} uz AS (SELECT 1)${allowanceAlertCtes(tenantId, numberId)} SELECT 1`;
}
