import type { Selector } from './live-stream.ts';

export type NotificationUpdateItem = { userId: string; notificationId: string | null };

/**
 * notificationReceived: the subscriber's own new notifications, and their
 * read events (from any tab or device), so every open bell shows the same
 * unread count.
 */
export const notificationUpdates: Selector<NotificationUpdateItem> = async (event, _access, reader) => {
  if (reader.actor.kind !== 'user') return [];
  const me = reader.actor.userId;
  if (event.type === 'NOTIFICATION_CREATED' && event.payload.userId === me)
    return [{ userId: me, notificationId: event.subjectId }];
  if (event.type === 'NOTIFICATIONS_READ' && (event.payload.userId ?? event.subjectId) === me)
    return [{ userId: me, notificationId: null }];
  return [];
};
