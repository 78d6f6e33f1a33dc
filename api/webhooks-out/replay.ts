import { v7 as uuidv7 } from 'uuid';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import type { TenantScope } from '../domain/scope.ts';
import { deliveryRows, type EventRow, wants } from './queue.ts';
import type { WebhookServices } from './services.ts';

/** The widest time range one replayWebhookEvents may ask for. */
export const MAX_REPLAY_DAYS = 30;
const DAY_MS = 86_400_000;
const PAGE = 1000;

type ReplayDeps = Pick<WebhookServices, 'present' | 'retryWindowMs' | 'retentionDays' | 'wake'>;

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

/**
 * Queues again every event of the endpoint's types that happened in [from, to),
 * from the event log: at most MAX_REPLAY_DAYS wide and inside the log's
 * retention. Returns how many deliveries it queued.
 */
export async function replayWebhookEvents(
  scope: TenantScope,
  deps: ReplayDeps,
  endpointId: string,
  from: Date,
  to: Date,
): Promise<number> {
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
  const endpoint = await scope.db.webhookEndpoint.findUnique({ where: { id: endpointId } });
  if (!endpoint) throw new NotFoundError('Webhook endpoint', endpointId);
  let queued = 0;
  let after = 0n;
  for (;;) {
    const page = await scope.db.$queryRaw<EventRow[]>`
      SELECT id, "tenantId", type, "subjectId", "conversationId", payload, position, "createdAt" FROM "Event"
      WHERE "tenantId" = ${scope.tenantId}::uuid AND position > ${after}
        AND "createdAt" >= ${from} AND "createdAt" < ${to}
      ORDER BY position LIMIT ${PAGE}`;
    const last = page.at(-1);
    if (!last) break;
    after = last.position;
    const matching = page.filter((e) => wants(endpoint.eventTypes, e.type));
    if (matching.length) await scope.db.webhookDelivery.createMany({ data: deliveryRows(endpoint, matching, deps) });
    queued += matching.length;
  }
  if (queued) deps.wake();
  return queued;
}
