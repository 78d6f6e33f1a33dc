import { monthKeySql } from '../../allowances/month.ts';
import { releaseCtes } from '../../credits/settle-sql.ts';
import { Prisma } from '../../db/generated/prisma/client.ts';
import { MessageNotScheduledError, NotFoundError } from '../../domain/errors.ts';
import type { TenantScope } from '../../domain/scope.ts';
import { statusEvent } from '../status/delivery-status.ts';

/**
 * Cancels a scheduled message that has not gone out, in one statement: its
 * outbox row is settled (DONE, never claimed again), the message CANCELLED
 * with who cancelled it, its MESSAGE_STATUS_CHANGED event written, the slot
 * it took in its number's monthly allowance given back (it was counted when
 * scheduled) and any credits it reserved released. A row a worker has claimed is locked or no
 * longer PENDING, so a message cannot be both cancelled and sent.
 */
export async function cancelScheduledMessage(scope: TenantScope, messageId: string, by: string): Promise<void> {
  const reason = `Cancelled by ${by} before it was sent.`;
  const [row] = await scope.db.$queryRaw<{ cancelled: boolean; status: string | null }[]>`
    WITH o AS (
      UPDATE "OutboxEntry" SET state = 'DONE', "lastError" = ${reason}
      WHERE "messageId" = ${messageId}::uuid AND "tenantId" = ${scope.tenantId}::uuid AND state = 'PENDING'
        AND EXISTS (SELECT 1 FROM "Message" sm WHERE sm.id = ${messageId}::uuid AND sm.status = 'SCHEDULED')
      RETURNING "messageId"),
    m AS (
      UPDATE "Message" SET status = 'CANCELLED', "errorCode" = 'CANCELLED', "errorMessage" = ${reason}
      WHERE id = (SELECT "messageId" FROM o) AND status = 'SCHEDULED'
      RETURNING id, "tenantId", "conversationId"),
    e AS (${statusEvent(Prisma.sql`SELECT * FROM m`, 'CANCELLED')}),
    u AS (
      UPDATE "NumberMonthlyUsage" nu SET sent = greatest(nu.sent - 1, 0), "updatedAt" = now()
      FROM m JOIN "Message" mm ON mm.id = m.id JOIN "Tenant" t ON t.id = mm."tenantId"
        JOIN "SendingNumber" sn ON sn."tenantId" = mm."tenantId" AND sn.e164 = mm."fromNumber" AND sn.channel = mm.channel
      WHERE nu."sendingNumberId" = sn.id
        AND nu.month = ${monthKeySql(Prisma.sql`mm."createdAt"`, Prisma.sql`t."timeZone"`)}),
    ${releaseCtes('CANCELLED')}
    SELECT EXISTS (SELECT 1 FROM m) AS cancelled,
      (SELECT CASE WHEN ob.state = 'SENDING' THEN 'SENDING' ELSE msg.status::text END
       FROM "Message" msg LEFT JOIN "OutboxEntry" ob ON ob."messageId" = msg.id
       WHERE msg.id = ${messageId}::uuid AND msg."tenantId" = ${scope.tenantId}::uuid) AS status`;
  if (row?.cancelled) return scope.events.relayNow();
  if (!row?.status) throw new NotFoundError('Message', messageId);
  throw new MessageNotScheduledError(row.status);
}
