import { chargeCte, releaseCtes } from '../credits/settle-sql.ts';
import { Prisma, type PrismaClient } from '../db/generated/prisma/client.ts';
import { movableTo, movedNow, statusEvent } from '../messaging/status/delivery-status.ts';
import type { Claim } from './claims.ts';

type Sql = Pick<PrismaClient, '$queryRaw'>;

/** The held row's message's channel, for the sends counter of /metrics. */
const channelOfHeld = Prisma.sql`(SELECT channel::text FROM "Message" WHERE id = (SELECT "messageId" FROM o)) AS channel`;

// What a send attempt ended in, written to the outbox row and its message in ONE
// statement: a crash (or a failed write) between two writes could leave the row
// DONE and the message QUEUED with no provider id, and nothing would ever fix it.
// Each statement only acts on a row that is still SENDING.

/**
 * The provider has the message: the row is DONE, the message has its provider id
 * and (unless a status callback got further already) SENT. Returns whether the
 * row was still held and whether the message's status moved.
 */
export async function recordSent(sql: Sql, claim: Claim, provider: string, providerMessageId: string) {
  const [row] = await sql.$queryRaw<{ held: boolean; advanced: boolean; channel: string | null }[]>`
    WITH o AS (
      UPDATE "OutboxEntry" SET state = 'DONE', "leaseUntil" = NULL, "lastError" = NULL
      WHERE id = ${claim.id}::uuid AND state = 'SENDING'
      RETURNING "messageId"),
    m AS (
      UPDATE "Message" SET
        provider = CASE WHEN "providerMessageId" IS NULL THEN ${provider} ELSE provider END,
        "providerMessageId" = coalesce("providerMessageId", ${providerMessageId}),
        status = CASE WHEN ${movableTo('SENT')} THEN 'SENT' ELSE status END,
        "sentAt" = CASE WHEN ${movableTo('SENT')} THEN now() ELSE "sentAt" END
      WHERE id = (SELECT "messageId" FROM o)
      RETURNING id, "tenantId", "conversationId", ${movedNow('SENT')} AS moved),
    e AS (${statusEvent(Prisma.sql`SELECT * FROM m WHERE moved`, 'SENT')}),
    ${chargeCte()}
    SELECT EXISTS (SELECT 1 FROM o) AS held, EXISTS (SELECT 1 FROM m WHERE moved) AS advanced, ${channelOfHeld}`;
  return row ?? { held: false, advanced: false, channel: null };
}

/** The send failed for good: the row is FAILED and the message FAILED with the reason, together. */
export async function recordFailed(
  sql: Sql,
  claim: Claim,
  error: { code: string; message: string },
): Promise<{ held: boolean; advanced: boolean; channel: string | null; provider: string | null }> {
  const [row] = await sql.$queryRaw<
    { held: boolean; advanced: boolean; channel: string | null; provider: string | null }[]
  >`
    WITH o AS (
      UPDATE "OutboxEntry" SET state = 'FAILED', "leaseUntil" = NULL, "lastError" = ${error.message}
      WHERE id = ${claim.id}::uuid AND state = 'SENDING'
      RETURNING "messageId"),
    m AS (
      UPDATE "Message" SET status = 'FAILED', "failedAt" = now(), "errorCode" = ${error.code},
        "errorMessage" = ${error.message}
      WHERE id = (SELECT "messageId" FROM o) AND ${movableTo('FAILED')}
      RETURNING id, "tenantId", "conversationId"),
    e AS (${statusEvent(Prisma.sql`SELECT * FROM m`, 'FAILED', error.code)}),
    ${releaseCtes(error.code)}
    SELECT EXISTS (SELECT 1 FROM o) AS held, EXISTS (SELECT 1 FROM m) AS advanced, ${channelOfHeld},
      (SELECT provider FROM "Message" WHERE id = (SELECT "messageId" FROM o)) AS provider`;
  return row ?? { held: false, advanced: false, channel: null, provider: null };
}

/**
 * The answer does not prove refusal (5xx, reset, timeout): the row stays SENDING
 * and is reconciled with the provider once `delayMs` has passed, never resent blindly.
 */
export function markUnclear(prisma: PrismaClient, claim: Claim, reason: string, delayMs: number) {
  return prisma.$executeRaw`
    UPDATE "OutboxEntry" SET "leaseUntil" = now() + make_interval(secs => ${delayMs / 1000}), "lastError" = ${reason}
    WHERE id = ${claim.id}::uuid AND state = 'SENDING'`;
}

/** A refusal worth retrying: the row waits for its next attempt. */
export function retryLater(prisma: PrismaClient, claim: Claim, reason: string, delayMs: number) {
  return prisma.$executeRaw`
    UPDATE "OutboxEntry" SET state = 'PENDING', "leaseUntil" = NULL, "lastError" = ${reason},
      "nextAttemptAt" = now() + make_interval(secs => ${delayMs / 1000})
    WHERE id = ${claim.id}::uuid AND state = 'SENDING'`;
}
