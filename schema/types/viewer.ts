import type { Actor } from '../../api/auth/actor.ts';
import { builder } from '../builder.ts';

const ActorKind = builder.enumType('ActorKind', {
  description: 'Which kind of credential a request is authenticated with.',
  values: {
    OPERATOR: { value: 'operator', description: 'The platform operator (OPERATOR_KEY).' },
    API_KEY: { value: 'apiKey', description: 'A tenant’s API key: the partner backend.' },
    USER: { value: 'user', description: 'A user token: one recruiter or admin of a tenant.' },
    ANONYMOUS: { value: 'anonymous', description: 'No credential was sent.' },
  } as const,
});

export const Viewer = builder.objectRef<Actor>('Viewer').implement({
  description: 'Who the request is authenticated as.',
  fields: (t) => ({
    kind: t.field({ description: 'The kind of credential.', type: ActorKind, resolve: (actor) => actor.kind }),
    user: t.prismaField({
      description: 'You, with a user token; null otherwise.',
      type: 'User',
      nullable: true,
      resolve: (query, actor, _args, ctx) =>
        actor.kind === 'user' && ctx.scope
          ? ctx.scope.db.user.findUnique({ ...query, where: { id: actor.userId } })
          : null,
    }),
    tenant: t.prismaField({
      description: 'Your tenant; null for the operator and anonymous requests.',
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
