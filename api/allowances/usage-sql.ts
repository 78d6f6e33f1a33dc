import { v7 as uuidv7 } from 'uuid';
import { Prisma } from '../db/generated/prisma/client.ts';
import { monthKeySql } from './month.ts';

export type UsageCount = {
  tenantId: string;
  numberId: string;
  /** The message's own time: it decides the month (in the tenant's time zone). */
  at: Date;
  direction: 'sent' | 'received';
  /** Refuse (count nothing) once the month's usage has reached the number's allowance: sends do, inbound never. */
  guard: boolean;
  /** A condition the count waits for (e.g. credits locked and enough); true when none. */
  gate?: Prisma.Sql;
};

/**
 * The CTEs that count a message against its number's monthly usage inside the
 * statement that writes it (`queueMessage`, inbound), so usage and messages
 * commit together:
 * - `ut`: the tenant's month for `at`, the number's allowance and e164;
 * - `ua`: one row per number and month, created by the first message of the
 *   month; a guarded send adds itself only while `sent + received` is below
 *   the allowance. `INSERT … ON CONFLICT DO UPDATE … WHERE` re-checks that
 *   condition on the row as it stands once a concurrent writer's lock is
 *   released, so 200 concurrent sends against an allowance of 100 write
 *   exactly 100. The message's INSERT must carry `EXISTS (SELECT 1 FROM ua)`.
 * Ends with a comma; follow with `allowanceAlertCtes` after the message's CTE.
 */
export function usageCtes(u: UsageCount): Prisma.Sql {
  const [sent, received] = u.direction === 'sent' ? [1, 0] : [0, 1];
  const guard = u.guard
    ? Prisma.sql`(SELECT ut.allowance FROM ut) IS NULL OR u.sent + u.received < (SELECT ut.allowance FROM ut)`
    : Prisma.sql`true`;
  return Prisma.sql`ut AS (
      SELECT ${monthKeySql(Prisma.sql`${u.at}::timestamptz`, Prisma.sql`t."timeZone"`)} AS month,
        sn."monthlyAllowance" AS allowance, sn.e164
      FROM "Tenant" t JOIN "SendingNumber" sn ON sn."tenantId" = t.id
      WHERE t.id = ${u.tenantId}::uuid AND sn.id = ${u.numberId}::uuid),
    ua AS (
      INSERT INTO "NumberMonthlyUsage" AS u ("tenantId", "sendingNumberId", month, sent, received, "updatedAt")
      SELECT ${u.tenantId}::uuid, ${u.numberId}::uuid, ut.month, ${sent}, ${received}, now() FROM ut
      WHERE ${u.gate ?? Prisma.sql`true`} AND (${!u.guard} OR ut.allowance IS NULL OR ut.allowance > 0)
      ON CONFLICT ("sendingNumberId", month) DO UPDATE
        SET sent = u.sent + EXCLUDED.sent, received = u.received + EXCLUDED.received, "updatedAt" = now()
        WHERE ${guard}
      RETURNING u.month, u.sent + u.received AS used),`;
}

/**
 * The CTEs, after `ua`, that raise the 90 % and 100 % alerts of the number's
 * month, each once: an `AllowanceAlert` row per level and month (its key makes
 * a second raise a no-op, also between concurrent writers), with its event
 * (ALLOWANCE_WARNING, ALLOWANCE_REACHED); the notifier (api/notifications)
 * turns the event into notifications for the users it concerns.
 * Starts with a comma.
 */
export function allowanceAlertCtes(tenantId: string, numberId: string): Prisma.Sql {
  return Prisma.sql`,
    al AS (
      INSERT INTO "AllowanceAlert" ("tenantId", "sendingNumberId", month, level, used, allowance)
      SELECT ${tenantId}::uuid, ${numberId}::uuid, ua.month, lv.level, ua.used, ut.allowance
      FROM ua, ut, (VALUES (90), (100)) AS lv(level)
      WHERE ut.allowance > 0 AND ua.used * 100 >= ut.allowance * lv.level
      ON CONFLICT DO NOTHING
      RETURNING level, used, allowance, month),
    ae AS (
      INSERT INTO "Event" (id, "tenantId", type, "subjectId", payload)
      SELECT CASE al.level WHEN 100 THEN ${uuidv7()}::uuid ELSE ${uuidv7()}::uuid END, ${tenantId}::uuid,
        CASE al.level WHEN 100 THEN 'ALLOWANCE_REACHED' ELSE 'ALLOWANCE_WARNING' END, ${numberId}::uuid,
        jsonb_build_object('month', al.month, 'level', al.level, 'used', al.used, 'allowance', al.allowance)
      FROM al)`;
}

/** The lock a credit-billed send takes on its tenant's balance before counting usage, so both succeed or neither. */
export function creditLockCte(tenantId: string, cost: number): Prisma.Sql {
  return Prisma.sql`bl AS (
      SELECT available FROM "CreditBalance" WHERE "tenantId" = ${tenantId}::uuid AND available >= ${cost} FOR UPDATE),`;
}
