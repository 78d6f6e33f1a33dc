import type { RequestContext } from '../../api/context.ts';
import type { WorkflowRun as RunRow } from '../../api/db/generated/prisma/client.ts';
import { NotFoundError, ValidationError } from '../../api/domain/errors.ts';
import { asSendChannel } from '../../api/domain/send-channels.ts';
import { planTrigger, type StepPlan } from '../../api/workflows/dry-run.ts';
import type { TriggerEvent } from '../../api/workflows/matching.ts';
import {
  callToActionEvent,
  reportApplicationStatusChanged,
  reportCallToActionCompleted,
  statusChangeEvent,
} from '../../api/workflows/trigger-reports.ts';
import { parseReport } from '../../api/workflows/triggers.ts';
import { builder } from '../builder.ts';
import { tenantScope } from '../tenant-scope.ts';
import { Application } from './application.ts';
import { Conversation } from './conversation.ts';
import { ChannelEnum } from './tenant.ts';
import { User } from './user.ts';
import { Workflow, WorkflowRunStatusEnum, WorkflowStepOutcomeEnum, WorkflowTriggerEnum } from './workflows.ts';

export const WorkflowRunStep = builder.prismaObject('WorkflowRunStep', {
  description: 'One step of a run: when it was due and what became of it.',
  fields: (t) => ({
    position: t.exposeInt('position', { description: 'Its place in the workflow (0 first).' }),
    channel: t.field({
      description: 'The channel its message goes on.',
      type: ChannelEnum,
      resolve: (s) => asSendChannel(s.channel),
    }),
    sender: t.prismaField({
      type: User,
      nullable: true,
      description: 'The user it is sent as.',
      resolve: (query, s, _args, ctx) => tenantScope(ctx).db.user.findFirst({ ...query, where: { id: s.senderId } }),
    }),
    dueAt: t.expose('dueAt', { type: 'DateTime', description: 'When it is (or was) due.' }),
    outcome: t.field({
      description: 'What happened to the step.',
      type: WorkflowStepOutcomeEnum,
      resolve: (s) => s.outcome,
    }),
    reason: t.exposeString('reason', {
      nullable: true,
      description:
        'Why it was not sent: the send policy’s reason (OPTED_OUT, NOT_ON_HIRING_TEAM, ALLOWANCE_EXHAUSTED, INSUFFICIENT_CREDITS, …), WORKFLOW_PAUSED or CANDIDATE_REPLIED.',
    }),
    detail: t.exposeString('detail', { nullable: true, description: 'The sentence that explains the reason.' }),
    message: t.prismaField({
      type: 'Message',
      nullable: true,
      description: 'The message it queued or scheduled (null when none, or when you may not read it).',
      resolve: (query, s, _args, ctx) => {
        // Read the selection even when there is no message: an unread one is an error in tests (onUnusedQuery).
        const selection = { ...query };
        return s.messageId && ctx.reader
          ? ctx.reader.message.findFirst({ ...selection, where: { id: s.messageId } })
          : null;
      },
    }),
    finishedAt: t.expose('finishedAt', {
      description: 'When it was sent, refused or skipped; null while pending.',
      type: 'DateTime',
      nullable: true,
    }),
  }),
});

