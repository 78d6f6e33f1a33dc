import { Prisma } from '../db/generated/prisma/client.ts';
import { ValidationError } from '../domain/errors.ts';
import type { TenantScope } from '../domain/scope.ts';
import { type InboxReader, readableSql, readUpToSql } from './reader.ts';

export type InboxView = 'ACTIVE' | 'ARCHIVED' | 'SNOOZED' | 'ALL';

export type InboxFilter = {
  unread?: boolean | null;
  channel?: 'SMS' | 'WHATSAPP' | 'EMAIL' | null;
  jobId?: string | null;
  sendingNumberId?: string | null;
  mine?: boolean | null;
  search?: string | null;
  view?: InboxView | null;
};

/** Where a page starts: after the conversation with this activity time and id (newest first). */
export type InboxCursor = { at: Date; id: string };

export const MAX_INBOX_PAGE = 100;
export const MAX_SEARCH_LENGTH = 100;

export function encodeInboxCursor(c: InboxCursor): string {
  return Buffer.from(`inbox:${c.at.toISOString()}|${c.id}`).toString('base64url');
}

export function decodeInboxCursor(cursor: string): InboxCursor {
  const text = Buffer.from(cursor, 'base64url').toString();
  const match = /^inbox:([^|]+)\|([0-9a-f-]{36})$/.exec(text);
  const at = match ? new Date(match[1] as string) : null;
  if (!match || !at || Number.isNaN(at.getTime())) throw ValidationError.of('after', 'is not an inbox cursor');
  return { at, id: match[2] as string };
}

/** The user's inbox state of `c` (archived, snoozed) and its newest inbound message, which ends both. */
export function inboxStateJoinSql(reader: InboxReader) {
  const userId = reader.actor.kind === 'user' ? reader.actor.userId : null;
  return Prisma.sql`
    LEFT JOIN "ConversationInboxState" s ON s."conversationId" = c.id AND s."userId" = ${userId}::uuid
    LEFT JOIN LATERAL (SELECT m.id, m."createdAt" FROM "Message" m
      WHERE m."conversationId" = c.id AND m.direction = 'INBOUND' ORDER BY m.id DESC LIMIT 1) li ON TRUE`;
}

/** Archived, and the candidate has not written since. */
export const archivedNowSql = Prisma.sql`(s."archivedAt" IS NOT NULL AND (li."createdAt" IS NULL OR li."createdAt" <= s."archivedAt"))`;
/** Snoozed until later, and the candidate has not written since the snooze. */
export const snoozedNowSql = Prisma.sql`(s."snoozedUntil" > now() AND (li."createdAt" IS NULL OR li."createdAt" <= s."snoozedAt"))`;

function viewSql(view: InboxView) {
  switch (view) {
    case 'ACTIVE':
      return Prisma.sql`NOT COALESCE(${archivedNowSql}, FALSE) AND NOT COALESCE(${snoozedNowSql}, FALSE)`;
    case 'ARCHIVED':
      return Prisma.sql`COALESCE(${archivedNowSql}, FALSE)`;
    case 'SNOOZED':
      return Prisma.sql`COALESCE(${snoozedNowSql}, FALSE)`;
    case 'ALL':
      return Prisma.sql`TRUE`;
  }
}

/** `%text%` for LIKE, with the pattern characters in `text` taken literally. */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

export function inboxFilterSql(reader: InboxReader, filter: InboxFilter) {
  const parts: Prisma.Sql[] = [viewSql(filter.view ?? 'ACTIVE')];
  if (filter.unread) parts.push(Prisma.sql`li.id > ${readUpToSql(reader)}`);
  if (filter.channel === 'EMAIL')
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "Message" fem
      WHERE fem."conversationId" = c.id AND fem.channel = 'EMAIL' OFFSET 0)`);
  else if (filter.channel)
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "ConversationNumber" fcn
      WHERE fcn."conversationId" = c.id AND fcn.channel = ${filter.channel}::"Channel" OFFSET 0)`);
  if (filter.sendingNumberId)
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "ConversationNumber" fsn
      WHERE fsn."conversationId" = c.id AND fsn."sendingNumberId" = ${filter.sendingNumberId}::uuid OFFSET 0)`);
  if (filter.jobId)
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "Application" fa WHERE fa.id = c."applicationId" AND fa."jobId" = ${filter.jobId}::uuid OFFSET 0)`,
    );
  if (filter.mine) {
    if (reader.actor.kind !== 'user')
      throw ValidationError.of('filter.mine', 'needs a user (an API key authors no messages)');
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "Message" fm
      WHERE fm."authorId" = ${reader.actor.userId}::uuid AND fm."conversationId" = c.id OFFSET 0)`);
  }
  const search = filter.search?.trim();
  if (search) {
    if (search.length > MAX_SEARCH_LENGTH)
      throw ValidationError.of('filter.search', `is longer than ${MAX_SEARCH_LENGTH} characters`);
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "Candidate" fc
      WHERE fc.id = c."candidateId" AND lower(fc.name) LIKE ${containsPattern(search)} OFFSET 0)`);
  }
  if ((filter.view === 'ARCHIVED' || filter.view === 'SNOOZED') && reader.actor.kind !== 'user')
    throw ValidationError.of('filter.view', 'archive and snooze are per user; an API key has none');
  return Prisma.join(parts, ' AND ');
}

/**
 * One inbox page: the ids of the conversations this reader may read, newest activity first, after `cursor`.
 * Walks Conversation(tenantId, lastMessageAt DESC, id DESC) and stops after `first + 1` matches; the checks are
 * probes of primary keys per conversation, so a page costs the same however many conversations the tenant has.
 * Conversations without any message yet have no activity and are not listed.
 */
export async function inboxPage(
  scope: TenantScope,
  reader: InboxReader,
  args: { first: number; after: InboxCursor | null; filter: InboxFilter },
): Promise<{ rows: InboxCursor[]; hasNextPage: boolean }> {
  const after = args.after
    ? Prisma.sql`AND (c."lastMessageAt", c.id) < (${args.after.at}::timestamptz, ${args.after.id}::uuid)`
    : Prisma.empty;
  const rows = await scope.db.$queryRaw<{ id: string; at: Date }[]>`
    SELECT c.id, c."lastMessageAt" AS at
    FROM "Conversation" c
    ${inboxStateJoinSql(reader)}
    WHERE c."tenantId" = ${scope.tenantId}::uuid AND c."lastMessageAt" IS NOT NULL ${after}
      AND ${readableSql(reader, scope.tenantId)}
      AND ${inboxFilterSql(reader, args.filter)}
    ORDER BY c."lastMessageAt" DESC, c.id DESC
    LIMIT ${args.first + 1}`;
  return { rows: rows.slice(0, args.first), hasNextPage: rows.length > args.first };
}
