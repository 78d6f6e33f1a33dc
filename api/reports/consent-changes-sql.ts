import type { PrismaClient } from '../db/generated/prisma/client.ts';
import type { ReportKey } from './keyset-cursor.ts';

/** One change of a candidate's consent on a channel, with what proves it. */
export type ConsentChangeRow = {
  id: string;
  createdAt: Date;
  candidateId: string;
  candidateName: string;
  channel: string;
  fromState: string;
  toState: string;
  source: string;
  actorUserId: string | null;
  actorName: string | null;
  evidence: string | null;
  messageId: string | null;
};

/**
 * One keyset page of the tenant's consent changes in [from, to), newest first,
 * walking ConsentEvent(tenantId, createdAt DESC, id DESC) from the key.
 */
export function consentChangesPage(
  db: Pick<PrismaClient, '$queryRaw'>,
  tenantId: string,
  period: { from: Date; to: Date },
  after: ReportKey | null,
  limit: number,
) {
  return db.$queryRaw<ConsentChangeRow[]>`
    SELECT e.id, e."createdAt", e."candidateId", c.name AS "candidateName", e.channel::text AS channel,
      e."fromState"::text AS "fromState", e."toState"::text AS "toState", e.source::text AS source,
      e."actorUserId", u.name AS "actorName", e.evidence, e."messageId"
    FROM "ConsentEvent" e
    JOIN "Candidate" c ON c.id = e."candidateId"
    LEFT JOIN "User" u ON u.id = e."actorUserId" AND u."tenantId" = e."tenantId"
    WHERE e."tenantId" = ${tenantId}::uuid
      AND e."createdAt" >= ${period.from}::timestamptz AND e."createdAt" < ${period.to}::timestamptz
      AND (${after?.createdAt ?? null}::timestamptz IS NULL
        OR (e."createdAt", e.id) < (${after?.createdAt ?? null}::timestamptz, ${after?.id ?? null}::uuid))
    ORDER BY e."createdAt" DESC, e.id DESC
    LIMIT ${limit}`;
}
