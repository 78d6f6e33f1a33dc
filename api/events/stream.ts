import type { PubSub } from 'graphql-yoga';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import { CursorExpiredError, ValidationError } from '../domain/errors.ts';
import { encodeCursor } from './cursor.ts';
import type { LoggedEvent, PubSubEvents } from './tenant-events.ts';

const PAGE = 500;
/** Redis confirms a new subscription asynchronously; what was published before that is read from the log once. */
const SETTLE_MS = 1_000;

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
 * lost or late) is read from the log before going on.
 */
export async function* tenantEventStream(
  deps: { prisma: PrismaClient; pubsub: PubSub<PubSubEvents> },
  tenantId: string,
  after: bigint | null,
): AsyncGenerator<LoggedEvent> {
  const live = deps.pubsub.subscribe('tenant', tenantId);
  const buffered: LoggedEvent[] = [];
  const waiter: { wake: (() => void) | null } = { wake: null };
  let ended = false;
  const draining = (async () => {
    for await (const event of live) {
      buffered.push(event);
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
        last = row.position;
        yield logged(row);
      }
      if (page.length < PAGE) return;
    }
  }

  let settled = false;
  const settle = new Promise<void>((resolve) => setTimeout(resolve, SETTLE_MS).unref());
  try {
    if (after !== null) yield* fromLog(null);
    for (;;) {
      const event = buffered.shift();
      if (!event) {
        if (ended) return;
        const woke = await Promise.race([
          new Promise<'event'>((resolve) => {
            waiter.wake = () => resolve('event');
          }),
          settled ? new Promise<never>(() => {}) : settle.then(() => 'settle' as const),
        ]);
        waiter.wake = null;
        if (woke === 'settle') {
          settled = true;
          yield* fromLog(null);
        }
        continue;
      }
      const position = BigInt(event.position);
      if (position <= last) continue;
      if (position > last + 1n) yield* fromLog(position);
      last = position;
      yield event;
    }
  } finally {
    await live.return?.();
    await draining.catch(() => {});
  }
}
