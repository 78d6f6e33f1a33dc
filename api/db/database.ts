import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/prisma/client.ts';
import { statementName } from './prepared-statements.ts';

/** Raw SQL on one connection, for the migrator and the few statements Prisma cannot express. */
export interface SqlSession {
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Database {
  kind: 'postgres' | 'embedded';
  prisma: PrismaClient;
  /** Runs `fn` inside one transaction on one connection. */
  transaction<T>(fn: (sql: SqlSession) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** The PostgreSQL pool's connections (for /metrics); absent on the embedded database. */
  poolStats?(): { total: number; idle: number; waiting: number };
}

export type DatabaseTarget =
  | {
      url: string;
      poolSize?: number;
      /** Prepare the statements marked `prepared()` once per connection (default); off for a pooler that cannot. */
      preparedStatements?: boolean;
    }
  | { dataDir: string }
  | { memory: true };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return 'url' in target
    ? openPostgres(target.url, target.poolSize ?? 10, target.preparedStatements ?? true)
    : openEmbedded(target);
}

function openPostgres(url: string, poolSize: number, preparedStatements: boolean): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', () => {}); // an idle client dropped by the server; the pool replaces it
  // The adapter's type wants a name for every statement; undefined (an unmarked one) is node-postgres's unnamed statement.
  const named = statementName as (query: { sql: string }) => string;
  const adapter = new PrismaPg(pool, preparedStatements ? { statementNameGenerator: named } : {});
  const prisma = new PrismaClient({ adapter });
  return {
    kind: 'postgres',
    prisma,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          exec: async (sql) => void (await client.query(sql)),
          query: async (sql, params) => (await client.query(sql, params as unknown[])).rows,
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

// PGlite's default shared_buffers (128 MB) lives in its WASM memory; 16 MB holds the working set
// of an embedded (development, demo) database.
const EMBEDDED_SHARED_BUFFERS = 'shared_buffers = 16MB';

/** The folder's postgresql.conf with our shared_buffers (PGlite rewrites the file with what it is given). */
function embeddedConf(dataDir: string): string {
  const conf = readFileSync(join(dataDir, 'postgresql.conf'), 'utf8').replace(/^\s*shared_buffers\s*=.*$/gm, '');
  return `${conf.trimEnd()}\n${EMBEDDED_SHARED_BUFFERS}\n`;
}

const execFileAsync = promisify(execFile);
const initdbScript = fileURLToPath(new URL('./pglite-initdb.mjs', import.meta.url));
const initdbTemplate = fileURLToPath(new URL('../../node_modules/.cache/parley/pglite-initdb', import.meta.url));

/** A fresh folder is a copy of the empty database `pglite-initdb.mjs` made once. */
async function initdb(dataDir: string): Promise<void> {
  if (!existsSync(join(initdbTemplate, 'PG_VERSION'))) await execFileAsync(process.execPath, [initdbScript]);
  cpSync(initdbTemplate, dataDir, { recursive: true });
}

async function openEmbedded(target: { dataDir: string } | { memory: true }): Promise<Database> {
  const dataDir = 'dataDir' in target ? target.dataDir : undefined;
  if (dataDir && !existsSync(join(dataDir, 'PG_VERSION'))) {
    mkdirSync(dataDir, { recursive: true });
    await initdb(dataDir);
  }
  const lite = new PGlite(dataDir, dataDir ? { postgresqlconf: embeddedConf(dataDir) } : {});
  await lite.waitReady;
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(lite) });
  return {
    kind: 'embedded',
    prisma,
    transaction: (fn) =>
      lite.transaction((tx) =>
        fn({
          exec: async (sql) => void (await tx.exec(sql)),
          query: async <T>(sql: string, params?: unknown[]) => (await tx.query<T>(sql, params)).rows,
        }),
      ),
    async ping() {
      await lite.query('SELECT 1');
    },
    async close() {
      await prisma.$disconnect();
      await lite.close();
    },
  };
}
