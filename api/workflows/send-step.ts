import type { TenantActor } from '../auth/actor.ts';
import { ConversationLockedError, DomainError, SendNotAllowedError } from '../domain/errors.ts';
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
  const sender = await scope.db.user.findUnique({ where: { id: step.senderId }, select: { role: true } });
  if (!sender) return { outcome: 'REFUSED', reason: 'NOT_A_USER', detail: 'The sender no longer exists.' };
  const actor: TenantActor = { kind: 'user', tenantId: scope.tenantId, userId: step.senderId, role: sender.role };
  try {
    const { messageId } = await sendMessage(scope, deps, actor, {
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
    return { outcome: 'REFUSED', reason: refusalReason(error), detail: error.message };
  }
}
