import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../api/db/database.ts';
import { migrate } from '../api/db/migrate.ts';
import { describeCatalog } from './schema-catalog.ts';
import { schemaDiffSql } from './tools/schema-diff.ts';

const schemaPath = new URL('./schema.prisma', import.meta.url);

async function catalogFromMigrations() {
  const db = await openDatabase({ memory: true });
  try {
    await migrate(db);
    // The migrator's database is PGlite too; describe it through a second handle on the same rows.
    return await db.transaction(async (sql) => {
      const lite = { query: async <T>(q: string) => ({ rows: await sql.query<T>(q) }) } as unknown as PGlite;
      return describeCatalog(lite);
    });
  } finally {
    await db.close();
  }
}

async function catalogFromSchema(schema: string) {
  const lite = new PGlite();
  try {
    await lite.exec(await schemaDiffSql(null, schema));
    return await describeCatalog(lite);
  } finally {
    await lite.close();
  }
}

describe('migrations and schema.prisma', () => {
  it('describe the same database', async () => {
    const [fromMigrations, fromSchema] = await Promise.all([
      catalogFromMigrations(),
      catalogFromSchema(readFileSync(schemaPath, 'utf8')),
    ]);
    // If this fails, schema.prisma changed without a migration: run `npm run db:new-migration -- <name>`.
    expect(fromMigrations).toEqual(fromSchema);
    expect(fromSchema.columns?.length).toBeGreaterThan(10);
  }, 120_000);

  it('notice a schema change that has no migration', async () => {
    const changed = readFileSync(schemaPath, 'utf8').replace(/(model User \{\n)/, '$1  nickname String?\n');
    const [fromMigrations, fromSchema] = await Promise.all([catalogFromMigrations(), catalogFromSchema(changed)]);
    expect(fromSchema.columns).toContain('User.nickname text');
    expect(fromMigrations).not.toEqual(fromSchema);
  }, 120_000);
});
