import { v7 as uuidv7 } from 'uuid';
import type { Prisma } from '../db/generated/prisma/client.ts';
import { appendEvents } from '../events/append.ts';

type Tx = Prisma.TransactionClient;

/**
 * Marks an endpoint FAILING, once: only the transition from HEALTHY writes,
 * so however many deliveries run out of retries, its admins get one
 * notification (WEBHOOK_ENDPOINT_FAILING, unless they turned the kind off)
 * with a NOTIFICATION_CREATED event each, beside WEBHOOK_ENDPOINT_FAILING,
 * in the caller's transaction. Returns whether it changed the endpoint.
 */
export async function markFailing(tx: Tx, endpointId: string, reason: string): Promise<boolean> {
  const [endpoint] = await tx.$queryRaw<{ id: string; tenantId: string; url: string }[]>`
    UPDATE "WebhookEndpoint" SET status = 'FAILING', "failingSince" = now(), "updatedAt" = now()
    WHERE id = ${endpointId}::uuid AND status = 'HEALTHY'
    RETURNING id, "tenantId", url`;
  if (!endpoint) return false;
  const host = new URL(endpoint.url).host;
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT u.id FROM "User" u
    WHERE u."tenantId" = ${endpoint.tenantId}::uuid AND u.role = 'ADMIN' AND u."deactivatedAt" IS NULL
      AND NOT EXISTS (
        SELECT 1 FROM "NotificationPreference" p
        WHERE p."userId" = u.id AND p.kind = 'WEBHOOK_ENDPOINT_FAILING' AND NOT p.enabled)`;
  const notes = admins.map((a) => ({ id: uuidv7(), userId: a.id }));
  if (notes.length) {
    const text = `Webhooks to ${host} are failing: a delivery went unanswered (${reason}) for the whole retry window. Check the endpoint, then replay what it missed.`;
    await tx.$executeRaw`
      INSERT INTO "Notification" (id, "tenantId", "userId", kind, text, payload)
      SELECT r.id, ${endpoint.tenantId}::uuid, r."userId", 'WEBHOOK_ENDPOINT_FAILING'::"NotificationKind", ${text},
        jsonb_build_object('endpointId', ${endpoint.id}::text)
      FROM jsonb_to_recordset(${JSON.stringify(notes)}::jsonb) AS r(id uuid, "userId" uuid)`;
  }
  await appendEvents(tx, endpoint.tenantId, [
    { type: 'WEBHOOK_ENDPOINT_FAILING', subjectId: endpoint.id },
    ...notes.map((n) => ({
      type: 'NOTIFICATION_CREATED' as const,
      subjectId: n.id,
      payload: { userId: n.userId, kind: 'WEBHOOK_ENDPOINT_FAILING' },
    })),
  ]);
  return true;
}

/** A success on a FAILING endpoint makes it HEALTHY again (WEBHOOK_ENDPOINT_RECOVERED). */
export async function markRecovered(tx: Tx, endpointId: string): Promise<boolean> {
  const [endpoint] = await tx.$queryRaw<{ id: string; tenantId: string }[]>`
    UPDATE "WebhookEndpoint" SET status = 'HEALTHY', "failingSince" = NULL, "updatedAt" = now()
    WHERE id = ${endpointId}::uuid AND status = 'FAILING'
    RETURNING id, "tenantId"`;
  if (!endpoint) return false;
  await appendEvents(tx, endpoint.tenantId, [{ type: 'WEBHOOK_ENDPOINT_RECOVERED', subjectId: endpoint.id }]);
  return true;
}
