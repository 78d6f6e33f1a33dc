import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testMode } from '../test/databases.ts';
import { type Database, openDatabase } from './database.ts';
import { migrate } from './migrate.ts';

describe('the migrator', () => {
  let dir: string;
  let dbHandle: Awaited<ReturnType<typeof createTestDatabase>>;
  const open = (): Promise<Database> =>
    openDatabase(dbHandle.url ? { url: dbHandle.url } : { dataDir: join(dbHandle.env.DATA_DIR as string, 'pglite') });
  const write = async (name: string, sql: string) => {
    await mkdir(join(dir, name), { recursive: true });
    await writeFile(join(dir, name, 'migration.sql'), sql);
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parley-migrations-'));
    dbHandle = await createTestDatabase({ empty: true });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
    await dbHandle.drop();
  });

  it('applies each migration once, in order, and records it where Prisma looks', async () => {
    await write('20260101000000_a', 'CREATE TABLE "A" (id int PRIMARY KEY);');
    await write('20260102000000_b', 'INSERT INTO "A" VALUES (1); INSERT INTO "A" VALUES (2);');
    const db = await open();
    try {
      expect(await migrate(db, () => {}, dir)).toEqual(['20260101000000_a', '20260102000000_b']);
      expect(await migrate(db, () => {}, dir)).toEqual([]);
      const rows = await db.transaction((sql) =>
        sql.query<{ migration_name: string }>(
          'SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name',
        ),
      );
      expect(rows.map((r) => r.migration_name)).toEqual(['20260101000000_a', '20260102000000_b']);
      expect(await db.transaction((sql) => sql.query('SELECT * FROM "A"'))).toHaveLength(2);
    } finally {
      await db.close();
    }
  });

  it('rolls back a failing migration whole and stops there', async () => {
    await write('20260101000000_a', 'CREATE TABLE "A" (id int PRIMARY KEY);');
    await write('20260102000000_bad', 'INSERT INTO "A" VALUES (1); INSERT INTO "Missing" VALUES (1);');
    await write('20260103000000_c', 'CREATE TABLE "C" (id int);');
    const db = await open();
    try {
      await expect(migrate(db, () => {}, dir)).rejects.toThrow(/Missing/);
      expect(await db.transaction((sql) => sql.query('SELECT * FROM "A"'))).toHaveLength(0);
      const names = await db.transaction((sql) =>
        sql.query<{ migration_name: string }>('SELECT migration_name FROM "_prisma_migrations"'),
      );
      expect(names.map((r) => r.migration_name)).toEqual(['20260101000000_a']);
    } finally {
      await db.close();
    }
  });

  it('refuses to start when an applied migration was edited, and says what to do', async () => {
    await write('20260101000000_a', 'CREATE TABLE "A" (id int);');
    const db = await open();
    try {
      await migrate(db, () => {}, dir);
      await write('20260101000000_a', 'CREATE TABLE "A" (id bigint);');
      await expect(migrate(db, () => {}, dir)).rejects.toThrow(/was changed after it was applied.*new migration/);
    } finally {
      await db.close();
    }
  });

  it.runIf(testMode === 'postgres')(
    'lets several service copies start at once without applying anything twice',
    async () => {
      await write('20260101000000_a', 'CREATE TABLE "A" (id int); INSERT INTO "A" VALUES (1);');
      const dbs = await Promise.all([open(), open(), open()]);
      try {
        const applied = await Promise.all(dbs.map((db) => migrate(db, () => {}, dir)));
        expect(applied.flat()).toEqual(['20260101000000_a']);
        expect(await dbs[0]!.transaction((sql) => sql.query('SELECT * FROM "A"'))).toHaveLength(1);
      } finally {
        await Promise.all(dbs.map((db) => db.close()));
      }
    },
  );
});
