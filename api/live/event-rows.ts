import type { TenantDb } from '../db/tenant-scope.ts';
import { liveCounts } from './live-counts.ts';

/** How long a row read for one event is handed to that event's other subscribers. */
const KEEP_MS = 5_000;
/** Past this many rows held, the oldest go first (memory stays bounded; a row is read again). */
const MAX_ROWS = 10_000;

type Held = { at: number; row: Promise<unknown> };

/** A Prisma read's arguments (select/include from the GraphQL selection) as part of a key. */
type Query = Record<string, unknown>;

/**
 * The message and conversation rows a live update shows, read once per event
 * per process and handed to every subscriber of the tenant that receives the
 * event, rather than read through each subscriber's own scope. Only rows of a
 * conversation the subscriber's access check has just let through are asked
 * for, so the viewer filter would add nothing; the key holds the tenant, the
 * event's position, the row and the whole Prisma selection (which carries any
 * field that is selected differently per viewer), so two subscribers share a
 * row only when they asked for exactly the same read. Fields that depend on
 * the viewer (locks, read state) resolve per subscriber from the shared row.
 * A row is held for a few seconds: a later event about it is read afresh.
 */
export class EventRows {
  private readonly held = new Map<string, Held>();

  message(db: TenantDb, tenantId: string, position: string, ids: { id: string; conversationId: string }, query: Query) {
    return this.once(['message', tenantId, position, ids.id, query], () =>
      db.message.findFirst({ ...query, where: { id: ids.id, conversationId: ids.conversationId } }),
    );
  }

  /** The conversation's newest message as of this event (the same for every viewer: an inbox row's lastMessage). */
  lastMessage(db: TenantDb, tenantId: string, position: string, conversationId: string, query: Query) {
    return this.once(['lastMessage', tenantId, position, conversationId, query], () =>
      db.message.findFirst({ ...query, where: { conversationId }, orderBy: { id: 'desc' } }),
    );
  }

  conversation(db: TenantDb, tenantId: string, position: string, id: string, query: Query) {
    return this.once(['conversation', tenantId, position, id, query], () =>
      db.conversation.findFirst({ ...query, where: { id } }),
    );
  }

  /** Rows held now (tests). */
  get size() {
    return this.held.size;
  }

  private once<T>(parts: unknown[], read: () => Promise<T>): Promise<T> {
    const key = JSON.stringify(parts);
    const now = Date.now();
    this.expire(now);
    const found = this.held.get(key);
    if (found) {
      liveCounts.rowsShared++;
      return found.row as Promise<T>;
    }
    liveCounts.rowsRead++;
    const row = read();
    this.held.set(key, { at: now, row });
    row.catch(() => this.held.get(key)?.row === row && this.held.delete(key));
    return row;
  }

  private expire(now: number) {
    for (const [key, held] of this.held) {
      if (held.at > now - KEEP_MS && this.held.size <= MAX_ROWS) return;
      this.held.delete(key);
    }
  }
}

const perService = new WeakMap<object, EventRows>();

/** This copy's shared event rows (one per service, found by its database client). */
export function eventRows(prisma: object): EventRows {
  let rows = perService.get(prisma);
  if (!rows) {
    rows = new EventRows();
    perService.set(prisma, rows);
  }
  return rows;
}
