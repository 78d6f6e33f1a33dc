import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { unauthenticated } from '../api/auth/unauthenticated.ts';
import type { RequestContext } from '../api/context.ts';
import type PrismaTypes from '../api/db/generated/pothos-types.ts';
import { getDatamodel } from '../api/db/generated/pothos-types.ts';
import type { PrismaClient } from '../api/db/generated/prisma/client.ts';
import { scopeToOperator } from '../api/db/viewer-scope.ts';
import { NotAuthorizedError, NotFoundError, ValidationError } from '../api/domain/errors.ts';
import { pageSizes } from '../api/http/page-sizes.ts';
import { decodeParleyGlobalID } from './global-ids.ts';
import InputGuardPlugin from './input-guard-plugin.ts';
import { relayDescriptions } from './relay-descriptions.ts';

export const builder = new SchemaBuilder<{
  Context: RequestContext;
  PrismaTypes: PrismaTypes;
  AuthScopes: {
    operator: boolean;
    tenantMember: boolean;
    tenantAdmin: boolean;
    partnerBackend: boolean;
  };
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    JSONObject: { Input: Record<string, unknown>; Output: Record<string, unknown> };
  };
  DefaultFieldNullability: false;
}>({
  defaultFieldNullability: false,
  // Errors first, so an authorization refusal on a field with a result union comes back as NotAuthorizedError.
  // The input guard next, so the errors plugin returns its ValidationErrors in result unions.
  plugins: [ErrorsPlugin, InputGuardPlugin, ScopeAuthPlugin, PrismaPlugin, RelayPlugin],
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: ({ actor }) => ({
      operator: actor.kind === 'operator',
      tenantMember: actor.kind === 'apiKey' || actor.kind === 'user',
      tenantAdmin: actor.kind === 'apiKey' || (actor.kind === 'user' && actor.role === 'ADMIN'),
      partnerBackend: actor.kind === 'apiKey',
    }),
    unauthorizedError: (_parent, context) =>
      context.actor.kind === 'anonymous'
        ? unauthenticated()
        : new NotAuthorizedError('Your credentials do not allow this. Ask a tenant admin, or use the tenant API key.'),
  },
  errors: {
    defaultTypes: [NotAuthorizedError, ValidationError, NotFoundError],
    directResult: true,
    unsafelyHandleInputErrors: true,
    defaultUnionOptions: {
      description:
        'The outcome of the field: its result type on success, or one of the error types (each implements `Error`, with `code` and `message`) saying why it was refused. Nothing is changed when an error is returned; select `__typename` to tell them apart.',
    },
    defaultResultOptions: {
      description: 'Success of a field whose result is not an object: the value is in `data`.',
    },
  },
  prisma: {
    // The tenant-scoped client when the caller belongs to a tenant, so every
    // query Pothos plans on its own (relations, node lookups) stays in that tenant.
    client: (ctx) => {
      if (ctx.reader) return ctx.reader as unknown as PrismaClient;
      if (ctx.actor.kind === 'operator') return scopeToOperator(ctx.services.prisma);
      throw unauthenticated();
    },
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    // Page sizes: `first`/`last` above the maximum return the maximum (a literal huge page is refused by cost first).
    defaultConnectionSize: pageSizes.default,
    maxConnectionSize: pageSizes.max,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : process.env.NODE_ENV === 'test' ? 'error' : 'warn',
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    decodeGlobalID: decodeParleyGlobalID,
    ...relayDescriptions,
  },
});
