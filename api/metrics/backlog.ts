import type { PrismaClient } from '../db/generated/prisma/client.ts';

export type Backlog = {
  /** Outbox rows waiting for a send attempt (PENDING) and in one (SENDING). */
  pending: number;
  sending: number;
  /** Seconds the oldest due PENDING row has been due; 0 when none is. */
  oldestDueSeconds: number;
  /** Seconds the oldest event without its place in the log has waited for the relay; 0 when none waits. */
  relayLagSeconds: number;
};

/** One statement, on the indexes the worker and the relay use themselves (state+nextAttemptAt, position+createdAt). */
export async function readBacklog(prisma: Pick<PrismaClient, '$queryRaw'>): Promise<Backlog> {
  const [row] = await prisma.$queryRaw<Record<keyof Backlog, number | null>[]>`
    SELECT
      (SELECT count(*) FROM "OutboxEntry" WHERE state = 'PENDING')::float8 AS pending,
      (SELECT count(*) FROM "OutboxEntry" WHERE state = 'SENDING')::float8 AS sending,
      (SELECT extract(epoch FROM now() - min("nextAttemptAt")) FROM "OutboxEntry"
        WHERE state = 'PENDING' AND "nextAttemptAt" <= now())::float8 AS "oldestDueSeconds",
      (SELECT extract(epoch FROM now() - min("createdAt")) FROM "Event" WHERE position IS NULL)::float8 AS "relayLagSeconds"`;
  return {
    pending: row?.pending ?? 0,
    sending: row?.sending ?? 0,
    oldestDueSeconds: Math.max(0, row?.oldestDueSeconds ?? 0),
    relayLagSeconds: Math.max(0, row?.relayLagSeconds ?? 0),
  };
}
