import { z } from 'zod';
import type { TenantScope } from '../domain/scope.ts';
import { parseMutationInput } from './input.ts';
import type { TriggerEvent } from './matching.ts';
import type { StepDeps } from './run-step.ts';
import { parseReport, type ReportInput, startRuns } from './triggers.ts';
import { runClaimed } from './worker.ts';

export type TriggerDeps = Omit<StepDeps, 'relayNow'>;

const label = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const statusChange = z.object({ to: label, from: label.nullish() });
const callToAction = z.object({ callToAction: label });

/**
 * An ATS event from the partner backend: the runs it starts (none when no
 * workflow matches; none new when the same event id was reported before, which
 * returns the runs it started then), each run's steps without a delay already
 * handled.
 */
async function reportTrigger(scope: TenantScope, deps: TriggerDeps, input: ReportInput, event: TriggerEvent) {
  const report = parseReport(input);
  const { runs, alreadyRecorded } = await startRuns(scope, report, event);
  const running = runs.filter((r) => r.status === 'RUNNING').map((r) => r.id);
  // Steps chained without a delay are due at once, each after the one before.
  if (running.length) while ((await runClaimed({ ...deps, relayNow: scope.events.relayNow }, running)) > 0);
  const reread = await scope.db.workflowRun.findMany({
    where: { id: { in: runs.map((r) => r.id) } },
    orderBy: { id: 'asc' },
  });
  return { runs: reread, alreadyRecorded };
}

export function statusChangeEvent(input: { to: string; from?: string | null }): TriggerEvent {
  const d = parseMutationInput(statusChange, input);
  return { trigger: 'APPLICATION_STATUS_CHANGED', to: d.to, from: d.from ?? null };
}

export function callToActionEvent(input: { callToAction: string }): TriggerEvent {
  const d = parseMutationInput(callToAction, input);
  return { trigger: 'CALL_TO_ACTION_COMPLETED', callToAction: d.callToAction };
}

/** reportApplicationStatusChanged: the application's status changed in the ATS. */
export function reportApplicationStatusChanged(
  scope: TenantScope,
  deps: TriggerDeps,
  input: ReportInput & { to: string; from?: string | null },
) {
  return reportTrigger(scope, deps, input, statusChangeEvent(input));
}

/** reportCallToActionCompleted: the candidate completed a call-to-action; its data goes to the templates as values. */
export function reportCallToActionCompleted(
  scope: TenantScope,
  deps: TriggerDeps,
  input: ReportInput & { callToAction: string },
) {
  return reportTrigger(scope, deps, input, callToActionEvent(input));
}
