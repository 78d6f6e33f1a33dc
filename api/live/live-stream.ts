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
  return new Delivery(events, joined, select);
}

/**
 * One subscriber's filter over its tenant's events: a plain iterator rather
 * than a generator wrapped around the event stream, so an event costs one
 * step per subscriber. Ending it (return, or the stream failing or ending)
 * leaves the access cache and closes the event stream; closing the stream
 * first wakes a subscriber waiting for its next event.
 */
class Delivery<T extends object> implements AsyncGenerator<Delivered<T>> {
  private ready: Delivered<T>[] = [];
  private ended = false;

  constructor(
    private readonly events: AsyncGenerator<LoggedEvent>,
    private readonly joined: { tenant: TenantAccess; reader: LiveReader; leave: () => void },
    private readonly select: Selector<T>,
  ) {}

  [Symbol.asyncIterator]() {
    return this;
  }

  async next(): Promise<IteratorResult<Delivered<T>>> {
    try {
      for (;;) {
        const item = this.ready.shift();
        if (item) return { done: false, value: item };
        if (this.ended) return { done: true, value: undefined };
        const next = await this.events.next();
        if (next.done) {
          await this.end();
          return { done: true, value: undefined };
        }
        const event = next.value;
        this.joined.tenant.apply(event);
        const items = await this.select(event, this.joined.tenant, this.joined.reader);
        if (items.length === 0 || this.ended) continue;
        const cursor = encodeCursor(BigInt(event.position));
        for (const selected of items) this.ready.push({ ...selected, cursor, event });
      }
    } catch (error) {
      await this.end();
      throw error;
    }
  }

  async return(): Promise<IteratorResult<Delivered<T>>> {
    await this.end();
    return { done: true, value: undefined };
  }

  async throw(error: unknown): Promise<IteratorResult<Delivered<T>>> {
    await this.end();
    throw error;
  }

  async [Symbol.asyncDispose]() {
    await this.end();
  }

  private async end() {
    if (this.ended) return;
    this.ended = true;
    this.ready = [];
    this.joined.leave();
    await this.events.return(undefined);
  }
}
