import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Workflow as WorkflowRow } from '../../api/db/generated/prisma/client.ts';
import { WorkflowRunStatus, WorkflowStepOutcome, WorkflowTrigger } from '../../api/db/generated/prisma/enums.ts';
import { NotFoundError } from '../../api/domain/errors.ts';
import { asSendChannel } from '../../api/domain/send-channels.ts';
import {
  createWorkflow,
  deleteWorkflow,
  MAX_DELAY_MINUTES,
  MAX_STEPS,
  setWorkflowPaused,
  updateWorkflow,
} from '../../api/workflows/definitions.ts';
import { builder } from '../builder.ts';
import { describedValues } from '../described-values.ts';
import { tenantScope } from '../tenant-scope.ts';
import { Job } from './application.ts';
import { MessageTemplate } from './message-template.ts';
import { ChannelEnum } from './tenant.ts';
import { User } from './user.ts';

export const WorkflowTriggerEnum = builder.enumType('WorkflowTrigger', {
  values: describedValues(Object.values(WorkflowTrigger), {
    APPLICATION_STATUS_CHANGED: "The ATS reported an application's new status (reportApplicationStatusChanged).",
    CALL_TO_ACTION_COMPLETED:
      'The ATS reported that a candidate completed a call to action, e.g. booked an interview (reportCallToActionCompleted).',
  }),
  description: 'The ATS event, reported by the partner backend, that starts a workflow.',
});

export const WorkflowRunStatusEnum = builder.enumType('WorkflowRunStatus', {
  values: describedValues(Object.values(WorkflowRunStatus), {
    RUNNING: 'Steps are still due; the next one runs at its time.',
    PAUSED: 'Held because its workflow is paused; resumes with the workflow.',
    COMPLETED: 'Every step ran (sent, refused or skipped); nothing more will be sent.',
    STOPPED: 'Ended early: the candidate replied and the workflow stops on reply (stopOnReply).',
  }),
  description: 'Where a workflow run stands.',
});

export const WorkflowStepOutcomeEnum = builder.enumType('WorkflowStepOutcome', {
  values: describedValues(Object.values(WorkflowStepOutcome), {
    PENDING: 'Not due yet.',
    SCHEDULED: 'Its message was created scheduled: it goes out later, e.g. when the candidate’s quiet hours end.',
    SENT: "The step's message was queued for sending; its delivery is on the message.",
    REFUSED: 'The send policy refused it (locked, quiet hours, no number…); `reason` says why.',
    PAUSED: 'Held while the workflow is paused.',
    STOPPED_BY_REPLY: 'Not sent: the candidate replied first and the workflow stops on reply.',
  }),
  description: 'What became of one step of a run.',
});

export const WorkflowStep = builder.prismaObject('WorkflowStep', {
  description: 'One step of a workflow: after a delay, send a template as a user.',
  fields: (t) => ({
    position: t.exposeInt('position', { description: '0, 1, 2, … in the order the steps run.' }),
    delayMinutes: t.exposeInt('delayMinutes', {
      description: 'Minutes after the previous step (after the trigger for the first).',
    }),
    channel: t.field({
      type: ChannelEnum,
      description: 'The channel it sends on.',
      resolve: (s) => asSendChannel(s.channel),
    }),
    senderId: t.field({
      type: 'ID',
      description:
        "The user the message is from (their global id): it goes from the number assigned to them, else the company's.",
      resolve: (s) => encodeGlobalID('User', s.senderId),
    }),
    sender: t.prismaField({
      type: User,
      nullable: true,
      description: 'The sender, when the caller may read them.',
      resolve: (query, s, _args, ctx) => tenantScope(ctx).db.user.findFirst({ ...query, where: { id: s.senderId } }),
    }),
    templateId: t.field({
      type: 'ID',
      description: 'The template it sends (global id of a MessageTemplate).',
      resolve: (s) => encodeGlobalID('MessageTemplate', s.templateId),
    }),
    template: t.prismaField({
      type: MessageTemplate,
      nullable: true,
      description: 'The template it sends; null once deleted (the step is then REFUSED with NOT_FOUND).',
      resolve: (query, s, _args, ctx) =>
        tenantScope(ctx).db.messageTemplate.findFirst({ ...query, where: { id: s.templateId } }),
    }),
  }),
});

