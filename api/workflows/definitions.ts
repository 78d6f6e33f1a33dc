import { z } from 'zod';
import type { Channel, WorkflowTrigger } from '../db/generated/prisma/enums.ts';
import { type FieldIssue, NotFoundError } from '../domain/errors.ts';
import type { TenantScope, TenantTx } from '../domain/scope.ts';
import { refuseIf } from '../domain/validate.ts';
import { withEvents } from '../domain/with-events.ts';
import { checkEventCap, checkTenantCap, lockTenantWorkflows } from './caps.ts';
import { parseMutationInput } from './input.ts';

export const MAX_STEPS = 10;
/** The longest delay between two steps: 30 days. */
export const MAX_DELAY_MINUTES = 30 * 24 * 60;

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

const stepInput = z.object({
  delayMinutes: z.number().int().min(0).max(MAX_DELAY_MINUTES, `must be at most ${MAX_DELAY_MINUTES} (30 days)`),
  senderId: z.string(),
  templateId: z.string(),
  channel: z.enum(['SMS', 'WHATSAPP']),
});

const definitionInput = z.object({
  name: text(200),
  trigger: z.enum(['APPLICATION_STATUS_CHANGED', 'CALL_TO_ACTION_COMPLETED']),
  toStatus: text(200).nullish(),
  fromStatus: text(200).nullish(),
  callToAction: text(200).nullish(),
  jobIds: z.array(z.string()).max(100, 'must name at most 100 jobs').nullish(),
  jobTitleContains: text(200).nullish(),
  stopOnReply: z.boolean().nullish(),
  steps: z
    .array(stepInput)
    .min(1, 'must have at least one step')
    .max(MAX_STEPS, `must have at most ${MAX_STEPS} steps`),
});

export type WorkflowInput = z.input<typeof definitionInput>;
export type WorkflowStepInput = z.input<typeof stepInput>;

/** Issues of the trigger's fields: each trigger takes its own and refuses the other's. */
function triggerIssues(d: z.output<typeof definitionInput>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (d.trigger === 'APPLICATION_STATUS_CHANGED') {
    if (!d.toStatus) issues.push({ field: 'input.toStatus', message: 'is required for APPLICATION_STATUS_CHANGED' });
    if (d.callToAction) issues.push({ field: 'input.callToAction', message: 'is only for CALL_TO_ACTION_COMPLETED' });
  } else {
    if (!d.callToAction)
      issues.push({ field: 'input.callToAction', message: 'is required for CALL_TO_ACTION_COMPLETED' });
    for (const f of ['toStatus', 'fromStatus'] as const) {
      if (d[f]) issues.push({ field: `input.${f}`, message: 'is only for APPLICATION_STATUS_CHANGED' });
    }
  }
  return issues;
}

