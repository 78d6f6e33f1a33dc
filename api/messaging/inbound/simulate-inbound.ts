import { z } from 'zod';
import type { ChannelRegistry } from '../../channels/registry.ts';
import { SimulationNotAvailableError, ValidationError } from '../../domain/errors.ts';
import { parsePhone } from '../../domain/phone.ts';
import type { TenantScope } from '../../domain/scope.ts';
import { parseInput } from '../../domain/validate.ts';

const input = z.object({
  from: z.string(),
  to: z.string().nullish(),
  body: z.string().min(1, 'must not be empty').max(1600, 'must be at most 1600 characters'),
});

/**
 * The "candidate" texts one of the tenant's sandbox numbers. Nothing here
 * stores the message: the sandbox provider posts its own signed inbound webhook
 * to the account's webhook URL, and the core's ordinary webhook handler takes
 * it (signature, parsing, routing, keywords, MESSAGE_CREATED) as it takes a
 * real provider's. Only numbers of the tenant's accounts on a simulated plugin
 * qualify. Without `to`, the sandbox number of the sender's conversation, else
 * the tenant's first sandbox number.
 */
export async function simulateInboundMessage(
  scope: TenantScope,
  channels: Pick<ChannelRegistry, 'plugins' | 'inboundWebhookUrl' | 'webhook'>,
  raw: z.input<typeof input>,
): Promise<{ providerMessageId: string; to: string; messageId: string | null }> {
  const data = parseInput(input, raw);
  const issues = [];
  const from = parsePhone(data.from, 'US', 'from');
  if ('issue' in from) issues.push(from.issue);
  const to = data.to ? parsePhone(data.to, 'US', 'to') : null;
  if (to && 'issue' in to) issues.push(to.issue);
  if (issues.length || 'issue' in from || (to && 'issue' in to)) throw new ValidationError(issues);

  const simulated = [...channels.plugins.values()].filter((p) => p.simulated).map((p) => p.id);
  const sandboxNumber = { channel: 'SMS' as const, account: { pluginId: { in: simulated } } };
  const select = { e164: true, accountId: true, account: { select: { pluginId: true } } } as const;
  const number = to
    ? await scope.db.sendingNumber.findFirst({ where: { e164: to.e164, ...sandboxNumber }, select })
    : ((await scope.db.sendingNumber.findFirst({
        where: {
          ...sandboxNumber,
          conversations: {
            some: { conversation: { candidate: { OR: [{ phone: from.e164 }, { alternatePhone: from.e164 }] } } },
          },
        },
        orderBy: { createdAt: 'asc' },
        select,
      })) ?? (await scope.db.sendingNumber.findFirst({ where: sandboxNumber, orderBy: { createdAt: 'asc' }, select })));
  if (!number?.account || !number.accountId) throw new SimulationNotAvailableError(to?.e164 ?? null);

  const url = channels.inboundWebhookUrl(number.account.pluginId, number.accountId);
  const provider = (await channels.webhook(new URL(url).pathname))?.provider;
  if (!provider?.simulateInbound) throw new SimulationNotAvailableError(number.e164);
  const { providerMessageId } = await provider.simulateInbound(
    { from: from.e164, to: number.e164, body: data.body },
    url,
  );
  const message = await scope.db.message.findFirst({
    where: { provider: number.account.pluginId, providerMessageId },
    select: { id: true },
  });
  return { providerMessageId, to: number.e164, messageId: message?.id ?? null };
}
