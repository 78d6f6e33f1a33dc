import { v7 as uuidv7 } from 'uuid';
import type { TenantTx } from '../domain/scope.ts';
import { appendEvents } from '../events/append.ts';
import type { Draft } from './drafts.ts';

/**
 * Stores events' drafts for the users who have not turned their kind off,
 * once per (event, user, kind) even if run twice, and appends a
 * NOTIFICATION_CREATED event (user and kind, never the text) for each one
 * stored, in the caller's transaction, in three statements whatever the number
 * of events. Returns how many were stored.
 */
export async function storeNotifications(
  tx: TenantTx,
  tenantId: string,
  events: { eventId: string; drafts: Draft[] }[],
): Promise<number> {
  const wanted = events.flatMap(({ eventId, drafts }) =>
    drafts.flatMap((d) => [...new Set(d.userIds)].map((userId) => ({ ...d, userId, eventId }))),
  );
  if (!wanted.length) return 0;
  const off = await tx.notificationPreference.findMany({
    where: { enabled: false, userId: { in: wanted.map((w) => w.userId) }, kind: { in: wanted.map((w) => w.kind) } },
    select: { userId: true, kind: true },
  });
  const disabled = new Set(off.map((p) => `${p.userId}:${p.kind}`));
  const seen = new Set<string>();
  const rows = wanted
    .filter((w) => !disabled.has(`${w.userId}:${w.kind}`))
    .filter((w) => !seen.has(`${w.eventId}:${w.userId}:${w.kind}`) && seen.add(`${w.eventId}:${w.userId}:${w.kind}`))
    .map((w) => ({
      id: uuidv7(),
      eventId: w.eventId,
      userId: w.userId,
      kind: w.kind,
      text: w.text,
      payload: w.payload,
      conversationId: w.conversationId ?? null,
      messageId: w.messageId ?? null,
    }));
  if (!rows.length) return 0;
  const stored = await tx.$queryRaw<{ id: string; userId: string; kind: string }[]>`
    INSERT INTO "Notification" (id, "tenantId", "userId", kind, text, payload, "eventId", "conversationId", "messageId")
    SELECT r.id, ${tenantId}::uuid, r."userId", r.kind::"NotificationKind", r.text, r.payload, r."eventId",
      r."conversationId", r."messageId"
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS r(id uuid, "eventId" uuid, "userId" uuid, kind text, text text, payload jsonb, "conversationId" uuid, "messageId" uuid)
    ON CONFLICT ("eventId", "userId", kind) DO NOTHING
    RETURNING id, "userId", kind::text`;
  await appendEvents(
    tx,
    tenantId,
    stored.map((n) => ({
      type: 'NOTIFICATION_CREATED',
      subjectId: n.id,
      payload: { userId: n.userId, kind: n.kind },
    })),
  );
  return stored.length;
}
