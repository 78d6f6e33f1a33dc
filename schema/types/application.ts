import { addProspect, upsertApplication, upsertCommunity, upsertJob } from '../../api/domain/ats-records.ts';
import { builder } from '../builder.ts';
import { tenantScope } from '../tenant-scope.ts';
import { User } from './user.ts';

export const Job = builder.prismaNode('Job', {
  description: 'A job opening as the ATS reports it (upsertJob).',
  id: { field: 'id' },
  nullable: true,
  fields: (t) => ({
    externalId: t.exposeString('externalId', { description: "The ATS's id for this job." }),
    title: t.exposeString('title', { description: "The job's title." }),
  }),
});

export const Application = builder.prismaNode('Application', {
  description:
    "A candidate's application to a job, as the ATS reports it (upsertApplication). Its hiring team may read and send in the candidate's conversation.",
  id: { field: 'id' },
  nullable: true,
  fields: (t) => ({
    externalId: t.exposeString('externalId', { description: "The ATS's id for this application." }),
    status: t.exposeString('status', {
      description:
        "The application's status in the ATS, as last reported (free text, e.g. screening); workflows can trigger on changes.",
      nullable: true,
    }),
    candidate: t.relation('candidate', { description: 'The candidate who applied.' }),
    job: t.relation('job', { description: 'The job applied to.' }),
    conversation: t.prismaField({
      type: 'Conversation',
      nullable: true,
      description: "The application's conversation; null when the caller may not read it.",
      // Read through the caller's reader, not as a nested relation: a relation loaded with its parent would skip
      // the per-caller rules (number assignment narrows conversations, not applications).
      resolve: (query, application, _args, ctx) =>
        ctx.reader?.conversation.findFirst({ ...query, where: { applicationId: application.id } }) ?? null,
    }),
    hiringTeam: t.field({
      description: "The users who work this application: they may read the candidate's conversation and send in it.",
      type: [User],
      // The users with what is selected beneath them (their seat too), in the application's own query: a plain
      // `user: true` left a nested relation unread (an internal error in development, another query per user else).
      select: (_args, _ctx, nestedSelection) => ({ hiringTeam: { select: { user: nestedSelection(true) } } }),
      resolve: (application) => application.hiringTeam.map((m) => m.user),
    }),
  }),
});

builder.prismaNode('Community', {
  description:
    'A talent community: prospects the tenant keeps in touch with outside any application. Its team may message them.',
  id: { field: 'id' },
  nullable: true,
  fields: (t) => ({
    externalId: t.exposeString('externalId', { description: "The ATS's id for this community." }),
    name: t.exposeString('name', { description: "The community's name." }),
  }),
});

const JobInput = builder.inputType('JobInput', {
  description: 'A job as the ATS knows it: created or updated by externalId.',
  fields: (t) => ({
    externalId: t.string({ description: "The ATS's id; the same id updates it.", required: true }),
    title: t.string({ description: "The job's title.", required: true }),
  }),
});

const ConsentBoxesInput = builder.inputType('ApplicationConsentInput', {
  description:
    'What the candidate ticked on the application form: one box for all texting, or one per channel. Nothing ticked means opted out.',
  fields: (t) => ({
    texting: t.boolean({
      description: 'The candidate agreed to texting in general on the form (applies to every text channel).',
      required: false,
    }),
    sms: t.boolean({ description: 'The candidate agreed to SMS on the application form.', required: false }),
    whatsapp: t.boolean({
      description: 'The candidate agreed to WhatsApp messages on the application form.',
      required: false,
    }),
  }),
});

