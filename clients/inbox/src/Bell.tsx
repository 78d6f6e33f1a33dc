/** The unread notification count (viewer.unreadNotificationCount, then notificationReceived). */
export function Bell({ count }: { count: number }) {
  return (
    <output className="bell" aria-label={`${count} unread notifications`}>
      🔔 {count}
    </output>
  );
}
