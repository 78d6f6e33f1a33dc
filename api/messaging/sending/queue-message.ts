import { v7 as uuidv7 } from 'uuid';
import type { Channel, MessageKind } from '../../db/generated/prisma/enums.ts';
import type { TenantDb } from '../../db/tenant-scope.ts';
import type { TenantTx } from '../../domain/scope.ts';

export type QueuedMessage = {
  conversationId: string;
  /** The number the send policy routed it to; a conversation keeps its first. */
  sendingNumber: { id: string; e164: string };
  authorId: string | null;
  channel: Channel;
  kind: MessageKind;
  to: string;
  body: string;
  cost: { encoding: string; segments: number };
  idempotencyKey: string | null;
  requestHash: string | null;
};

/**
 * Writes an outbound message (QUEUED), its outbox row, its MESSAGE_CREATED
 * event and the conversation's activity in a single statement, so it is atomic without a transaction of
 * its own; inside one (`tx`) it joins it. Returns the new message's id.
 */
export async function queueMessage(tenantId: string, db: TenantTx | TenantDb, q: QueuedMessage): Promise<string> {
  const number = q.sendingNumber;
  const { encoding, segments } = q.cost;
  const [messageId, outboxId, eventId, now] = [uuidv7(), uuidv7(), uuidv7(), new Date()];
  const payload = JSON.stringify({ direction: 'OUTBOUND', channel: q.channel, kind: q.kind });
  await db.$executeRaw`
    WITH m AS (
      INSERT INTO "Message" (id, "tenantId", "conversationId", direction, channel, kind, "authorId", body, "fromNumber",
        "toNumber", status, segments, encoding, "idempotencyKey", "requestHash", "createdAt")
      VALUES (${messageId}::uuid, ${tenantId}::uuid, ${q.conversationId}::uuid, 'OUTBOUND', ${q.channel}::"Channel",
        ${q.kind}::"MessageKind", ${q.authorId}::uuid, ${q.body}, ${number.e164}, ${q.to}, 'QUEUED', ${segments}, ${encoding},
        ${q.idempotencyKey}, ${q.requestHash}, ${now})
      RETURNING id),
    o AS (
      INSERT INTO "OutboxEntry" (id, "tenantId", "messageId", state, attempts, "nextAttemptAt", "createdAt")
      SELECT ${outboxId}::uuid, ${tenantId}::uuid, m.id, 'PENDING', 0, ${now}, ${now} FROM m),
    e AS (
      INSERT INTO "Event" (id, "tenantId", type, "subjectId", "conversationId", payload)
      SELECT ${eventId}::uuid, ${tenantId}::uuid, 'MESSAGE_CREATED', m.id, ${q.conversationId}::uuid, ${payload}::jsonb FROM m)
    UPDATE "Conversation" SET "lastMessageAt" = ${now}, "sendingNumberId" = coalesce("sendingNumberId", ${number.id}::uuid)
    WHERE id = ${q.conversationId}::uuid AND "tenantId" = ${tenantId}::uuid AND EXISTS (SELECT 1 FROM m)`;
  return messageId;
}
