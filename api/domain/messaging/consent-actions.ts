import { z } from 'zod';
import type { TenantActor } from '../../auth/actor.ts';
import { changeConsent } from '../consent.ts';
import type { LockReason } from '../consent-rules.ts';
import { findReadableConversation } from '../conversations.ts';
import { ChannelUnavailableError, ConversationLockedError, SendNotAllowedError, ValidationError } from '../errors.ts';
import type { TenantScope } from '../scope.ts';
import { parseInput } from '../validate.ts';
import type { MessagingDeps } from './deps.ts';
import { queueMessage } from './queue-message.ts';
import { checkSender } from './sender-check.ts';

const DEFAULT_INVITE =
  '{company}: reply YES to get text messages about your application. Msg&data rates may apply. Reply STOP to opt out.';

/** Locks that an invitation cannot get past: nothing would reach the candidate. */
const unreachable = new Set<LockReason>([
  'CHANNEL_DISABLED',
  'CHANNEL_UNAVAILABLE',
  'NO_PHONE_NUMBER',
  'INVALID_PHONE_NUMBER',
]);

/**
 * Sends the consent invitation (double opt-in, step two) to a candidate who
 * consented at application; it may be re-sent while unanswered. The candidate
 * answering YES opens the conversation.
 */
export async function sendConsentInvite(
  scope: TenantScope,
  deps: MessagingDeps,
  actor: TenantActor,
  conversationId: string,
) {
  if (!deps.channels.get('SMS')) throw new ChannelUnavailableError('SMS');
  const check = await checkSender(scope, deps.channels, actor, conversationId, 'SMS', null);
  if (check.existing) throw new Error('checkSender reported an idempotent replay, but no key was given');
  const { conversation, tenant, to, state, lock } = check;
  if (!to || (lock.reason && unreachable.has(lock.reason))) {
    throw new ConversationLockedError(lock.reason ?? 'NO_PHONE_NUMBER', lock.message ?? undefined);
  }
  if (state === 'OPTED_IN')
    throw ValidationError.of('conversationId', 'the candidate has already opted in; no invitation is needed');
  if (state === 'OPTED_OUT') throw new ConversationLockedError('OPTED_OUT', lock.message ?? undefined);
  if (state === 'NONE') {
    throw new ConversationLockedError(
      'NO_CONSENT',
      'The candidate gave no consent at application. Record consent with evidence first.',
    );
  }
  const body = (tenant.inviteText ?? DEFAULT_INVITE).replaceAll('{company}', tenant.name);
  const messageId = await scope.db.$transaction(async (tx) => {
    const queued = await queueMessage(scope.tenantId, tx, {
      conversationId: conversation.id,
      sendingNumber: conversation.sendingNumber,
      authorId: actor.kind === 'user' ? actor.userId : null,
      channel: 'SMS',
      kind: 'CONSENT_INVITE',
      to,
      body,
      idempotencyKey: null,
      requestHash: null,
    });
    await changeConsent(tx, scope.tenantId, {
      candidateId: conversation.candidateId,
      channel: 'SMS',
      to: 'INVITED',
      source: 'INVITE',
      actorUserId: actor.kind === 'user' ? actor.userId : null,
      evidence: body,
      messageId: queued,
    });
    return queued;
  });
  scope.events.relayNow();
  deps.wakeOutbox();
  return { messageId };
}

const recordInput = z.object({
  conversationId: z.string(),
  channel: z.enum(['SMS', 'WHATSAPP']),
  granted: z.boolean(),
  reason: z.string().trim().min(3, 'must say why (at least 3 characters)').max(1000),
  evidence: z.string().trim().max(4000).nullish(),
});

/** A recruiter records or withdraws consent by hand, with a reason (and evidence), for the audit trail. */
export async function recordConsent(scope: TenantScope, actor: TenantActor, input: z.input<typeof recordInput>) {
  const data = parseInput(recordInput, input);
  if (actor.kind !== 'user') throw new SendNotAllowedError('NOT_A_USER');
  const conversation = await findReadableConversation(scope, actor, data.conversationId);
  const result = await scope.db.$transaction((tx) =>
    changeConsent(tx, scope.tenantId, {
      candidateId: conversation.candidateId,
      channel: data.channel,
      to: data.granted ? 'OPTED_IN' : 'OPTED_OUT',
      source: 'RECRUITER',
      actorUserId: actor.userId,
      evidence: data.evidence ? `${data.reason}\n${data.evidence}` : data.reason,
    }),
  );
  if (result.changed) scope.events.relayNow();
  return conversation;
}
