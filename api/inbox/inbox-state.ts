import { findReadableConversation } from '../domain/conversations.ts';
import { ValidationError } from '../domain/errors.ts';
import type { TenantScope } from '../domain/scope.ts';
import { withEvents } from '../domain/with-events.ts';
import type { InboxReader } from './reader.ts';

/** The longest snooze. */
export const MAX_SNOOZE_MS = 366 * 24 * 3600 * 1000;

export type InboxStateChange =
  | { kind: 'archive' }
  | { kind: 'unarchive' }
  | { kind: 'snooze'; until: Date }
  | { kind: 'unsnooze' };

/**
 * Archives, unarchives or snoozes a conversation in the user's own inbox (nobody else's changes). Both end by
 * themselves when the candidate writes again; a snooze also when its time passes. Appends
 * CONVERSATION_INBOX_STATE_CHANGED.
 */
export async function changeInboxState(
  scope: TenantScope,
  reader: InboxReader,
  conversationId: string,
  change: InboxStateChange,
  now = new Date(),
): Promise<void> {
  if (reader.actor.kind !== 'user')
    throw ValidationError.of('conversationId', 'archive and snooze are a user’s own; an API key has no inbox state');
  const userId = reader.actor.userId;
  if (change.kind === 'snooze') {
    if (change.until.getTime() <= now.getTime()) throw ValidationError.of('until', 'must be in the future');
    if (change.until.getTime() - now.getTime() > MAX_SNOOZE_MS)
      throw ValidationError.of('until', 'must be within a year');
  }
  await findReadableConversation(scope, reader.actor, conversationId);
  const fields =
    change.kind === 'archive'
      ? { archivedAt: now }
      : change.kind === 'unarchive'
        ? { archivedAt: null }
        : change.kind === 'snooze'
          ? { snoozedUntil: change.until, snoozedAt: now }
          : { snoozedUntil: null, snoozedAt: null };
  await withEvents(
    scope,
    (tx) =>
      tx.conversationInboxState.upsert({
        where: { conversationId_userId: { conversationId, userId } },
        create: { tenantId: scope.tenantId, conversationId, userId, ...fields, updatedAt: now },
        update: { ...fields, updatedAt: now },
      }),
    (state) => [
      {
        type: 'CONVERSATION_INBOX_STATE_CHANGED',
        subjectId: conversationId,
        conversationId,
        payload: {
          userId,
          archived: state.archivedAt !== null,
          snoozedUntil: state.snoozedUntil?.toISOString() ?? null,
        },
      },
    ],
  );
}
