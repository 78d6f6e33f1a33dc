/** Where a report page starts: strictly after this row in the report's order (newest first: time, then id). */
export type ReportKey = { createdAt: Date; id: string };

/** A page cursor: opaque to clients, stable while rows arrive (newer ones sort before it). */
export function encodeReportCursor(key: ReportKey): string {
  return Buffer.from(`${key.createdAt.toISOString()}|${key.id}`).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The key of a cursor, or null when it is not one of ours. */
export function decodeReportCursor(cursor: string): ReportKey | null {
  const [at, id, extra] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(at ?? '');
  if (extra !== undefined || Number.isNaN(createdAt.getTime()) || !id || !UUID.test(id)) return null;
  return { createdAt, id };
}
