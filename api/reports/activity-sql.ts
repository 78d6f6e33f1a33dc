import type { PrismaClient } from '../db/generated/prisma/client.ts';
import type { ActivityFilter } from './activity-filter.ts';
import type { ReportKey } from './keyset-cursor.ts';

/** One message of the activity report. */
export type ActivityRow = {
  id: string;
  createdAt: Date;
  direction: 'OUTBOUND' | 'INBOUND';
  channel: 'SMS' | 'WHATSAPP' | 'EMAIL';
  kind: string;
  customKind: string | null;
  status: string;
  segments: number;
  authorId: string | null;
  authorName: string | null;
  candidateId: string;
  candidateName: string;
  /** The tenant's side of the message: the number (or address) it was sent from or received on. */
  number: string;
  /** Credits charged for it, less refunds (0 for received messages and those not charged yet). */
  credits: number;
};

type Db = Pick<PrismaClient, '$queryRaw'>;

/**
 * One keyset page of the tenant's messages in the period, newest first
 * (createdAt, then id). It walks Message(tenantId, createdAt DESC, id DESC)
 * from the key, so page 1,000 costs what page 1 does; the filters are checked
 * on the rows the walk meets. The CSV export reads the whole report through it,
 * one batch per statement.
 */
export function activityPage(db: Db, tenantId: string, f: ActivityFilter, after: ReportKey | null, limit: number) {
  return db.$queryRaw<ActivityRow[]>`
    SELECT m.id, m."createdAt", m.direction::text AS direction, m.channel::text AS channel, m.kind::text AS kind,
      m."customKind", m.status::text AS status, m.segments, m."authorId", u.name AS "authorName",
      c."candidateId", cand.name AS "candidateName",
      CASE WHEN m.direction = 'OUTBOUND' THEN m."fromNumber" ELSE m."toNumber" END AS number,
      coalesce((SELECT sum(CASE WHEN ce.kind = 'CHARGE' THEN ce.amount ELSE -ce.amount END)
        FROM "CreditEntry" ce WHERE ce."messageId" = m.id AND ce.kind IN ('CHARGE', 'REFUND')), 0)::int AS credits
    FROM "Message" m
    JOIN "Conversation" c ON c.id = m."conversationId"
    JOIN "Candidate" cand ON cand.id = c."candidateId"
    LEFT JOIN "User" u ON u.id = m."authorId"
    WHERE m."tenantId" = ${tenantId}::uuid
      AND m."createdAt" >= ${f.from}::timestamptz AND m."createdAt" < ${f.to}::timestamptz
      AND (${after?.createdAt ?? null}::timestamptz IS NULL
        OR (m."createdAt", m.id) < (${after?.createdAt ?? null}::timestamptz, ${after?.id ?? null}::uuid))
      AND (${f.channel}::text IS NULL OR m.channel::text = ${f.channel}::text)
      AND (${f.direction}::text IS NULL OR m.direction::text = ${f.direction}::text)
      AND (${f.authorId}::uuid IS NULL OR m."authorId" = ${f.authorId}::uuid)
      AND (${f.number?.e164 ?? null}::text IS NULL OR (m.channel::text = ${f.number?.channel ?? null}::text
        AND CASE WHEN m.direction = 'OUTBOUND' THEN m."fromNumber" ELSE m."toNumber" END = ${f.number?.e164 ?? null}::text))
    ORDER BY m."createdAt" DESC, m.id DESC
    LIMIT ${limit}`;
}
