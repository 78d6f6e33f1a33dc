import type { TenantScope } from './scope.ts';

/**
 * Marks the user's notifications read: the ones named, or all when none are.
 * Returns how many changed. (A minimal store: allowance alerts write to it in
 * the statement that crosses a threshold; the inbox adds its own kinds.)
 */
export async function markNotificationsRead(scope: TenantScope, userId: string, ids: string[] | null) {
  const { count } = await scope.db.notification.updateMany({
    where: { userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
    data: { readAt: new Date() },
  });
  return count;
}