export const WorkflowRun = builder.prismaNode('WorkflowRun', {
  id: { field: 'id' },
  nullable: true,
  description:
    'One workflow started by one reported ATS event for one application: the trigger, every step and what was sent or why not (admins and API keys).',
  authScopes: { tenantAdmin: true },
  fields: (t) => ({
    workflow: t.relation('workflow', { description: 'The workflow it runs.' }),
    trigger: t.field({
      description: 'The event that started it.',
      type: WorkflowTriggerEnum,
      resolve: (r) => r.trigger,
    }),
    partnerEventId: t.exposeString('partnerEventId', { description: 'The event id the partner backend reported.' }),
    triggerData: t.field({
      type: 'JSONObject',
      description: 'The event as reported: statuses or call-to-action, the values passed to the templates, occurredAt.',
      resolve: (r) => r.triggerData as Record<string, unknown>,
    }),
    status: t.field({ description: 'Where the run is.', type: WorkflowRunStatusEnum, resolve: (r) => r.status }),
    application: t.prismaField({
      description: 'The application it runs for.',
      type: Application,
      nullable: true,
      resolve: (query, r, _args, ctx) =>
        ctx.reader ? ctx.reader.application.findFirst({ ...query, where: { id: r.applicationId } }) : null,
    }),
    conversation: t.prismaField({
      type: Conversation,
      nullable: true,
      description: 'The conversation it sends in (null when you may not read it).',
      resolve: (query, r, _args, ctx) =>
        ctx.reader ? ctx.reader.conversation.findFirst({ ...query, where: { id: r.conversationId } }) : null,
    }),
    steps: t.relation('steps', { description: 'Its steps, in order.', query: { orderBy: { position: 'asc' } } }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the event started it.' }),
    finishedAt: t.expose('finishedAt', {
      description: 'When it completed or stopped; null while running.',
      type: 'DateTime',
      nullable: true,
    }),
  }),
});

const WorkflowRunFilter = builder.inputType('WorkflowRunFilter', {
  description: 'Which runs to list; all given must hold.',
  fields: (t) => ({
    workflowId: t.globalID({ required: false, for: Workflow, description: 'Runs of this workflow.' }),
    from: t.field({ type: 'DateTime', required: false, description: 'Started at or after this time.' }),
    to: t.field({ type: 'DateTime', required: false, description: 'Started before this time.' }),
    status: t.field({ type: WorkflowRunStatusEnum, required: false, description: 'Runs in this status.' }),
  }),
});

builder.queryField('workflowRuns', (t) =>
  t.prismaConnection({
    type: 'WorkflowRun',
    cursor: 'id',
    description: 'Workflow runs, newest first, filtered by workflow, period and status (admins and API keys).',
    authScopes: { tenantAdmin: true },
    args: {
      filter: t.arg({
        description: 'Only runs of this workflow, status or application; omitted: all.',
        type: WorkflowRunFilter,
        required: false,
      }),
    },
    resolve: (query, _root, { filter }, ctx) => {
      if (filter?.from && filter.to && filter.from >= filter.to) {
        throw ValidationError.of('filter.to', 'must be after filter.from');
      }
      return tenantScope(ctx).db.workflowRun.findMany({
        ...query,
        where: {
          ...(filter?.workflowId ? { workflowId: filter.workflowId.id } : {}),
          ...(filter?.status ? { status: filter.status } : {}),
          createdAt: { ...(filter?.from ? { gte: filter.from } : {}), ...(filter?.to ? { lt: filter.to } : {}) },
        },
        orderBy: { id: 'desc' },
      });
    },
  }),
);

const PlanVerdict = builder.enumType('WorkflowStepVerdict', {
  description: 'What a step would do if the event were reported now.',
  values: {
    WILL_SEND: { description: 'The send policy allows it: now, or (quiet hours) at `sendAt`.' },
    REFUSED: { description: 'The send policy (or the template) refuses it: see reason.' },
    WORKFLOW_PAUSED: { description: 'The workflow is paused: nothing would be sent.' },
    ALREADY_RECORDED: {
      description: 'This event already started this workflow for the application: nothing more is sent.',
    },
  } as const,
});

const WorkflowStepPlan = builder.objectRef<StepPlan>('WorkflowStepPlan').implement({
  description: 'A dry run of one step: who would receive what from whom, and the send policy’s answer, as of now.',
  fields: (t) => ({
    workflow: t.prismaField({
      description: 'The workflow the step belongs to.',
      type: Workflow,
      nullable: true,
      resolve: (query, p, _args, ctx) =>
        tenantScope(ctx).db.workflow.findFirst({ ...query, where: { id: p.workflowId } }),
    }),
    position: t.exposeInt('position', { description: "The step's place in the workflow, from 1." }),
    delayMinutes: t.exposeInt('delayMinutes', {
      description: 'Minutes after the previous step; a later step is asked again when due.',
    }),
    channel: t.field({ description: 'The channel it would go on.', type: ChannelEnum, resolve: (p) => p.channel }),
    sender: t.prismaField({
      description: 'The user it would be sent as; null: the company.',
      type: User,
      nullable: true,
      resolve: (query, p, _args, ctx) => tenantScope(ctx).db.user.findFirst({ ...query, where: { id: p.senderId } }),
    }),
    conversation: t.prismaField({
      type: Conversation,
      nullable: true,
      description: 'The conversation, and through it the candidate who would receive it.',
      resolve: (query, p, _args, ctx) =>
        ctx.reader ? ctx.reader.conversation.findFirst({ ...query, where: { id: p.conversationId } }) : null,
    }),
    verdict: t.field({
      description: 'Whether it would be sent now, later, or not at all.',
      type: PlanVerdict,
      resolve: (p) => p.verdict,
    }),
    text: t.string({
      nullable: true,
      description: 'The rendered text the candidate would read (null when it could not be rendered).',
      resolve: (p) => p.preview?.body ?? null,
    }),
    to: t.string({
      nullable: true,
      description: "The candidate's number it would go to.",
      resolve: (p) => p.preview?.to ?? null,
    }),
    fromNumber: t.string({
      nullable: true,
      description: "The number it would go from: the sender's assigned number, else the company's.",
      resolve: (p) => p.preview?.number?.e164 ?? null,
    }),
    sendAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it would go out: null now; in quiet hours, when they end.',
      resolve: (p) => p.preview?.sendAt ?? null,
    }),
    reason: t.exposeString('reason', { nullable: true, description: 'Why it would not be sent.' }),
    detail: t.exposeString('detail', { nullable: true, description: 'The sentence that explains the reason.' }),
  }),
});

