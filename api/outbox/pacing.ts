import { Prisma } from '../db/generated/prisma/client.ts';
import type { NumberType } from '../db/generated/prisma/enums.ts';

/**
 * Segments per second a sending number may send when it has no override of its
 * own: what US carriers allow each kind of sender by default.
 */
export const DEFAULT_SEGMENTS_PER_SECOND: Record<NumberType, number> = {
  LONG_CODE: 1,
  TOLL_FREE: 3,
  SHORT_CODE: 30,
  ALPHANUMERIC: 10,
};

/** The number's rate in SQL: its own `segmentsPerSecond` when positive, else its type's default. */
export function rateSql(number: string): Prisma.Sql {
  const n = Prisma.raw(`"${number}"`);
  const byType = Object.entries(DEFAULT_SEGMENTS_PER_SECOND).map(
    ([type, rate]) => Prisma.sql`WHEN ${Prisma.raw(`'${type}'`)} THEN ${Prisma.raw(`${Number(rate)}`)}::float8`,
  );
  return Prisma.sql`CASE WHEN ${n}."segmentsPerSecond" > 0 THEN ${n}."segmentsPerSecond"
    ELSE CASE ${n}."numberType" ${Prisma.join(byType, ' ')} ELSE 1::float8 END END`;
}
