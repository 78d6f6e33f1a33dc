import type { TenantTx } from '../domain/scope.ts';
import { readableConversationsWhere } from '../messaging/send-policy/access.ts';

/**
 * Of `userIds`, the active users of the tenant who may read the conversation
 * now (the same rule as the viewer scope), in the order given.
 */
export async function readersOf(tx: TenantTx, conversationId: string, userIds: string[]): Promise<string[]> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return [];
  const users = await tx.user.findMany({
    where: { id: { in: ids }, deactivatedAt: null },
    select: { id: true, role: true },
  });
  const readers = new Set<string>();
  for (const u of users) {
    const readable = await tx.conversation.count({
      where: { AND: [{ id: conversationId }, readableConversationsWhere(u.id, u.role)] },
    });
    if (readable) readers.add(u.id);
  }
  return ids.filter((id) => readers.has(id));
}

/** Users who wrote in the conversation (its authored messages), first to write first. */
export async function participantsOf(tx: TenantTx, conversationId: string): Promise<string[]> {
  const rows = await tx.message.groupBy({
    by: ['authorId'],
    where: { conversationId, authorId: { not: null } },
    _min: { createdAt: true },
    orderBy: { _min: { createdAt: 'asc' } },
  });
  return rows.map((r) => r.authorId).filter((id): id is string => id !== null);
}

/** The tenant's active admins. */
export async function adminsOf(tx: TenantTx): Promise<string[]> {
  const rows = await tx.user.findMany({ where: { role: 'ADMIN', deactivatedAt: null }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** The active users assigned to a sending number. */
export async function assigneesOf(tx: TenantTx, sendingNumberId: string): Promise<string[]> {
  const rows = await tx.numberAssignment.findMany({
    where: { sendingNumberId, user: { deactivatedAt: null } },
    select: { userId: true },
  });
  return rows.map((r) => r.userId);
}
