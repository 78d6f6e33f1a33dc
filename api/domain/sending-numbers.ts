import { z } from 'zod';
import type { ChannelRegistry } from '../channels/registry.ts';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import type { Channel } from '../db/generated/prisma/enums.ts';
import {
  ChannelUnavailableError,
  ConflictError,
  NoSendingNumberError,
  NotFoundError,
  ValidationError,
} from './errors.ts';
import { countryOf, parsePhone, phoneIssue } from './phone.ts';
import { isUniqueViolation } from './prisma-errors.ts';
import type { TenantScope, TenantTx } from './scope.ts';
import { parseInput } from './validate.ts';

const numberInput = z.object({ e164: z.string(), channel: z.enum(['SMS', 'WHATSAPP']).default('SMS') });

/**
 * An operator action: adds a number a tenant sends from (provisioned at the
 * provider beforehand). The tenant receives the number's inbound texts.
 */
export async function addSendingNumber(
  prisma: PrismaClient,
  channels: ChannelRegistry,
  tenantId: string,
  input: z.input<typeof numberInput>,
) {
  const data = parseInput(numberInput, input);
  if (!channels.get(data.channel)) throw new ChannelUnavailableError(data.channel);
  const parsed = parsePhone(data.e164, 'US', 'e164');
  if ('issue' in parsed) throw new ValidationError([parsed.issue]);
  const { e164 } = parsed;
  const issue = phoneIssue(e164);
  if (issue) throw ValidationError.of('e164', issue.replace(`${e164} `, ''));
  if (!(await prisma.tenant.findUnique({ where: { id: tenantId }, select: { id: true } }))) {
    throw new NotFoundError('Tenant', tenantId);
  }
  try {
    return await prisma.sendingNumber.create({
      data: { tenantId, e164, channel: data.channel, country: countryOf(e164) ?? 'ZZ' },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError('e164', 'This number is already in use by a Parley tenant.');
    throw error;
  }
}

/** The tenant's number for a candidate: one from the candidate's country, else a US one, else any. */
export async function pickSendingNumber(tx: TenantTx | TenantScope['db'], channel: Channel, candidateNumber: string) {
  const numbers = await tx.sendingNumber.findMany({ where: { channel }, orderBy: { createdAt: 'asc' } });
  const country = countryOf(candidateNumber);
  const chosen = numbers.find((n) => n.country === country) ?? numbers.find((n) => n.country === 'US') ?? numbers[0];
  if (!chosen) throw new NoSendingNumberError(channel);
  return chosen;
}
