import type { TenantActor } from '../auth/actor.ts';
import { ConversationLockedError, DomainError, NotFoundError, SendNotAllowedError } from '../domain/errors.ts';
import type { TenantScope } from '../domain/scope.ts';
import type { MessagingDeps } from '../messaging/sending/deps.ts';
import { sendMessage } from '../messaging/sending/send-message.ts';
import type { ClaimedStep } from './claims.ts';

export type StepResult = {
  outcome: 'SENT' | 'SCHEDULED' | 'REFUSED' | 'STOPPED_BY_REPLY' | 'PAUSED';
  reason?: string | null;
  detail?: string | null;
  messageId?: string | null;
};

/** The refusal's most specific code: the lock or send refusal reason, else the error's code. */
export function refusalReason(error: DomainError): string {
  return error instanceof ConversationLockedError || error instanceof SendNotAllowedError ? error.reason : error.code;
}

/** A refusal as a step records it; a conversation the sender cannot read is one whose hiring team they are not on. */
export function stepRefusal(error: DomainError): { reason: string; detail: string } {
  const unreadable = error instanceof NotFoundError && error.entity === 'Conversation';
  const shown = unreadable ? new SendNotAllowedError('NOT_ON_HIRING_TEAM') : error;
  return { reason: refusalReason(shown), detail: shown.message };
}

type SenderCheck = { actor: TenantActor } | { refusal: { reason: string; detail: string } };

/** The step's sender as the actor of its send, or why there is none: gone or deactivated. */
export async function stepSender(scope: TenantScope, senderId: string): Promise<SenderCheck> {
  const sender = await scope.db.user.findUnique({
    where: { id: senderId },
    select: { role: true, name: true, deactivatedAt: true },
  });
  if (!sender) return { refusal: { reason: 'NOT_A_USER', detail: 'The sender no longer exists.' } };
  if (sender.deactivatedAt) {
    return {
      refusal: {
        reason: 'SENDER_DEACTIVATED',
        detail: `The sender ${sender.name} is deactivated: name another sender in the workflow.`,
      },
    };
  }
  return { actor: { kind: 'user', tenantId: scope.tenantId, userId: senderId, role: sender.role } };
}

/** The idempotency key of a step's message: a retry after a crash or a lapsed lease sends it once. */
export const stepIdempotencyKey = (stepId: string) => `workflow-step:${stepId}`;

/**
 * Sends a step's template as its sender: the whole send policy applies as for
 * that user (team, seat, permission, number assignment, consent, window,
 * allowance, credits), routing picks the sender's number, else the
 * company's; quiet hours schedule it for the allowed time. A refusal is the
 * step's outcome, not an error.
 */
export async function sendStep(
  scope: TenantScope,
  deps: MessagingDeps,
  step: ClaimedStep,
  conversationId: string,
  values: { name: string; value: string }[],
): Promise<StepResult> {
  const sender = await stepSender(scope, step.senderId);
  if ('refusal' in sender) return { outcome: 'REFUSED', ...sender.refusal };
  try {
    const { messageId } = await sendMessage(scope, deps, sender.actor, {
      conversationId,
      channel: step.channel,
      template: { templateId: step.templateId, values },
      idempotencyKey: stepIdempotencyKey(step.id),
      holdUntilAllowed: true,
    });
    const message = await scope.db.message.findUnique({ where: { id: messageId }, select: { status: true } });
    return { outcome: message?.status === 'SCHEDULED' ? 'SCHEDULED' : 'SENT', messageId };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { outcome: 'REFUSED', ...stepRefusal(error) };
  }
}