const WorkflowCriteria = builder.objectRef<WorkflowRow>('WorkflowCriteria').implement({
  description: 'What the application must also be for the workflow to start; all must hold.',
  fields: (t) => ({
    jobIds: t.field({
      type: ['ID'],
      description: "The application's job is one of these (global ids); empty: any job.",
      resolve: (w) => w.jobIds.map((id) => encodeGlobalID('Job', id)),
    }),
    jobTitleContains: t.exposeString('jobTitleContains', {
      nullable: true,
      description: "The job's title contains this text, in any case; null: any title.",
    }),
  }),
});

export const Workflow = builder.prismaNode('Workflow', {
  id: { field: 'id' },
  nullable: true,
  description:
    'An automated workflow: when the partner backend reports a matching ATS event, its steps send templates to the candidate through the send policy (admins and API keys).',
  authScopes: { tenantAdmin: true },
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Its name, unique in the tenant.' }),
    trigger: t.field({
      description: 'The ATS event that starts a run.',
      type: WorkflowTriggerEnum,
      resolve: (w) => w.trigger,
    }),
    toStatus: t.exposeString('toStatus', {
      nullable: true,
      description: 'APPLICATION_STATUS_CHANGED: the status the application changes to (any case).',
    }),
    fromStatus: t.exposeString('fromStatus', {
      nullable: true,
      description: 'APPLICATION_STATUS_CHANGED: the status it changes from; null: from any status.',
    }),
    callToAction: t.exposeString('callToAction', {
      nullable: true,
      description: "CALL_TO_ACTION_COMPLETED: the call-to-action's name (any case).",
    }),
    criteria: t.field({
      description: 'Which reported events start a run (e.g. the status an application changes to).',
      type: WorkflowCriteria,
      resolve: (w) => w,
    }),
    stopOnReply: t.exposeBoolean('stopOnReply', {
      description: 'A step is not sent once the candidate has written after the run started; the run is STOPPED.',
    }),
    active: t.boolean({
      description: 'False while paused: a matching event is recorded as a PAUSED run and nothing is sent.',
      resolve: (w) => w.pausedAt === null,
    }),
    pausedAt: t.expose('pausedAt', {
      description: 'When it was paused; null while active.',
      type: 'DateTime',
      nullable: true,
    }),
    steps: t.relation('steps', { description: 'Its steps, in order.', query: { orderBy: { position: 'asc' } } }),
    createdAt: t.expose('createdAt', { description: 'When it was created.', type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { description: 'When it last changed.', type: 'DateTime' }),
  }),
});

builder.queryField('workflows', (t) =>
  t.prismaConnection({
    type: 'Workflow',
    cursor: 'id',
    description: 'Your tenant’s workflows, newest first (admins and API keys).',
    authScopes: { tenantAdmin: true },
    resolve: (query, _root, _args, ctx) => tenantScope(ctx).db.workflow.findMany({ ...query, orderBy: { id: 'desc' } }),
  }),
);

const WorkflowStepInput = builder.inputType('WorkflowStepInput', {
  description: 'One step: after a delay, send a template as a user.',
  fields: (t) => ({
    delayMinutes: t.int({
      required: false,
      description: `Minutes after the previous step (after the trigger for the first): 0 (default) to ${MAX_DELAY_MINUTES}.`,
    }),
    senderId: t.globalID({
      required: true,
      for: User,
      description:
        "The active user the message is from: the send policy applies as for them (hiring team, seat, permission, number assignment); it goes from the number assigned to them, else the company's.",
    }),
    templateId: t.globalID({ required: true, for: MessageTemplate, description: 'One of your message templates.' }),
    channel: t.field({ type: ChannelEnum, required: true, description: 'The channel to send on.' }),
  }),
});

const WorkflowInput = builder.inputType('WorkflowInput', {
  description: 'A workflow’s whole definition.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'What it is called (at most 200 characters).' }),
    trigger: t.field({ description: 'The ATS event that starts a run.', type: WorkflowTriggerEnum, required: true }),
    toStatus: t.string({
      required: false,
      description: 'Required for APPLICATION_STATUS_CHANGED: the status changed to. Refused for other triggers.',
    }),
    fromStatus: t.string({
      required: false,
      description: 'APPLICATION_STATUS_CHANGED only: the status changed from; leave out for any.',
    }),
    callToAction: t.string({
      required: false,
      description: 'Required for CALL_TO_ACTION_COMPLETED: the call-to-action’s name. Refused for other triggers.',
    }),
    jobIds: t.globalIDList({
      required: false,
      for: Job,
      description: "Criterion: the application's job is one of these (at most 100); leave out for any job.",
    }),
    jobTitleContains: t.string({
      required: false,
      description: "Criterion: the job's title contains this text, in any case.",
    }),
    stopOnReply: t.boolean({
      required: false,
      description: 'Stop sending the remaining steps once the candidate replies after the run started (default false).',
    }),
    steps: t.field({
      type: [WorkflowStepInput],
      required: true,
      description: `1 to ${MAX_STEPS} steps, in order.`,
    }),
  }),
});

