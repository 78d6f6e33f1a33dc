import type { TenantScope } from '../domain/scope.ts';
import { archivedNowSql, inboxStateJoinSql, snoozedNowSql } from './inbox-page.ts';
import { type InboxReader, readUpToSql } from './reader.ts';

/** Unread counts stop here: "100" reads "100 or more", so a row never counts a long backlog. */
export const UNREAD_COUNT_CAP = 100;

/** What an inbox row shows beyond the conversation's own columns, for one reader. */
export type InboxRowFacts = {
  lastMessageId: string | null;
  unreadCount: number;
  archived: boolean;
  snoozedUntil: Date | null;
  readUpToMessageId: string | null;
};

/**
 * The row facts of conversations the caller was already allowed to read (read rights are checked where the
 * conversations were found, once): one statement for a whole page, each fact a probe of an index.
 */
export async function inboxRowFacts(
  scope: TenantScope,
  reader: InboxReader,
  conversationIds: string[],
): Promise<Map<string, InboxRowFacts>> {
  if (!conversationIds.length) return new Map();
  const rows = await scope.db.$queryRaw<
    {
      id: string;
      lastMessageId: string | null;
      unreadCount: number;
      archived: boolean;
      snoozedUntil: Date | null;
      readUpTo: string;
    }[]
  >`
    SELECT c.id,
      (SELECT m.id FROM "Message" m WHERE m."conversationId" = c.id ORDER BY m.id DESC LIMIT 1) AS "lastMessageId",
      (SELECT count(*)::int FROM (SELECT 1 FROM "Message" um
        WHERE um."conversationId" = c.id AND um.direction = 'INBOUND' AND um.id > r."upTo"
        LIMIT ${UNREAD_COUNT_CAP}) u) AS "unreadCount",
      COALESCE(${archivedNowSql}, FALSE) AS archived,
      CASE WHEN COALESCE(${snoozedNowSql}, FALSE) THEN s."snoozedUntil" END AS "snoozedUntil",
      r."upTo"::text AS "readUpTo"
    FROM "Conversation" c
    ${inboxStateJoinSql(reader)}
    CROSS JOIN LATERAL (SELECT ${readUpToSql(reader)} AS "upTo") r
    WHERE c."tenantId" = ${scope.tenantId}::uuid AND c.id = ANY(${conversationIds}::uuid[])`;
  return new Map(
    rows.map((r) => [
      r.id,
      {
        lastMessageId: r.lastMessageId,
        unreadCount: r.unreadCount,
        archived: r.archived,
        snoozedUntil: r.snoozedUntil,
        readUpToMessageId: r.readUpTo === '00000000-0000-0000-0000-000000000000' ? null : r.readUpTo,
      },
    ]),
  );
}
