import { NotificationKind } from '../db/generated/prisma/enums.ts';
import { appendEvents } from '../events/append.ts';
import { ValidationError } from './errors.ts';
import type { TenantScope } from './scope.ts';

export const notificationKinds = Object.values(NotificationKind);

/**
 * Marks the user's notifications read: the ones named, or all when none are.
 * Ids of other users' notifications (or unknown ids) change nothing. Returns
 * how many changed; a change appends NOTIFICATIONS_READ (the user's id), so
 * their other tabs can refresh the bell.
 */
export async function markNotificationsRead(scope: TenantScope, userId: string, ids: string[] | null) {
  const count = await scope.db.$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({
      where: { userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
      data: { readAt: new Date() },
    });
    if (count) {
      await appendEvents(tx, scope.tenantId, [
        { type: 'NOTIFICATIONS_READ', subjectId: userId, payload: { userId, count } },
      ]);
    }
    return count;
  });
  if (count) scope.events.relayNow();
  return count;
}

/** How many of the user's notifications are unread (the bell). */
export function unreadNotificationCount(scope: TenantScope, userId: string) {
  return scope.db.notification.count({ where: { userId, readAt: null } });
}

export type NotificationPreferenceView = { kind: NotificationKind; enabled: boolean };

/** Every kind with whether the user receives it (no stored choice: yes). */
export async function notificationPreferences(
  scope: TenantScope,
  userId: string,
): Promise<NotificationPreferenceView[]> {
  const stored = await scope.db.notificationPreference.findMany({ where: { userId } });
  const enabled = new Map(stored.map((p) => [p.kind, p.enabled]));
  return notificationKinds.map((kind) => ({ kind, enabled: enabled.get(kind) ?? true }));
}

/**
 * Turns kinds on or off for the user; kinds not named keep their setting. A
 * kind turned off is not stored for the user from then on. Returns every kind.
 */
export async function updateNotificationPreferences(
  scope: TenantScope,
  userId: string,
  changes: NotificationPreferenceView[],
): Promise<NotificationPreferenceView[]> {
  if (!changes.length) throw ValidationError.of('input', 'name at least one kind');
  const seen = new Set<string>();
  for (const [i, c] of changes.entries()) {
    if (!notificationKinds.includes(c.kind)) throw ValidationError.of(`input.${i}.kind`, `unknown kind ${c.kind}`);
    if (seen.has(c.kind)) throw ValidationError.of(`input.${i}.kind`, `${c.kind} is named twice`);
    seen.add(c.kind);
  }
  await scope.db.$transaction(async (tx) => {
    for (const c of changes) {
      await tx.notificationPreference.upsert({
        where: { userId_kind: { userId, kind: c.kind } },
        create: { tenantId: scope.tenantId, userId, kind: c.kind, enabled: c.enabled },
        update: { enabled: c.enabled },
      });
    }
  });
  return notificationPreferences(scope, userId);
}
