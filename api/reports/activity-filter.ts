import type { PrismaClient } from '../db/generated/prisma/client.ts';
import type { Channel, Direction } from '../db/generated/prisma/enums.ts';
import { type FieldIssue, ValidationError } from '../domain/errors.ts';

/** What the activity report is asked for; ids are raw (already decoded from global ids). */
export type ActivityFilterInput = {
  from: Date;
  to: Date;
  sendingNumberId?: string | null;
  userId?: string | null;
  channel?: Channel | null;
  direction?: Direction | null;
};

/** The filter as the statement uses it: the sending number resolved to the address it appears under. */
export type ActivityFilter = {
  from: Date;
  to: Date;
  channel: Channel | null;
  direction: Direction | null;
  authorId: string | null;
  number: { e164: string; channel: Channel } | null;
};

type Db = Pick<PrismaClient, 'sendingNumber' | 'user'>;

/**
 * Checks the filter against the tenant (every problem at once, with the field
 * to fix): a period with `from` before `to`, a sending number and a user of
 * this tenant. A number or user of another tenant is reported as unknown.
 */
export async function resolveActivityFilter(
  db: Db,
  tenantId: string,
  input: ActivityFilterInput,
  /** Where the fields are in the request ('filter' in GraphQL, none in a URL's query). */
  path = 'filter',
): Promise<ActivityFilter> {
  const issues: FieldIssue[] = [];
  const at = (name: string) => (path ? `${path}.${name}` : name);
  const validDate = (d: Date) => d instanceof Date && !Number.isNaN(d.getTime());
  if (!validDate(input.from)) issues.push({ field: at('from'), message: 'must be a date-time (ISO 8601)' });
  if (!validDate(input.to)) issues.push({ field: at('to'), message: 'must be a date-time (ISO 8601)' });
  else if (validDate(input.from) && input.to <= input.from)
    issues.push({ field: at('to'), message: 'must be after from' });
  const number = input.sendingNumberId
    ? await db.sendingNumber.findFirst({
        where: { id: input.sendingNumberId, tenantId },
        select: { e164: true, channel: true },
      })
    : null;
  if (input.sendingNumberId && !number)
    issues.push({ field: at('sendingNumberId'), message: 'is not a sending number of your tenant' });
  const user = input.userId
    ? await db.user.findFirst({ where: { id: input.userId, tenantId }, select: { id: true } })
    : null;
  if (input.userId && !user) issues.push({ field: at('userId'), message: 'is not a user of your tenant' });
  if (issues.length) throw new ValidationError(issues);
  return {
    from: input.from,
    to: input.to,
    channel: input.channel ?? null,
    direction: input.direction ?? null,
    authorId: user?.id ?? null,
    number,
  };
}
