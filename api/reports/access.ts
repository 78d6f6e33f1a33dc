import type { Actor } from '../auth/actor.ts';
import type { PrismaClient } from '../db/generated/prisma/client.ts';

/**
 * Who may read the tenant's reports: the partner backend (API key), admins, and
 * users given `canViewReports`. Reports cover the whole tenant, not only the
 * conversations a recruiter may read, hence a permission of their own. One
 * small read for a recruiter; none for the others.
 */
export async function mayViewReports(db: Pick<PrismaClient, 'user'>, actor: Actor): Promise<boolean> {
  if (actor.kind === 'apiKey') return true;
  if (actor.kind !== 'user') return false;
  if (actor.role === 'ADMIN') return true;
  const user = await db.user.findFirst({
    where: { id: actor.userId, tenantId: actor.tenantId },
    select: { canViewReports: true },
  });
  return user?.canViewReports === true;
}
