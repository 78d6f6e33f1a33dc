import type { PubSub } from 'graphql-yoga';
import { Prisma, type PrismaClient } from '../db/generated/prisma/client.ts';
import { prepared } from '../db/prepared-statements.ts';
import type { Logger } from '../log.ts';
import { createPollingLoop } from '../polling-loop.ts';
import type { LoggedEvent, PubSubEvents } from './tenant-events.ts';

/** Any number, the same in every copy: it makes the passes of all copies take turns. */
const RELAY_LOCK = 7_241_003;
const BATCH = 500;
// Written into the statements, not a parameter: a prepared statement's generic plan, planned without
// knowing a parameter's LIMIT, read the oldest events first through ("createdAt") instead of the
// unpositioned ones through (position, "createdAt").
const BATCH_LIMIT = Prisma.raw(`LIMIT ${BATCH}`);
/** Positioned but unpublished this long: its relay died before publishing, so publish it again. */
const REPUBLISH_AFTER_MS = 5_000;

type Row = {
  id: string;
  tenantId: string;
  type: string;
  subjectId: string;
  conversationId: string | null;
  payload: Record<string, unknown>;
  position: bigint;
  createdAt: Date;
};

function toLogged(row: Row): LoggedEvent {
  return {
    id: row.id,
    tenantId: row.tenantId,
    type: row.type as LoggedEvent['type'],
    subjectId: row.subjectId,
    conversationId: row.conversationId,
    payload: row.payload,
    position: String(row.position),
    occurredAt: row.createdAt.toISOString(),
  };
}

/**
 * Gives committed events their place in their tenant's log, then publishes
 * them. Rows of transactions that have not committed are invisible, so they
 * get a later position when they do: a reader resuming after a position can
 * never skip one. Passes of every copy take turns under an advisory lock, so
 * positions are gapless per tenant. Publishing is at least once; consumers
 * drop what they have seen by position.
 */
export function createEventRelay(deps: {
  prisma: PrismaClient;
  pubsub: PubSub<PubSubEvents>;
  log: Logger;
  pollMs?: number;
  retentionDays: number;
}) {
  const { prisma, pubsub, log } = deps;
  const pollMs = deps.pollMs ?? 250;

  async function assignPositions(): Promise<Row[]> {
    return prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${RELAY_LOCK})`;
      // Prepared, like the other statements of a pass: a send or an inbound message wakes a pass.
      const rows = await tx.$queryRaw<Row[]>(
        prepared(Prisma.sql`
        WITH batch AS MATERIALIZED (
          SELECT id, "tenantId", "createdAt" FROM "Event" WHERE position IS NULL ORDER BY "createdAt", id ${BATCH_LIMIT}),
        pending AS (
          SELECT id, "tenantId", row_number() OVER (PARTITION BY "tenantId" ORDER BY "createdAt", id) AS n FROM batch),
        tenants AS (
          UPDATE "Tenant" t SET "lastEventPosition" = t."lastEventPosition" + c.added
          FROM (SELECT "tenantId", count(*) AS added FROM pending GROUP BY "tenantId") c
          WHERE t.id = c."tenantId"
          RETURNING t.id, t."lastEventPosition" - c.added AS base)
        UPDATE "Event" e SET position = tenants.base + pending.n
        FROM pending JOIN tenants ON tenants.id = pending."tenantId"
        WHERE e.id = pending.id
        RETURNING e.id, e."tenantId", e.type, e."subjectId", e."conversationId", e.payload, e.position, e."createdAt"`),
      );
      return rows.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
    });
  }

  function unpublished(): Promise<Row[]> {
    return prisma.$queryRaw<Row[]>(
      prepared(Prisma.sql`
      SELECT id, "tenantId", type, "subjectId", "conversationId", payload, position, "createdAt" FROM "Event"
      WHERE position IS NOT NULL AND "publishedAt" IS NULL
        AND "createdAt" < now() - make_interval(secs => ${REPUBLISH_AFTER_MS / 1000})
        AND "createdAt" > now() - make_interval(days => ${deps.retentionDays})
      ORDER BY "tenantId", position ${BATCH_LIMIT}`),
    );
  }

  async function publish(rows: Row[]) {
    if (!rows.length) return;
    for (const row of rows) pubsub.publish('tenant', row.tenantId, toLogged(row));
    const ids = rows.map((r) => r.id);
    await prisma.$executeRaw(
      prepared(Prisma.sql`UPDATE "Event" SET "publishedAt" = now() WHERE id = ANY(${ids}::uuid[])`),
    );
  }

  /** One pass: positions and publishes what has committed. Returns how many events it handled. */
  async function runOnce(): Promise<number> {
    const positioned = await assignPositions();
    await publish(positioned);
    const stale = await unpublished();
    await publish(stale);
    return positioned.length + stale.length;
  }

  /**
   * Deletes what is past retention as a prefix of each tenant's log, so the log
   * never has a hole: an event's createdAt is its transaction's start, so one
   * that committed late can be older than the event placed before it, and
   * deleting it alone would let a cursor before it skip it in silence rather
   * than be refused with CURSOR_EXPIRED. An old event placed after one still
   * kept waits for it. (Such neighbours are at most one transaction apart:
   * looking a day past the cut-off finds them.)
   */
  async function prune() {
    const deleted = await prisma.$executeRaw`
      WITH cut AS (SELECT now() - make_interval(days => ${deps.retentionDays}) AS at),
      kept AS (
        SELECT e."tenantId", min(e.position) AS first FROM "Event" e, cut
        WHERE e."createdAt" >= cut.at AND e."createdAt" < cut.at + interval '1 day' AND e.position IS NOT NULL
        GROUP BY e."tenantId")
      DELETE FROM "Event" e USING cut
      WHERE e."createdAt" < cut.at AND e.position IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM kept WHERE kept."tenantId" = e."tenantId" AND kept.first < e.position)`;
    if (deleted) log.info({ deleted }, 'event log: pruned events past retention');
  }

  const loop = createPollingLoop({
    name: 'event relay',
    log,
    pollMs,
    pass: async () => (await runOnce()) >= BATCH,
    hourly: prune,
  });

  return {
    runOnce,
    prune,
    start: loop.start,
    /** Something committed events: look now rather than at the next poll. */
    wake: loop.wake,
    stop: loop.stop,
  };
}

export type EventRelay = ReturnType<typeof createEventRelay>;
