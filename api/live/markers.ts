import type { LoggedEvent } from '../events/tenant-events.ts';
import type { LiveReader, TenantAccess } from './access-cache.ts';

/** A user's own read marker or inbox state: per user, or (number assignment) shared by a number's assignees. */
const markerTypes = new Set<LoggedEvent['type']>(['CONVERSATION_READ', 'CONVERSATION_INBOX_STATE_CHANGED']);

/**
 * Whether a read marker or inbox-state event is the subscriber's: theirs, or
 * (read state shared per number) of a number they are assigned to. Archive and
 * snooze are per user only. Other events are not markers: true.
 */
export async function markerIsMine(event: LoggedEvent, access: TenantAccess, reader: LiveReader): Promise<boolean> {
  if (!markerTypes.has(event.type)) return true;
  if (reader.actor.kind !== 'user') return true; // partner backends see every marker
  const { userId, sendingNumberId } = event.payload;
  if (typeof userId === 'string') return userId === reader.actor.userId;
  if (event.type !== 'CONVERSATION_READ' || typeof sendingNumberId !== 'string') return false;
  return (await access.assignedNumbers(reader)).has(sendingNumberId);
}
