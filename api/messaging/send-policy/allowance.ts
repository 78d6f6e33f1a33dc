import { monthKeySql, nextMonthSql } from '../../allowances/month.ts';
import { Prisma } from '../../db/generated/prisma/client.ts';
import { AllowanceExhaustedError } from '../../domain/errors.ts';
import type { SendChannel } from '../../domain/send-channels.ts';
import type { AllowanceFacts } from './facts.ts';

/**
 * The columns of the send-policy statement (`tn` is the tenant) that the
 * allowance rule reads: every number of the channel with an allowance, and its
 * usage in the tenant's current month, by number id; and when that month ends.
 */
export function allowanceFactsSql(channel: SendChannel): Prisma.Sql {
  const month = monthKeySql(Prisma.sql`now()`, Prisma.sql`tn."timeZone"`);
  return Prisma.sql`(SELECT coalesce(json_object_agg(an.id, json_build_object('allowance', an."monthlyAllowance",
        'used', coalesce(au.sent + au.received, 0))), '{}'::json)
      FROM "SendingNumber" an LEFT JOIN "NumberMonthlyUsage" au ON au."sendingNumberId" = an.id AND au.month = ${month}
      WHERE an."tenantId" = tn.id AND an.channel = ${channel}::"Channel" AND an."monthlyAllowance" IS NOT NULL) AS allowances,
    ${nextMonthSql(Prisma.sql`now()`, Prisma.sql`tn."timeZone"`)} AS "allowanceResetsAt"`;
}

/** A send from `number` is refused once its month's usage (sent + received) has reached its allowance. */
export function allowanceRefusals(
  facts: Partial<AllowanceFacts>,
  number: { id: string; e164: string } | null,
): AllowanceExhaustedError[] {
  const limit = number ? facts.allowances?.[number.id] : undefined;
  if (!number || !limit || limit.used < limit.allowance) return [];
  return [
    new AllowanceExhaustedError(number.e164, limit.allowance, limit.used, new Date(facts.allowanceResetsAt ?? 0)),
  ];
}
