import { randomUUID } from 'node:crypto';
import pg from 'pg';

export type Statement = { text: string; values: unknown[] };

/**
 * Records every statement the `pg` driver runs in this process while `work`
 * runs (Prisma's PostgreSQL adapter goes through it), so a benchmark can
 * replay exactly the SQL that one request executes.
 */
export async function captureSql(work: () => Promise<void>): Promise<Statement[]> {
  const captured: Statement[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, config: unknown, values?: unknown, ...rest: unknown[]) {
    if (typeof config === 'string') captured.push({ text: config, values: Array.isArray(values) ? values : [] });
    else if (config && typeof config === 'object' && 'text' in config) {
      const c = config as { text: string; values?: unknown[] };
      captured.push({ text: c.text, values: c.values ?? (Array.isArray(values) ? values : []) });
    }
    return (original as (...args: unknown[]) => unknown).call(this, config, values, ...rest);
  } as typeof original;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = original;
  }
  return captured;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Milliseconds since the epoch inside a UUIDv7, or null for other UUIDs. */
function uuidV7Time(value: string): number | null {
  return value[14] === '7' ? Number.parseInt(value.replace(/-/g, '').slice(0, 12), 16) : null;
}

/**
 * The values a captured request created, which a replay must make fresh: UUIDv7
 * ids minted after `capturedSince`, and the given idempotency key or provider id.
 */
export function createdValues(statements: Statement[], capturedSince: number, freshValues: string[]) {
  const fresh = new Set<unknown>(freshValues);
  for (const s of statements) {
    for (const v of s.values) {
      if (typeof v === 'string' && UUID.test(v) && (uuidV7Time(v) ?? 0) >= capturedSince) fresh.add(v);
    }
  }
  return fresh;
}

/**
 * Turns captured statements into a replay: the values the request created
 * (`createdValues`) are made fresh on each run; everything else is replayed as
 * captured. Runs on one connection.
 */
export function replayer(statements: Statement[], capturedSince: number, freshValues: string[]) {
  const fresh = createdValues(statements, capturedSince, freshValues);
  return async (client: pg.PoolClient) => {
    const renamed = new Map<unknown, string>();
    for (const v of fresh)
      renamed.set(v, typeof v === 'string' && UUID.test(v) ? randomUUID() : `${String(v)}-${randomUUID()}`);
    for (const s of statements) {
      await client.query(
        s.text,
        s.values.map((v) => renamed.get(v) ?? v),
      );
    }
  };
}
