import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import { IdempotencyKeyReusedError, NotFoundError } from '../domain/errors.ts';
import { parseInput } from '../domain/validate.ts';

const topUpInput = z.object({
  credits: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(10_000_000, 'must be at most 10,000,000'),
  note: z.string().trim().max(500, 'must be at most 500 characters').nullish(),
  idempotencyKey: z
    .string()
    .trim()
    .min(8, 'must be at least 8 characters')
    .max(200, 'must be at most 200 characters')
    .nullish(),
});

export type TopUpInput = z.input<typeof topUpInput>;

type Row = { tenant: boolean; entryId: string | null };

/**
 * The operator adds credits to a tenant: the TOPUP ledger entry, the balance
 * row (created on the first top-up) and CREDITS_TOPPED_UP, in one statement.
 * With an idempotency key the same top-up is applied once however often it is
 * sent; the same key for another amount or note is refused.
 */
export async function topUpCredits(prisma: PrismaClient, tenantId: string, input: TopUpInput): Promise<void> {
  const data = parseInput(topUpInput, input);
  const [note, key] = [data.note || null, data.idempotencyKey ?? null];
  const [row] = await prisma.$queryRaw<Row[]>`
    WITH t AS (SELECT id FROM "Tenant" WHERE id = ${tenantId}::uuid),
    e AS (
      INSERT INTO "CreditEntry" (id, "tenantId", kind, amount, actor, note, "idempotencyKey")
      SELECT ${uuidv7()}::uuid, t.id, 'TOPUP', ${data.credits}, 'operator', ${note}, ${key} FROM t
      ON CONFLICT DO NOTHING
      RETURNING id, "tenantId", amount),
    b AS (
      INSERT INTO "CreditBalance" ("tenantId", available, "updatedAt")
      SELECT "tenantId", amount, now() FROM e
      ON CONFLICT ("tenantId") DO UPDATE SET available = "CreditBalance".available + EXCLUDED.available, "updatedAt" = now()
      RETURNING "tenantId", available),
    ev AS (
      INSERT INTO "Event" (id, "tenantId", type, "subjectId", payload)
      SELECT ${uuidv7()}::uuid, b."tenantId", 'CREDITS_TOPPED_UP', b."tenantId",
        jsonb_build_object('credits', ${data.credits}::int, 'available', b.available) FROM b)
    SELECT EXISTS (SELECT 1 FROM t) AS tenant, (SELECT id FROM e) AS "entryId"`;
  if (!row?.tenant) throw new NotFoundError('Tenant', tenantId);
  if (row.entryId || !key) return;
  // The key was used before: the same top-up again is a replay, anything else a reused key.
  const first = await prisma.creditEntry.findUnique({
    where: { tenantId_idempotencyKey: { tenantId, idempotencyKey: key } },
    select: { amount: true, note: true },
  });
  if (!first || first.amount !== data.credits || first.note !== note) throw new IdempotencyKeyReusedError();
}
