import type pg from 'pg';
import type { Statement } from '../test/sql-capture.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A pgbench variable reference (`:name`); `::type` casts are not one. */
const VARIABLE = /(?<!:):[A-Za-z0-9_]/;

/** The text the `pg` driver sends for a parameter value (as its prepareValue does), or null for SQL NULL. */
function driverText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return `\\x${Buffer.from(value).toString('hex')}`;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    const element = (v: unknown): string => {
      if (Array.isArray(v)) return `{${v.map(element).join(',')}}`;
      const text = driverText(v);
      return text === null ? 'NULL' : `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    };
    return element(value);
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * A parameter value as a literal of `type`. A colon is written as an escape,
 * since pgbench would read `:x` inside a literal as a variable.
 */
export function sqlLiteral(value: unknown, type: string): string {
  const text = driverText(value);
  if (text === null) return `NULL::${type}`;
  const quoted = text.replace(/'/g, "''");
  if (!/[:\\]/.test(text)) return `'${quoted}'::${type}`;
  return `E'${quoted.replace(/\\/g, '\\\\').replace(/:/g, '\\x3a')}'::${type}`;
}

/**
 * The type PostgreSQL gives each parameter of each statement (the driver sends
 * them untyped, so they are resolved from the statement), asked by PREPARE.
 */
export async function parameterTypes(client: pg.Client | pg.PoolClient, statements: Statement[]) {
  const types: string[][] = [];
  for (const s of statements) {
    if (!s.values.length) {
      types.push([]);
      continue;
    }
    await client.query(`PREPARE parley_bench_describe AS ${s.text}`);
    const described = await client.query<{ type: string }>(
      `SELECT unnest(parameter_types)::text AS type FROM pg_prepared_statements WHERE name = 'parley_bench_describe'`,
    );
    await client.query('DEALLOCATE parley_bench_describe');
    types.push(described.rows.map((r) => r.type));
  }
  return types;
}

/**
 * A pgbench script that runs `statements` as the service ran them (in order,
 * on one connection, with the same BEGIN/COMMIT if any, else each committing
 * on its own), each parameter inlined as a literal of the type PostgreSQL
 * resolved for it (`types`, from `parameterTypes`). Each value in `created`
 * is new in every transaction: a UUID becomes `<run>-7<n>00-8000-<counter>`
 * (time-ordered within the run like the service's UUIDv7 ids, the counter
 * `seq * 64 + client_id`), any other value (idempotency key, provider message
 * id) `<run>-<n>-<client>-<seq>`. Run it with `-D seq=0`.
 */
export function pgbenchScript(
  statements: Statement[],
  types: string[][],
  created: Set<unknown>,
  runTag: string,
): string {
  const fresh = [...created];
  const run = runTag.padStart(12, '0').slice(-12);
  const expression = (value: unknown, type: string) => {
    const n = fresh.indexOf(value);
    if (n < 0) return null;
    if (typeof value === 'string' && UUID.test(value))
      return `('${run.slice(0, 8)}-${run.slice(8)}-7${n.toString(16)}00-8000-' || lpad(to_hex(:seq::bigint * 64 + :client_id::bigint), 12, '0'))::${type}`;
    return `('${run}-${n}-' || :client_id::text || '-' || :seq::text)::${type}`;
  };
  if (fresh.length > 16) throw new Error(`a request created ${fresh.length} values; the script names at most 16`);
  const lines = ['\\set seq :seq + 1'];
  for (const [i, s] of statements.entries()) {
    if (VARIABLE.test(s.text)) throw new Error(`pgbench would read a variable in: ${s.text.slice(0, 200)}`);
    const inlined = s.text.replace(/\$(\d+)/g, (_, n: string) => {
      const value = s.values[Number(n) - 1];
      const type = types[i]?.[Number(n) - 1];
      if (!type) throw new Error(`no type for $${n} of: ${s.text.slice(0, 200)}`);
      return expression(value, type) ?? sqlLiteral(value, type);
    });
    lines.push(`${inlined.trim().replace(/;+$/, '')};`);
  }
  return `${lines.join('\n')}\n`;
}
