import { Prisma } from '../db/generated/prisma/client.ts';
import { findReadableConversation } from '../domain/conversations.ts';
import { ValidationError } from '../domain/errors.ts';
import type { TenantScope } from '../domain/scope.ts';
import { withEvents } from '../domain/with-events.ts';
import { type InboxReader, readerKeySql, sharedNumberSql } from './reader.ts';

/**
 * Moves the reader's marker in a conversation forward to `upToMessageId` (a message of that conversation);
 * an older message leaves it where it is. On the number-assignment model the marker is the number's, so every
 * assignee sees the conversation read. Appends CONVERSATION_READ when the marker moved.
 */
export async function markConversationRead(
  scope: TenantScope,
  reader: InboxReader,
  conversationId: string,
  upToMessageId: string,
): Promise<{ moved: boolean }> {
  await findReadableConversation(scope, reader.actor, conversationId);
  const message = await scope.db.message.findFirst({
    where: { id: upToMessageId, conversationId },
    select: { id: true },
  });
  if (!message) throw ValidationError.of('upTo', 'is not a message of this conversation');
  const c = Prisma.sql`${conversationId}::uuid`;
  return withEvents(
    scope,
    async (tx) => {
      const moved = await tx.$queryRaw<{ readerKey: string; number: string | null }[]>`
        INSERT INTO "ConversationReadMarker" ("tenantId", "conversationId", "readerKey", "upToMessageId", "updatedAt")
        VALUES (${scope.tenantId}::uuid, ${c}, ${readerKeySql(reader, c)}, ${upToMessageId}::uuid, now())
        ON CONFLICT ("conversationId", "readerKey") DO UPDATE
          SET "upToMessageId" = EXCLUDED."upToMessageId", "updatedAt" = now()
          WHERE "ConversationReadMarker"."upToMessageId" < EXCLUDED."upToMessageId"
        RETURNING "readerKey", ${reader.requireNumberAssignment ? sharedNumberSql(c) : Prisma.sql`NULL`}::text AS number`;
      return moved[0] ?? null;
    },
    (moved) =>
      moved
        ? [
            {
              type: 'CONVERSATION_READ',
              subjectId: conversationId,
              conversationId,
              payload: {
                ...(moved.readerKey.startsWith('number:')
                  ? { sendingNumberId: moved.number }
                  : reader.actor.kind === 'user'
                    ? { userId: reader.actor.userId }
                    : { apiKeyId: reader.actor.apiKeyId }),
                upToMessageId,
              },
            },
          ]
        : [],
  ).then((moved) => ({ moved: moved !== null }));
}
