import { v7 as uuidv7 } from 'uuid';
import type { InboundMessage } from '../../../plugins/sdk/index.ts';
import { countReceived } from '../../allowances/usage.ts';
import { allowanceAlertCtes, usageCtes } from '../../allowances/usage-sql.ts';
import { Prisma, type PrismaClient } from '../../db/generated/prisma/client.ts';
import { prepared } from '../../db/prepared-statements.ts';
import { scopeToTenant, type TenantDb } from '../../db/tenant-scope.ts';
import { isUniqueViolation } from '../../domain/prisma-errors.ts';
import type { TenantTx } from '../../domain/scope.ts';
import type { SendChannel } from '../../domain/send-channels.ts';
import { appendEvents } from '../../events/append.ts';
import type { EventRelay } from '../../events/relay.ts';
import { changeConsent } from '../consent/change-consent.ts';
import { afterKeyword, keywordOf } from '../consent/rules.ts';
import { sendCost } from '../send-policy/cost.ts';
import { queueMessage } from '../sending/queue-message.ts';
import { type InboundRoute, routeInbound } from './route-inbound.ts';

const DEFAULT_HELP = '{company}: text messages about your application. Reply STOP to opt out.';

export type InboundDeps = {
  prisma: PrismaClient;
  relay: Pick<EventRelay, 'wake'>;
  wakeOutbox: () => void;
  /** The loaded plugins: a message's channel is its plugin's (SMS when unknown). */
  channels?: { plugins: ReadonlyMap<string, { channel: SendChannel }> };
};

/** Providers retry a webhook for about a week (Meta: 7 days); a message older than that is filed when received. */
const RETRIED_FOR_MS = 8 * 24 * 3600_000;

export type InboundOutcome = 'stored' | 'duplicate' | 'unmatched' | 'unknown-number';

/**
 * Stores the message, its MESSAGE_CREATED event and the conversation's activity
 * in one statement; null when the provider id was stored before.
 */
async function insertInbound(
  db: TenantDb | TenantTx,
  route: InboundRoute & { conversationId: string },
  provider: string,
  inbound: InboundMessage,
) {
  const [id, eventId, received] = [uuidv7(), uuidv7(), new Date()];
  // When the candidate wrote, if the provider says (never in the future, nor before providers stop retrying):
  // a webhook retried late does not open a session window the candidate's message no longer opens.
  const sentAt = inbound.sentAt?.getTime() ?? Number.NaN;
  const now = sentAt < received.getTime() && sentAt > received.getTime() - RETRIED_FOR_MS ? new Date(sentAt) : received;
  const payload = JSON.stringify({ direction: 'INBOUND', channel: route.channel, kind: 'CHAT' });
  const rows = await db.$queryRaw<{ id: string }[]>(
    prepared(Prisma.sql`
    WITH m AS (
      INSERT INTO "Message" (id, "tenantId", "conversationId", direction, channel, kind, body, "fromNumber", "toNumber", status,
        provider, "providerMessageId", "createdAt")
      VALUES (${id}::uuid, ${route.tenantId}::uuid, ${route.conversationId}::uuid, 'INBOUND', ${route.channel}::"Channel", 'CHAT', ${inbound.body},
        ${inbound.from}, ${inbound.to}, 'RECEIVED', ${provider}, ${inbound.providerMessageId}, ${now})
      ON CONFLICT (provider, "providerMessageId") DO NOTHING
      RETURNING id),
    c AS (
      UPDATE "Conversation" SET "lastMessageAt" = greatest("lastMessageAt", ${now})
      WHERE id = ${route.conversationId}::uuid AND "tenantId" = ${route.tenantId}::uuid AND EXISTS (SELECT 1 FROM m)),
    n AS (
      INSERT INTO "ConversationNumber" ("tenantId", "conversationId", channel, "sendingNumberId")
      SELECT ${route.tenantId}::uuid, ${route.conversationId}::uuid, ${route.channel}::"Channel", ${route.numberId}::uuid FROM m
      ON CONFLICT ("conversationId", channel) DO NOTHING),
    e AS (
      INSERT INTO "Event" (id, "tenantId", type, "subjectId", "conversationId", payload)
      SELECT ${eventId}::uuid, ${route.tenantId}::uuid, 'MESSAGE_CREATED', m.id, ${route.conversationId}::uuid, ${payload}::jsonb
      FROM m),
    ${usageCtes({ tenantId: route.tenantId, numberId: route.numberId, at: now, direction: 'received', guard: false, gate: Prisma.sql`EXISTS (SELECT 1 FROM m)` })}
    uz AS (SELECT 1)${allowanceAlertCtes(route.tenantId, route.numberId)}
    SELECT id FROM m`),
  );
  return rows[0]?.id ?? null;
}

