import { v7 as uuidv7 } from 'uuid';
import { Prisma, type PrismaClient } from '../../db/generated/prisma/client.ts';
import type { MessageStatus } from '../../db/generated/prisma/enums.ts';

const rank: Record<MessageStatus, number> = {
  // A scheduled message is queued for later; a cancelled one never moves again.
  SCHEDULED: 0,
  CANCELLED: 5,
  QUEUED: 0,
  SENDING: 1,
  SENT: 2,
  DELIVERED: 3,
  UNDELIVERED: 3,
  FAILED: 3,
  RECEIVED: 3,
  // A recorded email is final: no provider reports on it.
  RECORDED: 5,
  READ: 4,
};

/** Ends a message READ never follows: it was not delivered, or it is the candidate's own. */
const NOT_READABLE: MessageStatus[] = ['UNDELIVERED', 'FAILED', 'RECEIVED', 'RECORDED', 'CANCELLED'];

/** The statuses a message may move to `next` from: only forward, never back. */
export function statusesBefore(next: MessageStatus): MessageStatus[] {
  return (Object.keys(rank) as MessageStatus[]).filter(
    (s) => rank[s] < rank[next] && !(next === 'READ' && NOT_READABLE.includes(s)),
  );
}

/**
 * A message failed only because nobody could tell whether the provider had it
 * (api/outbox/reconcile.ts): a status the provider reports later still applies,
 * since it is the first real news of that message.
 */
export const OUTCOME_UNKNOWN = 'OUTCOME_UNKNOWN';
const REPORTED: MessageStatus[] = ['SENT', 'DELIVERED', 'READ', 'UNDELIVERED', 'FAILED'];

/** SQL: the message may move to `next` from its current status (forward, or out of an unknown outcome). */
export function movableTo(next: MessageStatus): Prisma.Sql {
  const forward = Prisma.sql`status IN (${Prisma.join(statusesBefore(next).map((s) => Prisma.sql`${s}::"MessageStatus"`))})`;
  if (!REPORTED.includes(next)) return forward;
  return Prisma.sql`(${forward} OR (status = 'FAILED'::"MessageStatus" AND "errorCode" = ${OUTCOME_UNKNOWN}))`;
}

/**
 * For a RETURNING list: whether this statement moved the message to `status`.
 * The time of each status is set only when the status moves, to the
 * statement's now(), so it tells what the row was before without a second read
 * (a read of the old row would not see a change committed meanwhile).
 */
export function movedNow(status: MessageStatus): Prisma.Sql {
  const columns: Partial<Record<MessageStatus, string>> = {
    SENT: 'sentAt',
    DELIVERED: 'deliveredAt',
    READ: 'readAt',
    FAILED: 'failedAt',
    UNDELIVERED: 'failedAt',
  };
  const column = columns[status];
  if (!column) return Prisma.sql`false`;
  return Prisma.sql`(status = ${status}::"MessageStatus" AND ${Prisma.raw(`"${column}"`)} = now()::timestamptz(3))`;
}

/**
 * The INSERT, for a CTE, of a MESSAGE_STATUS_CHANGED event for each message
 * `moved` returns (id, tenantId, conversationId): written in the statement
 * that moves the status, so the change and its event cannot part.
 */
export function statusEvent(moved: Prisma.Sql, status: MessageStatus, errorCode?: string | null): Prisma.Sql {
  const payload = JSON.stringify({ status, ...(errorCode ? { errorCode } : {}) });
  return Prisma.sql`
    INSERT INTO "Event" (id, "tenantId", type, "subjectId", "conversationId", payload)
    SELECT ${uuidv7()}::uuid, mv."tenantId", 'MESSAGE_STATUS_CHANGED', mv.id, mv."conversationId", ${payload}::jsonb
    FROM (${moved}) mv`;
}

export type StatusChange = {
  status: MessageStatus;
  provider?: string;
  providerMessageId?: string;
  errorCode?: string | null;
  errorMessage?: string | null;
};

/**
 * Records what the provider said about a message: its id (if not known yet)
 * and its status, when that moves it forward, in one statement. Callbacks may
 * arrive before the send call returns, twice, or out of order; each lands once
 * and the status never goes back. A move is a MESSAGE_STATUS_CHANGED event in
 * the same statement. Returns whether the status changed.
 */
export async function advanceMessage(prisma: PrismaClient, messageId: string, change: StatusChange): Promise<boolean> {
  const moving = movableTo(change.status);
  const providerId = change.providerMessageId ?? null;
  const failing = change.status === 'FAILED' || change.status === 'UNDELIVERED';
  const [row] = await prisma.$queryRaw<{ advanced: boolean }[]>`
    WITH m AS (
      UPDATE "Message" SET
        provider = CASE WHEN "providerMessageId" IS NULL AND ${providerId}::text IS NOT NULL
          THEN ${change.provider ?? null}::text ELSE provider END,
        "providerMessageId" = coalesce("providerMessageId", ${providerId}::text),
        status = CASE WHEN ${moving} THEN ${change.status}::"MessageStatus" ELSE status END,
        "sentAt" = CASE WHEN ${moving} AND ${change.status === 'SENT'} THEN now() ELSE "sentAt" END,
        "deliveredAt" = CASE WHEN ${moving} AND ${change.status === 'DELIVERED'} THEN now() ELSE "deliveredAt" END,
        "readAt" = CASE WHEN ${moving} AND ${change.status === 'READ'} THEN now() ELSE "readAt" END,
        "failedAt" = CASE WHEN ${moving} AND ${failing} THEN now() WHEN ${moving} THEN NULL ELSE "failedAt" END,
        "errorCode" = CASE WHEN ${moving} AND ${failing} THEN ${change.errorCode ?? null}::text
          WHEN ${moving} THEN NULL ELSE "errorCode" END,
        "errorMessage" = CASE WHEN ${moving} AND ${failing} THEN ${change.errorMessage ?? null}::text
          WHEN ${moving} THEN NULL ELSE "errorMessage" END
      WHERE id = ${messageId}::uuid AND (${moving} OR ("providerMessageId" IS NULL AND ${providerId}::text IS NOT NULL))
      RETURNING id, "tenantId", "conversationId", ${movedNow(change.status)} AS moved),
    e AS (${statusEvent(Prisma.sql`SELECT * FROM m WHERE moved`, change.status, change.errorCode)})
    SELECT EXISTS (SELECT 1 FROM m WHERE moved) AS advanced`;
  return row?.advanced ?? false;
}
