import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const tools = fileURLToPath(new URL('.', import.meta.url));
const root = join(tools, '..', '..');
const stub = join(tools, 'no-schema-engine.sh');

/** Prisma 6 insists on a datasource url that Prisma 7 forbids in the schema file. */
function withPlaceholderUrl(schema: string): string {
  return schema.replace(/datasource\s+db\s*\{/, (block) => `${block}\n  url = "postgresql://unused"`);
}

/**
 * The SQL that turns the database described by `from` (a schema.prisma text,
 * or null for an empty database) into the one described by `to`, computed
 * offline by prisma@6's WASM schema engine.
 */
export async function schemaDiffSql(from: string | null, to: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'parley-diff-'));
  try {
    const toPath = join(dir, 'to.prisma');
    await writeFile(toPath, withPlaceholderUrl(to));
    const fromArgs = from === null ? ['--from-empty'] : ['--from-schema-datamodel', join(dir, 'from.prisma')];
    if (from !== null) await writeFile(join(dir, 'from.prisma'), withPlaceholderUrl(from));
    const { stdout } = await run(
      process.execPath,
      [
        join(root, 'node_modules/prisma6/build/index.js'),
        'migrate',
        'diff',
        '--config',
        join(tools, 'prisma6.config.ts'),
        ...fromArgs,
        '--to-schema-datamodel',
        toPath,
        '--script',
      ],
      {
        cwd: root,
        env: {
          ...process.env,
          PRISMA_QUERY_ENGINE_LIBRARY: stub,
          PRISMA_SCHEMA_ENGINE_BINARY: stub,
          PRISMA_HIDE_UPDATE_MESSAGE: '1',
        },
      },
    );
    return stdout.replace(/^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n\n/m, '');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
