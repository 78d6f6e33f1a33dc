import { v7 as uuidv7 } from 'uuid';
import type { ApprovedTemplate } from '../../../plugins/sdk/index.ts';
import { allowanceExhausted } from '../../allowances/usage.ts';
import { allowanceAlertCtes, creditLockCte, usageCtes } from '../../allowances/usage-sql.ts';
import { availableCredits } from '../../credits/balance.ts';
import { reservationCtes, reservedGuard } from '../../credits/reserve-sql.ts';
import type { Message as MessageRow } from '../../db/generated/prisma/client.ts';
import { Prisma } from '../../db/generated/prisma/client.ts';
import type { MessageKind } from '../../db/generated/prisma/enums.ts';
import { prepared } from '../../db/prepared-statements.ts';
import type { TenantDb } from '../../db/tenant-scope.ts';
import { InsufficientCreditsError } from '../../domain/errors.ts';
import type { TenantTx } from '../../domain/scope.ts';
import type { SendChannel } from '../../domain/send-channels.ts';

export type QueuedMessage = {
  conversationId: string;
  /**
   * The number the send policy routed it to; a conversation keeps its first on each channel,
   * unless that was retired (`replaces`): then it moves to this one, and the move is recorded.
   */
  sendingNumber: { id: string; e164: string; replaces?: string | null };
  authorId: string | null;
  channel: SendChannel;
  kind: MessageKind;
  /** The tenant's own kind, when `kind` is CUSTOM. */
  customKind?: string | null;
  to: string;
  body: string;
  cost: { encoding: string; segments: number };
  idempotencyKey: string | null;
  requestHash: string | null;
  /** A credit-billed message: its cost, reserved in the same statement, and who sent it (for the ledger). */
  credits?: { cost: number; actor: string } | null;
  /** Counted against the number's monthly allowance and refused at it ('enforce', the default); an answer to HELP is only counted. */
  allowance?: 'enforce' | 'count';
  /** Send it as this approved template (outside a session window); `body` is its rendered text. */
  template?: ApprovedTemplate | null;
  /** A scheduled (or held) message: SCHEDULED, its outbox row due then. Null: QUEUED, due now. */
  sendAt?: Date | null;
};

/**
 * Writes an outbound message (QUEUED), its outbox row, its MESSAGE_CREATED
 * event and the conversation's activity in a single statement, so it is atomic without a transaction of
 * its own; inside one (`tx`) it joins it. Returns the new message's id.
 */
export async function queueMessage(tenantId: string, db: TenantTx | TenantDb, q: QueuedMessage): Promise<string> {
  return (await queueMessageRow(tenantId, db, q)).id;
}

