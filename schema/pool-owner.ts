import type { RequestContext } from '../api/context.ts';
import { NotAuthorizedError, ValidationError } from '../api/domain/errors.ts';
import type { PoolManager } from '../api/domain/sending-numbers.ts';

/**
 * Whose number pool a call manages: the tenant the operator names, or the
 * caller's own tenant (a tenant admin, who may not name another).
 */
export function poolOwner(ctx: RequestContext, tenantId: string | undefined): PoolManager & { tenantId: string } {
  if (ctx.actor.kind === 'operator') {
    if (!tenantId) throw ValidationError.of('tenantId', 'the platform operator names the tenant');
    return { tenantId, byOperator: true };
  }
  const own = ctx.scope?.tenantId;
  if (!own || (tenantId && tenantId !== own)) throw new NotAuthorizedError("Only your own company's numbers.");
  return { tenantId: own, byOperator: false };
}