const ApplicationInput = builder.inputType('ApplicationInput', {
  description: 'An application as the ATS knows it: created or updated by its externalId.',
  fields: (t) => ({
    externalId: t.string({ description: "The ATS's id for this application; the same id updates it.", required: true }),
    candidateExternalId: t.string({
      description: "The ATS's id of the candidate (upsertCandidate first).",
      required: true,
    }),
    jobExternalId: t.string({ description: "The ATS's id of the job (upsertJob first).", required: true }),
    status: t.string({
      required: false,
      description: "The ATS's status; null clears it. Omit it to keep the stored one.",
    }),
    hiringTeam: t.globalIDList({
      required: false,
      for: User,
      description: 'Replaces the hiring team; null or [] leaves the application without one. Omit it to keep the team.',
    }),
    consent: t.field({
      description: 'What the candidate agreed to on the application form; omitted: unchanged.',
      type: ConsentBoxesInput,
      required: false,
    }),
  }),
});

const CommunityInput = builder.inputType('CommunityInput', {
  description: 'A community as the ATS knows it: created or updated by externalId.',
  fields: (t) => ({
    externalId: t.string({ description: "The ATS's id; the same id updates it.", required: true }),
    name: t.string({ description: "The community's name.", required: true }),
    team: t.globalIDList({
      required: false,
      for: User,
      description: 'Replaces the sourcing team; null or [] leaves none. Omit it to keep the team.',
    }),
  }),
});

builder.mutationField('upsertJob', (t) =>
  t.prismaField({
    description: "Creates or updates a job by the ATS's id (the partner backend).",
    type: 'Job',
    authScopes: { partnerBackend: true },
    args: { input: t.arg({ description: 'The job as the ATS knows it.', type: JobInput, required: true }) },
    errors: {},
    resolve: (query, _root, { input }, ctx) =>
      upsertJob(tenantScope(ctx), input).then((job) =>
        tenantScope(ctx).db.job.findUniqueOrThrow({ ...query, where: { id: job.id } }),
      ),
  }),
);

builder.mutationField('upsertApplication', (t) =>
  t.prismaField({
    type: 'Application',
    description:
      'Creates or updates an application, its hiring team and its conversation, and records the consent given on the form.',
    authScopes: { partnerBackend: true },
    args: {
      input: t.arg({ description: 'The application as the ATS knows it.', type: ApplicationInput, required: true }),
    },
    errors: {},
    resolve: async (query, _root, { input }, ctx) => {
      const application = await upsertApplication(tenantScope(ctx), {
        ...input,
        hiringTeamUserIds: input.hiringTeam === undefined ? undefined : (input.hiringTeam?.map((id) => id.id) ?? null),
        consent: input.consent ?? undefined,
      });
      return tenantScope(ctx).db.application.findUniqueOrThrow({ ...query, where: { id: application.id } });
    },
  }),
);

builder.mutationField('upsertCommunity', (t) =>
  t.prismaField({
    description: "Creates or updates a talent community by the ATS's id (the partner backend).",
    type: 'Community',
    authScopes: { partnerBackend: true },
    args: { input: t.arg({ description: 'The community as the ATS knows it.', type: CommunityInput, required: true }) },
    errors: {},
    resolve: async (query, _root, { input }, ctx) => {
      const community = await upsertCommunity(tenantScope(ctx), {
        ...input,
        teamUserIds: input.team === undefined ? undefined : (input.team?.map((id) => id.id) ?? null),
      });
      return tenantScope(ctx).db.community.findUniqueOrThrow({ ...query, where: { id: community.id } });
    },
  }),
);

builder.mutationField('addProspect', (t) =>
  t.prismaField({
    type: 'Conversation',
    description: "Adds a candidate to a sourcing community as a prospect; returns the prospect's conversation there.",
    authScopes: { partnerBackend: true },
    args: {
      communityExternalId: t.arg.string({
        description: "The ATS's id of the community (upsertCommunity first).",
        required: true,
      }),
      candidateExternalId: t.arg.string({
        description: "The ATS's id of the candidate (upsertCandidate first).",
        required: true,
      }),
    },
    errors: {},
    resolve: async (query, _root, args, ctx) => {
      const conversation = await addProspect(tenantScope(ctx), args);
      return tenantScope(ctx).db.conversation.findUniqueOrThrow({ ...query, where: { id: conversation.id } });
    },
  }),
);