type TriggerResult = { runs: RunRow[]; alreadyRecorded: RunRow[]; plan: StepPlan[] | null };

const WorkflowTriggerResult = builder.objectRef<TriggerResult>('WorkflowTriggerResult').implement({
  description: 'What a reported ATS event did.',
  fields: (t) => ({
    runs: t.field({
      type: [WorkflowRun],
      description:
        'The runs it started now, with their first steps already handled (empty: no workflow matched, or a dry run).',
      resolve: (r) => r.runs,
    }),
    alreadyRecorded: t.field({
      type: [WorkflowRun],
      description: 'Runs this event id started before for the application: a replay sends nothing again.',
      resolve: (r) => r.alreadyRecorded,
    }),
    plan: t.field({
      type: [WorkflowStepPlan],
      nullable: true,
      description:
        'With dryRun: every step of every matching workflow and what it would do; nothing was written. Null otherwise.',
      resolve: (r) => r.plan,
    }),
  }),
});

const TriggerValueInput = builder.inputType('WorkflowValueInput', {
  description: 'A value passed to the steps’ templates, e.g. { name: "interview.bookingLink", value: "https://…" }.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'The merge field, without braces.' }),
    value: t.string({ required: true, description: 'Its value (at most 500 characters).' }),
  }),
});

const ReportedEventFields = builder.inputRef<{
  eventId: string;
  applicationId?: { id: string } | null;
  applicationExternalId?: string | null;
  occurredAt?: Date | null;
  values?: { name: string; value: string }[] | null;
  dryRun?: boolean | null;
}>('WorkflowEventInput');
ReportedEventFields.implement({
  description: 'An ATS event about one application, reported by the partner backend.',
  fields: (t) => ({
    eventId: t.string({
      required: true,
      description:
        'Your id of the event (at most 200 characters): the same id never starts a workflow twice for the application.',
    }),
    applicationId: t.globalID({
      required: false,
      for: Application,
      description: 'The application (or applicationExternalId).',
    }),
    applicationExternalId: t.string({
      required: false,
      description: 'Your ATS’s id of the application (or applicationId).',
    }),
    occurredAt: t.field({
      type: 'DateTime',
      required: false,
      description: 'When it happened in the ATS (recorded on the run).',
    }),
    values: t.field({
      type: [TriggerValueInput],
      required: false,
      description:
        'Values for merge fields Parley cannot fill itself, such as a call-to-action’s data (at most 20); each step’s template must take every one, else that step is REFUSED with VALIDATION.',
    }),
    dryRun: t.boolean({
      required: false,
      description: 'True: write and send nothing; `plan` says what each step would do.',
    }),
  }),
});

