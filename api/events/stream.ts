import type { PubSub } from 'graphql-yoga';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import { CursorExpiredError, ValidationError } from '../domain/errors.ts';
import { encodeCursor } from './cursor.ts';
import type { LoggedEvent, PubSubEvents } from './tenant-events.ts';
import { joinTenantTopic, type TopicMember } from './tenant-topics.ts';

const PAGE = 500;
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

/** A subscriber's live events, handed over by its tenant's topic, until its stream reads them. */
class LiveBuffer implements TopicMember {
  events: LoggedEvent[] = [];
  /** Set when the buffer overflowed (a consumer that reads slowly) or a lost publication is suspected. */
  readLog = false;
  ended = false;
  last: bigint | null = null;
  private wake: (() => void) | null = null;

  deliver(event: LoggedEvent) {
    if (this.events.length >= MAX_BUFFERED) {
      this.events = [];
      this.readLog = true;
    } else this.events.push(event);
    this.wake?.();
  }
  lookAtLog() {
    this.readLog = true;
    this.wake?.();
  }
  end() {
    this.ended = true;
    this.wake?.();
  }
  position() {
    return this.last;
  }
  idle() {
    return this.events.length === 0;
  }
  /** Resolves at the next delivery, log hint or end. */
  next() {
    return new Promise<void>((resolve) => {
      this.wake = () => {
        this.wake = null;
        resolve();
      };
    });
  }
}

/**
 * A tenant's events from just after `after` (or from now), in log order, with
 * no gap and no repeat: live events are buffered from the start, the log is
 * replayed up to them, and any position a live message skipped (a publication
 * lost or late) is read from the log before going on. The tenant's topic
 * (tenant-topics.ts) checks the log now and then for all its subscribers, so
 * a lost publication is not held back until the tenant's next event.
 * Positions are gapless, so a hole in what the log returns means retention
 * removed it: CURSOR_EXPIRED, never a silent skip.
 */
export function tenantEventStream(
  deps: { prisma: PrismaClient; pubsub: PubSub<PubSubEvents> },
  tenantId: string,
  after: bigint | null,
): AsyncGenerator<LoggedEvent> {
  const live = new LiveBuffer();
  const leave = joinTenantTopic(deps, tenantId, live);
  const events = stream(deps.prisma, tenantId, after, live, leave);
  // Ending the live buffer first wakes the generator, so a closed subscription is released at once.
  const close = events.return.bind(events);
  events.return = (value) => {
    leave();
    live.end();
    return close(value);
  };
  return events;
}

async function* stream(
  prisma: PrismaClient,
  tenantId: string,
  after: bigint | null,
  live: LiveBuffer,
  leave: () => void,
): AsyncGenerator<LoggedEvent> {
  try {
    let last = await startingPoint(prisma, tenantId, after);
    async function* fromLog(before: bigint | null) {
      for (;;) {
        const page = await readAfter(prisma, tenantId, last, before);
        for (const row of page) {
          if (row.position !== last + 1n) throw new CursorExpiredError(encodeCursor(row.position - 1n));
          last = row.position;
          live.last = last;
          yield logged(row);
        }
        if (page.length < PAGE) return;
      }
    }
    if (after !== null) yield* fromLog(null);
    live.last = last;
    for (;;) {
      if (live.readLog) {
        live.readLog = false;
        yield* fromLog(null);
        continue;
      }
      const event = live.events.shift();
      if (!event) {
        if (live.ended) return;
        await live.next();
        continue;
      }
      const position = BigInt(event.position);
      if (position <= last) continue;
      if (position > last + 1n) {
        yield* fromLog(position);
        if (position !== last + 1n) throw new CursorExpiredError(encodeCursor(last));
      }
      last = position;
      live.last = last;
      yield event;
    }
  } finally {
    leave();
  }
}
