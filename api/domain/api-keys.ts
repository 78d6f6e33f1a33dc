import { z } from 'zod';
import { generateApiKey } from '../auth/api-key-secret.ts';
import { NotFoundError } from './errors.ts';
import type { TenantScope } from './scope.ts';
import { parseInput } from './validate.ts';
import { withEvents } from './with-events.ts';

const keyName = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');

/** Creates an API key; its secret is returned here once and never again. */
export async function createApiKey(scope: TenantScope, name: string) {
  const parsed = parseInput(z.object({ name: keyName }), { name });
  const { secret, prefix, hash } = generateApiKey();
  const apiKey = await withEvents(
    scope,
    (tx) => tx.apiKey.create({ data: { tenantId: scope.tenantId, name: parsed.name, prefix, hash } }),
    (key) => [{ type: 'API_KEY_CREATED', subjectId: key.id }],
  );
  return { apiKey, secret };
}

/** Revokes a key at once for every copy of the service; revoking a revoked key changes nothing. */
export async function revokeApiKey(scope: TenantScope, id: string) {
  const key = await scope.db.apiKey.findUnique({ where: { id } });
  if (!key) throw new NotFoundError('API key', id);
  if (key.revokedAt) return key;
  const revoked = await withEvents(
    scope,
    (tx) => tx.apiKey.update({ where: { id }, data: { revokedAt: new Date() } }),
    () => [{ type: 'API_KEY_REVOKED', subjectId: id }],
  );
  await scope.events.credentialsChanged('apiKey', id);

  return revoked;
}
