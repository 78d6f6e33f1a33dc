import type { LoggedEvent } from '../events/tenant-events.ts';
import type { Selector } from './live-stream.ts';
import { markerIsMine } from './markers.ts';

export type ConversationUpdateItem = { conversationId: string; messageId: string | null };

/** Events carrying the conversation's id that change what its view shows. */
const ofConversation = new Set<LoggedEvent['type']>([
  'MESSAGE_CREATED',
  'MESSAGE_STATUS_CHANGED',
  'CONVERSATION_READ',
  'CONVERSATION_INBOX_STATE_CHANGED',
]);
const aboutMessage = new Set<LoggedEvent['type']>(['MESSAGE_CREATED', 'MESSAGE_STATUS_CHANGED']);

/**
 * conversationUpdated: a new message or a status change in the conversation
 * (a first message also sets its number), the subscriber's read marker and
 * inbox state, and consent changes of its candidate (a STOP locks it), each
 * delivered only while the subscriber may read the conversation.
 */
export function conversationUpdates(conversationId: string, candidateId: string): Selector<ConversationUpdateItem> {
  return async (event, access, reader) => {
    const concerns =
      event.type === 'CONSENT_CHANGED'
        ? event.subjectId === candidateId
        : event.conversationId === conversationId && ofConversation.has(event.type);
    if (!concerns || !(await markerIsMine(event, access, reader))) return [];
    if (!(await access.mayRead(reader, conversationId))) return [];
    return [{ conversationId, messageId: aboutMessage.has(event.type) ? event.subjectId : null }];
  };
}
