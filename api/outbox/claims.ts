import type { PrismaClient } from '../db/generated/prisma/client.ts';

export type Claim = {
  id: string;
  messageId: string;
  tenantId: string;
  attempts: number;
  claimedAt: Date;
  /** Why the previous attempt did not settle (for the failure reason when attempts run out). */
  lastError: string | null;
};

/**
 * Claims due rows for this worker: marks them SENDING (committed before any
 * provider call) with a lease. Rows other workers hold are skipped, not waited for.
 */
export function claimDue(prisma: PrismaClient, limit: number, leaseMs: number): Promise<Claim[]> {
  return prisma.$queryRaw<Claim[]>`
    UPDATE "OutboxEntry" SET state = 'SENDING', attempts = attempts + 1, "claimedAt" = now(),
      "leaseUntil" = now() + make_interval(secs => ${leaseMs / 1000})
    WHERE id IN (
      SELECT id FROM "OutboxEntry" WHERE state = 'PENDING' AND "nextAttemptAt" <= now()
      ORDER BY "nextAttemptAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id, "messageId", "tenantId", attempts, "claimedAt", "lastError"`;
}

/**
 * Claims SENDING rows whose lease ran out: their worker died or hung mid-send,
 * so whether the provider has the message is unknown until it is looked up.
 */
export function claimExpired(prisma: PrismaClient, limit: number, leaseMs: number): Promise<Claim[]> {
  return prisma.$queryRaw<Claim[]>`
    UPDATE "OutboxEntry" SET "leaseUntil" = now() + make_interval(secs => ${leaseMs / 1000})
    WHERE id IN (
      SELECT id FROM "OutboxEntry" WHERE state = 'SENDING' AND "leaseUntil" < now()
      ORDER BY "leaseUntil" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id, "messageId", "tenantId", attempts, "claimedAt", "lastError"`;
}

/**
 * A fresh attempt on a row this worker holds, after reconciliation found nothing.
 * `claimedAt` stays where the first unclear attempt began, so the next
 * reconciliation also covers an earlier attempt the provider listed late.
 */
export function restartAttempt(prisma: PrismaClient, claim: Claim, leaseMs: number) {
  return prisma.$queryRaw<Claim[]>`
    UPDATE "OutboxEntry" SET attempts = attempts + 1,
      "leaseUntil" = now() + make_interval(secs => ${leaseMs / 1000})
    WHERE id = ${claim.id}::uuid AND state = 'SENDING'
    RETURNING id, "messageId", "tenantId", attempts, "claimedAt", "lastError"`;
}
