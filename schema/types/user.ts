import { ConflictError, SeatLimitReachedError } from '../../api/domain/errors.ts';
import { assignSeat, reassignSeat, unassignSeat } from '../../api/domain/seats.ts';
import { createUser, updateUser } from '../../api/domain/users.ts';
import { builder } from '../builder.ts';
import { withoutNulls } from '../inputs.ts';
import { tenantScope } from '../tenant-scope.ts';

export const RoleEnum = builder.enumType('Role', { values: ['ADMIN', 'RECRUITER'] as const });

export const User = builder.prismaNode('User', {
  id: { field: 'id' },
  nullable: true, // node(id) of a row outside your tenant is null, not an error
  fields: (t) => ({
    externalId: t.exposeString('externalId', { nullable: true }),
    name: t.exposeString('name'),
    email: t.exposeString('email'),
    role: t.expose('role', { type: RoleEnum }),
    canSend: t.exposeBoolean('canSend', { description: 'The send permission, required when the tenant requires it.' }),
    canViewCredits: t.exposeBoolean('canViewCredits', {
      description: "May read the tenant's credit balance and ledger (admins always may).",
    }),
    canViewReports: t.exposeBoolean('canViewReports', {
      description:
        "May read the tenant's reports (every message of the tenant, number usage, credits, consent changes), not only their own conversations' (admins always may).",
    }),
    active: t.boolean({ resolve: (user) => user.deactivatedAt === null }),
    deactivatedAt: t.expose('deactivatedAt', { type: 'DateTime', nullable: true }),
    seat: t.relation('seat', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.queryField('user', (t) =>
  t.prismaField({
    type: 'User',
    nullable: true,
    authScopes: { tenantMember: true },
    args: { id: t.arg.globalID({ required: true, for: User }) },
    resolve: (query, _root, { id }, ctx) => tenantScope(ctx).db.user.findUnique({ ...query, where: { id: id.id } }),
  }),
);

const CreateUserInput = builder.inputType('CreateUserInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    email: t.string({ required: true }),
    role: t.field({ type: RoleEnum, required: false }),
    externalId: t.string({ required: false, description: "The partner ATS's id for this user." }),
    canSend: t.boolean({ required: false }),
    canViewCredits: t.boolean({ required: false, description: "May read the tenant's credit balance and ledger." }),
    canViewReports: t.boolean({
      required: false,
      description: "May read the tenant's reports: every message of the tenant, not only their own conversations'.",
    }),
  }),
});

const UpdateUserInput = builder.inputType('UpdateUserInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: User }),
    name: t.string({ required: false }),
    email: t.string({ required: false }),
    role: t.field({ type: RoleEnum, required: false }),
    externalId: t.string({ required: false }),
    canSend: t.boolean({ required: false }),
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
    type: 'User',
    authScopes: { tenantAdmin: true },
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    errors: { types: [ConflictError] },
    resolve: async (query, _root, { input }, ctx) => {
      const user = await createUser(tenantScope(ctx), { ...withoutNulls(input), name: input.name, email: input.email });
      return reload(ctx, query, user.id);
    },
  }),
);

builder.mutationField('updateUser', (t) =>
  t.prismaField({
    type: 'User',
    authScopes: { tenantAdmin: true },
    args: { input: t.arg({ type: UpdateUserInput, required: true }) },
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
    args: { userId: t.arg.globalID({ required: true, for: User }) },
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
    args: { userId: t.arg.globalID({ required: true, for: User }) },
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
      fromUserId: t.arg.globalID({ required: true, for: User }),
      toUserId: t.arg.globalID({ required: true, for: User }),
    },
    errors: { types: [ConflictError] },
    resolve: async (query, _root, { fromUserId, toUserId }, ctx) => {
      const seat = await reassignSeat(tenantScope(ctx), fromUserId.id, toUserId.id);
      return tenantScope(ctx).db.seat.findUniqueOrThrow({ ...query, where: { id: seat.id } });
    },
  }),
);
