import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';

export const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));

// Any constant: serialises migrators of several service copies starting at once.
const MIGRATION_LOCK = 727_274_001;

type Migration = { name: string; sql: string; checksum: string };

async function readMigrations(dir: string): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

/**
 * Applies every migration not yet applied, in name order, each once and in its
 * own transaction. It records them in Prisma's own `_prisma_migrations` table,
 * so `prisma migrate deploy` agrees with it wherever Prisma's engine exists.
 * Returns the names it applied.
 */
export async function migrate(
  db: Database,
  onApply: (name: string) => void = () => {},
  dir = migrationsDir,
): Promise<string[]> {
  const migrations = await readMigrations(dir);
  const recorded = await recordedChecksums(db);
  const applied: string[] = [];
  for (const migration of migrations) {
    // Already applied (every start but the first): checked here, without a transaction per migration.
    const checksum = recorded.get(migration.name);
    if (checksum !== undefined) {
      if (checksum !== migration.checksum) throw changedAfterApplied(migration.name);
      continue;
    }
    const done = await db.transaction(async (sql) => {
      await sql.exec(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
      await sql.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
        "id" VARCHAR(36) PRIMARY KEY NOT NULL,
        "checksum" VARCHAR(64) NOT NULL,
        "finished_at" TIMESTAMPTZ,
        "migration_name" VARCHAR(255) NOT NULL,
        "logs" TEXT,
        "rolled_back_at" TIMESTAMPTZ,
        "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
        "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
      const rows = await sql.query<{ checksum: string }>(
        'SELECT checksum FROM "_prisma_migrations" WHERE migration_name = $1 AND rolled_back_at IS NULL AND finished_at IS NOT NULL',
        [migration.name],
      );
      if (rows[0]) {
        if (rows[0].checksum !== migration.checksum) throw changedAfterApplied(migration.name);
        return false;
      }
      onApply(migration.name);
      await sql.exec(migration.sql);
      await sql.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), 1)`,
        [randomUUID(), migration.checksum, migration.name],
      );
      return true;
    });
    if (done) applied.push(migration.name);
  }
  return applied;
}

function changedAfterApplied(name: string): Error {
  return new Error(
    `Migration ${name} was changed after it was applied. Restore its migration.sql and put the change in a new migration (npm run db:new-migration -- <name>).`,
  );
}

/** The checksums of the migrations recorded as applied, by name (none before the first migration). */
async function recordedChecksums(db: Database): Promise<Map<string, string>> {
  return db.transaction(async (sql) => {
    const [table] = await sql.query<{ name: string | null }>(
      `SELECT to_regclass('"_prisma_migrations"')::text AS name`,
    );
    if (!table?.name) return new Map();
    const rows = await sql.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL',
    );
    return new Map(rows.map((r) => [r.migration_name, r.checksum]));
  });
}
