import type { Actor } from '../auth/actor.ts';
import type { TenantScope } from '../domain/scope.ts';

/**
 * Who may read the tenant's credit balance and ledger: the partner backend
 * (API key), admins, and users given `canViewCredits`. One small read for a
 * recruiter; none for the others.
 */
export async function mayViewCredits(scope: TenantScope | null, actor: Actor): Promise<boolean> {
  if (actor.kind === 'apiKey') return true;
  if (actor.kind !== 'user' || !scope) return false;
  if (actor.role === 'ADMIN') return true;
  const user = await scope.db.user.findUnique({ where: { id: actor.userId }, select: { canViewCredits: true } });
  return user?.canViewCredits === true;
}
