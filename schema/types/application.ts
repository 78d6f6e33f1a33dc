import { addProspect, upsertApplication, upsertCommunity, upsertJob } from '../../api/domain/ats-records.ts';
import { builder } from '../builder.ts';
import { tenantScope } from '../tenant-scope.ts';
import { User } from './user.ts';

export const Job = builder.prismaNode('Job', {
  id: { field: 'id' },
  nullable: true,
  fields: (t) => ({ externalId: t.exposeString('externalId'), title: t.exposeString('title') }),
});

export const Application = builder.prismaNode('Application', {
  id: { field: 'id' },
  nullable: true,
  fields: (t) => ({
    externalId: t.exposeString('externalId'),
    status: t.exposeString('status', { nullable: true }),
    candidate: t.relation('candidate'),
    job: t.relation('job'),
    conversation: t.prismaField({
      type: 'Conversation',
      nullable: true,
      description: "The application's conversation; null when the caller may not read it.",
      // Read through the caller's reader, not as a nested relation: a relation loaded with its parent would skip
      // the per-caller rules (number assignment narrows conversations, not applications).
      resolve: (query, application, _args, ctx) =>
        ctx.reader?.conversation.findFirst({ ...query, where: { applicationId: application.id } }) ?? null,
    }),
    hiringTeam: t.prismaField({
      type: ['User'],
      select: { hiringTeam: { select: { user: true } } },
      resolve: (_query, application) => application.hiringTeam.map((m) => m.user),
    }),
  }),
});

builder.prismaNode('Community', {
  id: { field: 'id' },
  nullable: true,
  fields: (t) => ({ externalId: t.exposeString('externalId'), name: t.exposeString('name') }),
});

const JobInput = builder.inputType('JobInput', {
  fields: (t) => ({ externalId: t.string({ required: true }), title: t.string({ required: true }) }),
});

const ConsentBoxesInput = builder.inputType('ApplicationConsentInput', {
  description:
    'What the candidate ticked on the application form: one box for all texting, or one per channel. Nothing ticked means opted out.',
  fields: (t) => ({
    texting: t.boolean({ required: false }),
    sms: t.boolean({ required: false }),
    whatsapp: t.boolean({ required: false }),
  }),
});

const ApplicationInput = builder.inputType('ApplicationInput', {
  fields: (t) => ({
    externalId: t.string({ required: true }),
    candidateExternalId: t.string({ required: true }),
    jobExternalId: t.string({ required: true }),
    status: t.string({
      required: false,
      description: "The ATS's status; null clears it. Omit it to keep the stored one.",
    }),
    hiringTeam: t.globalIDList({
      required: false,
      for: User,
      description: 'Replaces the hiring team; null or [] leaves the application without one. Omit it to keep the team.',
    }),
    consent: t.field({ type: ConsentBoxesInput, required: false }),
  }),
});

const CommunityInput = builder.inputType('CommunityInput', {
  fields: (t) => ({
    externalId: t.string({ required: true }),
    name: t.string({ required: true }),
    team: t.globalIDList({
      required: false,
      for: User,
      description: 'Replaces the sourcing team; null or [] leaves none. Omit it to keep the team.',
    }),
  }),
});

builder.mutationField('upsertJob', (t) =>
  t.prismaField({
    type: 'Job',
    authScopes: { partnerBackend: true },
    args: { input: t.arg({ type: JobInput, required: true }) },
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
    args: { input: t.arg({ type: ApplicationInput, required: true }) },
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
    type: 'Community',
    authScopes: { partnerBackend: true },
    args: { input: t.arg({ type: CommunityInput, required: true }) },
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
      communityExternalId: t.arg.string({ required: true }),
      candidateExternalId: t.arg.string({ required: true }),
    },
    errors: {},
    resolve: async (query, _root, args, ctx) => {
      const conversation = await addProspect(tenantScope(ctx), args);
      return tenantScope(ctx).db.conversation.findUniqueOrThrow({ ...query, where: { id: conversation.id } });
    },
  }),
);
