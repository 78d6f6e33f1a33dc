import type { PrismaClient } from '../db/generated/prisma/client.ts';
import { scopeToTenant } from '../db/tenant-scope.ts';
import type { EventRelay } from '../events/relay.ts';
import type { Logger } from '../log.ts';
import { createPollingLoop } from '../polling-loop.ts';
import { draftsOf, type LogEvent, mayNotifySql } from './drafts.ts';
import { storeNotifications } from './store.ts';

/** Events one tenant's pass reads at most, so a busy tenant takes turns with the others. */
const EVENTS_PER_PASS = 100;
/** Tenants visited per pass, least recently served first. */
const TENANTS_PER_PASS = 50;
/** Failed passes on one event, alone, before it is logged and skipped so the tenant's later events go on. */
const MAX_STRIKES = 3;

type Row = LogEvent & { position: bigint };

/**
 * Turns a tenant's committed, positioned events into notifications. Each
 * tenant has a cursor (NotifierCursor: the last position handled); a pass
 * locks it with FOR UPDATE SKIP LOCKED, so copies of the service share the
 * tenants and never handle one twice, reads the events after it, stores their
 * notifications with NOTIFICATION_CREATED events and moves the cursor, all in
 * one transaction: killed at any point, the work is redone from the cursor,
 * and the unique (eventId, userId, kind) keeps it once. A tenant whose pass
 * fails is retried one event at a time at the next passes (the others go on);
 * an event that fails alone MAX_STRIKES times is logged and skipped.
 */
export function createNotifier(deps: {
  prisma: PrismaClient;
  relay: Pick<EventRelay, 'wake'>;
  log: Logger;
  pollMs?: number;
  /** Events one tenant's pass reads at most. */
  eventsPerPass?: number;
}) {
  const { prisma, relay, log } = deps;
  const pollMs = deps.pollMs ?? 300;
  const eventsPerPass = deps.eventsPerPass ?? EVENTS_PER_PASS;
  /**
   * Tenants whose pass failed: handled one event at a time up to the failed batch's last position, and the
   * event that failed alone, with how many times.
   */
  const retrying = new Map<string, { until: bigint; eventId: string | null; count: number }>();

  function dueTenants() {
    return prisma.$queryRaw<{ id: string; started: boolean }[]>`
      SELECT t.id, c."tenantId" IS NOT NULL AS started
      FROM "Tenant" t LEFT JOIN "NotifierCursor" c ON c."tenantId" = t.id
      WHERE t."lastEventPosition" > coalesce(c.position, 0)
      ORDER BY c."updatedAt" NULLS FIRST LIMIT ${TENANTS_PER_PASS}`;
  }

  /**
   * Moves, in one statement, every cursor no pass holds past its tenant's events when none of them may notify
   * anyone (most events, e.g. every outbound message), so those tenants need no transaction of their own.
   */
  function skipSilent() {
    return prisma.$executeRaw`
      WITH due AS (
        SELECT c."tenantId", t."lastEventPosition" AS upto
        FROM "NotifierCursor" c JOIN "Tenant" t ON t.id = c."tenantId"
        WHERE t."lastEventPosition" > c.position
          AND NOT EXISTS (SELECT 1 FROM "Event" e WHERE e."tenantId" = c."tenantId"
            AND e.position > c.position AND e.position <= t."lastEventPosition" AND ${mayNotifySql})
        FOR UPDATE OF c SKIP LOCKED)
      UPDATE "NotifierCursor" c SET position = due.upto, "updatedAt" = now()
      FROM due WHERE c."tenantId" = due."tenantId" AND due.upto > c.position`;
  }

  /** One tenant's turn: returns how many events it handled (0 when another copy holds the tenant). */
  async function passTenant(tenantId: string, started: boolean): Promise<{ events: number; stored: number }> {
    const retry = retrying.get(tenantId);
    let first: string | null = null;
    let lastRead: bigint | null = null;
    if (!started) {
      await prisma.$executeRaw`
        INSERT INTO "NotifierCursor" ("tenantId", position) VALUES (${tenantId}::uuid, 0) ON CONFLICT DO NOTHING`;
    }
    try {
      const done = await scopeToTenant(prisma, tenantId).$transaction(
        async (tx) => {
          const [cursor] = await tx.$queryRaw<{ position: bigint }[]>`
          SELECT position FROM "NotifierCursor" WHERE "tenantId" = ${tenantId}::uuid FOR UPDATE SKIP LOCKED`;
          if (!cursor) return { events: 0, stored: 0 };
          const events = await tx.$queryRaw<Row[]>`
          SELECT id, type, "subjectId", "conversationId", payload, position FROM "Event"
          WHERE "tenantId" = ${tenantId}::uuid AND position > ${cursor.position}
          ORDER BY position LIMIT ${retry ? 1 : eventsPerPass}`;
          first = events[0]?.id ?? null;
          lastRead = events.at(-1)?.position ?? null;
          let stored = 0;
          if (retry && retry.eventId === first && retry.count >= MAX_STRIKES) {
            log.error({ tenantId, eventId: first }, 'notifier: an event keeps failing; skipped, it notifies nobody');
          } else {
            stored = await storeNotifications(tx, tenantId, await draftsOf(tx, tenantId, events));
          }
          const last = events.at(-1)?.position ?? cursor.position;
          await tx.$executeRaw`
          UPDATE "NotifierCursor" SET position = ${last}, "updatedAt" = now() WHERE "tenantId" = ${tenantId}::uuid`;
          return { events: events.length, stored };
        },
        { maxWait: 10_000, timeout: 60_000 },
      );
      if (retry && lastRead !== null) {
        if (lastRead >= retry.until) retrying.delete(tenantId);
        else retrying.set(tenantId, { until: retry.until, eventId: null, count: 0 });
      }
      return done;
    } catch (error) {
      if (retry && first) {
        retrying.set(tenantId, { ...retry, eventId: first, count: retry.eventId === first ? retry.count + 1 : 1 });
      } else if (!retry && lastRead !== null) {
        retrying.set(tenantId, { until: lastRead, eventId: null, count: 0 });
      }
      throw error;
    }
  }

  /** One pass over the tenants with unhandled events. Returns how many events it handled in tenants' own turns. */
  async function runOnce(): Promise<number> {
    await skipSilent();
    let handled = 0;
    let stored = 0;
    for (const tenant of await dueTenants()) {
      if (loop.isStopping()) break;
      try {
        const done = await passTenant(tenant.id, tenant.started);
        handled += done.events;
        stored += done.stored;
      } catch (error) {
        log.warn({ tenantId: tenant.id, err: (error as Error).message }, 'notifier: tenant pass failed; retrying');
      }
    }
    if (stored) relay.wake();
    return handled;
  }

  const loop = createPollingLoop({ name: 'notifier', log, pollMs, pass: async () => (await runOnce()) > 0 });

  return {
    runOnce,
    start: loop.start,
    /** Events were committed: look now rather than at the next poll. */
    wake: loop.wake,
    stop: loop.stop,
  };
}

export type Notifier = ReturnType<typeof createNotifier>;
