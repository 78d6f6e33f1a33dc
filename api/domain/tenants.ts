import { z } from 'zod';
import { generateApiKey } from '../auth/api-key-secret.ts';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import type { TenantScope } from './scope.ts';
import { parseInput } from './validate.ts';

const tenantName = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const channels = z.array(z.enum(['SMS', 'WHATSAPP'])).min(1, 'must enable at least one channel');

const createTenantInput = z.object({ name: tenantName, enabledChannels: channels.optional() });

const settingsInput = z.object({
  name: tenantName.optional(),
  enabledChannels: channels.optional(),
  requireSeat: z.boolean().optional(),
  requireSendPermission: z.boolean().optional(),
  requireNumberAssignment: z.boolean().optional(),
  maxUsersPerNumber: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(100, 'must be at most 100')
    .optional(),
  defaultCountry: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be a two-letter ISO country code')
    .transform((c) => c.toUpperCase())
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
});

export type CreateTenantInput = z.input<typeof createTenantInput>;
export type TenantSettingsInput = z.input<typeof settingsInput>;

/** An operator action: a new tenant and its first API key (the secret is returned only here). */
export async function createTenant(prisma: PrismaClient, input: CreateTenantInput) {
  const data = parseInput(createTenantInput, input);
  const { secret, prefix, hash } = generateApiKey();
  const tenant = await prisma.tenant.create({
    data: {
      name: data.name,
      ...(data.enabledChannels ? { enabledChannels: [...new Set(data.enabledChannels)] } : {}),
      apiKeys: { create: { name: 'Initial key', prefix, hash } },
    },
  });
  return { tenant, apiKeySecret: secret };
}

export async function updateTenantSettings(scope: TenantScope, input: TenantSettingsInput) {
  const data = parseInput(settingsInput, input);
  const tenant = await scope.db.tenant.update({
    where: { id: scope.tenantId },
    data: { ...data, ...(data.enabledChannels ? { enabledChannels: [...new Set(data.enabledChannels)] } : {}) },
  });
  scope.events.publish(scope.tenantId, 'TENANT_UPDATED', tenant.id);
  return tenant;
}
