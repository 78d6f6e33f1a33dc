import type { Workflow } from '../db/generated/prisma/client.ts';
import { ValidationError } from '../domain/errors.ts';
import type { TenantTx } from '../domain/scope.ts';

/** Workflows one tenant may keep, active or paused. */
export const MAX_WORKFLOWS_PER_TENANT = 50;
/** Active workflows one reported event may start for one application. */
export const MAX_WORKFLOWS_PER_EVENT = 5;

type TriggerFields = Pick<Workflow, 'id' | 'trigger' | 'toStatus' | 'fromStatus' | 'callToAction'>;

const norm = (s: string | null) => (s ?? '').trim().toLowerCase();

/**
 * The most active workflows (this one included) one event could start
 * together with `w`, by trigger alone: a status change to `w`'s status
 * starts those without a `fromStatus` and those with the event's; criteria
 * (jobs, title) are not counted, so the bound holds for every application.
 */
export function coStarting(w: TriggerFields, active: TriggerFields[]): number {
  const others = active.filter((o) => o.id !== w.id && o.trigger === w.trigger);
  if (w.trigger === 'CALL_TO_ACTION_COMPLETED') {
    return 1 + others.filter((o) => norm(o.callToAction) === norm(w.callToAction)).length;
  }
  const sameTo = others.filter((o) => norm(o.toStatus) === norm(w.toStatus));
  const anyFrom = sameTo.filter((o) => o.fromStatus === null).length;
  const byFrom = new Map<string, number>();
  for (const o of sameTo) {
    if (o.fromStatus !== null) byFrom.set(norm(o.fromStatus), (byFrom.get(norm(o.fromStatus)) ?? 0) + 1);
  }
  const withFrom = w.fromStatus === null ? Math.max(0, ...byFrom.values()) : (byFrom.get(norm(w.fromStatus)) ?? 0);
  return 1 + anyFrom + withFrom;
}

/** Serialises the tenant's workflow changes and template deletes, so two at once cannot both pass a cap or a reference check. */
export async function lockTenantWorkflows(tx: TenantTx, tenantId: string) {
  await tx.$queryRaw`SELECT 1 FROM "Tenant" WHERE id = ${tenantId}::uuid FOR UPDATE`;
}

/** Refuses a new workflow past the tenant's cap. */
export async function checkTenantCap(tx: TenantTx) {
  if ((await tx.workflow.count()) >= MAX_WORKFLOWS_PER_TENANT) {
    throw ValidationError.of(
      'input',
      `a tenant may keep at most ${MAX_WORKFLOWS_PER_TENANT} workflows: delete one you no longer use first`,
    );
  }
}

/** Refuses an active workflow that one event could start together with more than MAX_WORKFLOWS_PER_EVENT - 1 others. */
export async function checkEventCap(tx: TenantTx, w: TriggerFields, field: string) {
  const active = await tx.workflow.findMany({
    where: { pausedAt: null, trigger: w.trigger },
    select: { id: true, trigger: true, toStatus: true, fromStatus: true, callToAction: true },
  });
  if (coStarting(w, active) <= MAX_WORKFLOWS_PER_EVENT) return;
  const what =
    w.trigger === 'CALL_TO_ACTION_COMPLETED'
      ? `call-to-action "${w.callToAction}"`
      : `status change to "${w.toStatus}"${w.fromStatus ? ` from "${w.fromStatus}"` : ''}`;
  throw ValidationError.of(
    field,
    `one ${what} would start more than ${MAX_WORKFLOWS_PER_EVENT} active workflows: pause or delete one, or merge their steps into one workflow`,
  );
}
