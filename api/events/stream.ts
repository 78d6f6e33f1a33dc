import type { PubSub } from 'graphql-yoga';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import { CursorExpiredError, ValidationError } from '../domain/errors.ts';
import { encodeCursor } from './cursor.ts';
import type { LoggedEvent, PubSubEvents } from './tenant-events.ts';

const PAGE = 500;
const SETTLE_MS = 1_000;
/** How often an idle subscriber looks at the log for a publication that never came. */
const IDLE_CHECK_MS = 15_000;
/** Live events held for a subscriber that reads slowly; past this it reads from the log instead. */
const MAX_BUFFERED = 1_000;

type Row = Omit<LoggedEvent, 'position' | 'occurredAt'> & { position: bigint; createdAt: Date };

function logged(row: Row): LoggedEvent {
  const { createdAt, position, ...rest } = row;
  return { ...rest, position: String(position), occurredAt: createdAt.toISOString() };
}

function readAfter(prisma: PrismaClient, tenantId: string, after: bigint, before: bigint | null) {
  return prisma.$queryRaw<Row[]>`
    SELECT id, "tenantId", type, "subjectId", "conversationId", payload, position, "createdAt" FROM "Event"
    WHERE "tenantId" = ${tenantId}::uuid AND position > ${after}
      AND (${before}::bigint IS NULL OR position < ${before}::bigint)
    ORDER BY position LIMIT ${PAGE}`;
}

/** Where a subscriber starts: its cursor's position, checked against what the log still holds. */
async function startingPoint(prisma: PrismaClient, tenantId: string, after: bigint | null): Promise<bigint> {
  const [log] = await prisma.$queryRaw<{ last: bigint; first: bigint | null }[]>`
    SELECT t."lastEventPosition" AS last, (SELECT min(position) FROM "Event" e WHERE e."tenantId" = t.id) AS first
    FROM "Tenant" t WHERE t.id = ${tenantId}::uuid`;
  const last = log?.last ?? 0n;
  if (after === null) return last;
  if (after > last) throw ValidationError.of('after', 'is not a cursor of this tenant’s event log');
  const oldest = log?.first ?? last + 1n;
  if (after < oldest - 1n) throw new CursorExpiredError(encodeCursor(oldest - 1n));
  return after;
}

/**
 * A tenant's events from just after `after` (or from now), in log order, with
 * no gap and no repeat: live events are buffered from the start, the log is
 * replayed up to them, and any position a live message skipped (a publication
 * lost or late) is read from the log before going on. While idle it checks
 * the log now and then, so a lost publication is not held back until the
 * tenant's next event. Positions are gapless, so a hole in what the log
 * returns means retention removed it: CURSOR_EXPIRED, never a silent skip.
 */
export function tenantEventStream(
  deps: { prisma: PrismaClient; pubsub: PubSub<PubSubEvents> },
  tenantId: string,
  after: bigint | null,
): AsyncGenerator<LoggedEvent> {
  const live = deps.pubsub.subscribe('tenant', tenantId);
  const events = stream(deps, tenantId, after, live);
  // Ending the live feed first wakes the generator, so a closed subscription is released at once.
  const close = events.return.bind(events);
  events.return = async (value) => {
    await live.return?.();
    return close(value);
  };
  return events;
}

async function* stream(
  deps: { prisma: PrismaClient; pubsub: PubSub<PubSubEvents> },
  tenantId: string,
  after: bigint | null,
  live: AsyncIterableIterator<LoggedEvent>,
): AsyncGenerator<LoggedEvent> {
  let buffered: LoggedEvent[] = [];
  /** Set when the live buffer overflowed (a consumer that reads slowly): the log is read instead. */
  let behind = false;
  const waiter: { wake: (() => void) | null } = { wake: null };
  let ended = false;
  const draining = (async () => {
    for await (const event of live) {
      if (buffered.length >= MAX_BUFFERED) {
        buffered = [];
        behind = true;
      } else buffered.push(event);
      waiter.wake?.();
    }
  })().finally(() => {
    ended = true;
    waiter.wake?.();
  });

  let last: bigint;
  try {
    last = await startingPoint(deps.prisma, tenantId, after);
  } catch (error) {
    await live.return?.();
    throw error;
  }

  async function* fromLog(before: bigint | null) {
    for (;;) {
      const page = await readAfter(deps.prisma, tenantId, last, before);
      for (const row of page) {
        if (row.position !== last + 1n) throw new CursorExpiredError(encodeCursor(row.position - 1n));
        last = row.position;
        yield logged(row);
      }
      if (page.length < PAGE) return;
    }
  }

  const idle = () =>
    new Promise<'event' | 'idle'>((resolve) => {
      const timer = setTimeout(() => resolve('idle'), IDLE_CHECK_MS);
      timer.unref();
      waiter.wake = () => {
        clearTimeout(timer);
        resolve('event');
      };
    });

  try {
    if (after !== null) yield* fromLog(null);
    let checkedAfterSubscribing = false;
    for (;;) {
      if (behind) {
        behind = false;
        yield* fromLog(null);
      }
      const event = buffered.shift();
      if (!event) {
        if (ended) return;
        const woke = await (checkedAfterSubscribing ? idle() : Promise.race([idle(), settle()]));
        waiter.wake = null;
        if (woke === 'idle') {
          checkedAfterSubscribing = true;
          yield* fromLog(null);
        }
        continue;
      }
      const position = BigInt(event.position);
      if (position <= last) continue;
      if (position > last + 1n) {
        yield* fromLog(position);
        if (position !== last + 1n) throw new CursorExpiredError(encodeCursor(last));
      }
      last = position;
      yield event;
    }
  } finally {
    await live.return?.();
    await draining.catch(() => {});
  }
}

/** Redis confirms a new subscription asynchronously: what was published before that is read from the log once. */
function settle() {
  return new Promise<'idle'>((resolve) => setTimeout(() => resolve('idle'), SETTLE_MS).unref());
}
