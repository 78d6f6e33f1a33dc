import { ConflictError, NotFoundError, NumberAssignmentLimitReachedError, ValidationError } from './errors.ts';
import type { TenantScope, TenantTx } from './scope.ts';
import { withEvents } from './with-events.ts';

/**
 * Assigns a user to a sending number (the number-assignment access model: only
 * assignees read and send on its conversations). At most the tenant's
 * maxUsersPerNumber per number, exactly, however many assign at once: the
 * number's row is locked while its assignees are counted, and the tenant's row
 * is shared so a concurrent lowering of the limit waits. Assigning an assignee
 * again changes nothing.
 */
export async function assignNumber(scope: TenantScope, numberId: string, userId: string) {
  return withEvents(
    scope,
    async (tx) => {
      const [tenant] = await tx.$queryRaw<{ limit: number }[]>`
        SELECT "maxUsersPerNumber" AS limit FROM "Tenant" WHERE id = ${scope.tenantId}::uuid FOR SHARE`;
      const [number] = await tx.$queryRaw<{ id: string; e164: string }[]>`
        SELECT id, e164 FROM "SendingNumber" WHERE id = ${numberId}::uuid AND "tenantId" = ${scope.tenantId}::uuid FOR UPDATE`;
      if (!tenant || !number) throw new NotFoundError('SendingNumber', numberId);
      const user = await tx.user.findFirst({ where: { id: userId } });
      if (!user) throw new NotFoundError('User', userId);
      if (user.deactivatedAt)
        throw ValidationError.of('userId', 'belongs to a deactivated user; reactivate them first');
      const assignees = await tx.numberAssignment.findMany({ where: { sendingNumberId: numberId } });
      if (assignees.some((a) => a.userId === userId)) return { numberId, userId, changed: false };
      if (assignees.length >= tenant.limit) {
        throw new NumberAssignmentLimitReachedError(number.e164, tenant.limit, assignees.length);
      }
      await tx.numberAssignment.create({ data: { tenantId: scope.tenantId, sendingNumberId: numberId, userId } });
      return { numberId, userId, changed: true };
    },
    (r) => (r.changed ? [{ type: 'NUMBER_ASSIGNED', subjectId: numberId, payload: { userId } }] : []),
  );
}

/** Takes the user off the number (nothing happens when they were not on it). */
export async function unassignNumber(scope: TenantScope, numberId: string, userId: string) {
  const number = await scope.db.sendingNumber.findFirst({ where: { id: numberId } });
  if (!number) throw new NotFoundError('SendingNumber', numberId);
  return withEvents(
    scope,
    async (tx) => {
      const { count } = await tx.numberAssignment.deleteMany({ where: { sendingNumberId: numberId, userId } });
      return { numberId, userId, changed: count > 0 };
    },
    (r) => (r.changed ? [{ type: 'NUMBER_UNASSIGNED', subjectId: numberId, payload: { userId } }] : []),
  );
}

/** Refuses (rolling the settings change back) a maxUsersPerNumber below what a number already has assigned. */
export async function requireLimitFits(tx: TenantTx, tenantId: string, limit: number) {
  const [busiest] = await tx.$queryRaw<{ e164: string; n: number }[]>`
    SELECT sn.e164, count(*)::int AS n FROM "NumberAssignment" na JOIN "SendingNumber" sn ON sn.id = na."sendingNumberId"
    WHERE na."tenantId" = ${tenantId}::uuid GROUP BY sn.e164 ORDER BY n DESC LIMIT 1`;
  if (busiest && busiest.n > limit) {
    throw new ConflictError(
      'maxUsersPerNumber',
      `${busiest.e164} has ${busiest.n} assigned users, more than ${limit}: unassign users from it first.`,
    );
  }
}
