import type { Delivered } from './live-stream.ts';

/**
 * The position of the live event being executed when `rootValue` is a delivered update about
 * `conversationId` (its selector already checked this subscriber may read the conversation); null
 * for a query or mutation, or an update about another conversation.
 */
export function deliveredEventPosition(rootValue: unknown, conversationId: string): string | null {
  const update = rootValue as Partial<Delivered<{ conversationId?: string }>> | null | undefined;
  if (!update || typeof update !== 'object' || update.conversationId !== conversationId) return null;
  const position = update.event?.position;
  return typeof position === 'string' && typeof update.cursor === 'string' ? position : null;
}
