import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { NotFoundError } from '../../domain/errors.ts';
import { isUniqueViolation } from '../../domain/prisma-errors.ts';
import type { TenantScope } from '../../domain/scope.ts';
import { parseInput } from '../../domain/validate.ts';
import { appendEvents } from '../../events/append.ts';
import { idempotencyKey, replay, requestHash } from '../sending/idempotent-send.ts';

export const MAX_SUBJECT_LENGTH = 998; // RFC 5322 line limit
export const MAX_EMAIL_BODY_LENGTH = 100_000;
/** How far ahead of our clock a partner's sentAt may be (clock skew). */
export const SENT_AT_SKEW_MS = 5 * 60_000;
const EARLIEST_SENT_AT = new Date('2000-01-01T00:00:00Z');

const emailInput = z.object({
  conversationId: z.string(),
  direction: z.enum(['INBOUND', 'OUTBOUND']),
  subject: z
    .string()
    .max(MAX_SUBJECT_LENGTH, `must be at most ${MAX_SUBJECT_LENGTH} characters`)
    .refine((s) => !/[\r\n]/.test(s), 'must be one line (no CR or LF)'),
  body: z.string().max(MAX_EMAIL_BODY_LENGTH, `must be at most ${MAX_EMAIL_BODY_LENGTH} characters`),
  sentAt: z
    .date()
    .min(EARLIEST_SENT_AT, 'must be in 2000 or later')
    .refine((d) => d.getTime() <= Date.now() + SENT_AT_SKEW_MS, 'must not be in the future'),
  authorId: z.string().nullish(),
  idempotencyKey: idempotencyKey.nullish(),
});

export type RecordEmailInput = z.input<typeof emailInput>;

/**
 * Files an email the ATS sent or received in a conversation's history. It is
 * only a record: Parley sends nothing, and an inbound email opens no SMS or
 * WhatsApp session window, counts toward no number's allowance or credits and
 * is never read for consent keywords. Its id is a UUIDv7 of its sentAt, so it
 * sits at its sent time among the conversation's messages; the conversation's
 * activity moves forward to sentAt only (an old email recorded late stays
 * where it was sent). Message, MESSAGE_CREATED and activity commit together.
 */
export async function recordEmail(scope: TenantScope, raw: RecordEmailInput): Promise<{ messageId: string }> {
  const input = parseInput(emailInput, raw);
  const key = input.idempotencyKey ?? null;
  const hash = requestHash([
    input.conversationId,
    input.direction,
    input.subject,
    input.body,
    input.sentAt.toISOString(),
    input.authorId ?? null,
  ]);
  if (key) {
    const first = await scope.db.message.findUnique({
      where: { tenantId_idempotencyKey: { tenantId: scope.tenantId, idempotencyKey: key } },
      select: { id: true, requestHash: true },
    });
    if (first) return replay(first, hash);
  }
  const conversation = await scope.db.conversation.findUnique({
    where: { id: input.conversationId },
    select: { id: true },
  });
  if (!conversation) throw new NotFoundError('Conversation', input.conversationId);
  if (input.authorId) {
    const author = await scope.db.user.findUnique({ where: { id: input.authorId }, select: { id: true } });
    if (!author) throw new NotFoundError('User', input.authorId);
  }
  const id = uuidv7({ msecs: input.sentAt.getTime() });
  try {
    await scope.db.$transaction(async (tx) => {
      await tx.message.create({
        data: {
          id,
          tenantId: scope.tenantId,
          conversationId: conversation.id,
          direction: input.direction,
          channel: 'EMAIL',
          kind: 'CHAT',
          authorId: input.authorId ?? null,
          subject: input.subject,
          body: input.body,
          fromNumber: '',
          toNumber: '',
          status: 'RECORDED',
          segments: 0,
          encoding: 'UTF-8',
          idempotencyKey: key,
          requestHash: key ? hash : null,
          createdAt: input.sentAt,
          sentAt: input.sentAt,
        },
      });
      await tx.$executeRaw`
        UPDATE "Conversation" SET "lastMessageAt" = greatest("lastMessageAt", ${input.sentAt})
        WHERE id = ${conversation.id}::uuid AND "tenantId" = ${scope.tenantId}::uuid`;
      await appendEvents(tx, scope.tenantId, [
        {
          type: 'MESSAGE_CREATED',
          subjectId: id,
          conversationId: conversation.id,
          payload: { direction: input.direction, channel: 'EMAIL', kind: 'CHAT' },
        },
      ]);
    });
  } catch (error) {
    if (!key || !isUniqueViolation(error)) throw error;
    const first = await scope.db.message.findUnique({
      where: { tenantId_idempotencyKey: { tenantId: scope.tenantId, idempotencyKey: key } },
      select: { id: true, requestHash: true },
    });
    if (!first) throw error;
    return replay(first, hash);
  }
  scope.events.relayNow();
  return { messageId: id };
}
