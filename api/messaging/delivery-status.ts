import type { PrismaClient } from '../db/generated/prisma/client.ts';
import type { MessageStatus } from '../db/generated/prisma/enums.ts';

const rank: Record<MessageStatus, number> = {
  QUEUED: 0,
  SENDING: 1,
  SENT: 2,
  DELIVERED: 3,
  UNDELIVERED: 3,
  FAILED: 3,
  RECEIVED: 3,
};

/** The statuses a message may move to `next` from: only forward, never back. */
export function statusesBefore(next: MessageStatus): MessageStatus[] {
  return (Object.keys(rank) as MessageStatus[]).filter((s) => rank[s] < rank[next]);
}

export type StatusChange = {
  status: MessageStatus;
  provider?: string;
  providerMessageId?: string;
  errorCode?: string | null;
  errorMessage?: string | null;
};

/**
 * Records what the provider said about a message: its id (if not known yet)
 * and its status, when that moves it forward. Callbacks may arrive before the
 * send call returns, twice, or out of order; each lands once and the status
 * never goes back. Returns whether the status changed.
 */
export async function advanceMessage(prisma: PrismaClient, messageId: string, change: StatusChange): Promise<boolean> {
  if (change.providerMessageId) {
    await prisma.message.updateMany({
      where: { id: messageId, providerMessageId: null },
      data: { provider: change.provider ?? null, providerMessageId: change.providerMessageId },
    });
  }
  const now = new Date();
  const { count } = await prisma.message.updateMany({
    where: { id: messageId, status: { in: statusesBefore(change.status) } },
    data: {
      status: change.status,
      ...(change.status === 'SENT' ? { sentAt: now } : {}),
      ...(change.status === 'DELIVERED' ? { deliveredAt: now } : {}),
      ...(change.status === 'FAILED' || change.status === 'UNDELIVERED'
        ? { failedAt: now, errorCode: change.errorCode ?? null, errorMessage: change.errorMessage ?? null }
        : {}),
    },
  });
  return count > 0;
}
