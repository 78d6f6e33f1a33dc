import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testMode } from '../test/databases.ts';
import { createdValues, type Statement } from '../test/sql-capture.ts';
import { pgbenchLoad } from './pgbench.ts';
import { parameterTypes, pgbenchScript } from './pgbench-script.ts';

describe.skipIf(testMode !== 'postgres')('a pgbench script from captured statements', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let client: pg.Client;
  beforeAll(async () => {
    database = await createTestDatabase();
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query(
      'CREATE TABLE t (id uuid PRIMARY KEY, key text UNIQUE, body text, at timestamptz, tags text[], meta jsonb, n int)',
    );
  });
  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it('replays them with every created id and key fresh in each transaction, other values as captured', async () => {
    const since = Date.now();
    const time = since.toString(16).padStart(12, '0');
    const id = `${time.slice(0, 8)}-${time.slice(8)}-7abc-8def-0123456789ab`;
    const body = "it's 10:30 \\ all:right";
    const statements: Statement[] = [
      { text: 'BEGIN', values: [] },
      {
        text: 'INSERT INTO t (id, key, body, at, tags, meta, n) VALUES ($1::uuid, $2, $3, $4, $5, $6, $7)',
        values: [id, 'key-1', body, '2026-11-27 23:08:35.735', ['a', 'b"c', null], { x: 'y:z' }, 5],
      },
      { text: 'UPDATE t SET n = n + 1 WHERE id = $1', values: [id] },
      { text: 'COMMIT', values: [] },
    ];
    const script = pgbenchScript(
      statements,
      await parameterTypes(client, statements),
      createdValues(statements, since, ['key-1']),
      Date.now().toString(16),
    );

    const figures = await pgbenchLoad({
      name: 'test',
      databaseUrl: database.url as string,
      scripts: [script],
      clients: 4,
      threads: 2,
      seconds: 1,
    });

    expect(figures.errors).toBe(0);
    const rows = await client.query<{ rows: number; ids: number; keys: number; updated: number; same: number }>(
      `SELECT count(*)::int AS rows, count(DISTINCT id)::int AS ids, count(DISTINCT key)::int AS keys,
         count(*) FILTER (WHERE n = 6)::int AS updated,
         count(*) FILTER (WHERE body = $1 AND at = '2026-11-27 23:08:35.735' AND tags = ARRAY['a', 'b"c', NULL]
           AND meta = '{"x":"y:z"}'::jsonb AND key <> 'key-1' AND id <> $2::uuid)::int AS same
       FROM t`,
      [body, id],
    );
    const r = rows.rows[0];
    expect(r?.rows).toBeGreaterThan(10);
    expect(r).toEqual({ rows: r?.rows, ids: r?.rows, keys: r?.rows, updated: r?.rows, same: r?.rows });
    expect(figures.rps).toBeGreaterThan(0);
    expect(figures.p99).toBeGreaterThanOrEqual(figures.p50);
  });
});
