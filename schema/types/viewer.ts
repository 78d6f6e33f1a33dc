import type { Actor } from '../../api/auth/actor.ts';
import { builder } from '../builder.ts';

const ActorKind = builder.enumType('ActorKind', {
  values: {
    OPERATOR: { value: 'operator' },
    API_KEY: { value: 'apiKey' },
    USER: { value: 'user' },
    ANONYMOUS: { value: 'anonymous' },
  } as const,
});

export const Viewer = builder.objectRef<Actor>('Viewer').implement({
  description: 'Who the request is authenticated as.',
  fields: (t) => ({
    kind: t.field({ type: ActorKind, resolve: (actor) => actor.kind }),
    user: t.prismaField({
      type: 'User',
      nullable: true,
      resolve: (query, actor, _args, ctx) =>
        actor.kind === 'user' && ctx.scope
          ? ctx.scope.db.user.findUnique({ ...query, where: { id: actor.userId } })
          : null,
    }),
    tenant: t.prismaField({
      type: 'Tenant',
      nullable: true,
      resolve: (query, _actor, _args, ctx) =>
        ctx.scope ? ctx.scope.db.tenant.findUnique({ ...query, where: { id: ctx.scope.tenantId } }) : null,
    }),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({
    type: Viewer,
    description: 'Who you are authenticated as; open to anyone.',
    resolve: (_root, _args, ctx) => ctx.actor,
  }),
);
