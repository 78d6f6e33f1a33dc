import { getDatamodel } from './generated/pothos-types.ts';
import type { PrismaClient } from './generated/prisma/client.ts';

/** Models whose rows belong to a tenant (they carry `tenantId`), read from the Prisma datamodel. */
export const tenantOwnedModels = new Set(
  Object.entries(getDatamodel().datamodel.models)
    .filter(([, model]) => model.fields.some((field) => field.name === 'tenantId'))
    .map(([name]) => name),
);

/** Prisma operations that read rows by a filter. */
export const readOperations = new Set([
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'count',
  'aggregate',
  'groupBy',
]);

const withWhere = new Set([
  ...readOperations,
  'update',
  'updateMany',
  'updateManyAndReturn',
  'delete',
  'deleteMany',
  'upsert',
]);

type Where = { AND?: object | object[] } & Record<string, unknown>;
type Args = { where?: Where; data?: object | object[]; create?: object };

/**
 * The caller's filter AND the tenant's. ANDed rather than overwritten, so a
 * filter naming another tenant matches nothing; unique lookups accept it too.
 */
export function narrowed(where: Where | undefined, scope: object): Where {
  const and = where?.AND === undefined ? [] : Array.isArray(where.AND) ? where.AND : [where.AND];
  return { ...where, AND: [...and, scope] };
}

function extendForTenant(prisma: PrismaClient, tenantId: string) {
  return prisma.$extends({
    name: 'tenant-scope',
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          const a = (args ?? {}) as Args;
          if (model === 'Tenant') {
            if (!withWhere.has(operation) || operation === 'upsert' || operation.startsWith('delete')) {
              throw new Error(`Tenant.${operation} is not available to a tenant-scoped client`);
            }
            return query({ ...a, where: narrowed(a.where, { id: tenantId }) } as typeof args);
          }
          if (!tenantOwnedModels.has(model)) return query(args);
          const scoped: Args = { ...a };
          if (withWhere.has(operation)) scoped.where = narrowed(a.where, { tenantId });

          if (operation.startsWith('create')) {
            scoped.data = Array.isArray(a.data) ? a.data.map((row) => ({ ...row, tenantId })) : { ...a.data, tenantId };
          }
          if (operation === 'upsert') scoped.create = { ...a.create, tenantId };
          return query(scoped as typeof args);
        },
      },
    },
  });
}

export type TenantDb = ReturnType<typeof extendForTenant>;

const MAX_CACHED_TENANTS = 10_000;
const cache = new WeakMap<PrismaClient, Map<string, TenantDb>>();

/**
 * A Prisma client that can only see and write one tenant's rows: every query on
 * a tenant-owned model gets `tenantId` in its filter and in the rows it creates,
 * and the Tenant model is narrowed to this tenant. Raw SQL is not scoped: put
 * the tenant in it yourself. Clients are reused per tenant (Prisma caches query
 * plans per client).
 */
export function scopeToTenant(prisma: PrismaClient, tenantId: string): TenantDb {
  let byTenant = cache.get(prisma);
  if (!byTenant) {
    byTenant = new Map();
    cache.set(prisma, byTenant);
  }

  let db = byTenant.get(tenantId);
  if (!db) {
    if (byTenant.size >= MAX_CACHED_TENANTS) byTenant.delete(byTenant.keys().next().value as string);
    db = extendForTenant(prisma, tenantId);
    byTenant.set(tenantId, db);
  }
  return db;
}
