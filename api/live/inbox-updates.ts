import { readableBy } from '../domain/conversations.ts';
import type { LoggedEvent } from '../events/tenant-events.ts';
import type { Selector } from './live-stream.ts';
import { markerIsMine } from './markers.ts';

export type InboxUpdateItem = { conversationId: string };

/** Events carrying a conversation's id that change its inbox row (or, a team change, put it in the inbox). */
const rowChanges = new Set<LoggedEvent['type']>([
  'MESSAGE_CREATED',
  'MESSAGE_STATUS_CHANGED',
  'CONVERSATION_READ',
  'CONVERSATION_INBOX_STATE_CHANGED',
  'HIRING_TEAM_CHANGED',
]);

/**
 * inboxUpdated: every event about a conversation the subscriber may read now,
 * one row per conversation (a consent change is a row for each of the
 * candidate's conversations the subscriber reads).
 */
export const inboxUpdates: Selector<InboxUpdateItem> = async (event, access, reader) => {
  if (event.type === 'CONSENT_CHANGED') {
    // Rare beside messages: one read finds the candidate's conversations this subscriber reads.
    const rows = await reader.db.conversation.findMany({
      where: { candidateId: event.subjectId, ...readableBy(reader.actor) },
      select: { id: true },
      orderBy: { id: 'asc' },
    });
    return rows.map((r) => ({ conversationId: r.id }));
  }
  const conversationId = event.conversationId;
  if (!conversationId || !rowChanges.has(event.type)) return [];
  if (!(await markerIsMine(event, access, reader))) return [];
  if (!(await access.mayRead(reader, conversationId))) return [];
  return [{ conversationId }];
};
