import { refuseCredentialEscape } from '../../api/auth/trusted-documents-guard.ts';
import type { ApiKey as ApiKeyRow } from '../../api/db/generated/prisma/client.ts';
import { createApiKey, revokeApiKey } from '../../api/domain/api-keys.ts';
import { builder } from '../builder.ts';
import { tenantScope } from '../tenant-scope.ts';

export const ApiKey = builder.prismaNode('ApiKey', {
  id: { field: 'id' },
  nullable: true, // node(id) of a row outside your tenant is null, not an error
  description: 'A tenant API key for a partner backend. Its secret is shown once, when it is created.',
  authScopes: { tenantAdmin: true },
  fields: (t) => ({
    name: t.exposeString('name', {
      description: 'The label given at creation, to tell keys apart (e.g. the system that uses it).',
    }),
    prefix: t.exposeString('prefix', { description: 'The first characters of the key, to tell keys apart.' }),
    active: t.boolean({
      description: 'Not revoked: requests with it are accepted.',
      resolve: (key) => key.revokedAt === null,
    }),
    createdAt: t.expose('createdAt', { description: 'When the key was created.', type: 'DateTime' }),
    lastUsedAt: t.expose('lastUsedAt', {
      description: 'When a request last authenticated with it; null if never used.',
      type: 'DateTime',
      nullable: true,
    }),
    revokedAt: t.expose('revokedAt', {
      description: 'When it was revoked; null while active.',
      type: 'DateTime',
      nullable: true,
    }),
  }),
});

const CreatedApiKey = builder.objectRef<{ apiKey: ApiKeyRow; secret: string }>('CreatedApiKey').implement({
  description: 'A new API key. The secret is shown only here, once: store it now.',
  fields: (t) => ({
    apiKey: t.field({
      description: "The key's record (name, prefix); its secret is the `secret` field beside it.",
      type: ApiKey,
      resolve: (created) => created.apiKey,
    }),
    secret: t.exposeString('secret', { description: 'The key itself. Store it now: Parley keeps only its hash.' }),
  }),
});

builder.mutationField('createApiKey', (t) =>
  t.field({
    description:
      "Creates an API key for your tenant's backend (admins). Its secret is returned once; only its hash is kept.",
    type: CreatedApiKey,
    authScopes: { tenantAdmin: true },
    args: {
      name: t.arg.string({
        description: 'A label to tell keys apart, e.g. the system that will use it.',
        required: true,
      }),
    },
    errors: {},
    resolve: (_root, { name }, ctx) => {
      refuseCredentialEscape(ctx.actor, 'an API key');
      return createApiKey(tenantScope(ctx), name);
    },
  }),
);

builder.mutationField('revokeApiKey', (t) =>
  t.prismaField({
    type: 'ApiKey',
    description: 'Revokes a key at once; requests with it are refused from then on.',
    authScopes: { tenantAdmin: true },
    args: { id: t.arg.globalID({ description: 'The API key to revoke.', required: true, for: ApiKey }) },
    errors: {},
    resolve: async (query, _root, { id }, ctx) => {
      await revokeApiKey(tenantScope(ctx), id.id);
      return tenantScope(ctx).db.apiKey.findUniqueOrThrow({ ...query, where: { id: id.id } });
    },
  }),
);
