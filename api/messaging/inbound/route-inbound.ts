import type { PrismaClient } from '../../db/generated/prisma/client.ts';

export type InboundRoute = {
  numberId: string;
  tenantId: string;
  conversationId: string | null;
  candidateId: string | null;
  sendingNumberId: string | null;
};

/**
 * Where an inbound text belongs, in one statement: the tenant that owns the
 * receiving number, and the sender's conversation there (the one on this
 * number first, then the most recently active). The only lookup that crosses
 * tenants, because the number is what names the tenant: the number as owned by
 * the channel account the webhook came in on (`accountId`; null: the platform's).
 */
export async function routeInbound(
  prisma: PrismaClient,
  to: string,
  from: string,
  accountId: string | null = null,
): Promise<InboundRoute | null> {
  const [route] = await prisma.$queryRaw<InboundRoute[]>`
    SELECT sn.id AS "numberId", sn."tenantId", c.id AS "conversationId", c."candidateId", c."sendingNumberId"
    FROM "SendingNumber" sn
    LEFT JOIN LATERAL (
      SELECT conv.id, conv."candidateId", conv."sendingNumberId"
      FROM "Conversation" conv JOIN "Candidate" cand ON cand.id = conv."candidateId"
      WHERE conv."tenantId" = sn."tenantId" AND cand."tenantId" = sn."tenantId" AND (cand.phone = ${from} OR cand."alternatePhone" = ${from})
      ORDER BY (conv."sendingNumberId" = sn.id) DESC NULLS LAST, conv."lastMessageAt" DESC NULLS LAST, conv."createdAt" DESC
      LIMIT 1
    ) c ON true
    WHERE sn.e164 = ${to} AND sn.channel = 'SMS' AND sn."accountId" IS NOT DISTINCT FROM ${accountId}::uuid`;
  return route ?? null;
}
