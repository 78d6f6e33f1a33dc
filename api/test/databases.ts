import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export type TestMode = 'embedded' | 'postgres';

export const testMode: TestMode = process.env.PARLEY_TEST_MODE === 'postgres' ? 'postgres' : 'embedded';

const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
export const testRedisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A database of its own for one test file: a fresh PostgreSQL database, or a fresh PGlite folder. */
export async function createTestDatabase(): Promise<{
  env: Record<string, string>;
  url?: string;
  drop(): Promise<void>;
}> {
  if (testMode === 'embedded') {
    const dir = await mkdtemp(join(tmpdir(), 'parley-test-'));
    return { env: { DATA_DIR: dir }, drop: () => rm(dir, { recursive: true, force: true }) };
  }
  const name = `parley_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  const dir = await mkdtemp(join(tmpdir(), 'parley-test-'));
  return {
    env: { DATABASE_URL: url, REDIS_URL: testRedisUrl, DATA_DIR: dir },
    url,
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
