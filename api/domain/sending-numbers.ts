import { z } from 'zod';
import type { ChannelRegistry } from '../channels/registry.ts';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import { ChannelUnavailableError, ConflictError, NotFoundError, ValidationError } from './errors.ts';
import { countryOf, parsePhone, phoneIssue } from './phone.ts';
import { isUniqueViolation } from './prisma-errors.ts';
import { parseInput } from './validate.ts';

const numberInput = z.object({
  e164: z.string(),
  channel: z.enum(['SMS', 'WHATSAPP']).optional(),
  /** The tenant's channel account that owns the number; absent: the platform's account. */
  accountId: z.string().optional(),
});

/**
 * An operator action: adds a number a tenant sends from (provisioned at the
 * provider beforehand), owned by one of the tenant's channel accounts or by the
 * platform's. The tenant receives the number's inbound texts on that account's
 * webhooks. The same number may serve several channels, one row each.
 */
export async function addSendingNumber(
  prisma: PrismaClient,
  channels: ChannelRegistry,
  tenantId: string,
  input: z.input<typeof numberInput>,
) {
  const data = parseInput(numberInput, input);
  const account = data.accountId
    ? await prisma.channelAccount.findFirst({
        where: { id: data.accountId, tenantId },
        select: { channel: true, pluginId: true },
      })
    : null;
  if (data.accountId && !account) throw new NotFoundError('ChannelAccount', data.accountId);
  const channel = data.channel ?? account?.channel ?? 'SMS';
  if (account && account.channel !== channel) {
    throw ValidationError.of('channel', `the channel account sends ${account.channel}, not ${channel}`);
  }
  if (!channels.get(channel)) throw new ChannelUnavailableError(channel);
  const parsed = parsePhone(data.e164, 'US', 'e164');
  if ('issue' in parsed) throw new ValidationError([parsed.issue]);
  const { e164 } = parsed;
  const issue = phoneIssue(e164);
  if (issue) throw ValidationError.of('e164', issue.replace(`${e164} `, ''));
  const range = account ? channels.plugins.get(account.pluginId)?.sendingNumbers : undefined;
  if (range && !range.owns(e164)) {
    throw ValidationError.of('e164', `is not a number this channel account can send from: use ${range.description}`);
  }
  if (!(await prisma.tenant.findUnique({ where: { id: tenantId }, select: { id: true } }))) {
    throw new NotFoundError('Tenant', tenantId);
  }
  try {
    return await prisma.sendingNumber.create({
      data: { tenantId, e164, channel, accountId: data.accountId ?? null, country: countryOf(e164) ?? 'ZZ' },
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError('e164', `This number already sends ${channel} for a Parley tenant.`);
    }
    throw error;
  }
}
