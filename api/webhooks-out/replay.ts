import { v7 as uuidv7 } from 'uuid';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.ts';
import type { TenantScope } from '../domain/scope.ts';
import { deliveryRows, type EventRow, wants } from './queue.ts';
import type { WebhookServices } from './services.ts';

/** The widest time range one replayWebhookEvents may ask for. */
export const MAX_REPLAY_DAYS = 30;
const DAY_MS = 86_400_000;
const PAGE = 1000;

type ReplayDeps = Pick<
  WebhookServices,
  'present' | 'retryWindowMs' | 'retentionDays' | 'wake' | 'maxPendingPerEndpoint'
>;

/** Sends a delivery's event again, as a new delivery with the same webhook-id and body (receivers dedupe on the id). */
export async function replayWebhookDelivery(scope: TenantScope, deps: ReplayDeps, deliveryId: string) {
  const original = await scope.db.webhookDelivery.findUnique({ where: { id: deliveryId } });
  if (!original) throw new NotFoundError('Webhook delivery', deliveryId);
  const replay = await scope.db.webhookDelivery.create({
    data: {
      id: uuidv7(),
      tenantId: scope.tenantId,
      endpointId: original.endpointId,
      eventId: original.eventId,
      eventType: original.eventType,
      position: original.position,
      body: original.body,
      retryUntil: new Date(Date.now() + deps.retryWindowMs),
      replayOfId: original.id,
    },
  });
  deps.wake();
  return replay;
}

/** What a range replay did: deliveries queued, and events left out because one was still waiting to be sent. */
export type ReplayOutcome = { queued: number; skipped: number };

/**
 * Queues again every event of the endpoint's types that happened in [from, to),
 * from the event log: at most MAX_REPLAY_DAYS wide and inside the log's
 * retention. An event with a delivery to this endpoint still waiting (pending
 * or being sent) is skipped, so replaying a range twice queues nothing twice;
 * a replay that would leave the endpoint with more than
 * `maxPendingPerEndpoint` waiting deliveries is refused whole. One replay per
 * endpoint runs at a time (its row is locked).
 */
export async function replayWebhookEvents(
  scope: TenantScope,
  deps: ReplayDeps,
  endpointId: string,
  from: Date,
  to: Date,
): Promise<ReplayOutcome> {
  if (!(from.getTime() < to.getTime())) throw ValidationError.of('to', 'must be after `from`');
  if (to.getTime() - from.getTime() > MAX_REPLAY_DAYS * DAY_MS) {
    throw ValidationError.of(
      'to',
      `must be at most ${MAX_REPLAY_DAYS} days after \`from\`; replay a long stretch in parts`,
    );
  }
  const oldest = new Date(Date.now() - deps.retentionDays * DAY_MS);
  if (from.getTime() < oldest.getTime()) {
    throw ValidationError.of(
      'from',
      `is older than the event log keeps events (${deps.retentionDays} days): start at ${oldest.toISOString()} or later`,
    );
  }
  const outcome = await scope.db.$transaction(
    async (tx) => {
      const [endpoint] = await tx.$queryRaw<{ id: string; tenantId: string; eventTypes: string[] }[]>`
        SELECT id, "tenantId", "eventTypes" FROM "WebhookEndpoint"
        WHERE id = ${endpointId}::uuid AND "tenantId" = ${scope.tenantId}::uuid FOR UPDATE`;
      if (!endpoint) throw new NotFoundError('Webhook endpoint', endpointId);
      const types = endpoint.eventTypes;
      const [counts] = await tx.$queryRaw<{ matching: bigint; waiting: bigint; pending: bigint }[]>`
        SELECT
          (SELECT count(*) FROM "Event" ev
            WHERE ev."tenantId" = ${scope.tenantId}::uuid AND ev."createdAt" >= ${from} AND ev."createdAt" < ${to}
              AND (cardinality(${types}::text[]) = 0 OR ev.type = ANY(${types}::text[]))) AS matching,
          (SELECT count(DISTINCT d."eventId") FROM "WebhookDelivery" d JOIN "Event" ev ON ev.id = d."eventId"
            WHERE d."endpointId" = ${endpointId}::uuid AND d.state IN ('PENDING', 'SENDING')
              AND ev."tenantId" = ${scope.tenantId}::uuid AND ev."createdAt" >= ${from} AND ev."createdAt" < ${to}) AS waiting,
          (SELECT count(*) FROM "WebhookDelivery" d
            WHERE d."endpointId" = ${endpointId}::uuid AND d.state IN ('PENDING', 'SENDING')) AS pending`;
      const skipped = Number(counts?.waiting ?? 0);
      const toQueue = Number(counts?.matching ?? 0) - skipped;
      const pending = Number(counts?.pending ?? 0);
      if (toQueue > 0 && pending + toQueue > deps.maxPendingPerEndpoint) {
        throw new ConflictError(
          'to',
          `this would leave the endpoint ${pending + toQueue} deliveries waiting, more than ${deps.maxPendingPerEndpoint}: wait for the ${pending} waiting now to be sent, or replay a narrower range`,
        );
      }
      let queued = 0;
      let after = 0n;
      for (;;) {
        const page = await tx.$queryRaw<EventRow[]>`
          SELECT id, "tenantId", type, "subjectId", "conversationId", payload, position, "createdAt" FROM "Event" ev
          WHERE "tenantId" = ${scope.tenantId}::uuid AND position > ${after}
            AND "createdAt" >= ${from} AND "createdAt" < ${to}
          ORDER BY position LIMIT ${PAGE}`;
        const last = page.at(-1);
        if (!last) break;
        after = last.position;
        const matching = page.filter((e) => wants(types, e.type));
        if (!matching.length) continue;
        const waiting = await tx.$queryRaw<{ eventId: string }[]>`
          SELECT DISTINCT "eventId" FROM "WebhookDelivery"
          WHERE "endpointId" = ${endpointId}::uuid AND state IN ('PENDING', 'SENDING')
            AND "eventId" = ANY(${matching.map((e) => e.id)}::uuid[])`;
        const skip = new Set(waiting.map((w) => w.eventId));
        const fresh = matching.filter((e) => !skip.has(e.id));
        if (fresh.length) await tx.webhookDelivery.createMany({ data: deliveryRows(endpoint, fresh, deps) });
        queued += fresh.length;
      }
      return { queued, skipped: Number(counts?.matching ?? 0) - queued };
    },
    { timeout: 60_000 },
  );
  if (outcome.queued) deps.wake();
  return outcome;
}
