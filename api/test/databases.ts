import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migratedEmbeddedFolder, migratedPostgresTemplate } from './migrated-template.ts';

export type TestMode = 'embedded' | 'postgres';

export const testMode: TestMode = process.env.PARLEY_TEST_MODE === 'postgres' ? 'postgres' : 'embedded';

const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
export const testRedisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A database of its own for one test file: a fresh PostgreSQL database, or a fresh PGlite folder
 * (`DATA_DIR/pglite`), already migrated unless `empty` is asked for.
 */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<{
  env: Record<string, string>;
  url?: string;
  drop(): Promise<void>;
}> {
  if (testMode === 'embedded') {
    const dir = await mkdtemp(join(tmpdir(), 'parley-test-'));
    if (!options.empty) await cp(await migratedEmbeddedFolder(), join(dir, 'pglite'), { recursive: true });
    return { env: { DATA_DIR: dir }, drop: () => rm(dir, { recursive: true, force: true }) };
  }
  const name = `parley_test_${randomBytes(6).toString('hex')}`;
  await createPostgresDatabase(name, options.empty);
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

async function createPostgresDatabase(name: string, empty = false, retried = false): Promise<void> {
  const template = empty ? undefined : await migratedPostgresTemplate(adminUrl, (db) => withDatabase(adminUrl, db));
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  } catch (error) {
    // Another run with other migrations replaced the template meanwhile: make ours again, once.
    if (!template || retried) throw error;
    return createPostgresDatabase(name, empty, true);
  } finally {
    await admin.end().catch(() => {});
  }
}
