import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { TenantActor } from '../../auth/actor.ts';
import {
  AttachmentsNotSupportedError,
  ChannelUnavailableError,
  ConversationLockedError,
  IdempotencyKeyReusedError,
  MessageTooLongError,
  ValidationError,
} from '../errors.ts';
import { isUniqueViolation } from '../prisma-errors.ts';
import type { TenantScope } from '../scope.ts';
import { parseInput } from '../validate.ts';
import type { MessagingDeps } from './deps.ts';
import { queueMessage } from './queue-message.ts';
import { checkSender } from './sender-check.ts';

const sendInput = z.object({
  conversationId: z.string(),
  channel: z.enum(['SMS', 'WHATSAPP']),
  body: z.string(),
  idempotencyKey: z.string().trim().min(8, 'must be at least 8 characters').max(200, 'must be at most 200 characters'),
  attachments: z.array(z.string()).default([]),
});

export type SendMessageInput = z.input<typeof sendInput>;

/** A retry with the same key gets the first message; the same key for something else is refused. */
function replay(existing: { id: string; requestHash: string | null }, hash: string): { messageId: string } {
  if (existing.requestHash !== hash) throw new IdempotencyKeyReusedError();
  return { messageId: existing.id };
}

/**
 * Queues a recruiter's message: refused with a typed error unless the sender
 * may write here, the candidate can be reached with consent, and the body fits
 * the channel. Nothing is written when it is refused. One statement reads
 * what the decision needs, one writes the message and its outbox row.
 */
export async function sendMessage(
  scope: TenantScope,
  deps: MessagingDeps,
  actor: TenantActor,
  input: SendMessageInput,
) {
  const data = parseInput(sendInput, input);
  const hash = createHash('sha256')
    .update(JSON.stringify([data.conversationId, data.channel, data.body, data.attachments]))
    .digest('hex');
  const channel = deps.channels.get(data.channel);
  if (!channel) throw new ChannelUnavailableError(data.channel);
  if (!data.body.trim()) throw ValidationError.of('body', 'must not be empty');
  if (data.body.length > channel.capabilities.maxLength)
    throw new MessageTooLongError(data.body.length, channel.capabilities.maxLength);
  if (data.attachments.length && !channel.capabilities.media) throw new AttachmentsNotSupportedError(data.channel);

  const check = await checkSender(scope, deps.channels, actor, data.conversationId, data.channel, data.idempotencyKey);
  if (check.existing) return replay(check.existing, hash);
  const { conversation, to, lock } = check;
  if (lock.reason || !to)
    throw new ConversationLockedError(lock.reason ?? 'NO_PHONE_NUMBER', lock.message ?? undefined);

  let messageId: string;
  try {
    messageId = await queueMessage(scope.tenantId, scope.db, {
      conversationId: conversation.id,
      sendingNumber: conversation.sendingNumber,
      authorId: actor.kind === 'user' ? actor.userId : null,
      channel: data.channel,
      kind: 'CHAT',
      to,
      body: data.body,
      idempotencyKey: data.idempotencyKey,
      requestHash: hash,
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const first = await scope.db.message.findUnique({
      where: { tenantId_idempotencyKey: { tenantId: scope.tenantId, idempotencyKey: data.idempotencyKey } },
    });
    if (!first) throw error;
    return replay(first, hash);
  }
  scope.events.relayNow();
  deps.wakeOutbox();
  return { messageId };
}