/** `queueMessage`, returning the row it wrote as written (every column is set here), so a caller need not read it back. */
export async function queueMessageRow(
  tenantId: string,
  db: TenantTx | TenantDb,
  q: QueuedMessage,
): Promise<MessageRow> {
  const number = q.sendingNumber;
  const { encoding, segments } = q.cost;
  const template = q.template
    ? JSON.stringify({ name: q.template.name, language: q.template.language, parameters: q.template.parameters })
    : null;
  const [messageId, outboxId, eventId, now] = [uuidv7(), uuidv7(), uuidv7(), new Date()];
  const payload = JSON.stringify({
    direction: 'OUTBOUND',
    channel: q.channel,
    kind: q.kind,
    ...(q.customKind ? { customKind: q.customKind } : {}),
    ...(q.sendAt ? { status: 'SCHEDULED', sendAt: q.sendAt.toISOString() } : {}),
  });
  const credits = q.credits?.cost ?? 0;
  const counted = Prisma.sql`EXISTS (SELECT 1 FROM ua)`;
  const reserve = q.credits && credits > 0 ? reservationCtes(tenantId, credits, q.credits.actor, counted) : null;
  // Credits and allowance both or neither: the balance row is locked first, usage counted, then credits reserved.
  const usage = usageCtes({
    tenantId,
    numberId: number.id,
    at: now,
    direction: 'sent',
    guard: q.allowance !== 'count',
    gate: reserve ? Prisma.sql`EXISTS (SELECT 1 FROM bl)` : undefined,
  });
  const written = await db.$executeRaw(
    prepared(Prisma.sql`
    WITH ${reserve ? creditLockCte(tenantId, credits) : Prisma.empty} ${usage} ${reserve?.before ?? Prisma.empty} m AS (
      INSERT INTO "Message" (id, "tenantId", "conversationId", direction, channel, kind, "customKind", "authorId", body, "fromNumber",
        "toNumber", status, segments, encoding, "idempotencyKey", "requestHash", template, "createdAt")
      SELECT ${messageId}::uuid, ${tenantId}::uuid, ${q.conversationId}::uuid, 'OUTBOUND', ${q.channel}::"Channel",
        ${q.kind}::"MessageKind", ${q.customKind ?? null}, ${q.authorId}::uuid, ${q.body}, ${number.e164}, ${q.to}, ${q.sendAt ? 'SCHEDULED' : 'QUEUED'}::"MessageStatus", ${segments}, ${encoding},
        ${q.idempotencyKey}, ${q.requestHash}, ${template}::jsonb, ${now}
      WHERE ${reservedGuard(credits)} AND ${counted}
      RETURNING id),
    n AS (
      INSERT INTO "ConversationNumber" ("tenantId", "conversationId", channel, "sendingNumberId")
      SELECT ${tenantId}::uuid, ${q.conversationId}::uuid, ${q.channel}::"Channel", ${number.id}::uuid FROM m
      ON CONFLICT ("conversationId", channel) DO ${
        number.replaces
          ? Prisma.sql`UPDATE SET "sendingNumberId" = EXCLUDED."sendingNumberId", "createdAt" = now()
            WHERE "ConversationNumber"."sendingNumberId" = ${number.replaces}::uuid`
          : Prisma.sql`NOTHING`
      }
      RETURNING "sendingNumberId"),${
        number.replaces
          ? Prisma.sql`
    moved AS (
      INSERT INTO "ConversationNumberChange" (id, "tenantId", "conversationId", channel, "fromNumberId", "toNumberId", reason)
      SELECT ${uuidv7()}::uuid, ${tenantId}::uuid, ${q.conversationId}::uuid, ${q.channel}::"Channel",
        ${number.replaces}::uuid, n."sendingNumberId", 'NUMBER_RETIRED' FROM n),`
          : Prisma.empty
      }
    o AS (
      INSERT INTO "OutboxEntry" (id, "tenantId", "messageId", state, attempts, "nextAttemptAt", "createdAt")
      SELECT ${outboxId}::uuid, ${tenantId}::uuid, m.id, 'PENDING', 0, ${q.sendAt ?? now}, ${now} FROM m),
    e AS (
      INSERT INTO "Event" (id, "tenantId", type, "subjectId", "conversationId", payload)
      SELECT ${eventId}::uuid, ${tenantId}::uuid, 'MESSAGE_CREATED', m.id, ${q.conversationId}::uuid, ${payload}::jsonb FROM m)${reserve?.after ?? Prisma.empty}${allowanceAlertCtes(tenantId, number.id)}
    UPDATE "Conversation" SET "lastMessageAt" = ${now}
    WHERE id = ${q.conversationId}::uuid AND "tenantId" = ${tenantId}::uuid AND EXISTS (SELECT 1 FROM m)`),
  );
  // Nothing written: the number's allowance ran out, or another send took the credits, since the policy's read.
  if (written === 0) {
    const exhausted = await allowanceExhausted(db, tenantId, number.id, now);
    if (exhausted || !reserve) throw exhausted ?? new Error('queueMessage wrote nothing');
    throw new InsufficientCreditsError(await availableCredits(db, tenantId), credits);
  }
  return {
    id: messageId,
    tenantId,
    conversationId: q.conversationId,
    direction: 'OUTBOUND',
    channel: q.channel,
    kind: q.kind,
    customKind: q.customKind ?? null,
    authorId: q.authorId,
    body: q.body,
    subject: null,
    fromNumber: number.e164,
    toNumber: q.to,
    status: q.sendAt ? 'SCHEDULED' : 'QUEUED',
    segments,
    encoding,
    provider: null,
    providerMessageId: null,
    errorCode: null,
    errorMessage: null,
    idempotencyKey: q.idempotencyKey,
    requestHash: q.requestHash,
    template: template === null ? null : JSON.parse(template),
    createdAt: now,
    sentAt: null,
    deliveredAt: null,
    readAt: null,
    failedAt: null,
  };
}
