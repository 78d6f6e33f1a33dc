import { MessageNotScheduledError, NotFoundError } from '../../api/domain/errors.ts';
import { cancelScheduledMessage } from '../../api/messaging/scheduling/cancel-scheduled.ts';
import { builder } from '../builder.ts';
import { tenantActor, tenantScope } from '../tenant-scope.ts';
import { ErrorInterface } from './errors.ts';
import { Message, MessageStatusEnum } from './message.ts';

builder.objectType(MessageNotScheduledError, {
  name: 'MessageNotScheduledError',
  interfaces: [ErrorInterface],
  description: 'Only a SCHEDULED message can be cancelled; this one is being sent, went out, failed or was cancelled.',
  fields: (t) => ({
    status: t.field({
      description: "The message's status now (e.g. QUEUED, CANCELLED).",
      type: MessageStatusEnum,
      resolve: (e) => e.status as typeof MessageStatusEnum.$inferType,
    }),
  }),
});

builder.prismaObjectField('Conversation', 'scheduledMessages', (t) =>
  t.relation('messages', {
    description: 'Messages waiting for their send time (SCHEDULED), the soonest first.',
    query: { where: { status: 'SCHEDULED' }, orderBy: [{ outbox: { nextAttemptAt: 'asc' } }, { id: 'asc' }] },
  }),
);

builder.queryField('scheduledMessages', (t) =>
  t.prismaConnection({
    type: 'Message',
    cursor: 'id',
    description:
      'Every scheduled message you may read (for a recruiter: in their conversations), the soonest first; each can be cancelled until it goes.',
    authScopes: { tenantMember: true },
    resolve: (query, _root, _args, ctx) =>
      (ctx.reader ?? tenantScope(ctx).db).message.findMany({
        ...query,
        where: { status: 'SCHEDULED' },
        orderBy: [{ outbox: { nextAttemptAt: 'asc' } }, { id: 'asc' }],
      }),
  }),
);

builder.mutationField('cancelScheduledMessage', (t) =>
  t.prismaField({
    type: 'Message',
    description:
      'Cancels a SCHEDULED message before it goes out: it becomes CANCELLED and is never sent. A message already sent (or being sent) is MessageNotScheduledError.',
    authScopes: { tenantMember: true },
    args: { id: t.arg.globalID({ description: 'The scheduled message to cancel.', required: true, for: Message }) },
    errors: { types: [MessageNotScheduledError, NotFoundError] },
    resolve: async (query, _root, { id }, ctx) => {
      // Only a message the caller may read can be cancelled (a recruiter: in their conversations).
      const readable = await ctx.reader?.message.findUnique({ where: { id: id.id }, select: { id: true } });
      if (!readable) throw new NotFoundError('Message', id.id);
      const actor = tenantActor(ctx);
      await cancelScheduledMessage(
        tenantScope(ctx),
        id.id,
        actor.kind === 'user' ? `user ${actor.userId}` : 'the partner backend',
      );
      return tenantScope(ctx).db.message.findUniqueOrThrow({ ...query, where: { id: id.id } });
    },
  }),
);
