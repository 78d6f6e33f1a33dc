import type { TenantTx } from '../domain/scope.ts';
import type { Draft, LogEvent } from './drafts.ts';

type ReplyRow = {
  id: string;
  subject: string | null;
  body: string;
  channel: string;
  conversationId: string;
  candidateId: string;
  repliedToUserId: string | null;
  userIds: string[];
};

/**
 * Candidates' messages (MESSAGE_CREATED, INBOUND), all of a pass in one
 * statement: for each, the users who wrote in the conversation and the one
 * being replied to (the author of the latest outbound message before it,
 * first), or, when none of them (may still) read it, e.g. nobody wrote there
 * yet, the conversation's team, so the message is not missed. Only active
 * users who may read the conversation now (`readableConversationsWhere` in
 * api/messaging/send-policy/access.ts, the viewer scope's rule, as SQL); the
 * full text. A message that changed consent (YES, STOP, START) is told as
 * OPTED_IN / OPTED_OUT instead, so it is left out. Every table is read with the
 * tenant's id. Returns the drafts by message id.
 */
export async function candidateReplies(
  tx: TenantTx,
  tenantId: string,
  events: LogEvent[],
): Promise<Map<string, Draft[]>> {
  const ids = events.filter((e) => e.payload.direction === 'INBOUND').map((e) => e.subjectId);
  if (!ids.length) return new Map();
  const rows = await tx.$queryRaw<ReplyRow[]>`
    WITH reply AS (
      SELECT m.id, m.subject, m.body, m.channel::text AS channel, m."conversationId", c."candidateId",
        c."applicationId", c."communityId", rt."authorId" AS "repliedToUserId", t."requireNumberAssignment" AS assigning,
        EXISTS (SELECT 1 FROM "ConversationNumber" cn
          WHERE cn."tenantId" = m."tenantId" AND cn."conversationId" = m."conversationId") AS "keepsNumber"
      FROM "Message" m
      JOIN "Conversation" c ON c.id = m."conversationId" AND c."tenantId" = m."tenantId"
      JOIN "Tenant" t ON t.id = m."tenantId"
      LEFT JOIN LATERAL (
        SELECT o."authorId" FROM "Message" o
        WHERE o."tenantId" = m."tenantId" AND o."conversationId" = m."conversationId"
          AND o.direction = 'OUTBOUND' AND o."createdAt" <= m."createdAt"
        ORDER BY o."createdAt" DESC, o.id DESC LIMIT 1) rt ON true
      WHERE m."tenantId" = ${tenantId}::uuid AND m.id = ANY(${ids}::uuid[])
        AND NOT EXISTS (SELECT 1 FROM "ConsentEvent" ce
          WHERE ce."tenantId" = m."tenantId" AND ce."messageId" = m.id AND ce."fromState" <> ce."toState")),
    candidate AS (
      SELECT r.id AS "replyId", 0 AS source, x.uid, x.rank
      FROM reply r
      CROSS JOIN LATERAL (
        SELECT r."repliedToUserId" AS uid, 0::bigint AS rank WHERE r."repliedToUserId" IS NOT NULL
        UNION ALL
        SELECT p."authorId", row_number() OVER (ORDER BY min(p."createdAt"), p."authorId")
        FROM "Message" p
        WHERE p."tenantId" = ${tenantId}::uuid AND p."conversationId" = r."conversationId" AND p."authorId" IS NOT NULL
        GROUP BY p."authorId") x
      UNION ALL
      SELECT r.id, 1, team.uid, team.rank
      FROM reply r
      CROSS JOIN LATERAL (
        SELECT h."userId" AS uid, 0 AS rank FROM "HiringTeamMember" h
        WHERE h."tenantId" = ${tenantId}::uuid AND h."applicationId" = r."applicationId"
        UNION ALL
        SELECT k."userId", 1 FROM "CommunityTeamMember" k
        WHERE k."tenantId" = ${tenantId}::uuid AND k."communityId" = r."communityId") team),
    reader AS (
      SELECT DISTINCT ON (x."replyId", x.source, x.uid) x."replyId", x.source, x.uid, x.rank
      FROM candidate x
      JOIN reply r ON r.id = x."replyId"
      JOIN "User" u ON u.id = x.uid AND u."tenantId" = ${tenantId}::uuid AND u."deactivatedAt" IS NULL
      WHERE (u.role = 'ADMIN'
          OR EXISTS (SELECT 1 FROM "HiringTeamMember" h
            WHERE h."tenantId" = u."tenantId" AND h."applicationId" = r."applicationId" AND h."userId" = u.id)
          OR EXISTS (SELECT 1 FROM "CommunityTeamMember" k
            WHERE k."tenantId" = u."tenantId" AND k."communityId" = r."communityId" AND k."userId" = u.id))
        AND (NOT r.assigning
          OR EXISTS (SELECT 1 FROM "ConversationNumber" cn
            JOIN "NumberAssignment" na ON na."sendingNumberId" = cn."sendingNumberId" AND na."tenantId" = cn."tenantId"
            WHERE cn."tenantId" = u."tenantId" AND cn."conversationId" = r."conversationId" AND na."userId" = u.id)
          OR (NOT r."keepsNumber" AND EXISTS (SELECT 1 FROM "NumberAssignment" na
            WHERE na."tenantId" = u."tenantId" AND na."userId" = u.id)))
      ORDER BY x."replyId", x.source, x.uid, x.rank)
    SELECT r.id, r.subject, r.body, r.channel, r."conversationId", r."candidateId", r."repliedToUserId",
      coalesce(
        (SELECT array_agg(d.uid::text ORDER BY d.rank, d.uid) FROM reader d WHERE d."replyId" = r.id AND d.source = 0),
        (SELECT array_agg(d.uid::text ORDER BY d.rank, d.uid) FROM reader d WHERE d."replyId" = r.id AND d.source = 1),
        '{}') AS "userIds"
    FROM reply r`;
  return new Map(
    rows.map((r) => [
      r.id,
      [
        {
          kind: 'CANDIDATE_REPLIED',
          userIds: r.userIds,
          // A recorded email is told with its subject first.
          text: r.subject ? `${r.subject}\n\n${r.body}` : r.body,
          payload: {
            conversationId: r.conversationId,
            messageId: r.id,
            channel: r.channel,
            candidateId: r.candidateId,
            repliedToUserId: r.repliedToUserId,
          },
          conversationId: r.conversationId,
          messageId: r.id,
        },
      ],
    ]),
  );
}
