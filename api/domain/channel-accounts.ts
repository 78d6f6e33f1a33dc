import { z } from 'zod';
import type { ChannelRegistry } from '../channels/registry.ts';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import { ChannelUnavailableError, NotFoundError, SandboxNotAllowedError, ValidationError } from './errors.ts';
import type { TenantScope } from './scope.ts';
import type { SendChannel } from './send-channels.ts';
import { parseInput } from './validate.ts';
import { withEvents } from './with-events.ts';

type Registry = Pick<ChannelRegistry, 'plugins' | 'cipher'> & { production?: boolean };

const label = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');

/** A non-secret credential value as the API shows it: its ends only (`AC12…cdef`). */
export function mask(value: string) {
  return value.length <= 10 ? '…' : `${value.slice(0, 4)}…${value.slice(-4)}`;
}

/**
 * Validates credentials with the plugin's own schema: every bad field is listed
 * (`credentials.<field>`) and no value is echoed. Returns what is stored: the
 * ciphertext with its key id and the masked non-secret fields.
 */
function sealCredentials(channels: Registry, pluginId: string, credentials: unknown) {
  const plugin = channels.plugins.get(pluginId);
  if (!plugin) {
    throw ValidationError.of(
      'pluginId',
      `is not a loaded channel plugin (loaded: ${[...channels.plugins.keys()].join(', ')})`,
    );
  }
  const parsed = plugin.credentials.safeParse(credentials);
  if (!parsed.success) {
    throw new ValidationError(
      parsed.error.issues.map((issue) => ({
        field: ['credentials', ...issue.path.map(String)].join('.'),
        // zod's own messages for unknown keys name the keys, never the values.
        message: issue.message,
      })),
    );
  }
  const data = parsed.data as Record<string, string>;
  const secret = new Set<string>(plugin.secretKeys);
  const shown = Object.fromEntries(
    Object.entries(data)
      .filter(([key]) => !secret.has(key))
      .map(([key, value]) => [key, mask(String(value))]),
  );
  const { keyId, ciphertext } = channels.cipher.encrypt(data);
  return { plugin, keyId, credentials: ciphertext, shown };
}

/** The tenant an account belongs to (operator actions name only the account). */
export async function accountTenant(prisma: PrismaClient, accountId: string) {
  const account = await prisma.channelAccount.findUnique({ where: { id: accountId }, select: { tenantId: true } });
  if (!account) throw new NotFoundError('ChannelAccount', accountId);
  return account.tenantId;
}

/**
 * An operator action: a tenant's own account at a provider, its credentials
 * checked by the plugin and encrypted. In production an account of a simulated
 * plugin (the sandbox) needs `allowSandbox`.
 */
export async function createChannelAccount(
  scope: TenantScope,
  channels: Registry,
  input: { pluginId: string; label: string; credentials: unknown; allowSandbox?: boolean },
) {
  const name = parseInput(z.object({ label }), { label: input.label }).label;
  const sealed = sealCredentials(channels, input.pluginId, input.credentials);
  if (sealed.plugin.simulated && channels.production && !input.allowSandbox) {
    throw new SandboxNotAllowedError(sealed.plugin.id);
  }
  if (!(await scope.db.tenant.findUnique({ where: { id: scope.tenantId }, select: { id: true } }))) {
    throw new NotFoundError('Tenant', scope.tenantId);
  }
  return withEvents(
    scope,
    (tx) =>
      tx.channelAccount.create({
        data: {
          tenantId: scope.tenantId,
          pluginId: sealed.plugin.id,
          channel: sealed.plugin.channel,
          label: name,
          keyId: sealed.keyId,
          credentials: sealed.credentials,
          shown: sealed.shown,
        },
      }),
    (account) => [{ type: 'CHANNEL_ACCOUNT_CREATED', subjectId: account.id, payload: { pluginId: account.pluginId } }],
  );
}

async function changeAccount(
  scope: TenantScope,
  accountId: string,
  data: { keyId?: string; credentials?: string; shown?: Record<string, string>; status?: 'DISABLED' },
  change: string,
) {
  return withEvents(
    scope,
    async (tx) => {
      const updated = await tx.channelAccount.updateManyAndReturn({
        where: { id: accountId },
        data: { ...data, version: { increment: 1 } },
      });
      if (!updated[0]) throw new NotFoundError('ChannelAccount', accountId);
      return updated[0];
    },
    (account) => [{ type: 'CHANNEL_ACCOUNT_UPDATED', subjectId: account.id, payload: { change } }],
  );
}

/** New credentials for an account (e.g. a rotated auth token); its cached provider is rebuilt on next use. */
export async function updateChannelAccountCredentials(
  scope: TenantScope,
  channels: Registry,
  accountId: string,
  credentials: unknown,
) {
  const account = await scope.db.channelAccount.findUnique({ where: { id: accountId }, select: { pluginId: true } });
  if (!account) throw new NotFoundError('ChannelAccount', accountId);
  const sealed = sealCredentials(channels, account.pluginId, credentials);
  return changeAccount(
    scope,
    accountId,
    { keyId: sealed.keyId, credentials: sealed.credentials, shown: sealed.shown },
    'credentials',
  );
}

/** Stops sending through an account; its numbers' messages fail with PROVIDER_UNAVAILABLE, its webhooks still land. */
export function disableChannelAccount(scope: TenantScope, accountId: string) {
  return changeAccount(scope, accountId, { status: 'DISABLED' }, 'disabled');
}

/** An operator action: whether the tenant may send on `channel` through the platform's own account. */
export async function allowPlatformAccount(
  scope: TenantScope,
  channels: ChannelRegistry,
  channel: SendChannel,
  allowed: boolean,
) {
  // Allowing what nothing can send would make the tenant's settings say yes and do otherwise.
  if (allowed && !channels.platformServes(channel)) throw new ChannelUnavailableError(channel);
  return withEvents(
    scope,
    async (tx) => {
      const tenant = await tx.tenant.findUnique({ where: { id: scope.tenantId }, select: { platformChannels: true } });
      if (!tenant) throw new NotFoundError('Tenant', scope.tenantId);
      const others = tenant.platformChannels.filter((c) => c !== channel);
      return tx.tenant.update({
        where: { id: scope.tenantId },
        data: { platformChannels: allowed ? [...others, channel] : others },
      });
    },
    (tenant) => [{ type: 'TENANT_UPDATED', subjectId: tenant.id }],
  );
}