const ApplicationStatusChangedInput = builder.inputType('ApplicationStatusChangedInput', {
  description: 'An application’s status changed in your ATS.',
  fields: (t) => ({
    event: t.field({ type: ReportedEventFields, required: true, description: 'The event and its application.' }),
    to: t.string({ required: true, description: 'The new status.' }),
    from: t.string({ required: false, description: 'The status before, when known.' }),
  }),
});

const CallToActionCompletedInput = builder.inputType('CallToActionCompletedInput', {
  description: 'The candidate completed a call-to-action (booked an interview, finished an assessment, …).',
  fields: (t) => ({
    event: t.field({
      type: ReportedEventFields,
      required: true,
      description: 'The event, its application and its data (values).',
    }),
    callToAction: t.string({ required: true, description: 'The call-to-action’s name.' }),
  }),
});

type EventArg = typeof ReportedEventFields.$inferInput;

const reportOf = (e: EventArg) => ({
  eventId: e.eventId,
  applicationId: e.applicationId?.id ?? null,
  applicationExternalId: e.applicationExternalId ?? null,
  occurredAt: e.occurredAt ?? null,
  values: e.values ?? [],
});

const deps = (ctx: RequestContext) => ({
  prisma: ctx.services.prisma,
  channels: ctx.services.channels,
  wakeOutbox: ctx.services.wakeOutbox,
});

async function answer(
  ctx: RequestContext,
  e: EventArg,
  event: TriggerEvent,
  report: () => Promise<{ runs: RunRow[]; alreadyRecorded: RunRow[] }>,
): Promise<TriggerResult> {
  if (!e.dryRun) return { ...(await report()), plan: null };
  const plan = await planTrigger(tenantScope(ctx), ctx.services, parseReport(reportOf(e)), event);
  return { runs: [], alreadyRecorded: [], plan };
}

builder.mutationField('reportApplicationStatusChanged', (t) =>
  t.field({
    type: WorkflowTriggerResult,
    description:
      'Reports that an application’s status changed (partner backends): starts every active workflow it matches, once per event id and application, and sends their first steps through the send policy. Appends WORKFLOW_RUN_STARTED per run and WORKFLOW_RUN_STEP_DONE per step handled.',
    authScopes: { partnerBackend: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: {
      input: t.arg({
        description: 'The application and its new status.',
        type: ApplicationStatusChangedInput,
        required: true,
      }),
    },
    resolve: (_root, { input }, ctx) => {
      const change = { to: input.to, from: input.from ?? null };
      return answer(ctx, input.event, statusChangeEvent(change), () =>
        reportApplicationStatusChanged(tenantScope(ctx), deps(ctx), { ...reportOf(input.event), ...change }),
      );
    },
  }),
);

builder.mutationField('reportCallToActionCompleted', (t) =>
  t.field({
    type: WorkflowTriggerResult,
    description:
      'Reports that the candidate completed a call-to-action (partner backends): starts every active workflow it matches, once per event id and application; its values go to the templates. Appends WORKFLOW_RUN_STARTED and WORKFLOW_RUN_STEP_DONE.',
    authScopes: { partnerBackend: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: {
      input: t.arg({
        description: 'The application and the call to action completed.',
        type: CallToActionCompletedInput,
        required: true,
      }),
    },
    resolve: (_root, { input }, ctx) =>
      answer(ctx, input.event, callToActionEvent(input), () =>
        reportCallToActionCompleted(tenantScope(ctx), deps(ctx), {
          ...reportOf(input.event),
          callToAction: input.callToAction,
        }),
      ),
  }),
);
