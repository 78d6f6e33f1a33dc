import type { TenantScope } from '../domain/scope.ts';

/** The page a Pothos prisma connection asks for (take < 0: the `last` rows before the cursor). */
export type PageQuery = { take?: number; skip?: number; cursor?: { id: string } };

/**
 * The ids of one page of a conversation's messages, oldest first, with the connection's take/skip/cursor
 * semantics. Reads only the Message(conversationId, id) index (an index-only scan), never the messages before or
 * after the page, so it costs the same at 10 and at 50,000 messages. The conversation was checked readable by
 * the caller; nothing here checks rights per message.
 */
export async function messagePageIds(scope: TenantScope, conversationId: string, page: PageQuery) {
  const take = page.take ?? 20;
  const backwards = take < 0;
  const limit = Math.abs(take);
  const skip = page.skip ?? 0;
  const cursor = page.cursor?.id ?? null;
  const rows = backwards
    ? await scope.db.$queryRaw<{ id: string }[]>`
        SELECT id FROM "Message" WHERE "conversationId" = ${conversationId}::uuid
          AND (${cursor}::uuid IS NULL OR id <= ${cursor}::uuid)
        ORDER BY id DESC OFFSET ${skip} LIMIT ${limit}`
    : await scope.db.$queryRaw<{ id: string }[]>`
        SELECT id FROM "Message" WHERE "conversationId" = ${conversationId}::uuid
          AND (${cursor}::uuid IS NULL OR id >= ${cursor}::uuid)
        ORDER BY id ASC OFFSET ${skip} LIMIT ${limit}`;
  return rows.map((r) => r.id);
}
