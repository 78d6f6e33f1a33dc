import type { PrismaClient } from '../db/generated/prisma/client.ts';

export type DeliveryClaim = {
  id: string;
  tenantId: string;
  endpointId: string;
  eventId: string;
  body: string;
  /** This attempt's number (1 for the first). */
  attempts: number;
  retryUntil: Date;
};

export type ClaimLimits = {
  limit: number;
  perEndpoint: number;
  /** Deliveries in flight for one tenant, all its endpoints together. */
  perTenant: number;
  leaseMs: number;
};

/**
 * Claims due deliveries: pending ones whose time came, and ones whose lease ran
 * out (their sender died mid-send: at least once means they go again). Each
 * endpoint is claimed by one claimer at a time (its row FOR UPDATE SKIP LOCKED,
 * then counted in a second statement that sees every committed claim), so no
 * endpoint ever has more than `perEndpoint` deliveries in flight across all
 * copies. A tenant has at most `perTenant` in flight (per copy: two copies
 * claiming at the same instant may each reach it), and the claim serves the
 * least busy tenants first and rotates between a tenant's endpoints, so hung
 * endpoints hold only their tenant's share and other tenants' events go at once.
 */
export function claimDeliveries(prisma: PrismaClient, options: ClaimLimits): Promise<DeliveryClaim[]> {
  return prisma.$transaction(async (tx) => {
    const endpoints = await tx.$queryRaw<{ id: string }[]>`
      WITH tenant_busy AS (
        SELECT "tenantId", count(*) AS n FROM "WebhookDelivery"
        WHERE state = 'SENDING' AND "leaseUntil" >= now()
        GROUP BY "tenantId"),
      due AS (
        SELECT "endpointId", min("nextAttemptAt") AS oldest FROM "WebhookDelivery"
        WHERE (state = 'PENDING' AND "nextAttemptAt" <= now()) OR (state = 'SENDING' AND "leaseUntil" < now())
        GROUP BY "endpointId")
      SELECT e.id FROM "WebhookEndpoint" e
      JOIN due ON due."endpointId" = e.id
      LEFT JOIN tenant_busy ON tenant_busy."tenantId" = e."tenantId"
      WHERE e.enabled AND coalesce(tenant_busy.n, 0) < ${options.perTenant}
      ORDER BY coalesce(tenant_busy.n, 0), due.oldest, e.id
      LIMIT 200
      FOR UPDATE OF e SKIP LOCKED`;
    if (!endpoints.length) return [];
    const ids = endpoints.map((e) => e.id);
    // Within a tenant, deliveries are ranked round-robin over its endpoints (each endpoint's 1st, then each 2nd, ...);
    // across tenants, the lowest load after the claim goes first, so every tenant with work gets a slot in turn.
    return tx.$queryRaw<DeliveryClaim[]>`
      WITH busy AS (
        SELECT "endpointId", count(*) AS n FROM "WebhookDelivery"
        WHERE "endpointId" = ANY(${ids}::uuid[]) AND state = 'SENDING' AND "leaseUntil" >= now()
        GROUP BY "endpointId"),
      tenant_busy AS (
        SELECT "tenantId", count(*) AS n FROM "WebhookDelivery"
        WHERE state = 'SENDING' AND "leaseUntil" >= now()
          AND "tenantId" IN (SELECT "tenantId" FROM "WebhookEndpoint" WHERE id = ANY(${ids}::uuid[]))
        GROUP BY "tenantId"),
      due AS (
        SELECT id, "tenantId", "endpointId", "nextAttemptAt",
          row_number() OVER (PARTITION BY "endpointId" ORDER BY "nextAttemptAt", id) AS n
        FROM "WebhookDelivery"
        WHERE "endpointId" = ANY(${ids}::uuid[])
          AND ((state = 'PENDING' AND "nextAttemptAt" <= now()) OR (state = 'SENDING' AND "leaseUntil" < now()))),
      allowed AS (
        SELECT due.id, due."tenantId", due."nextAttemptAt",
          row_number() OVER (PARTITION BY due."tenantId" ORDER BY due.n, due."nextAttemptAt", due.id) AS turn
        FROM due LEFT JOIN busy ON busy."endpointId" = due."endpointId"
        WHERE due.n + coalesce(busy.n, 0) <= ${options.perEndpoint}),
      picked AS (
        SELECT allowed.id FROM allowed LEFT JOIN tenant_busy ON tenant_busy."tenantId" = allowed."tenantId"
        WHERE allowed.turn + coalesce(tenant_busy.n, 0) <= ${options.perTenant}
        ORDER BY allowed.turn + coalesce(tenant_busy.n, 0), allowed."nextAttemptAt", allowed.id
        LIMIT ${options.limit})
      UPDATE "WebhookDelivery" d
      SET state = 'SENDING', attempts = d.attempts + 1,
        "leaseUntil" = now() + make_interval(secs => ${options.leaseMs / 1000})
      FROM picked WHERE d.id = picked.id
      RETURNING d.id, d."tenantId", d."endpointId", d."eventId", d.body, d.attempts, d."retryUntil"`;
  });
}
