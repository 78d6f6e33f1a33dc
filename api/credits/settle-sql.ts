import { v7 as uuidv7 } from 'uuid';
import { Prisma } from '../db/generated/prisma/client.ts';

// Settling a message's reservation, as CTEs of the one statement that records
// how its send attempt ended (api/outbox/records.ts). `o` is that statement's
// CTE returning the settled outbox row's "messageId": it only returns a row that
// was still SENDING, so an attempt is settled once, and a message is charged or
// released, never both (the unique (messageId, kind) index backs this up).
// Messages that reserved nothing (not credit-billed) have no RESERVATION row and
// these insert nothing.

const reservation = Prisma.sql`
  FROM "CreditEntry" r
  WHERE r."messageId" = (SELECT "messageId" FROM o) AND r.kind = 'RESERVATION'
    AND NOT EXISTS (SELECT 1 FROM "CreditEntry" x WHERE x."messageId" = r."messageId" AND x.kind IN ('CHARGE', 'RELEASE'))`;

/** The provider accepted the message: its reservation becomes a CHARGE (the balance does not move). */
export function chargeCte(): Prisma.Sql {
  return Prisma.sql`cc AS (
    INSERT INTO "CreditEntry" (id, "tenantId", kind, amount, "messageId", actor)
    SELECT ${uuidv7()}::uuid, r."tenantId", 'CHARGE', r.amount, r."messageId", 'outbox' ${reservation}
    ON CONFLICT DO NOTHING)`;
}

/** The message failed (or was withdrawn) before the provider took it: its reservation is RELEASEd back. */
export function releaseCtes(note: string): Prisma.Sql {
  return Prisma.sql`rl AS (
    INSERT INTO "CreditEntry" (id, "tenantId", kind, amount, "messageId", actor, note)
    SELECT ${uuidv7()}::uuid, r."tenantId", 'RELEASE', r.amount, r."messageId", 'outbox', ${note} ${reservation}
    ON CONFLICT DO NOTHING
    RETURNING "tenantId", amount),
  rb AS (
    UPDATE "CreditBalance" b SET available = b.available + rl.amount, "updatedAt" = now()
    FROM rl WHERE b."tenantId" = rl."tenantId")`;
}
