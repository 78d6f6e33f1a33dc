// npm run db:new-migration -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that
// takes the last committed prisma/schema.prisma to the one in the working tree.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemaDiffSql } from './schema-diff.ts';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: npm run db:new-migration -- <name>   (lower case, digits and _ only)');
  process.exit(2);
}
const root = join(import.meta.dirname, '..', '..');
let committed: string | null = null;
try {
  committed = execFileSync('git', ['show', 'HEAD:prisma/schema.prisma'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
} catch {
  committed = null;
}
const sql = await schemaDiffSql(committed, readFileSync(join(root, 'prisma/schema.prisma'), 'utf8'));
if (!sql.trim() || /^-- This is an empty migration\.\s*$/.test(sql.trim())) {
  console.error('prisma/schema.prisma has no change against HEAD: nothing to migrate.');
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = join(root, 'prisma/migrations', `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'migration.sql'), sql);
console.log(`Wrote ${join(dir, 'migration.sql')}; review it, then commit it with the schema change.`);
