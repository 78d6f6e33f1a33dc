import { v7 as uuidv7 } from 'uuid';
import { Prisma } from '../db/generated/prisma/client.ts';

/**
 * The CTEs that reserve a message's credits inside the statement that writes
 * the message (`queueMessage`), so the message and its reservation commit or
 * fail together:
 * - `cb` takes `cost` from the tenant's balance row only when at least `cost`
 *   is available: a guarded UPDATE, which PostgreSQL re-checks against the row
 *   as it stands once a concurrent reservation's lock is released, so the
 *   balance can never go below zero however many sends race;
 * - the message's INSERT must select `FROM cb` (see `reservedGuard`), so no
 *   credit means no message;
 * - `cr` appends the RESERVATION ledger entry;
 * - `cl` appends CREDITS_LOW when this reservation takes the balance from at or
 *   above the tenant's threshold to below it (old = new + cost, exact under the
 *   row lock), so each downward crossing is raised once.
 * `m` must be the CTE that inserted the message (RETURNING id).
 */
export function reservationCtes(
  tenantId: string,
  cost: number,
  actor: string,
  /** A condition the reservation also waits for (the number's allowance was counted); true when none. */
  gate: Prisma.Sql = Prisma.sql`true`,
): { before: Prisma.Sql; after: Prisma.Sql } {
  return {
    before: Prisma.sql`cb AS (
      UPDATE "CreditBalance" b SET available = b.available - ${cost}, "updatedAt" = now()
      FROM "Tenant" t
      WHERE b."tenantId" = ${tenantId}::uuid AND t.id = b."tenantId" AND b.available >= ${cost} AND ${gate}
      RETURNING b.available, t."lowCreditThreshold" AS threshold),`,
    after: Prisma.sql`,
    cr AS (
      INSERT INTO "CreditEntry" (id, "tenantId", kind, amount, "messageId", actor)
      SELECT ${uuidv7()}::uuid, ${tenantId}::uuid, 'RESERVATION', ${cost}, m.id, ${actor} FROM m),
    cl AS (
      INSERT INTO "Event" (id, "tenantId", type, "subjectId", payload)
      SELECT ${uuidv7()}::uuid, ${tenantId}::uuid, 'CREDITS_LOW', ${tenantId}::uuid,
        jsonb_build_object('available', cb.available, 'threshold', cb.threshold)
      FROM cb, m WHERE cb.threshold IS NOT NULL AND cb.available < cb.threshold AND cb.available + ${cost} >= cb.threshold)`,
  };
}

/** The condition the message's INSERT … SELECT carries: a reservation was made (or none is needed). */
export function reservedGuard(cost: number): Prisma.Sql {
  return cost > 0 ? Prisma.sql`EXISTS (SELECT 1 FROM cb)` : Prisma.sql`true`;
}
