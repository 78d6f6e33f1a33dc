import { ConflictError, SeatLimitReachedError } from '../../api/domain/errors.ts';
import { assignSeat, reassignSeat, unassignSeat } from '../../api/domain/seats.ts';
import { createUser, updateUser } from '../../api/domain/users.ts';
import { builder } from '../builder.ts';
import { describedValues } from '../described-values.ts';
import { withoutNulls } from '../inputs.ts';
import { tenantScope } from '../tenant-scope.ts';

export const RoleEnum = builder.enumType('Role', {
  description: 'What a user may do in the tenant.',
  values: describedValues(['ADMIN', 'RECRUITER'], {
    ADMIN: 'Manages the tenant: users, seats, settings, numbers, templates; reads every conversation and report.',
    RECRUITER:
      'Works conversations on the hiring teams they belong to; more only with the canSend/canView* permissions.',
  }),
});

export const User = builder.prismaNode('User', {
  description:
    'A recruiter or admin of a tenant. Acts with a user token; reads the conversations of their hiring teams.',
  id: { field: 'id' },
  nullable: true, // node(id) of a row outside your tenant is null, not an error
  fields: (t) => ({
    externalId: t.exposeString('externalId', {
      description: "The partner ATS's id for this user; null if none.",
      nullable: true,
    }),
    name: t.exposeString('name', { description: 'Their full name.' }),
    email: t.exposeString('email', { description: 'Their email address, unique in the tenant.' }),
    role: t.expose('role', { description: 'What they may do in the tenant.', type: RoleEnum }),
    canSend: t.exposeBoolean('canSend', { description: 'The send permission, required when the tenant requires it.' }),
    canViewCredits: t.exposeBoolean('canViewCredits', {
      description: "May read the tenant's credit balance and ledger (admins always may).",
    }),
    canViewReports: t.exposeBoolean('canViewReports', {
      description:
        "May read the tenant's reports (every message of the tenant, number usage, credits, consent changes), not only their own conversations' (admins always may).",
    }),
    active: t.boolean({
      description: 'Not deactivated: may sign in with a token and hold a seat.',
      resolve: (user) => user.deactivatedAt === null,
    }),
    deactivatedAt: t.expose('deactivatedAt', {
      description: 'When the user was deactivated; null while active.',
      type: 'DateTime',
      nullable: true,
    }),
    seat: t.relation('seat', { description: 'Their seat; null without one.', nullable: true }),
    createdAt: t.expose('createdAt', { description: 'When the user was added.', type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { description: 'When the user last changed.', type: 'DateTime' }),
  }),
});

builder.queryField('user', (t) =>
  t.prismaField({
    description: 'A user of your tenant by id; null if there is none.',
    type: 'User',
    nullable: true,
    authScopes: { tenantMember: true },
    args: { id: t.arg.globalID({ description: "The user's global id.", required: true, for: User }) },
    resolve: (query, _root, { id }, ctx) => tenantScope(ctx).db.user.findUnique({ ...query, where: { id: id.id } }),
  }),
);

const CreateUserInput = builder.inputType('CreateUserInput', {
  description: 'A new user (recruiter or admin) of your tenant.',
  fields: (t) => ({
    name: t.string({ description: 'Their full name, shown in conversations.', required: true }),
    email: t.string({ description: 'Their email address, unique in the tenant.', required: true }),
    role: t.field({ description: 'RECRUITER (default) or ADMIN.', type: RoleEnum, required: false }),
    externalId: t.string({ required: false, description: "The partner ATS's id for this user." }),
    canSend: t.boolean({
      description: 'May send messages when the tenant requires the send permission (default false).',
      required: false,
    }),
    canViewCredits: t.boolean({ required: false, description: "May read the tenant's credit balance and ledger." }),
    canViewReports: t.boolean({
      required: false,
      description: "May read the tenant's reports: every message of the tenant, not only their own conversations'.",
    }),
  }),
});

const UpdateUserInput = builder.inputType('UpdateUserInput', {
  description: 'Changes to a user; a field left out keeps its value.',
  fields: (t) => ({
    id: t.globalID({ description: 'The user to change.', required: true, for: User }),
    name: t.string({ description: 'Their new full name; omitted: unchanged.', required: false }),
    email: t.string({ description: 'A new email address, unique in the tenant.', required: false }),
    role: t.field({
      description: 'Their new role (ADMIN or RECRUITER); omitted: unchanged.',
      type: RoleEnum,
      required: false,
    }),
    externalId: t.string({ description: "The partner ATS's id for this user; null clears it.", required: false }),
    canSend: t.boolean({ description: 'May send when the tenant requires the send permission.', required: false }),
    canViewCredits: t.boolean({ required: false, description: "May read the tenant's credit balance and ledger." }),
    canViewReports: t.boolean({
      required: false,
      description: "May read the tenant's reports: every message of the tenant, not only their own conversations'.",
    }),
    deactivated: t.boolean({ required: false, description: 'Deactivating a user also frees their seat.' }),
  }),
});

const reload = (ctx: Parameters<typeof tenantScope>[0], query: object, id: string) =>
  tenantScope(ctx).db.user.findUniqueOrThrow({ ...query, where: { id } });

builder.mutationField('createUser', (t) =>
  t.prismaField({
    description:
      'Adds a user to your tenant (admins and the partner backend). Their email must be unique in the tenant.',
    type: 'User',
    authScopes: { tenantAdmin: true },
    args: { input: t.arg({ description: 'The user to add.', type: CreateUserInput, required: true }) },
    errors: { types: [ConflictError] },
    resolve: async (query, _root, { input }, ctx) => {
      const user = await createUser(tenantScope(ctx), { ...withoutNulls(input), name: input.name, email: input.email });
      return reload(ctx, query, user.id);
    },
  }),
);

builder.mutationField('updateUser', (t) =>
  t.prismaField({
    description: 'Changes a user (admins and the partner backend); deactivating frees their seat.',
    type: 'User',
    authScopes: { tenantAdmin: true },
    args: { input: t.arg({ description: 'The user and the changes.', type: UpdateUserInput, required: true }) },
    errors: { types: [ConflictError] },
    resolve: async (query, _root, { input }, ctx) => {
      const { id, ...changes } = input;
      const user = await updateUser(tenantScope(ctx), { id: id.id, ...withoutNulls(changes) });
      return reload(ctx, query, user.id);
    },
  }),
);

builder.mutationField('assignSeat', (t) =>
  t.prismaField({
    type: 'User',
    description: 'Gives the user a free seat (a user who holds one keeps it).',
    authScopes: { tenantAdmin: true },
    args: {
      userId: t.arg.globalID({
        description: 'The user to give a seat (an active user of your tenant).',
        required: true,
        for: User,
      }),
    },
    errors: { types: [SeatLimitReachedError] },
    resolve: async (query, _root, { userId }, ctx) => {
      await assignSeat(tenantScope(ctx), userId.id);
      return reload(ctx, query, userId.id);
    },
  }),
);

builder.mutationField('unassignSeat', (t) =>
  t.prismaField({
    type: 'User',
    description: "Frees the user's seat, if they hold one.",
    authScopes: { tenantAdmin: true },
    args: { userId: t.arg.globalID({ description: 'The user whose seat is freed.', required: true, for: User }) },
    errors: {},
    resolve: async (query, _root, { userId }, ctx) => {
      await unassignSeat(tenantScope(ctx), userId.id);
      return reload(ctx, query, userId.id);
    },
  }),
);

builder.mutationField('reassignSeat', (t) =>
  t.prismaField({
    type: 'Seat',
    description: 'Moves a seat from one user to another in one step.',
    authScopes: { tenantAdmin: true },
    args: {
      fromUserId: t.arg.globalID({ description: 'The user who gives up their seat.', required: true, for: User }),
      toUserId: t.arg.globalID({
        description: 'The user who receives it (without a seat now).',
        required: true,
        for: User,
      }),
    },
    errors: { types: [ConflictError] },
    resolve: async (query, _root, { fromUserId, toUserId }, ctx) => {
      const seat = await reassignSeat(tenantScope(ctx), fromUserId.id, toUserId.id);
      return tenantScope(ctx).db.seat.findUniqueOrThrow({ ...query, where: { id: seat.id } });
    },
  }),
);
