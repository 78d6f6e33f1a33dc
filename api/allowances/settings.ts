import { z } from 'zod';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import { NotFoundError } from '../domain/errors.ts';
import { parseInput } from '../domain/validate.ts';
import { appendEvents } from '../events/append.ts';

const allowanceInput = z.object({
  monthlyAllowance: z
    .number()
    .int('must be a whole number')
    .min(0, 'must be at least 0 (null: unlimited)')
    .max(10_000_000, 'must be at most 10,000,000')
    .nullable(),
});

/**
 * An operator action, like a top-up: the number's monthly allowance of sent and
 * received messages (null: unlimited). It applies at once to this month's usage.
 * Logged as TENANT_UPDATED on the number's tenant.
 */
export async function setNumberAllowance(prisma: PrismaClient, numberId: string, monthlyAllowance: number | null) {
  const data = parseInput(allowanceInput, { monthlyAllowance });
  return prisma.$transaction(async (tx) => {
    const found = await tx.sendingNumber.findUnique({ where: { id: numberId } });
    if (!found) throw new NotFoundError('SendingNumber', numberId);
    const number = await tx.sendingNumber.update({ where: { id: numberId }, data });
    await appendEvents(tx, number.tenantId, [
      {
        type: 'TENANT_UPDATED',
        subjectId: number.tenantId,
        payload: { sendingNumberId: number.id, monthlyAllowance: number.monthlyAllowance },
      },
    ]);
    return number;
  });
}
