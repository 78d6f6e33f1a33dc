import { decodeGlobalID } from '@pothos/plugin-relay';
import { Channel, Direction } from '../db/generated/prisma/enums.ts';
import { type FieldIssue, ValidationError } from '../domain/errors.ts';
import type { ActivityFilterInput } from './activity-filter.ts';

const KNOWN = ['from', 'to', 'sendingNumberId', 'userId', 'channel', 'direction'] as const;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The activity report's filter from a URL's query (the CSV download): the same
 * filter as GraphQL's `messageActivity(filter:)`, ids as the API's global ids.
 * Every problem is reported at once, naming the parameter; an unknown or
 * repeated parameter is a problem too, so a misspelt filter is never ignored.
 */
export function activityFilterFromQuery(query: URLSearchParams): ActivityFilterInput {
  const issues: FieldIssue[] = [];
  for (const name of new Set(query.keys())) {
    if (!(KNOWN as readonly string[]).includes(name))
      issues.push({ field: name, message: `is not a filter; use ${KNOWN.join(', ')}` });
    else if (query.getAll(name).length > 1) issues.push({ field: name, message: 'must be given once' });
  }
  const date = (name: 'from' | 'to') => {
    const value = query.get(name);
    if (value === null) {
      issues.push({ field: name, message: 'is required (ISO 8601, e.g. 2026-11-01)' });
      return null;
    }
    const parsed = new Date(value);
    if (!ISO_DATE_TIME.test(value) || Number.isNaN(parsed.getTime())) {
      issues.push({
        field: name,
        message: 'must be an ISO 8601 date or date-time with a zone, e.g. 2026-11-01T00:00:00Z',
      });
      return null;
    }
    return parsed;
  };
  const id = (name: 'sendingNumberId' | 'userId', type: string) => {
    const value = query.get(name);
    if (value === null) return null;
    try {
      const decoded = decodeGlobalID(value);
      if (decoded.typename === type && UUID.test(decoded.id)) return decoded.id;
    } catch {}
    issues.push({ field: name, message: `is not the id of a ${type}` });
    return null;
  };
  const oneOf = <T extends string>(name: 'channel' | 'direction', values: Record<string, T>) => {
    const value = query.get(name);
    if (value === null) return null;
    if (Object.values(values).includes(value as T)) return value as T;
    issues.push({ field: name, message: `must be one of ${Object.values(values).join(', ')}` });
    return null;
  };
  const filter = {
    from: date('from'),
    to: date('to'),
    sendingNumberId: id('sendingNumberId', 'SendingNumber'),
    userId: id('userId', 'User'),
    channel: oneOf('channel', Channel),
    direction: oneOf('direction', Direction),
  };
  if (issues.length || !filter.from || !filter.to) throw new ValidationError(issues);
  return { ...filter, from: filter.from, to: filter.to };
}