/** Senders are active users of the tenant, templates the tenant's, jobs the tenant's: each one missing is named. */
async function referenceIssues(tx: TenantTx, tenantId: string, d: z.output<typeof definitionInput>) {
  const issues: FieldIssue[] = [];
  const senders = await tx.user.findMany({
    where: { id: { in: d.steps.map((s) => s.senderId) }, deactivatedAt: null },
    select: { id: true },
  });
  const templates = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM "MessageTemplate"
    WHERE "tenantId" = ${tenantId}::uuid AND id::text = ANY(${d.steps.map((s) => s.templateId)})`;
  const known = (rows: { id: string }[]) => new Set(rows.map((r) => r.id));
  const [userIds, templateIds] = [known(senders), known(templates)];
  d.steps.forEach((s, i) => {
    if (!userIds.has(s.senderId)) {
      issues.push({ field: `input.steps.${i}.senderId`, message: 'is not an active user of your tenant' });
    }
    if (!templateIds.has(s.templateId)) {
      issues.push({ field: `input.steps.${i}.templateId`, message: 'is not a template of your tenant' });
    }
  });
  const jobs = d.jobIds?.length ? await tx.job.findMany({ where: { id: { in: d.jobIds } }, select: { id: true } }) : [];
  const jobIds = known(jobs);
  (d.jobIds ?? []).forEach((id, i) => {
    if (!jobIds.has(id)) issues.push({ field: `input.jobIds.${i}`, message: 'is not a job of your tenant' });
  });
  return issues;
}

async function parseDefinition(tx: TenantTx, tenantId: string, input: WorkflowInput) {
  const d = parseMutationInput(definitionInput, input);
  refuseIf([...triggerIssues(d), ...(await referenceIssues(tx, tenantId, d))]);
  return d;
}

function columns(d: Awaited<ReturnType<typeof parseDefinition>>) {
  return {
    name: d.name,
    trigger: d.trigger as WorkflowTrigger,
    toStatus: d.toStatus ?? null,
    fromStatus: d.fromStatus ?? null,
    callToAction: d.callToAction ?? null,
    jobIds: [...new Set(d.jobIds ?? [])],
    jobTitleContains: d.jobTitleContains ?? null,
    stopOnReply: d.stopOnReply ?? false,
  };
}

/** Where the per-event cap's refusal points: the trigger's own field. */
const capField = (d: { trigger: string }) =>
  d.trigger === 'CALL_TO_ACTION_COMPLETED' ? 'input.callToAction' : 'input.toStatus';

const stepRows = (tenantId: string, d: Awaited<ReturnType<typeof parseDefinition>>) =>
  d.steps.map((s, position) => ({ ...s, tenantId, position, channel: s.channel as Channel }));

async function existing(scope: TenantScope, id: string) {
  const workflow = await scope.db.workflow.findUnique({ where: { id } });
  if (!workflow) throw new NotFoundError('Workflow', id);
  return workflow;
}

const changed = (change: string) => (w: { id: string; pausedAt: Date | null }) => [
  { type: 'WORKFLOW_CHANGED' as const, subjectId: w.id, payload: { change, active: w.pausedAt === null } },
];

/** Creates a workflow, active at once. */
export function createWorkflow(scope: TenantScope, input: WorkflowInput) {
  return withEvents(
    scope,
    async (tx) => {
      await lockTenantWorkflows(tx, scope.tenantId);
      const d = await parseDefinition(tx, scope.tenantId, input);
      await checkTenantCap(tx);
      await checkEventCap(tx, { id: '', ...columns(d) }, capField(d));
      return tx.workflow.create({
        data: { ...columns(d), tenantId: scope.tenantId, steps: { create: stepRows(scope.tenantId, d) } },
      });
    },
    changed('CREATED'),
  );
}

/** Replaces a workflow's definition (its steps too); runs already started keep the steps they started with. */
export async function updateWorkflow(scope: TenantScope, id: string, input: WorkflowInput) {
  await existing(scope, id);
  return withEvents(
    scope,
    async (tx) => {
      await lockTenantWorkflows(tx, scope.tenantId);
      const d = await parseDefinition(tx, scope.tenantId, input);
      const current = await tx.workflow.findUniqueOrThrow({ where: { id }, select: { pausedAt: true } });
      if (current.pausedAt === null) await checkEventCap(tx, { id, ...columns(d) }, capField(d));
      await tx.workflowStep.deleteMany({ where: { workflowId: id } });
      return tx.workflow.update({
        where: { id },
        data: { ...columns(d), steps: { create: stepRows(scope.tenantId, d) } },
      });
    },
    changed('UPDATED'),
  );
}

/** Pauses (`paused: true`) or resumes a workflow; the same state again changes nothing and appends nothing. */
export async function setWorkflowPaused(scope: TenantScope, id: string, paused: boolean) {
  const before = await existing(scope, id);
  if ((before.pausedAt !== null) === paused) return before;
  return withEvents(
    scope,
    async (tx) => {
      if (!paused) {
        await lockTenantWorkflows(tx, scope.tenantId);
        await checkEventCap(tx, await tx.workflow.findUniqueOrThrow({ where: { id } }), 'id');
      }
      return tx.workflow.update({ where: { id }, data: { pausedAt: paused ? new Date() : null } });
    },
    changed(paused ? 'PAUSED' : 'RESUMED'),
  );
}

/** Deletes a workflow with its runs; steps still due are never sent. */
export async function deleteWorkflow(scope: TenantScope, id: string) {
  const before = await existing(scope, id);
  await withEvents(
    scope,
    (tx) => tx.workflow.delete({ where: { id } }),
    () => changed('DELETED')(before),
  );
  return id;
}
