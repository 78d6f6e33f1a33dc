import { z } from 'zod';
import type { TenantScope } from '../domain/scope.ts';
import { parseInput } from '../domain/validate.ts';
import { withEvents } from '../domain/with-events.ts';

const thresholdInput = z.object({
  lowCreditThreshold: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1 (null turns the alert off)')
    .max(10_000_000, 'must be at most 10,000,000')
    .nullable(),
});

/**
 * Sets (or, with null, clears) the tenant's low-credit threshold: a reservation
 * that takes the available credits from at or above it to below it raises
 * CREDITS_LOW. Logged as TENANT_UPDATED.
 */
export async function setLowCreditThreshold(scope: TenantScope, input: { lowCreditThreshold: number | null }) {
  const { lowCreditThreshold } = parseInput(thresholdInput, input);
  return withEvents(
    scope,
    (tx) => tx.tenant.update({ where: { id: scope.tenantId }, data: { lowCreditThreshold } }),
    (tenant) => [
      { type: 'TENANT_UPDATED', subjectId: tenant.id, payload: { lowCreditThreshold: tenant.lowCreditThreshold } },
    ],
  );
}
