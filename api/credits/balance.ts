import { Prisma } from '../db/generated/prisma/client.ts';

type Sql = { $queryRaw<T>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Prisma.PrismaPromise<T> };

/** Credits available to a tenant now (0 before its first top-up). */
export async function availableCredits(db: Sql, tenantId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ available: number }[]>`
    SELECT coalesce((SELECT available FROM "CreditBalance" WHERE "tenantId" = ${tenantId}::uuid), 0)::int AS available`;
  return row?.available ?? 0;
}

/**
 * What a ledger entry does to the available credits, in SQL: top-ups, releases
 * and refunds add, reservations take, a charge only turns a reservation into
 * spending.
 */
export const AVAILABLE_EFFECT = Prisma.sql`CASE kind WHEN 'TOPUP' THEN amount WHEN 'RELEASE' THEN amount
  WHEN 'REFUND' THEN amount WHEN 'RESERVATION' THEN -amount ELSE 0 END`;

export type CreditSummary = {
  /** Credits available now, as the balance row keeps them. */
  available: number;
  /** Held by queued messages: reserved, neither charged nor released yet. */
  reserved: number;
  /** Spent: charged, less refunds. */
  spent: number;
  /** Available as derived from the ledger alone; always equal to `available`. */
  derivedAvailable: number;
};

/** The tenant's credits, from the balance row and re-derived from its ledger, in one statement. */
export async function creditSummary(db: Sql, tenantId: string): Promise<CreditSummary> {
  const [row] = await db.$queryRaw<CreditSummary[]>`
    SELECT coalesce((SELECT available FROM "CreditBalance" WHERE "tenantId" = ${tenantId}::uuid), 0)::int AS available,
      coalesce(sum(CASE kind WHEN 'RESERVATION' THEN amount WHEN 'CHARGE' THEN -amount WHEN 'RELEASE' THEN -amount ELSE 0 END), 0)::int AS reserved,
      coalesce(sum(CASE kind WHEN 'CHARGE' THEN amount WHEN 'REFUND' THEN -amount ELSE 0 END), 0)::int AS spent,
      coalesce(sum(${AVAILABLE_EFFECT}), 0)::int AS "derivedAvailable"
    FROM "CreditEntry" WHERE "tenantId" = ${tenantId}::uuid`;
  return row ?? { available: 0, reserved: 0, spent: 0, derivedAvailable: 0 };
}
