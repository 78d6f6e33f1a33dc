import { Prisma, type PrismaClient } from '../../db/generated/prisma/client.ts';
import { prepared } from '../../db/prepared-statements.ts';
import type { SendChannel } from '../../domain/send-channels.ts';

export type InboundRoute = {
  numberId: string;
  tenantId: string;
  conversationId: string | null;
  candidateId: string | null;
  /** The channel of the receiving number (the plugin's). */
  channel: SendChannel;
};

/**
 * Where an inbound message belongs, in one statement: the tenant that owns the
 * receiving number on the channel, and the sender's conversation there (one
 * that keeps this number on the channel first, then the most recently active). The only lookup that crosses
 * tenants, because the number is what names the tenant: the number as owned by
 * the channel account the webhook came in on (`accountId`; null: the platform's), in service
 * (a retired number still reaches its last holder until another tenant adds it).
 */
export async function routeInbound(
  prisma: PrismaClient,
  to: string,
  from: string,
  accountId: string | null = null,
  channel: SendChannel = 'SMS',
): Promise<InboundRoute | null> {
  const [route] = await prisma.$queryRaw<InboundRoute[]>(
    prepared(Prisma.sql`
    SELECT sn.id AS "numberId", sn."tenantId", sn.channel::text AS channel, c.id AS "conversationId", c."candidateId"
    FROM "SendingNumber" sn
    LEFT JOIN LATERAL (
      SELECT conv.id, conv."candidateId"
      FROM "Conversation" conv JOIN "Candidate" cand ON cand.id = conv."candidateId"
      WHERE conv."tenantId" = sn."tenantId" AND cand."tenantId" = sn."tenantId" AND (cand.phone = ${from} OR cand."alternatePhone" = ${from})
      ORDER BY EXISTS (SELECT 1 FROM "ConversationNumber" cn
          WHERE cn."conversationId" = conv.id AND cn.channel = sn.channel AND cn."sendingNumberId" = sn.id) DESC,
        conv."lastMessageAt" DESC NULLS LAST, conv."createdAt" DESC
      LIMIT 1
    ) c ON true
    WHERE sn.e164 = ${to} AND sn.channel = ${channel}::"Channel" AND sn."accountId" IS NOT DISTINCT FROM ${accountId}::uuid
    -- A number in service first: a retired one (released, perhaps now another tenant's) only when none is.
    ORDER BY sn."retiredAt" IS NOT NULL, sn."retiredAt" DESC
    LIMIT 1`),
  );
  return route ?? null;
}
