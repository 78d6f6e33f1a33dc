import { NotFoundError, NumberAssignmentLimitReachedError, ValidationError } from '../../api/domain/errors.ts';
import { assignNumber, unassignNumber } from '../../api/domain/number-assignments.ts';
import { builder } from '../builder.ts';
import { tenantScope } from '../tenant-scope.ts';
import { SendingNumber } from './sending-number.ts';
import { User } from './user.ts';

builder.prismaObjectField('SendingNumber', 'assignedUsers', (t) =>
  t.prismaField({
    type: ['User'],
    description:
      'Users assigned to the number (number assignment: only they read and send on its conversations), at most the tenant’s maxUsersPerNumber.',
    select: { id: true },
    resolve: (query, number, _args, ctx) =>
      ctx.scope
        ? ctx.scope.db.user.findMany({
            ...query,
            where: { numberAssignments: { some: { sendingNumberId: number.id } } },
            orderBy: { id: 'asc' },
          })
        : [],
  }),
);

builder.mutationField('assignNumber', (t) =>
  t.prismaField({
    type: 'SendingNumber',
    description:
      'Admins: assigns a user to a sending number, at most the tenant’s maxUsersPerNumber users per number (NumberAssignmentLimitReachedError past it). Assigning an assignee again changes nothing.',
    authScopes: { tenantAdmin: true },
    args: {
      numberId: t.arg.globalID({ description: 'The sending number to assign.', required: true, for: SendingNumber }),
      userId: t.arg.globalID({ description: 'The user who will send from it.', required: true, for: User }),
    },
    errors: { types: [NumberAssignmentLimitReachedError, NotFoundError, ValidationError] },
    resolve: async (query, _root, { numberId, userId }, ctx) => {
      await assignNumber(tenantScope(ctx), numberId.id, userId.id);
      return tenantScope(ctx).db.sendingNumber.findUniqueOrThrow({ ...query, where: { id: numberId.id } });
    },
  }),
);

builder.mutationField('unassignNumber', (t) =>
  t.prismaField({
    type: 'SendingNumber',
    description: 'Admins: takes a user off a sending number.',
    authScopes: { tenantAdmin: true },
    args: {
      numberId: t.arg.globalID({ description: 'The sending number.', required: true, for: SendingNumber }),
      userId: t.arg.globalID({ description: 'The user who will no longer send from it.', required: true, for: User }),
    },
    errors: { types: [NotFoundError] },
    resolve: async (query, _root, { numberId, userId }, ctx) => {
      await unassignNumber(tenantScope(ctx), numberId.id, userId.id);
      return tenantScope(ctx).db.sendingNumber.findUniqueOrThrow({ ...query, where: { id: numberId.id } });
    },
  }),
);
