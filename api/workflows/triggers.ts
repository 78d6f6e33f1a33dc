import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import type { WorkflowRun } from '../db/generated/prisma/client.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import type { TenantScope, TenantTx } from '../domain/scope.ts';
import { appendEvents } from '../events/append.ts';
import { CUSTOM_PREFIX, customFieldName, sendFields } from '../templates/merge-fields.ts';
import { bookingLinkIssue, MAX_VALUE_LENGTH } from '../templates/render.ts';
import { parseMutationInput } from './input.ts';
import { type ApplicationFacts, type TriggerEvent, workflowMatches } from './matching.ts';

const name = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** A field the event may pass: one passed at send, or a declared custom field's. */
const passedField = (field: string) =>
  (sendFields as readonly string[]).includes(field) ||
  (field.startsWith(CUSTOM_PREFIX) && customFieldName.test(field.slice(CUSTOM_PREFIX.length)));

/**
 * Values the event passes to the steps' templates (e.g. a booking link from
 * the call-to-action), held to the merge fields' format rules before anything
 * is written, so a refused report can be sent again with the same event id.
 */
export const triggerValues = z
  .array(
    z.object({
      name: name(100).refine(passedField, {
        message: `must be ${sendFields.join(', ')} or custom.<name> (a field Parley cannot fill itself)`,
      }),
      value: z
        .string()
        .trim()
        .min(1, 'must not be empty')
        .max(MAX_VALUE_LENGTH, `must be at most ${MAX_VALUE_LENGTH} characters`),
    }),
  )
  .max(20, 'must have at most 20 values')
  .superRefine((values, ctx) => {
    values.forEach(({ name, value }, i) => {
      if (values.findIndex((v) => v.name === name) !== i) {
        ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `${name} is given twice` });
      }
      const link = name === 'interview.bookingLink' ? bookingLinkIssue(value) : null;
      if (link) ctx.addIssue({ code: 'custom', path: [i, 'value'], message: link });
    });
  })
  .default([]);

const reportInput = z.object({
  eventId: name(200),
  applicationId: z.string().nullish(),
  applicationExternalId: name(200).nullish(),
  occurredAt: z.date().nullish(),
  values: triggerValues,
});

export type ReportInput = z.input<typeof reportInput>;
export type ReportedEvent = z.output<typeof reportInput>;

/** The application an event is about, by Parley id or the ATS's own id (exactly one), with what criteria read. */
export async function applicationOf(scope: TenantScope, report: ReportedEvent) {
  if (Boolean(report.applicationId) === Boolean(report.applicationExternalId)) {
    throw ValidationError.of(
      'input.event.applicationId',
      'give exactly one of applicationId and applicationExternalId',
    );
  }
  const application = await scope.db.application.findFirst({
    where: report.applicationId ? { id: report.applicationId } : { externalId: report.applicationExternalId as string },
    select: { id: true, jobId: true, job: { select: { title: true } }, conversation: { select: { id: true } } },
  });
  if (!application?.conversation) {
    throw new NotFoundError('Application', report.applicationId ?? (report.applicationExternalId as string));
  }
  return {
    id: application.id,
    conversationId: application.conversation.id,
    facts: { jobId: application.jobId, jobTitle: application.job.title } satisfies ApplicationFacts,
  };
}

/** Parses the report's `event`; each issue names its field as the API shows it (`input.event.values.0.value`). */
export const parseReport = (input: ReportInput): ReportedEvent => parseMutationInput(reportInput, input, 'input.event');

/** The tenant's workflows whose trigger and criteria match the event (active and paused: a paused one records that it sent nothing). */
export async function matchingWorkflows(scope: TenantScope, event: TriggerEvent, application: ApplicationFacts) {
  const workflows = await scope.db.workflow.findMany({
    where: { trigger: event.trigger },
    include: { steps: { orderBy: { position: 'asc' } } },
    orderBy: { id: 'asc' },
  });
  return workflows.filter((w) => workflowMatches(w, event, application));
}

