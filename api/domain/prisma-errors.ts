/** True when a write failed on a unique constraint (Prisma P2002, or PostgreSQL 23505 from raw SQL). */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as {
    code?: string;
    meta?: { code?: string; driverAdapterError?: { cause?: { originalCode?: string } } };
  };
  return (
    e.code === 'P2002' ||
    e.code === '23505' ||
    e.meta?.code === '23505' ||
    e.meta?.driverAdapterError?.cause?.originalCode === '23505'
  );
}

/** The columns a unique violation names, when Prisma reports them. */
export function uniqueViolationFields(error: unknown): string[] {
  const meta = (
    error as { meta?: { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: string[] } } } } }
  ).meta;
  if (Array.isArray(meta?.target)) return meta.target.map(String);
  return meta?.driverAdapterError?.cause?.constraint?.fields?.map((f) => f.replaceAll('"', '')) ?? [];
}
