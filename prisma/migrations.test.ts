import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../api/db/database.ts';
import { migrate } from '../api/db/migrate.ts';
import { describeCatalog } from './schema-catalog.ts';
import { schemaDiffSql } from './tools/schema-diff.ts';

const schemaPath = new URL('./schema.prisma', import.meta.url);
const onlyInMigrations = ['Event_unpublished_createdAt_idx'];

/** The catalog of a fresh embedded database (a copy of the initdb template) after `prepare`. */
async function catalogAfter(prepare: (db: Database) => Promise<unknown>) {
  const dir = mkdtempSync(join(tmpdir(), 'parley-catalog-'));
  const db = await openDatabase({ dataDir: dir });
  try {
    await prepare(db);
    return await db.transaction(async (sql) => {
      const lite = { query: async <T>(q: string) => ({ rows: await sql.query<T>(q) }) } as unknown as PGlite;
      return describeCatalog(lite);
    });
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

let fromMigrations: ReturnType<typeof catalogAfter> | undefined;
const catalogFromMigrations = () => {
  fromMigrations ??= catalogAfter((db) => migrate(db));
  return fromMigrations;
};

const catalogFromSchema = async (schema: string) => {
  const ddl = await schemaDiffSql(null, schema);
  return catalogAfter((db) => db.transaction((sql) => sql.exec(ddl)));
};

describe('migrations and schema.prisma', () => {
  it('describe the same database', async () => {
    const [fromMigrations, fromSchema] = await Promise.all([
      catalogFromMigrations(),
      catalogFromSchema(readFileSync(schemaPath, 'utf8')),
    ]);
    // Partial indexes, which schema.prisma cannot express (each named in a comment there): only in their migration.
    const partial = fromMigrations.indexes?.filter((line: string) =>
      onlyInMigrations.some((name) => line.includes(`"${name}"`)),
    );
    expect(partial).toHaveLength(onlyInMigrations.length);
    // If this fails, schema.prisma changed without a migration: run `npm run db:new-migration -- <name>`.
    expect({
      ...fromMigrations,
      indexes: fromMigrations.indexes?.filter((line: string) => !partial?.includes(line)),
    }).toEqual(fromSchema);
    expect(fromSchema.columns?.length).toBeGreaterThan(10);
  }, 120_000);

  it('notice a schema change that has no migration', async () => {
    const changed = readFileSync(schemaPath, 'utf8').replace(/(model User \{\n)/, '$1  nickname String?\n');
    const [fromMigrations, fromSchema] = await Promise.all([catalogFromMigrations(), catalogFromSchema(changed)]);
    expect(fromSchema.columns).toContain('User.nickname text');
    expect(fromMigrations).not.toEqual(fromSchema);
  }, 120_000);
});