type Started = { runs: WorkflowRun[]; alreadyRecorded: WorkflowRun[] };

/**
 * Records one run per matching workflow for the event, once per partner
 * event id and application (a replayed or concurrent duplicate inserts
 * nothing and gets the first runs back), with its steps due at the trigger
 * plus their delays; a paused workflow's run is recorded PAUSED with nothing
 * to send. One transaction with its WORKFLOW_RUN_STARTED events.
 */
export async function startRuns(scope: TenantScope, report: ReportedEvent, event: TriggerEvent): Promise<Started> {
  const application = await applicationOf(scope, report);
  const workflows = await matchingWorkflows(scope, event, application.facts);
  if (!workflows.length) return { runs: [], alreadyRecorded: [] };
  const triggerData = { ...event, values: report.values, occurredAt: report.occurredAt?.toISOString() ?? null };
  const now = new Date();
  const rows = workflows.map((w) => ({ id: uuidv7(), workflowId: w.id, status: w.pausedAt ? 'PAUSED' : 'RUNNING' }));
  const insertedIds = await scope.db.$transaction(async (tx) => {
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "WorkflowRun" (id, "tenantId", "workflowId", "partnerEventId", "applicationId", "conversationId",
        trigger, "triggerData", status, "createdAt", "finishedAt")
      SELECT r.id, ${scope.tenantId}::uuid, r."workflowId", ${report.eventId}, ${application.id}::uuid,
        ${application.conversationId}::uuid, ${event.trigger}::"WorkflowTrigger", ${JSON.stringify(triggerData)}::jsonb,
        r.status::"WorkflowRunStatus", ${now}, CASE WHEN r.status = 'PAUSED' THEN ${now}::timestamptz END
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id uuid, "workflowId" uuid, status text)
      ON CONFLICT ("tenantId", "workflowId", "partnerEventId", "applicationId") DO NOTHING
      RETURNING id::text`;
    const ids = new Set(inserted.map((r) => r.id));
    const started = rows.filter((r) => ids.has(r.id));
    await writeSteps(tx, started, workflows, now);
    await appendEvents(
      tx,
      scope.tenantId,
      started.map((r) => ({
        type: 'WORKFLOW_RUN_STARTED' as const,
        subjectId: r.id,
        conversationId: application.conversationId,
        payload: { status: r.status, trigger: event.trigger },
      })),
    );
    return ids;
  });
  scope.events.relayNow();
  const runs = await scope.db.workflowRun.findMany({
    where: {
      partnerEventId: report.eventId,
      applicationId: application.id,
      workflowId: { in: rows.map((r) => r.workflowId) },
    },
    orderBy: { id: 'asc' },
  });
  return {
    runs: runs.filter((r) => insertedIds.has(r.id)),
    alreadyRecorded: runs.filter((r) => !insertedIds.has(r.id)),
  };
}

/** Each started run's steps, a copy of its workflow's, due one after another; a paused run's are recorded PAUSED. */
async function writeSteps(
  tx: TenantTx,
  started: { id: string; workflowId: string; status: string }[],
  workflows: Awaited<ReturnType<typeof matchingWorkflows>>,
  now: Date,
) {
  const byId = new Map(workflows.map((w) => [w.id, w]));
  const data = started.flatMap((run) => {
    let dueAt = now.getTime();
    const paused = run.status === 'PAUSED';
    return (byId.get(run.workflowId)?.steps ?? []).map((s) => {
      dueAt += s.delayMinutes * 60_000;
      return {
        runId: run.id,
        position: s.position,
        senderId: s.senderId,
        templateId: s.templateId,
        channel: s.channel,
        dueAt: new Date(dueAt),
        ...(paused ? { outcome: 'PAUSED' as const, reason: 'WORKFLOW_PAUSED', finishedAt: now } : {}),
      };
    });
  });
  if (data.length) await tx.workflowRunStep.createMany({ data: data as never });
}
