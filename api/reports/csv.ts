/** A cell a spreadsheet would read as a formula (or a DDE payload) starts with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** An E.164 number: digits after the plus, nothing a spreadsheet can run. */
const E164 = /^\+[1-9]\d{1,14}$/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV cell (RFC 4180: quoted when it holds a comma, a quote or a line
 * break; quotes doubled). Text that a spreadsheet would run as a formula gets a
 * leading apostrophe (OWASP's CSV injection advice): candidate names, custom
 * kinds and email addresses come from outside. E.164 numbers are left as they are.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text) && !E164.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record, CRLF-terminated. */
export function csvRecord(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
