import type { Workflow } from '../db/generated/prisma/client.ts';

/** An ATS event the partner backend reported, about one application. */
export type TriggerEvent =
  | { trigger: 'APPLICATION_STATUS_CHANGED'; from: string | null; to: string }
  | { trigger: 'CALL_TO_ACTION_COMPLETED'; callToAction: string };

/** What the criteria look at. */
export type ApplicationFacts = { jobId: string; jobTitle: string };

/** Statuses and call-to-action names compare without regard to case or surrounding spaces. */
const same = (a: string | null, b: string | null) => (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();

/** Whether the workflow's trigger and criteria match the event for this application. */
export function workflowMatches(
  workflow: Pick<Workflow, 'trigger' | 'toStatus' | 'fromStatus' | 'callToAction' | 'jobIds' | 'jobTitleContains'>,
  event: TriggerEvent,
  application: ApplicationFacts,
): boolean {
  if (workflow.trigger !== event.trigger) return false;
  if (event.trigger === 'APPLICATION_STATUS_CHANGED') {
    if (!same(workflow.toStatus, event.to)) return false;
    if (workflow.fromStatus !== null && !same(workflow.fromStatus, event.from)) return false;
  } else if (!same(workflow.callToAction, event.callToAction)) return false;
  if (workflow.jobIds.length && !workflow.jobIds.includes(application.jobId)) return false;
  const title = workflow.jobTitleContains?.toLowerCase();
  return !title || application.jobTitle.toLowerCase().includes(title);
}
