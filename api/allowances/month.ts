import { Prisma } from '../db/generated/prisma/client.ts';

/**
 * The calendar month an instant falls in, in a time zone, as 'YYYY-MM': the key
 * of a number's monthly usage. A new month is a new key, so usage starts from
 * zero with no carry-over and no reset job.
 */
export function monthKeySql(at: Prisma.Sql, timeZone: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`to_char((${at}) AT TIME ZONE (${timeZone}), 'YYYY-MM')`;
}

/** When the month after the one `at` falls in starts, in the time zone (as an instant). */
export function nextMonthSql(at: Prisma.Sql, timeZone: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`((date_trunc('month', (${at}) AT TIME ZONE (${timeZone})) + interval '1 month') AT TIME ZONE (${timeZone}))`;
}

/** The canonical name of an IANA zone (europe/stockholm → Europe/Stockholm, US/Pacific → America/Los_Angeles). */
export function canonicalTimeZone(timeZone: string): string {
  return new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;
}

/** Is `timeZone` an IANA zone this runtime knows (PostgreSQL knows the same names)? */
export function isTimeZone(timeZone: string): boolean {
  if (!timeZone || /^[+-]|^\d/.test(timeZone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
