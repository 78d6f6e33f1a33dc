import type { StatusUpdate } from '../../../plugins/sdk/index.ts';
import type { PrismaClient } from '../../db/generated/prisma/client.ts';
import type { EventRelay } from '../../events/relay.ts';
import { advanceMessage } from './delivery-status.ts';

/**
 * Applies a verified status callback. The message is found by the Parley id in
 * the (signed) callback URL, so a callback that beats the send call's answer
 * still lands; failing that, by the provider's id. Only a message sent from a
 * number of the account the callback came in on (`accountId`, null: the
 * platform's), and by no other provider, is touched: neither another tenant's
 * credentials nor another account of the same tenant can sign a change to it.
 */
export async function applyStatusCallback(
  deps: { prisma: PrismaClient; relay: Pick<EventRelay, 'wake'> },
  provider: string,
  messageId: string | null,
  update: StatusUpdate,
  accountId: string | null = null,
): Promise<boolean> {
  const byId = messageId && /^[0-9a-f-]{36}$/.test(messageId) ? messageId : null;
  // The message went (or is going) out from a number of this very account, and no other provider has it.
  const [message] = await deps.prisma.$queryRaw<{ id: string; direction: string }[]>`
    SELECT m.id, m.direction::text AS direction
    FROM "Message" m
    JOIN "SendingNumber" sn ON sn."tenantId" = m."tenantId" AND sn.e164 = m."fromNumber" AND sn.channel = m.channel
    WHERE (m.id = ${byId}::uuid OR (m.provider = ${provider} AND m."providerMessageId" = ${update.providerMessageId}))
      AND sn."accountId" IS NOT DISTINCT FROM ${accountId}::uuid
      AND (m.provider IS NULL OR m.provider = ${provider})
    ORDER BY (m.id = ${byId}::uuid) DESC NULLS LAST
    LIMIT 1`;
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