type StepArg = { delayMinutes?: number | null; senderId: { id: string }; templateId: { id: string }; channel: string };

function definition(input: typeof WorkflowInput.$inferInput) {
  return {
    ...input,
    jobIds: input.jobIds?.map((j) => j.id),
    steps: (input.steps as StepArg[]).map((s) => ({
      delayMinutes: s.delayMinutes ?? 0,
      senderId: s.senderId.id,
      templateId: s.templateId.id,
      channel: s.channel as 'SMS' | 'WHATSAPP',
    })),
  };
}

builder.mutationField('createWorkflow', (t) =>
  t.prismaField({
    type: 'Workflow',
    description:
      'Creates a workflow, active at once (admins and API keys). Every sender, template and job must be your tenant’s; each problem is named in ValidationError.issues. Appends WORKFLOW_CHANGED.',
    authScopes: { tenantAdmin: true },
    errors: {},
    args: { input: t.arg({ description: 'The workflow to create.', type: WorkflowInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const created = await createWorkflow(tenantScope(ctx), definition(input));
      return tenantScope(ctx).db.workflow.findUniqueOrThrow({ ...query, where: { id: created.id } });
    },
  }),
);

builder.mutationField('updateWorkflow', (t) =>
  t.prismaField({
    type: 'Workflow',
    description:
      'Replaces a workflow’s definition, its steps too (admins and API keys); runs already started keep the steps they started with. Appends WORKFLOW_CHANGED.',
    authScopes: { tenantAdmin: true },
    errors: {},
    args: {
      id: t.arg.globalID({ required: true, for: Workflow, description: 'The workflow to change.' }),
      input: t.arg({
        description: "The workflow's new definition, replacing the old one.",
        type: WorkflowInput,
        required: true,
      }),
    },
    resolve: async (query, _root, { id, input }, ctx) => {
      await updateWorkflow(tenantScope(ctx), id.id, definition(input));
      return tenantScope(ctx).db.workflow.findUniqueOrThrow({ ...query, where: { id: id.id } });
    },
  }),
);

for (const [field, paused, what] of [
  [
    'pauseWorkflow',
    true,
    'Pauses a workflow: matching events are recorded as PAUSED runs and steps that come due are not sent',
  ],
  ['resumeWorkflow', false, 'Resumes a paused workflow: events from now on start it again'],
] as const) {
  builder.mutationField(field, (t) =>
    t.prismaField({
      type: 'Workflow',
      description: `${what} (admins and API keys). Appends WORKFLOW_CHANGED when its state changes.`,
      authScopes: { tenantAdmin: true },
      errors: {},
      args: { id: t.arg.globalID({ required: true, for: Workflow, description: 'The workflow to change.' }) },
      resolve: async (query, _root, { id }, ctx) => {
        await setWorkflowPaused(tenantScope(ctx), id.id, paused);
        return tenantScope(ctx).db.workflow.findUniqueOrThrow({ ...query, where: { id: id.id } });
      },
    }),
  );
}

builder.mutationField('deleteWorkflow', (t) =>
  t.field({
    type: 'ID',
    description:
      'Deletes a workflow with its runs; steps still due are never sent (admins and API keys). Pause it instead to keep its history. Returns its global id; appends WORKFLOW_CHANGED.',
    authScopes: { tenantAdmin: true },
    errors: {
      directResult: false,
      types: [NotFoundError],
      dataField: { description: 'The global id of the deleted workflow.' },
    },
    args: { id: t.arg.globalID({ required: true, for: Workflow, description: 'The workflow to change.' }) },
    resolve: async (_root, { id }, ctx) => encodeGlobalID('Workflow', await deleteWorkflow(tenantScope(ctx), id.id)),
  }),
);
