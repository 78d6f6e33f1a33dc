import type { PrismaClient } from '../db/generated/prisma/client.ts';
import type { Logger } from '../log.ts';
import { createPollingLoop } from '../polling-loop.ts';
import { deliveryRows, type EventRow, wants } from './queue.ts';
import type { PresentEvent } from './services.ts';

const EVENTS_PER_PASS = 500;
const ENDPOINTS_PER_PASS = 100;

/**
 * Turns the event log into deliveries: for each enabled endpoint behind its
 * tenant's log, reads the events after its cursor, queues those of its types
 * and moves the cursor past every event read, in one transaction. A crash
 * rolls back both, so no event is skipped and none is queued twice; copies of
 * the service skip an endpoint another copy holds (FOR UPDATE SKIP LOCKED).
 */
export function createWebhookDispatcher(deps: {
  prisma: PrismaClient;
  present: PresentEvent;
  retryWindowMs: number;
  retentionDays: number;
  log: Logger;
  /** Deliveries were queued. */
  queued(): void;
  /** False while there is no endpoint at all: the pass runs no SQL. */
  active?: () => Promise<boolean>;
  pollMs?: number;
}) {
  const { prisma, log } = deps;
  const pollMs = deps.pollMs ?? 250;

  function dispatchEndpoint(id: string): Promise<number> {
    return prisma.$transaction(async (tx) => {
      const [endpoint] = await tx.$queryRaw<{ id: string; tenantId: string; cursor: bigint; eventTypes: string[] }[]>`
        SELECT id, "tenantId", cursor, "eventTypes" FROM "WebhookEndpoint"
        WHERE id = ${id}::uuid AND enabled FOR UPDATE SKIP LOCKED`;
      if (!endpoint) return 0;
      const events = await tx.$queryRaw<EventRow[]>`
        SELECT id, "tenantId", type, "subjectId", "conversationId", payload, position, "createdAt" FROM "Event"
        WHERE "tenantId" = ${endpoint.tenantId}::uuid AND position > ${endpoint.cursor}
        ORDER BY position LIMIT ${EVENTS_PER_PASS}`;
      const last = events.at(-1);
      if (!last) return 0;
      const matching = events.filter((e) => wants(endpoint.eventTypes, e.type));
      if (matching.length) {
        await tx.webhookDelivery.createMany({ data: deliveryRows(endpoint, matching, deps) });
      }
      await tx.$executeRaw`UPDATE "WebhookEndpoint" SET cursor = ${last.position} WHERE id = ${id}::uuid`;
      return matching.length;
    });
  }

  /** One pass over the endpoints behind their log; returns how many deliveries it queued. */
  async function runOnce(): Promise<number> {
    if (deps.active && !(await deps.active())) return 0;
    const behind = await prisma.$queryRaw<{ id: string }[]>`
      SELECT e.id FROM "WebhookEndpoint" e JOIN "Tenant" t ON t.id = e."tenantId"
      WHERE e.enabled AND t."lastEventPosition" > e.cursor
      LIMIT ${ENDPOINTS_PER_PASS}`;
    let queued = 0;
    for (const { id } of behind) queued += await dispatchEndpoint(id);
    if (queued) deps.queued();
    return queued;
  }

  /** Settled deliveries (and their attempts) older than the event log keeps events. */
  async function prune() {
    const deleted = await prisma.$executeRaw`
      DELETE FROM "WebhookDelivery" WHERE state IN ('DELIVERED', 'FAILED')
        AND "createdAt" < now() - make_interval(days => ${deps.retentionDays})`;
    if (deleted) log.info({ deleted }, 'webhooks: pruned settled deliveries past retention');
  }

  const loop = createPollingLoop({
    name: 'webhook dispatcher',
    log,
    pollMs,
    pass: async () => {
      await runOnce();
      return false;
    },
    hourly: prune,
  });

  return {
    runOnce,
    prune,
    start: loop.start,
    wake: loop.wake,
    stop: loop.stop,
  };
}
