import type { PGlite } from '@electric-sql/pglite';

/**
 * A comparable description of a database's public schema: tables and columns
 * (type, nullability, default), indexes, constraints (keys, foreign keys,
 * checks) and enum types. Prisma's own bookkeeping table is left out.
 */
export async function describeCatalog(db: PGlite): Promise<Record<string, string[]>> {
  const rows = async (sql: string) => (await db.query<{ line: string }>(sql)).rows.map((r) => r.line).sort();
  return {
    columns: await rows(`
      SELECT table_name || '.' || column_name || ' ' || udt_name || coalesce('(' || datetime_precision || ')', '')
        || CASE WHEN is_nullable = 'NO' THEN ' NOT NULL' ELSE '' END || coalesce(' DEFAULT ' || column_default, '') AS line
      FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`),
    indexes: await rows(
      `SELECT indexdef AS line FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    ),
    constraints: await rows(`
      SELECT c.conrelid::regclass || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) AS line
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE n.nspname = 'public' AND c.conrelid::regclass::text <> '_prisma_migrations' AND c.conrelid <> 0`),
    enums: await rows(`
      SELECT t.typname || ': ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS line
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' GROUP BY t.typname`),
  };
}
