// A database already migrated, made once per set of migrations and copied for each test file:
// migrating a fresh database costs every file seconds (two dozen migrations, in both modes).
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../db/database.ts';
import { migrate, migrationsDir } from '../db/migrate.ts';

/** Names the migrations' content (and PGlite's version): a changed or added migration makes a new template. */
function migrationsKey(): string {
  const hash = createHash('sha256').update(pgliteVersion);
  for (const name of readdirSync(migrationsDir).sort()) {
    const file = join(migrationsDir, name, 'migration.sql');
    if (existsSync(file)) hash.update(name).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

const pgliteVersion = String(
  JSON.parse(readFileSync(new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8'))
    .version,
);
const cacheDir = fileURLToPath(new URL('../../node_modules/.cache/parley', import.meta.url));
const migrateFolderScript = fileURLToPath(new URL('./migrate-folder.ts', import.meta.url));
const execFileAsync = promisify(execFile);

/**
 * A migrated PGlite folder to copy. Made in a child process (PGlite keeps hundreds of MiB of
 * WASM memory in the process that ran it); two workers racing both make one, the first rename wins.
 */
export async function migratedEmbeddedFolder(): Promise<string> {
  const folder = join(cacheDir, `pglite-migrated-${migrationsKey()}`);
  if (existsSync(join(folder, 'PG_VERSION'))) return folder;
  const scratch = `${folder}.${process.pid}.${randomBytes(3).toString('hex')}`;
  await execFileAsync(process.execPath, ['--import', 'tsx', migrateFolderScript, scratch]);
  try {
    renameSync(scratch, folder);
  } catch {
    rmSync(scratch, { recursive: true, force: true });
  }
  return folder;
}

/** A migrated PostgreSQL database to create test databases from (`CREATE DATABASE … TEMPLATE`). */
export async function migratedPostgresTemplate(adminUrl: string, withDatabase: (name: string) => string) {
  const name = `parley_template_${migrationsKey()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return name;
    const scratch = `${name}_${randomBytes(3).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${scratch}`);
    const db = await openDatabase({ url: withDatabase(scratch), poolSize: 1 });
    try {
      await migrate(db);
    } finally {
      await db.close();
    }
    try {
      await admin.query(`ALTER DATABASE ${scratch} RENAME TO ${name}`);
    } catch {
      await admin.query(`DROP DATABASE IF EXISTS ${scratch}`); // another worker made it first
    }
    // Templates of earlier migrations are not needed any more (never a scratch copy: another worker may be migrating it).
    const stale = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname ~ '^parley_template_[0-9a-f]{16}$' AND datname <> $1",
      [name],
    );
    for (const { datname } of stale.rows) await admin.query(`DROP DATABASE IF EXISTS ${datname}`).catch(() => {});
    return name;
  } finally {
    await admin.end();
  }
}
