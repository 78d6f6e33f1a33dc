import { DomainError } from '../domain/errors.ts';
import type { TenantScope } from '../domain/scope.ts';
import type { SendDecision } from '../messaging/send-policy/index.ts';
import type { MessagingDeps } from '../messaging/sending/deps.ts';
import { previewMessage } from '../messaging/sending/preview-message.ts';
import type { TriggerEvent } from './matching.ts';
import { refusalReason, stepRefusal, stepSender } from './send-step.ts';
import { applicationOf, matchingWorkflows, type ReportedEvent } from './triggers.ts';

/** What one step would do, as the send policy answers now. */
export type StepPlan = {
  workflowId: string;
  position: number;
  delayMinutes: number;
  channel: 'SMS' | 'WHATSAPP';
  senderId: string;
  templateId: string;
  conversationId: string;
  /** WILL_SEND (now or, in quiet hours, at `preview.sendAt`), or why not. */
  verdict: 'WILL_SEND' | 'REFUSED' | 'WORKFLOW_PAUSED' | 'ALREADY_RECORDED';
  preview: SendDecision | null;
  reason: string | null;
  detail: string | null;
};

/**
 * A dry run: who would receive what from whom, and the send policy's answer
 * for each step of every matching workflow, writing nothing. A delayed step
 * is answered as of now; when it is due the policy is asked again.
 */
export async function planTrigger(
  scope: TenantScope,
  deps: MessagingDeps,
  report: ReportedEvent,
  event: TriggerEvent,
): Promise<StepPlan[]> {
  const application = await applicationOf(scope, report);
  const workflows = await matchingWorkflows(scope, event, application.facts);
  const recorded = await scope.db.workflowRun.findMany({
    where: { partnerEventId: report.eventId, applicationId: application.id },
    select: { workflowId: true },
  });
  const done = new Set(recorded.map((r) => r.workflowId));
  const plans: StepPlan[] = [];
  for (const w of workflows) {
    for (const step of w.steps) {
      const base = {
        workflowId: w.id,
        position: step.position,
        delayMinutes: step.delayMinutes,
        channel: step.channel as 'SMS' | 'WHATSAPP',
        senderId: step.senderId,
        templateId: step.templateId,
        conversationId: application.conversationId,
        preview: null,
        reason: null,
        detail: null,
      };
      if (done.has(w.id)) plans.push({ ...base, verdict: 'ALREADY_RECORDED' });
      else if (w.pausedAt) plans.push({ ...base, verdict: 'WORKFLOW_PAUSED' });
      else plans.push({ ...base, ...(await previewStep(scope, deps, base, report)) });
    }
  }
  return plans;
}

async function previewStep(
  scope: TenantScope,
  deps: MessagingDeps,
  step: Pick<StepPlan, 'conversationId' | 'channel' | 'senderId' | 'templateId'>,
  report: ReportedEvent,
): Promise<Pick<StepPlan, 'verdict' | 'preview' | 'reason' | 'detail'>> {
  const sender = await stepSender(scope, step.senderId);
  if ('refusal' in sender) return { verdict: 'REFUSED', preview: null, ...sender.refusal };
  try {
    const preview = await previewMessage(scope, deps, sender.actor, {
      conversationId: step.conversationId,
      channel: step.channel,
      messageTemplate: { templateId: step.templateId, values: report.values },
      holdUntilAllowed: true,
    });
    const [refusal] = preview.refusals;
    return refusal
      ? { verdict: 'REFUSED', preview, reason: refusalReason(refusal), detail: refusal.message }
      : { verdict: 'WILL_SEND', preview, reason: null, detail: null };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { verdict: 'REFUSED', preview: null, ...stepRefusal(error) };
  }
}
