import { createHash } from 'node:crypto';
import { Prisma } from './generated/prisma/client.ts';

/**
 * Marks a hot statement (the send policy's facts, the send's write, an inbound message's route and
 * write) to be prepared once per connection on PostgreSQL: parsed and planned by name rather than
 * every time. The mark is a comment, so PGlite (one connection, no naming) runs the same SQL.
 */
// No colon: pgbench, which replays the recorded statements (api/bench), would read `:name` as a variable.
const MARK = '/* parley-prepared */';

export function prepared(sql: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${Prisma.raw(MARK)} ${sql}`;
}

const names = new Map<string, string>();
const MAX_NAMES = 1_000;

/**
 * The prepared statement's name for a marked statement (none for any other): a digest of its
 * text, so each variant of a statement (idempotency key given or not, a window channel) has its
 * own, and a name never stands for two texts (node-postgres refuses that). Passed to Prisma's pg
 * adapter as its `statementNameGenerator`; node-postgres prepares a name once per connection,
 * inside a transaction too.
 */
export function statementName(query: { sql: string }): string | undefined {
  if (!query.sql.startsWith(MARK)) return undefined;
  let name = names.get(query.sql);
  if (name === undefined) {
    name = `parley_${createHash('sha1').update(query.sql).digest('base64url')}`;
    if (names.size >= MAX_NAMES) names.clear();
    names.set(query.sql, name);
  }
  return name;
}
