import type { LoggedEvent } from '../events/tenant-events.ts';
import type { Selector } from './live-stream.ts';
import { markerIsMine } from './markers.ts';

/** A user's own events: another user's notifications are theirs only. */
const personal = new Set<LoggedEvent['type']>(['NOTIFICATION_CREATED', 'NOTIFICATIONS_READ']);

/**
 * Events whose subject is a candidate and that carry no conversation: readable only while the candidate is (through
 * one of their conversations the user may read, as node(id)). Every other event about a candidate, an application or
 * a message carries its conversation and is checked by it.
 */
const aboutCandidate = new Set<LoggedEvent['type']>(['CONSENT_CHANGED']);

/**
 * tenantEvents for an admin's user token: every event of the tenant except
 * what the admin may not read, checked at delivery as for the recruiters'
 * subscriptions: an event of a conversation the admin may not read (with
 * number assignment on, a number the admin is not assigned to), another
 * user's notifications, read markers and archive / snooze, a consent change of a candidate the admin may not read. Partner backends
 * (API keys) read the whole tenant and take the log unfiltered.
 */
export const tenantEventUpdates: Selector<LoggedEvent> = async (event, access, reader) => {
  if (reader.actor.kind !== 'user') return [event];
  const me = reader.actor.userId;
  if (personal.has(event.type) && (event.payload.userId ?? event.subjectId) !== me) return [];
  if (!(await markerIsMine(event, access, reader))) return [];
  if (event.conversationId && !(await access.mayRead(reader, event.conversationId))) return [];
  if (aboutCandidate.has(event.type) && !(await access.mayReadCandidate(reader, event.subjectId))) return [];
  return [event];
};
