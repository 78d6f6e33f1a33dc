import { z } from 'zod';
import type { CredentialCipher } from '../channels/credential-crypto.ts';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.ts';
import type { TenantScope, TenantTx } from '../domain/scope.ts';
import { parseInput } from '../domain/validate.ts';
import { withEvents } from '../domain/with-events.ts';
import type { TenantEventType } from '../events/tenant-events.ts';
import { validateEndpointUrl } from './endpoint-url.ts';
import { sealSecret } from './secret-box.ts';
import type { WebhookServices } from './services.ts';
import { generateSigningSecret } from './signing.ts';

export type EndpointDeps = Pick<WebhookServices, 'targets' | 'wake' | 'maxEndpointsPerTenant'> & {
  cipher: CredentialCipher;
};

/** The longest a rotated-out secret may keep signing. */
export const MAX_OVERLAP_HOURS = 7 * 24;

const description = z.string().trim().max(500, 'must be at most 500 characters');

/** null: every event type; a list must name at least one. */
function eventTypesOf(types: TenantEventType[] | null | undefined): string[] {
  if (types == null) return [];
  if (!types.length) {
    throw ValidationError.of('eventTypes', 'must name at least one event type; leave it out to receive every type');
  }
  return [...new Set(types)];
}

/** The tenant's newest log position: a new (or re-enabled) endpoint receives what happens from now on. */
async function logHead(tx: TenantTx, tenantId: string): Promise<bigint> {
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { lastEventPosition: true } });
  return tenant.lastEventPosition;
}

async function existing(scope: TenantScope, id: string) {
  const endpoint = await scope.db.webhookEndpoint.findUnique({ where: { id } });
  if (!endpoint) throw new NotFoundError('Webhook endpoint', id);
  return endpoint;
}

/** Refuses a tenant's endpoint past its limit: each one is a share of the senders' time. */
async function checkEndpointLimit(tx: TenantTx, tenantId: string, max: number) {
  // Creations of one tenant queue on its row (their events take that lock anyway), so two cannot both pass the count.
  await tx.$queryRaw`SELECT 1 FROM "Tenant" WHERE id = ${tenantId}::uuid FOR UPDATE`;
  const count = await tx.webhookEndpoint.count({ where: { tenantId } });
  if (count >= max) {
    throw new ConflictError(
      'url',
      `your tenant already has ${count} webhook endpoints, the most allowed (${max}): delete one you no longer use, or send several event types to one endpoint`,
    );
  }
}

/** Registers an endpoint (at most `maxEndpointsPerTenant`); its signing secret is returned here once and never again. */
export async function createWebhookEndpoint(
  scope: TenantScope,
  deps: EndpointDeps,
  input: { url: string; eventTypes?: TenantEventType[] | null; description?: string | null },
) {
  const text = parseInput(description, input.description ?? '');
  const eventTypes = eventTypesOf(input.eventTypes);
  const url = await validateEndpointUrl(input.url, deps.targets);
  const secret = generateSigningSecret();
  const endpoint = await withEvents(
    scope,
    async (tx) => {
      await checkEndpointLimit(tx, scope.tenantId, deps.maxEndpointsPerTenant);
      return tx.webhookEndpoint.create({
        data: {
          tenantId: scope.tenantId,
          url,
          description: text,
          eventTypes,
          secret: sealSecret(deps.cipher, secret),
          cursor: await logHead(tx, scope.tenantId),
        },
      });
    },
    (e) => [{ type: 'WEBHOOK_ENDPOINT_CREATED', subjectId: e.id, payload: { enabled: true } }],
  );
  deps.wake();
  return { endpoint, secret };
}

/** Changes what is given; enabling a disabled endpoint starts from now (replay what it missed with replayWebhookEvents). */
export async function updateWebhookEndpoint(
  scope: TenantScope,
  deps: EndpointDeps,
  id: string,
  input: {
    url?: string | null;
    eventTypes?: TenantEventType[] | null;
    description?: string | null;
    enabled?: boolean | null;
  },
) {
  const before = await existing(scope, id);
  const data: Record<string, unknown> = {};
  if (input.description != null) data.description = parseInput(description, input.description);
  if (input.eventTypes !== undefined) data.eventTypes = eventTypesOf(input.eventTypes);
  if (input.url != null) data.url = await validateEndpointUrl(input.url, deps.targets);
  if (input.enabled != null) data.enabled = input.enabled;
  return withEvents(
    scope,
    async (tx) => {
      if (input.enabled && !before.enabled) data.cursor = await logHead(tx, scope.tenantId);
      return tx.webhookEndpoint.update({ where: { id }, data });
    },
    (e) => [{ type: 'WEBHOOK_ENDPOINT_UPDATED', subjectId: e.id, payload: { enabled: e.enabled } }],
  );
}

/** Deletes the endpoint with its deliveries and their attempts; nothing more is sent to it. */
export async function deleteWebhookEndpoint(scope: TenantScope, id: string) {
  await existing(scope, id);
  await withEvents(
    scope,
    (tx) => tx.webhookEndpoint.delete({ where: { id } }),
    () => [{ type: 'WEBHOOK_ENDPOINT_DELETED', subjectId: id }],
  );
  return id;
}

/**
 * A new signing secret, returned once. The one it replaces keeps signing
 * beside it for `overlapHours` (0 to a week), so receivers can switch without
 * dropping a delivery; a secret rotated out earlier stops at once.
 */
export async function rotateWebhookSecret(scope: TenantScope, deps: EndpointDeps, id: string, overlapHours = 24) {
  if (!Number.isFinite(overlapHours) || overlapHours < 0 || overlapHours > MAX_OVERLAP_HOURS) {
    throw ValidationError.of('overlapHours', `must be between 0 and ${MAX_OVERLAP_HOURS} (a week)`);
  }
  const before = await existing(scope, id);
  const secret = generateSigningSecret();
  const endpoint = await withEvents(
    scope,
    (tx) =>
      tx.webhookEndpoint.update({
        where: { id },
        data: {
          secret: sealSecret(deps.cipher, secret),
          previousSecret: overlapHours > 0 ? before.secret : null,
          previousSecretExpiresAt: overlapHours > 0 ? new Date(Date.now() + overlapHours * 3_600_000) : null,
        },
      }),
    (e) => [{ type: 'WEBHOOK_ENDPOINT_UPDATED', subjectId: e.id, payload: { secretRotated: true } }],
  );
  return { endpoint, secret };
}
