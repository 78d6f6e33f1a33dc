import { isSupportedCountry } from 'libphonenumber-js/max';
import { z } from 'zod';
import { canonicalTimeZone, isTimeZone } from '../allowances/month.ts';
import { generateApiKey } from '../auth/api-key-secret.ts';
import type { ChannelRegistry } from '../channels/registry.ts';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import { newTenantQuietHours, quietHoursSettings, withQuietHours } from '../messaging/send-policy/quiet-settings.ts';
import { reengagementSettings } from '../messaging/send-policy/reengagement.ts';
import { ChannelUnavailableError } from './errors.ts';
import { requireLimitFits } from './number-assignments.ts';
import type { TenantScope } from './scope.ts';
import type { SendChannel } from './send-channels.ts';
import { parseInput } from './validate.ts';
import { withEvents } from './with-events.ts';

const tenantName = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const channels = z.array(z.enum(['SMS', 'WHATSAPP'])).min(1, 'must enable at least one channel');

const createTenantInput = z.object({ name: tenantName, enabledChannels: channels.optional() });

const settingsInput = z.object({
  name: tenantName.optional(),
  enabledChannels: channels.optional(),
  requireSeat: z.boolean().optional(),
  requireSendPermission: z.boolean().optional(),
  requireNumberAssignment: z.boolean().optional(),
  requireTrustedDocuments: z.boolean().optional(),
  consentModel: z.enum(['DOUBLE_OPT_IN', 'APPLICATION_OPT_IN', 'LEGITIMATE_INTEREST']).optional(),
  maxUsersPerNumber: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(100, 'must be at most 100')
    .optional(),
  defaultCountry: z
    .string()
    .transform((c) => c.toUpperCase())
    .refine((c) => isSupportedCountry(c), 'must be a two-letter ISO country code whose numbers Parley knows, e.g. US')
    .optional(),
  helpText: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(320, 'must fit in two SMS segments (320 characters)')
    .optional(),
  inviteText: z
    .string()
    .trim()
    .max(320, 'must fit in two SMS segments (320 characters)')
    .refine((t) => /\bYES\b/i.test(t), 'must ask the candidate to reply YES')
    .optional(),
  ...reengagementSettings,
  ...quietHoursSettings,
  timeZone: z
    .string()
    .trim()
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/Stockholm or America/New_York')
    .transform(canonicalTimeZone)
    .optional(),
});

export type CreateTenantInput = z.input<typeof createTenantInput>;
export type TenantSettingsInput = z.input<typeof settingsInput>;

/** Every enabled channel must have an account that can send on it: the tenant's own, or the platform's when allowed. */
function requireAccounts(available: ReadonlySet<string>, enabled: SendChannel[] | undefined) {
  const missing = enabled?.find((channel) => !available.has(channel));
  if (missing) throw new ChannelUnavailableError(missing);
}

/** An operator action: a new tenant and its first API key (the secret is returned only here). */
export async function createTenant(
  prisma: PrismaClient,
  channels: ChannelRegistry,
  input: CreateTenantInput,
  defaults: { quietHours: boolean } = { quietHours: false },
) {
  const data = parseInput(createTenantInput, input);
  // The operator adds the tenant's channel accounts after creating it: a channel needs only a loaded plugin here,
  // and the tenant's locks show it unavailable until an account (or the platform's) can send on it.
  requireAccounts(new Set([...channels.plugins.values()].map((p) => p.channel)), data.enabledChannels);
  const platformChannels = channels.platformDefault;
  const { secret, prefix, hash } = generateApiKey();
  const tenant = await prisma.tenant.create({
    data: {
      name: data.name,
      platformChannels,
      ...newTenantQuietHours(defaults.quietHours),
      ...(data.enabledChannels ? { enabledChannels: [...new Set(data.enabledChannels)] } : {}),
      apiKeys: { create: { name: 'Initial key', prefix, hash } },
    },
  });
  return { tenant, apiKeySecret: secret };
}

/**
 * Updates the tenant's settings. Channels without a provider are refused, and
 * so is a maxUsersPerNumber below the assignments a number already has
 * (ConflictError): unassign first.
 */
export async function updateTenantSettings(scope: TenantScope, channels: ChannelRegistry, input: TenantSettingsInput) {
  const data = parseInput(settingsInput, input);
  if (data.enabledChannels) requireAccounts(await channels.forTenant(scope.tenantId), data.enabledChannels);
  const updated = await withEvents(
    scope,
    async (tx) => {
      const tenant = await tx.tenant.update({
        where: { id: scope.tenantId },
        data: {
          ...withQuietHours(data),
          ...(data.enabledChannels ? { enabledChannels: [...new Set(data.enabledChannels)] } : {}),
        },
      });
      // The update holds the tenant's row, which assignNumber shares, so no assignment slips past a lowered limit.
      if (data.maxUsersPerNumber !== undefined) await requireLimitFits(tx, scope.tenantId, data.maxUsersPerNumber);
      return tenant;
    },
    (tenant) => [
      {
        type: 'TENANT_UPDATED',
        subjectId: tenant.id,
        // Who changed which credentials may run arbitrary documents is worth a record of its own.
        ...(data.requireTrustedDocuments === undefined
          ? {}
          : { payload: { requireTrustedDocuments: tenant.requireTrustedDocuments } }),
      },
    ],
  );
  // Authentication carries the setting (cached per credential): every copy forgets what it cached.
  if (data.requireTrustedDocuments !== undefined) await scope.events.credentialsChanged('tenant', scope.tenantId);
  return updated;
}
