import type { TenantActor } from '../auth/actor.ts';
import { Prisma } from '../db/generated/prisma/client.ts';
import type { TenantScope } from '../domain/scope.ts';

/**
 * Who reads the inbox, as the statements need it: the actor and whether the tenant shares read state per
 * sending number (Tenant.requireNumberAssignment), read once per request.
 */
export type InboxReader = { actor: TenantActor; requireNumberAssignment: boolean };

/** The reader of this request; the tenant's access model is read once. */
export async function loadInboxReader(scope: TenantScope, actor: TenantActor): Promise<InboxReader> {
  const tenant = await scope.db.tenant.findUniqueOrThrow({
    where: { id: scope.tenantId },
    select: { requireNumberAssignment: true },
  });
  return { actor, requireNumberAssignment: tenant.requireNumberAssignment };
}

const NO_MESSAGE = '00000000-0000-0000-0000-000000000000';

/** The reader's own key for read markers: per user, per API key. */
export function personalReaderKey(actor: TenantActor): string {
  return actor.kind === 'user' ? `user:${actor.userId}` : `apiKey:${actor.apiKeyId}`;
}

/** The number whose assignees share a conversation's read state: the one it keeps, SMS before WhatsApp. */
export function sharedNumberSql(conversation: Prisma.Sql) {
  return Prisma.sql`(SELECT cn."sendingNumberId" FROM "ConversationNumber" cn
    WHERE cn."conversationId" = ${conversation} ORDER BY cn.channel LIMIT 1)`;
}

/** The read-marker key of `conversation` for this reader (SQL text), shared per number on the assignment model. */
export function readerKeySql(reader: InboxReader, conversation: Prisma.Sql) {
  const own = personalReaderKey(reader.actor);
  if (!reader.requireNumberAssignment) return Prisma.sql`${own}::text`;
  return Prisma.sql`COALESCE('number:' || ${sharedNumberSql(conversation)}::text, ${own}::text)`;
}

/** The newest message id this reader has read in `c` (the nil UUID when none). */
export function readUpToSql(reader: InboxReader) {
  return Prisma.sql`COALESCE((SELECT rm."upToMessageId" FROM "ConversationReadMarker" rm
    WHERE rm."conversationId" = c.id AND rm."readerKey" = ${readerKeySql(reader, Prisma.sql`c.id`)}), ${NO_MESSAGE}::uuid)`;
}

/**
 * `mayRead` (send-policy/access.ts) as SQL on the conversation `c`: the same rules as
 * `readableConversationsWhere`, written as EXISTS probes of primary keys so the inbox can walk its index.
 * `OFFSET 0` keeps each EXISTS a per-row probe: without it the planner may hash all of the user's team rows
 * (tens of thousands on a big tenant) for every page. The inbox filters use the same fence.
 */
export function readableSql(reader: InboxReader, tenantId: string) {
  const { actor, requireNumberAssignment } = reader;
  if (actor.kind === 'apiKey') return Prisma.sql`TRUE`;
  const userId = actor.userId;
  const assigned = requireNumberAssignment
    ? Prisma.sql`(EXISTS (SELECT 1 FROM "ConversationNumber" cn
          JOIN "NumberAssignment" na ON na."sendingNumberId" = cn."sendingNumberId" AND na."userId" = ${userId}::uuid
          WHERE cn."conversationId" = c.id OFFSET 0)
        OR (NOT EXISTS (SELECT 1 FROM "ConversationNumber" cn WHERE cn."conversationId" = c.id OFFSET 0)
          AND EXISTS (SELECT 1 FROM "NumberAssignment" na WHERE na."tenantId" = ${tenantId}::uuid AND na."userId" = ${userId}::uuid OFFSET 0)))`
    : Prisma.sql`TRUE`;
  if (actor.role === 'ADMIN') return assigned;
  return Prisma.sql`(EXISTS (SELECT 1 FROM "HiringTeamMember" h WHERE h."applicationId" = c."applicationId" AND h."userId" = ${userId}::uuid OFFSET 0)
      OR EXISTS (SELECT 1 FROM "CommunityTeamMember" ct WHERE ct."communityId" = c."communityId" AND ct."userId" = ${userId}::uuid OFFSET 0))
    AND ${assigned}`;
}
