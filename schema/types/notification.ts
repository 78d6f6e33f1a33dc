import { ValidationError } from '../../api/domain/errors.ts';
import { markNotificationsRead } from '../../api/domain/notifications.ts';
import { builder } from '../builder.ts';
import { tenantScope } from '../tenant-scope.ts';
import { Viewer } from './viewer.ts';

export const Notification = builder.prismaNode('Notification', {
  id: { field: 'id' },
  nullable: true,
  description:
    'Something you should know, e.g. a sending number of yours reaching 90 % (ALLOWANCE_WARNING) or 100 % (ALLOWANCE_REACHED) of its monthly allowance.',
  fields: (t) => ({
    kind: t.exposeString('kind'),
    text: t.exposeString('text'),
    payload: t.field({ type: 'JSONObject', resolve: (n) => n.payload as Record<string, unknown> }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    readAt: t.expose('readAt', { type: 'DateTime', nullable: true }),
  }),
});

builder.objectField(Viewer, 'notifications', (t) =>
  t.prismaConnection({
    type: 'Notification',
    cursor: 'id',
    description: 'Your notifications, newest first (users only; empty for API keys).',
    args: { unreadOnly: t.arg.boolean({ defaultValue: false }) },
    resolve: (query, actor, { unreadOnly }, ctx) =>
      actor.kind === 'user' && ctx.scope
        ? ctx.scope.db.notification.findMany({
            ...query,
            where: { userId: actor.userId, ...(unreadOnly ? { readAt: null } : {}) },
            orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          })
        : [],
  }),
);

builder.mutationField('markNotificationsRead', (t) =>
  t.int({
    description: 'Marks your notifications read (those named, or all); returns how many changed.',
    authScopes: { tenantMember: true },
    args: { ids: t.arg.globalIDList({ required: false, for: Notification }) },
    errors: { types: [ValidationError], directResult: false },
    resolve: (_root, { ids }, ctx) =>
      ctx.actor.kind === 'user'
        ? markNotificationsRead(tenantScope(ctx), ctx.actor.userId, ids ? ids.map((i) => i.id) : null)
        : 0,
  }),
);
