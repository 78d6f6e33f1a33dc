/** A subscriber's place in its tenant's event log, as an opaque string. */
export function encodeCursor(position: bigint): string {
  return Buffer.from(`ev1:${position}`).toString('base64url');
}

/** The position a cursor names, or null when the string is not a cursor. */
export function decodeCursor(cursor: string): bigint | null {
  const match = /^ev1:(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString());
  return match?.[1] ? BigInt(match[1]) : null;
}
