import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { TenantActor } from '../../auth/actor.ts';
import type { Message } from '../../db/generated/prisma/client.ts';
import type { Channel, MessageKind } from '../../db/generated/prisma/enums.ts';
import { lockFor } from '../consent-rules.ts';
import { textingNumber } from '../conversations.ts';
import {
  AttachmentsNotSupportedError,
  ChannelUnavailableError,
  ConversationLockedError,
  IdempotencyKeyReusedError,
  MessageTooLongError,
  NotFoundError,
  SendNotAllowedError,
  ValidationError,
} from '../errors.ts';
import { isUniqueViolation } from '../prisma-errors.ts';
import type { TenantScope, TenantTx } from '../scope.ts';
import { pickSendingNumber } from '../sending-numbers.ts';
import { parseInput } from '../validate.ts';
import type { MessagingDeps } from './deps.ts';
import { smsEncoding } from './encoding.ts';

const sendInput = z.object({
  conversationId: z.string(),
  channel: z.enum(['SMS', 'WHATSAPP']),
  body: z.string(),
  idempotencyKey: z.string().trim().min(8, 'must be at least 8 characters').max(200, 'must be at most 200 characters'),
  attachments: z.array(z.string()).default([]),
});

export type SendMessageInput = z.input<typeof sendInput>;

function requestHash(parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** A retry with the same key gets the first result; the same key for something else is refused. */
function replay(existing: Message, hash: string): Message {
  if (existing.requestHash !== hash) throw new IdempotencyKeyReusedError();
  return existing;
}

/** The sender's right to write in this conversation: hiring team, then seat and permission as the tenant requires. */
async function authorizeSender(scope: TenantScope, actor: TenantActor, conversationId: string, channel: Channel) {
  if (actor.kind !== 'user') throw new SendNotAllowedError('NOT_A_USER');
  const [conversation, sender] = await Promise.all([
    scope.db.conversation.findUnique({
      where: { id: conversationId },
      include: {
        candidate: { include: { consents: { where: { channel } } } },
        sendingNumber: true,
        application: { select: { hiringTeam: { where: { userId: actor.userId }, select: { userId: true } } } },
        community: { select: { team: { where: { userId: actor.userId }, select: { userId: true } } } },
      },
    }),
    scope.db.user.findUniqueOrThrow({
      where: { id: actor.userId },
      select: {
        canSend: true,
        seat: { select: { id: true } },
        tenant: {
          select: {
            name: true,
            enabledChannels: true,
            requireSeat: true,
            requireSendPermission: true,
            inviteText: true,
          },
        },
      },
    }),
  ]);
  const onTeam = Boolean(conversation?.application?.hiringTeam.length || conversation?.community?.team.length);
  if (!conversation || (!onTeam && actor.role !== 'ADMIN')) throw new NotFoundError('Conversation', conversationId);
  if (!onTeam) throw new SendNotAllowedError('NOT_ON_HIRING_TEAM');
  if (sender.tenant.requireSeat && !sender.seat) throw new SendNotAllowedError('NO_SEAT');
  if (sender.tenant.requireSendPermission && !sender.canSend) throw new SendNotAllowedError('NO_SEND_PERMISSION');
  const to = textingNumber(conversation.candidate);
  const state = conversation.candidate.consents[0]?.state ?? 'NONE';
  const lock = lockFor({
    channelEnabled: sender.tenant.enabledChannels.includes(channel),
    hasPhone: to !== null,
    state,
  });
  return { conversation, tenant: sender.tenant, to, state, lock };
}

export type QueuedMessage = {
  conversation: { id: string; sendingNumberId: string | null; sendingNumber: { id: string; e164: string } | null };
  authorId: string | null;
  channel: Channel;

  kind: MessageKind;
  to: string;
  body: string;
  idempotencyKey: string | null;
  requestHash: string | null;
};

/** The message and its outbox row, and the conversation's activity, in one transaction. */
export async function queueMessage(scope: TenantScope, tx: TenantTx, q: QueuedMessage) {
  const number = q.conversation.sendingNumber ?? (await pickSendingNumber(tx, q.channel, q.to));
  const { encoding, segments } = q.channel === 'SMS' ? smsEncoding(q.body) : { encoding: 'UTF-8', segments: 1 };
  const now = new Date();
  const message = await tx.message.create({
    data: {
      tenantId: scope.tenantId,
      conversationId: q.conversation.id,
      direction: 'OUTBOUND',
      channel: q.channel,
      kind: q.kind,
      authorId: q.authorId,
      body: q.body,
      fromNumber: number.e164,
      toNumber: q.to,
      status: 'QUEUED',
      encoding,
      segments,
      idempotencyKey: q.idempotencyKey,
      requestHash: q.requestHash,
      createdAt: now,
      outbox: { create: { tenantId: scope.tenantId, nextAttemptAt: now } },
    },
  });
  await tx.conversation.update({
    where: { id: q.conversation.id },
    data: { lastMessageAt: now, ...(q.conversation.sendingNumberId ? {} : { sendingNumberId: number.id }) },
  });
  return message;
}

/**
 * Queues a recruiter's message: refused with a typed error unless the sender
 * may write here, the candidate can be reached with consent, and the body fits
 * the channel. Nothing is written when it is refused.
 */
export async function sendMessage(
  scope: TenantScope,
  deps: MessagingDeps,
  actor: TenantActor,
  input: SendMessageInput,
) {
  const data = parseInput(sendInput, input);
  const hash = requestHash([data.conversationId, data.channel, data.body, data.attachments]);
  const key = { tenantId_idempotencyKey: { tenantId: scope.tenantId, idempotencyKey: data.idempotencyKey } };
  const existing = await scope.db.message.findUnique({ where: key });
  if (existing) return replay(existing, hash);

  const channel = deps.channels.get(data.channel);
  if (!channel) throw new ChannelUnavailableError(data.channel);
  if (!data.body.trim()) throw ValidationError.of('body', 'must not be empty');
  if (data.body.length > channel.capabilities.maxLength)
    throw new MessageTooLongError(data.body.length, channel.capabilities.maxLength);
  if (data.attachments.length && !channel.capabilities.media) throw new AttachmentsNotSupportedError(data.channel);

  const { conversation, to, lock } = await authorizeSender(scope, actor, data.conversationId, data.channel);
  if (lock.locked || !to) throw new ConversationLockedError(lock.reason ?? 'NO_PHONE_NUMBER', lock.message ?? '');

  let message: Message;
  try {
    message = await scope.db.$transaction((tx) =>
      queueMessage(scope, tx, {
        conversation,
        authorId: actor.kind === 'user' ? actor.userId : '',
        channel: data.channel,
        kind: 'CHAT',
        to,
        body: data.body,
        idempotencyKey: data.idempotencyKey,
        requestHash: hash,
      }),
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const first = await scope.db.message.findUnique({ where: key });
    if (!first) throw error;
    return replay(first, hash);
  }
  scope.events.publish(scope.tenantId, 'MESSAGE_CREATED', message.id);
  deps.wakeOutbox();
  return message;
}

export { authorizeSender, requestHash };
