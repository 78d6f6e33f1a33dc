import type { StatusUpdate } from '../../../plugins/sdk/index.ts';
import type { PrismaClient } from '../../db/generated/prisma/client.ts';
import type { EventRelay } from '../../events/relay.ts';
import { advanceMessage } from './delivery-status.ts';

/**
 * Applies a verified status callback. The message is found by the Parley id in
 * the (signed) callback URL, so a callback that beats the send call's answer
 * still lands; failing that, by the provider's id. Only a message sent through
 * the account the callback came in on (`accountId`, null: the platform's) is
 * touched: one tenant's credentials cannot sign a change to another's message.
 */
export async function applyStatusCallback(
  deps: { prisma: PrismaClient; relay: Pick<EventRelay, 'wake'> },
  provider: string,
  messageId: string | null,
  update: StatusUpdate,
  accountId: string | null = null,
): Promise<boolean> {
  const sentThrough = { conversation: { numbers: { some: { sendingNumber: { accountId } } } } };
  const message =
    (messageId && /^[0-9a-f-]{36}$/.test(messageId)
      ? await deps.prisma.message.findFirst({ where: { id: messageId, ...sentThrough } })
      : null) ??
    (await deps.prisma.message.findFirst({
      where: { provider, providerMessageId: update.providerMessageId, ...sentThrough },
    }));
  if (message?.direction !== 'OUTBOUND') return false;
  const changed = await advanceMessage(deps.prisma, message.id, {
    status: update.status,
    provider,
    providerMessageId: update.providerMessageId,
    errorCode: update.error?.code ?? null,
    errorMessage: update.error ? `${update.error.message} (provider code ${update.error.providerCode})` : null,
  });
  if (changed) deps.relay.wake();
  return changed;
}
