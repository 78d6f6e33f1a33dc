import type { TenantActor } from '../auth/actor.ts';
import type { Services } from '../context.ts';
import type { TenantDb } from '../db/tenant-scope.ts';
import { ValidationError } from '../domain/errors.ts';
import { decodeCursor, encodeCursor } from '../events/cursor.ts';
import { tenantEventStream } from '../events/stream.ts';
import type { LoggedEvent } from '../events/tenant-events.ts';
import { type LiveReader, liveAccess, type TenantAccess } from './access-cache.ts';

/** What a live subscription yields for one event: the event's cursor and whatever the selector made of it. */
export type Delivered<T> = T & { cursor: string; event: LoggedEvent };

/** Decides, at delivery, what (if anything) one event means for this subscriber. */
export type Selector<T> = (event: LoggedEvent, access: TenantAccess, reader: LiveReader) => Promise<T[]>;

/** A subscription's `after` argument as a log position (null: from now); a string that is not a cursor is refused. */
export function startPosition(after: string | null | undefined): bigint | null {
  if (after == null) return null;
  const position = decodeCursor(after);
  if (position === null) throw ValidationError.of('after', 'is not an event cursor');
  return position;
}

/**
 * The tenant's events from `after` (replayed from the log, then live), each
 * applied to this copy's access cache in log order and then handed to
 * `select`, which checks it against what the subscriber may read now. Only
 * what `select` returns is delivered.
 */
export function liveStream<T extends object>(
  services: Pick<Services, 'prisma' | 'events'>,
  actor: TenantActor,
  db: TenantDb,
  after: bigint | null,
  select: Selector<T>,
): AsyncGenerator<Delivered<T>> {
  const joined = liveAccess(services.prisma).join(actor, db);
  const events = tenantEventStream({ prisma: services.prisma, pubsub: services.events.pubsub }, actor.tenantId, after);
  const delivered = deliver(events, joined, select);
  // Ending the tenant stream first wakes a subscriber waiting for its next event, so a closed subscription ends now.
  const close = delivered.return.bind(delivered);
  delivered.return = async (value) => {
    joined.leave();
    await events.return(undefined);
    return close(value);
  };
  return delivered;
}

async function* deliver<T extends object>(
  events: AsyncGenerator<LoggedEvent>,
  joined: { tenant: TenantAccess; reader: LiveReader; leave: () => void },
  select: Selector<T>,
): AsyncGenerator<Delivered<T>> {
  try {
    for await (const event of events) {
      joined.tenant.apply(event);
      const cursor = encodeCursor(BigInt(event.position));
      for (const item of await select(event, joined.tenant, joined.reader)) yield { ...item, cursor, event };
    }
  } finally {
    joined.leave();
    await events.return(undefined);
  }
}
