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

/**
 * Claims due deliveries: pending ones whose time came, and ones whose lease ran
 * out (their sender died mid-send: at least once means they go again). Each
 * endpoint is claimed by one claimer at a time (its row FOR UPDATE SKIP LOCKED,
 * then counted in a second statement that sees every committed claim), so no
 * endpoint ever has more than `perEndpoint` deliveries in flight across all
 * copies, and one that does not answer holds only its own slots.
 */
export function claimDeliveries(
  prisma: PrismaClient,
  options: { limit: number; perEndpoint: number; leaseMs: number },
): Promise<DeliveryClaim[]> {
  return prisma.$transaction(async (tx) => {
    const endpoints = await tx.$queryRaw<{ id: string }[]>`
      SELECT e.id FROM "WebhookEndpoint" e
      WHERE e.enabled AND e.id IN (
        SELECT DISTINCT "endpointId" FROM "WebhookDelivery"
        WHERE (state = 'PENDING' AND "nextAttemptAt" <= now()) OR (state = 'SENDING' AND "leaseUntil" < now()))
      LIMIT 200
      FOR UPDATE OF e SKIP LOCKED`;
    if (!endpoints.length) return [];
    const ids = endpoints.map((e) => e.id);
    return tx.$queryRaw<DeliveryClaim[]>`
      WITH busy AS (
        SELECT "endpointId", count(*) AS n FROM "WebhookDelivery"
        WHERE "endpointId" = ANY(${ids}::uuid[]) AND state = 'SENDING' AND "leaseUntil" >= now()
        GROUP BY "endpointId"),
      due AS (
        SELECT id, "endpointId", "nextAttemptAt",
          row_number() OVER (PARTITION BY "endpointId" ORDER BY "nextAttemptAt", id) AS n
        FROM "WebhookDelivery"
        WHERE "endpointId" = ANY(${ids}::uuid[])
          AND ((state = 'PENDING' AND "nextAttemptAt" <= now()) OR (state = 'SENDING' AND "leaseUntil" < now()))),
      picked AS (
        SELECT due.id FROM due LEFT JOIN busy ON busy."endpointId" = due."endpointId"
        WHERE due.n + coalesce(busy.n, 0) <= ${options.perEndpoint}
        ORDER BY due."nextAttemptAt", due.id LIMIT ${options.limit})
      UPDATE "WebhookDelivery" d
      SET state = 'SENDING', attempts = d.attempts + 1,
        "leaseUntil" = now() + make_interval(secs => ${options.leaseMs / 1000})
      FROM picked WHERE d.id = picked.id
      RETURNING d.id, d."tenantId", d."endpointId", d."eventId", d.body, d.attempts, d."retryUntil"`;
  });
}
