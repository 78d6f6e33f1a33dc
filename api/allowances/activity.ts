import { Prisma } from '../db/generated/prisma/client.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import type { TenantScope } from '../domain/scope.ts';
import { monthKeySql } from './month.ts';

export type ActivityRow = { userId: string | null; direction: string; status: string; count: number };

export type NumberActivity = { sendingNumberId: string; e164: string; month: string; rows: ActivityRow[] };

/**
 * The activity report of one sending number for a month of the tenant's time
 * zone (default: this one): how many messages each user sent, and how many the
 * number received, by status. Counts only, never bodies or candidates: what an
 * admin who is not assigned to the number sees of it under number assignment.
 */
export async function numberActivity(scope: TenantScope, numberId: string, month?: string | null) {
  if (month && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    throw ValidationError.of('month', 'must be YYYY-MM, e.g. 2026-11');
  const [number] = await scope.db.$queryRaw<{ id: string; e164: string; month: string; tz: string }[]>`
    SELECT sn.id, sn.e164, coalesce(${month ?? null}::text, ${monthKeySql(Prisma.sql`now()`, Prisma.sql`t."timeZone"`)}) AS month,
      t."timeZone" AS tz
    FROM "SendingNumber" sn JOIN "Tenant" t ON t.id = sn."tenantId"
    WHERE sn.id = ${numberId}::uuid AND sn."tenantId" = ${scope.tenantId}::uuid`;
  if (!number) throw new NotFoundError('SendingNumber', numberId);
  const rows = await scope.db.$queryRaw<ActivityRow[]>`
    WITH span AS (
      SELECT (to_date(${number.month}, 'YYYY-MM')::timestamp AT TIME ZONE ${number.tz}) AS starts,
        ((to_date(${number.month}, 'YYYY-MM') + interval '1 month')::timestamp AT TIME ZONE ${number.tz}) AS ends)
    SELECT m."authorId" AS "userId", m.direction::text AS direction, m.status::text AS status, count(*)::int AS count
    FROM "Message" m, span, "SendingNumber" sn
    WHERE sn.id = ${numberId}::uuid AND m."tenantId" = ${scope.tenantId}::uuid AND m.channel = sn.channel
      AND m."createdAt" >= span.starts AND m."createdAt" < span.ends
      AND ((m.direction = 'OUTBOUND' AND m."fromNumber" = sn.e164) OR (m.direction = 'INBOUND' AND m."toNumber" = sn.e164))
    GROUP BY m."authorId", m.direction, m.status
    ORDER BY m.direction, m."authorId" NULLS FIRST, m.status`;
  return { sendingNumberId: number.id, e164: number.e164, month: number.month, rows } satisfies NumberActivity;
}
