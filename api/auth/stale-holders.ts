import type { PrismaClient } from '../db/generated/prisma/client.ts';
import type { CredentialChange } from '../events/tenant-events.ts';
import type { Actor } from './actor.ts';

/**
 * The holders among `actors` that no longer stand as they were when their
 * connection was opened: a key revoked or gone, a user deactivated, gone or
 * with another role. Two indexed lookups, however many connections.
 */
export async function staleHolders(prisma: PrismaClient, actors: Actor[]): Promise<CredentialChange[]> {
  const keyIds = actors.flatMap((a) => (a.kind === 'apiKey' ? [a.apiKeyId] : []));
  const users = actors.flatMap((a) => (a.kind === 'user' ? [a] : []));
  const [keys, rows] = await Promise.all([
    keyIds.length
      ? prisma.apiKey.findMany({ where: { id: { in: keyIds }, revokedAt: null }, select: { id: true } })
      : [],
    users.length
      ? prisma.user.findMany({
          where: { id: { in: users.map((u) => u.userId) }, deactivatedAt: null },
          select: { id: true, role: true },
        })
      : [],
  ]);
  const liveKeys = new Set(keys.map((k) => k.id));
  const roles = new Map(rows.map((u) => [u.id, u.role]));
  return [
    ...keyIds.filter((id) => !liveKeys.has(id)).map((id) => ({ kind: 'apiKey' as const, id })),
    ...users.filter((u) => roles.get(u.userId) !== u.role).map((u) => ({ kind: 'user' as const, id: u.userId })),
  ];
}
