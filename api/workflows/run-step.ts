import type { PrismaClient, WorkflowStepOutcome } from '../db/generated/prisma/client.ts';
import { scopeToTenant } from '../db/tenant-scope.ts';
import type { TenantScope } from '../domain/scope.ts';
import { appendEvents } from '../events/append.ts';
import type { MessagingDeps } from '../messaging/sending/deps.ts';
import type { ClaimedStep } from './claims.ts';
import { type StepResult, sendStep } from './send-step.ts';

export type StepDeps = MessagingDeps & { prisma: PrismaClient; relayNow: () => void };

function workerScope(deps: StepDeps, tenantId: string): TenantScope {
  return {
    tenantId,
    db: scopeToTenant(deps.prisma, tenantId),
    events: { relayNow: deps.relayNow, credentialsChanged: async () => {} },
  };
}

/**
 * Handles one claimed step: not sent when the workflow is paused, or (stop on
 * reply) when the candidate wrote after the run started; otherwise sent as
 * its sender through the send policy. Then recorded.
 */
export async function runStep(deps: StepDeps, step: ClaimedStep): Promise<StepResult | null> {
  const scope = workerScope(deps, step.tenantId);
  const run = await scope.db.workflowRun.findUnique({
    where: { id: step.runId },
    include: { workflow: { select: { pausedAt: true, stopOnReply: true } } },
  });
  if (!run) return null;
  let result: StepResult;
  if (run.workflow.pausedAt) {
    result = { outcome: 'PAUSED', reason: 'WORKFLOW_PAUSED', detail: 'The workflow is paused: nothing was sent.' };
  } else if (run.workflow.stopOnReply && (await repliedSince(scope, run.conversationId, run.createdAt))) {
    result = {
      outcome: 'STOPPED_BY_REPLY',
      reason: 'CANDIDATE_REPLIED',
      detail: 'The candidate replied after the workflow started, and it stops on reply.',
    };
  } else {
    const values = (run.triggerData as { values?: { name: string; value: string }[] }).values ?? [];
    result = await sendStep(scope, deps, step, run.conversationId, values);
  }
  await recordStep(scope, step, run.conversationId, result);
  return result;
}

async function repliedSince(scope: TenantScope, conversationId: string, since: Date) {
  const reply = await scope.db.message.findFirst({
    where: { conversationId, direction: 'INBOUND', createdAt: { gt: since } },
    select: { id: true },
  });
  return reply !== null;
}

/** How a run ends once no step is pending. */
function finalStatus(outcomes: WorkflowStepOutcome[]) {
  if (outcomes.includes('PENDING')) return null;
  if (outcomes.includes('STOPPED_BY_REPLY')) return 'STOPPED' as const;
  if (outcomes.includes('PAUSED')) return 'PAUSED' as const;
  return 'COMPLETED' as const;
}

/**
 * Records the step's outcome once (a worker whose lease lapsed records
 * nothing a second time), stops the run's other steps when the candidate
 * replied, ends the run when nothing is pending, with WORKFLOW_RUN_STEP_DONE,
 * in one transaction.
 */
async function recordStep(scope: TenantScope, step: ClaimedStep, conversationId: string, result: StepResult) {
  const finishedAt = new Date();
  await scope.db.$transaction(async (tx) => {
    const { count } = await tx.workflowRunStep.updateMany({
      where: { id: step.id, outcome: 'PENDING' },
      data: {
        outcome: result.outcome,
        reason: result.reason ?? null,
        detail: result.detail ?? null,
        messageId: result.messageId ?? null,
        leaseUntil: null,
        finishedAt,
      },
    });
    if (!count) return;
    if (result.outcome === 'STOPPED_BY_REPLY') {
      await tx.workflowRunStep.updateMany({
        where: { runId: step.runId, outcome: 'PENDING' },
        data: { outcome: 'STOPPED_BY_REPLY', reason: 'CANDIDATE_REPLIED', leaseUntil: null, finishedAt },
      });
    }
    const steps = await tx.workflowRunStep.findMany({ where: { runId: step.runId }, select: { outcome: true } });
    const status = finalStatus(steps.map((s) => s.outcome));
    if (status) await tx.workflowRun.update({ where: { id: step.runId }, data: { status, finishedAt } });
    await appendEvents(tx, scope.tenantId, [
      {
        type: 'WORKFLOW_RUN_STEP_DONE',
        subjectId: step.runId,
        conversationId,
        payload: {
          position: step.position,
          outcome: result.outcome,
          reason: result.reason ?? null,
          runStatus: status ?? 'RUNNING',
        },
      },
    ]);
  });
  scope.events.relayNow();
}
