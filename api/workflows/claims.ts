import type { PrismaClient } from '../db/generated/prisma/client.ts';

/** A run step a worker holds for `leaseMs`: after that another may take it (its send is idempotent). */
export type ClaimedStep = {
  id: string;
  tenantId: string;
  runId: string;
  position: number;
  senderId: string;
  templateId: string;
  channel: 'SMS' | 'WHATSAPP';
};

/**
 * Claims due steps, oldest first, each only once the run's earlier steps are
 * handled, skipping rows another worker holds (`FOR UPDATE SKIP LOCKED`) and
 * leases still running. `runIds` narrows it to runs just started.
 */
export async function claimDueSteps(
  prisma: PrismaClient,
  options: { leaseMs: number; limit: number; runIds?: string[] },
): Promise<ClaimedStep[]> {
  const now = new Date();
  const leaseUntil = new Date(now.getTime() + options.leaseMs);
  const runIds = options.runIds ?? null;
  return prisma.$queryRaw<ClaimedStep[]>`
    UPDATE "WorkflowRunStep" s SET "leaseUntil" = ${leaseUntil}
    WHERE s.id IN (
      SELECT d.id FROM "WorkflowRunStep" d
      WHERE d.outcome = 'PENDING' AND d."dueAt" <= ${now} AND (d."leaseUntil" IS NULL OR d."leaseUntil" < ${now})
        AND (${runIds}::uuid[] IS NULL OR d."runId" = ANY(${runIds}::uuid[]))
        AND NOT EXISTS (SELECT 1 FROM "WorkflowRunStep" p
          WHERE p."runId" = d."runId" AND p.position < d.position AND p.outcome = 'PENDING')
      ORDER BY d."dueAt", d.id
      LIMIT ${options.limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING s.id::text, s."tenantId"::text, s."runId"::text, s.position, s."senderId"::text, s."templateId"::text,
      s.channel::text AS channel`;
}
