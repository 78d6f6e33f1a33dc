import { z } from 'zod';
import type { ChannelRegistry } from '../channels/registry.ts';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import {
  ChannelUnavailableError,
  ConflictError,
  NotAuthorizedError,
  NotFoundError,
  SettingNotAvailableError,
  ValidationError,
} from './errors.ts';
import { proveOwnership } from './number-ownership.ts';
import { countryOf, parsePhone, phoneIssue } from './phone.ts';
import { isUniqueViolation } from './prisma-errors.ts';
import { asSendChannel } from './send-channels.ts';
import { parseInput } from './validate.ts';

/** Who manages a pool: the platform operator, or a tenant admin (only where the operator allows it). */
export type PoolManager = { byOperator: boolean };

const numberType = z.enum(['LONG_CODE', 'TOLL_FREE', 'SHORT_CODE', 'ALPHANUMERIC']);

export const numberSettings = z.object({
  label: z.string().trim().min(1).max(80).nullish(),
  numberType: numberType.optional(),
  /** The carrier's rate for this number; null: its type's default. */
  segmentsPerSecond: z
    .number()
    .min(0.01, 'must be at least 0.01 (one segment every 100 seconds)')
    .max(1000, 'must be at most 1000')
    .nullish(),
});

const numberInput = numberSettings.extend({
  e164: z.string(),
  channel: z.enum(['SMS', 'WHATSAPP']).optional(),
  /** The tenant's channel account that owns the number; absent: the platform's account. */
  accountId: z.string().optional(),
});

/** An alphanumeric sender cannot receive replies: Parley's conversations are two-way, so it is refused. */
function refuseOneWay(type: string | undefined) {
  if (type === 'ALPHANUMERIC') {
    throw new SettingNotAvailableError(
      'numberType',
      'An alphanumeric sender is one-way (candidates cannot reply to it), and every Parley conversation is two-way: add a long code, toll-free or short code number instead.',
    );
  }
}

/** Tenant admins manage numbers only where the operator allows it (`adminsManageNumbers`). */
async function requireManager(prisma: PrismaClient, tenantId: string, who: PoolManager) {
  const tenant = await prisma.tenant.findUnique({ where: { id: tenantId }, select: { adminsManageNumbers: true } });
  if (!tenant) throw new NotFoundError('Tenant', tenantId);
  if (!who.byOperator && !tenant.adminsManageNumbers) {
    throw new NotAuthorizedError(
      "Your company's sending numbers are managed by the platform operator: ask them to add, label or retire numbers, or to let your admins do it.",
    );
  }
}

/**
 * Adds a number (provisioned at the provider beforehand) to a tenant's pool,
 * owned by one of the tenant's channel accounts or by the platform's, once its
 * ownership is proved (see proveOwnership). The tenant then receives the
 * number's inbound texts. A number is in one tenant's pool at a time; one it
 * retired earlier comes back into service with its history.
 */
export async function addSendingNumber(
  prisma: PrismaClient,
  channels: ChannelRegistry,
  tenantId: string,
  input: z.input<typeof numberInput>,
  who: PoolManager = { byOperator: true },
) {
  const data = parseInput(numberInput, input);
  await requireManager(prisma, tenantId, who);
  refuseOneWay(data.numberType);
  const account = data.accountId
    ? await prisma.channelAccount.findFirst({
        where: { id: data.accountId, tenantId },
        select: { id: true, channel: true, pluginId: true },
      })
    : null;
  if (data.accountId && !account) throw new NotFoundError('ChannelAccount', data.accountId);
  const channel = data.channel ?? (account ? asSendChannel(account.channel) : 'SMS');
  if (account && account.channel !== channel) {
    throw ValidationError.of('channel', `the channel account sends ${account.channel}, not ${channel}`);
  }
  if (!channels.get(channel)) throw new ChannelUnavailableError(channel);
  const parsed = parsePhone(data.e164, 'US', 'e164');
  if ('issue' in parsed) throw new ValidationError([parsed.issue]);
  const { e164 } = parsed;
  const issue = phoneIssue(e164);
  if (issue) throw ValidationError.of('e164', issue.replace(`${e164} `, ''));
  const taken = await prisma.sendingNumber.findFirst({ where: { activeE164: e164, channel }, select: { id: true } });
  if (taken) throw conflict(channel);
  const ownershipProof = await proveOwnership(channels, { tenantId, account, e164, byOperator: who.byOperator });
  const fields = {
    accountId: account?.id ?? null,
    country: countryOf(e164) ?? 'ZZ',
    ownershipProof,
    activeE164: e164,
    retiredAt: null,
    ...(data.label !== undefined ? { label: data.label } : {}),
    ...(data.numberType ? { numberType: data.numberType } : {}),
    ...(data.segmentsPerSecond !== undefined ? { segmentsPerSecond: data.segmentsPerSecond } : {}),
  };
  try {
    const retired = await prisma.sendingNumber.findFirst({ where: { tenantId, e164, channel }, select: { id: true } });
    if (retired) return await prisma.sendingNumber.update({ where: { id: retired.id }, data: fields });
    return await prisma.sendingNumber.create({ data: { tenantId, e164, channel, ...fields } });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(channel);
    throw error;
  }
}

const conflict = (channel: string) =>
  new ConflictError(
    'e164',
    `This number already sends ${channel} for a Parley tenant: it is in one tenant's pool at a time, until that tenant retires it.`,
  );

/** Label, type and pace of a number in the tenant's pool. */
export async function updateSendingNumber(
  prisma: PrismaClient,
  tenantId: string,
  id: string,
  input: z.input<typeof numberSettings>,
  who: PoolManager,
) {
  const data = parseInput(numberSettings, input);
  await requireManager(prisma, tenantId, who);
  refuseOneWay(data.numberType);
  const found = await prisma.sendingNumber.findFirst({ where: { id, tenantId }, select: { id: true } });
  if (!found) throw new NotFoundError('SendingNumber', id);
  return prisma.sendingNumber.update({
    where: { id },
    data: {
      ...(data.label !== undefined ? { label: data.label } : {}),
      ...(data.numberType ? { numberType: data.numberType } : {}),
      ...(data.segmentsPerSecond !== undefined ? { segmentsPerSecond: data.segmentsPerSecond } : {}),
    },
  });
}

/**
 * Takes a number out of service: it is never routed again, each of its
 * conversations moves to another number of the pool on its next send (recorded
 * in `ConversationNumberChange`), and the number is released, so the tenant
 * that holds it next at the provider can add it after its own proof.
 */
export async function retireSendingNumber(prisma: PrismaClient, tenantId: string, id: string, who: PoolManager) {
  await requireManager(prisma, tenantId, who);
  const found = await prisma.sendingNumber.findFirst({ where: { id, tenantId }, select: { retiredAt: true } });
  if (!found) throw new NotFoundError('SendingNumber', id);
  if (found.retiredAt) return prisma.sendingNumber.findUniqueOrThrow({ where: { id } });
  return prisma.sendingNumber.update({ where: { id }, data: { retiredAt: new Date(), activeE164: null } });
}

/** Operator: whether the tenant's admins may add, label and retire numbers of its own accounts (with the provider's proof). */
export async function allowAdminsToManageNumbers(prisma: PrismaClient, tenantId: string, allowed: boolean) {
  const found = await prisma.tenant.findUnique({ where: { id: tenantId }, select: { id: true } });
  if (!found) throw new NotFoundError('Tenant', tenantId);
  return prisma.tenant.update({ where: { id: tenantId }, data: { adminsManageNumbers: allowed } });
}
