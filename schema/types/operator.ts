import type { Tenant as TenantRow } from '../../api/db/generated/prisma/client.ts';
import { ChannelUnavailableError } from '../../api/domain/errors.ts';
import { createTenant } from '../../api/domain/tenants.ts';
import { builder } from '../builder.ts';
import { ChannelEnum, Tenant } from './tenant.ts';

const CreateTenantInput = builder.inputType('CreateTenantInput', {
  description: 'A new tenant (a company using Parley): operator only.',
  fields: (t) => ({
    name: t.string({ description: "The company's name, shown to its users.", required: true }),
    enabledChannels: t.field({
      description: 'The channels its users may message on; default SMS.',
      type: [ChannelEnum],
      required: false,
    }),
  }),
});

const CreatedTenant = builder.objectRef<{ tenant: TenantRow; apiKeySecret: string }>('CreatedTenant').implement({
  description: 'A new tenant and its first API key, whose secret is shown only here.',
  fields: (t) => ({
    tenant: t.field({ description: 'The tenant created.', type: Tenant, resolve: (created) => created.tenant }),
    apiKeySecret: t.exposeString('apiKeySecret', {
      description: "The tenant's first API key. Give it to the partner backend now: it is never shown again.",
    }),
  }),
});

builder.mutationField('createTenant', (t) =>
  t.field({
    type: CreatedTenant,
    description: 'Platform operator only: creates a tenant and its first API key.',
    authScopes: { operator: true },
    args: { input: t.arg({ description: 'The tenant to create.', type: CreateTenantInput, required: true }) },
    errors: { types: [ChannelUnavailableError] },
    resolve: (_root, { input }, ctx) =>
      createTenant(
        ctx.services.prisma,
        ctx.services.channels,
        { name: input.name, enabledChannels: input.enabledChannels ?? undefined },
        ctx.services.tenantDefaults,
      ),
  }),
);

builder.queryField('tenants', (t) =>
  t.prismaConnection({
    type: 'Tenant',
    cursor: 'id',
    description: 'Platform operator only: every tenant.',
    authScopes: { operator: true },
    resolve: (query, _root, _args, ctx) => ctx.services.prisma.tenant.findMany({ ...query, orderBy: { id: 'asc' } }),
  }),
);