/** The tenant's candidates whose main or alternate number is `phone`. */
async function candidatesTextedOn(tx: TenantTx, tenantId: string, phone: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Candidate" WHERE "tenantId" = ${tenantId}::uuid AND (phone = ${phone} OR "alternatePhone" = ${phone})
    ORDER BY id`;
  return rows.map((r) => r.id);
}

/**
 * Files a verified inbound message (SMS, or WhatsApp, whose reply opens the
 * session window): the receiving number on the plugin's channel names the
 * tenant, the sender's number the candidate and conversation. Stored once per provider id
 * (providers retry), consent keywords applied in the same transaction, HELP
 * answered. A text from an unknown sender is kept for the tenant's admins.
 */
export async function receiveInbound(
  deps: InboundDeps,
  provider: string,
  inbound: InboundMessage,
  accountId: string | null = null,
): Promise<InboundOutcome> {
  const channel = deps.channels?.plugins.get(provider)?.channel ?? 'SMS';
  const route = await routeInbound(deps.prisma, inbound.to, inbound.from, accountId, channel);
  if (!route) return 'unknown-number';
  const { tenantId } = route;
  const db = scopeToTenant(deps.prisma, tenantId);

  if (!route.conversationId || !route.candidateId) {
    try {
      await db.$transaction(async (tx) => {
        const kept = await tx.unmatchedInbound.create({
          data: {
            tenantId,
            provider,
            providerMessageId: inbound.providerMessageId,
            fromNumber: inbound.from,
            toNumber: inbound.to,
            body: inbound.body,
          },
        });
        await appendEvents(tx, tenantId, [{ type: 'INBOUND_UNMATCHED', subjectId: kept.id }]);
        await countReceived(tx, tenantId, route.numberId);
      });
      deps.relay.wake();
      return 'unmatched';
    } catch (error) {
      if (isUniqueViolation(error)) return 'duplicate';
      throw error;
    }
  }
  const conversation = { ...route, conversationId: route.conversationId };
  const candidateId = route.candidateId;

  const keyword = keywordOf(inbound.body);
  if (!keyword) {
    const id = await insertInbound(db, conversation, provider, inbound);
    if (!id) return 'duplicate';
    deps.relay.wake();
    return 'stored';
  }

  const tenant = keyword === 'HELP' ? await db.tenant.findUniqueOrThrow({ where: { id: tenantId } }) : null;
  const help = tenant ? (tenant.helpText ?? DEFAULT_HELP).replaceAll('{company}', tenant.name) : '';
  const outcome = await db.$transaction(async (tx) => {
    const messageId = await insertInbound(tx, conversation, provider, inbound);
    if (!messageId) return null;
    if (keyword !== 'HELP') {
      // STOP and START speak for the phone number: every candidate of the tenant texted on it (duplicate
      // records, a shared phone). YES answers one invitation: the candidate it was sent to.
      const candidates = keyword === 'YES' ? [candidateId] : await candidatesTextedOn(tx, tenantId, inbound.from);
      for (const id of candidates) {
        await changeConsent(tx, tenantId, {
          candidateId: id,
          channel: route.channel,
          to: afterKeyword(keyword),
          source: 'KEYWORD',
          evidence: inbound.body,
          messageId,
        });
      }
    }
    const replyId = tenant
      ? await queueMessage(tenantId, tx, {
          conversationId: conversation.conversationId,
          sendingNumber: { id: route.numberId, e164: inbound.to },
          authorId: null,
          channel: route.channel,
          kind: 'HELP_REPLY',
          to: inbound.from,
          body: help,
          cost: sendCost(route.channel, help),
          allowance: 'count',
          idempotencyKey: null,
          requestHash: null,
        })
      : null;
    return { messageId, replyId };
  });
  if (!outcome) return 'duplicate';
  deps.relay.wake();
  if (outcome.replyId) deps.wakeOutbox();
  return 'stored';
}
