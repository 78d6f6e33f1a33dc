import { Prisma } from '../db/generated/prisma/client.ts';
import type { Channel, NotificationKind } from '../db/generated/prisma/enums.ts';
import type { TenantTx } from '../domain/scope.ts';
import { adminsOf, assigneesOf, participantsOf, readersOf } from './recipients.ts';
import { candidateReplies } from './replies.ts';

/** One event of the log, as the notifier reads it. */
export type LogEvent = {
  id: string;
  type: string;
  subjectId: string;
  conversationId: string | null;
  payload: Record<string, unknown>;
};

/** A notification to store, for each of `userIds` (before preferences are applied). */
export type Draft = {
  kind: NotificationKind;
  userIds: string[];
  text: string;
  payload: Record<string, string | number | boolean | null>;
  conversationId?: string | null;
  messageId?: string | null;
};

const channelNames: Record<string, string> = { SMS: 'SMS', WHATSAPP: 'WhatsApp', EMAIL: 'email' };
const channelName = (channel: string) => channelNames[channel] ?? channel;

async function candidateName(tx: TenantTx, candidateId: string): Promise<string> {
  const c = await tx.candidate.findUnique({ where: { id: candidateId }, select: { name: true } });
  return c?.name ?? 'A candidate';
}

/** The candidate's YES: the user who sent the invitation it answers. */
async function optedIn(tx: TenantTx, e: LogEvent): Promise<Draft[]> {
  const channel = e.payload.channel as Channel;
  const consent = await tx.consent.findUnique({
    where: { candidateId_channel: { candidateId: e.subjectId, channel } },
    select: { inviteMessage: { select: { id: true, authorId: true, conversationId: true } } },
  });
  const invite = consent?.inviteMessage;
  if (!invite?.authorId) return [];
  const name = await candidateName(tx, e.subjectId);
  return [
    {
      kind: 'OPTED_IN',
      userIds: await readersOf(tx, invite.conversationId, [invite.authorId]),
      text: `${name} opted in to ${channelName(channel)}, answering your invitation: you can text them now.`,
      payload: { candidateId: e.subjectId, channel, conversationId: invite.conversationId, inviteMessageId: invite.id },
      conversationId: invite.conversationId,
      messageId: invite.id,
    },
  ];
}

/** The candidate's STOP (or the carrier's): the users who wrote in any of the candidate's conversations. */
async function optedOut(tx: TenantTx, e: LogEvent): Promise<Draft[]> {
  const channel = e.payload.channel as Channel;
  const how = e.payload.source === 'CARRIER' ? 'the carrier reports they unsubscribed' : 'they replied STOP';
  const name = await candidateName(tx, e.subjectId);
  const conversations = await tx.conversation.findMany({
    where: { candidateId: e.subjectId },
    orderBy: [{ lastMessageAt: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }],
    select: { id: true },
  });
  const drafts: Draft[] = [];
  const told = new Set<string>();
  for (const c of conversations) {
    const userIds = (await readersOf(tx, c.id, await participantsOf(tx, c.id))).filter((u) => !told.has(u));
    for (const u of userIds) told.add(u);
    if (!userIds.length) continue;
    drafts.push({
      kind: 'OPTED_OUT',
      userIds,
      text: `${name} opted out of ${channelName(channel)} (${how}): texts to them are refused.`,
      payload: { candidateId: e.subjectId, channel, conversationId: c.id, source: String(e.payload.source) },
      conversationId: c.id,
    });
  }
  return drafts;
}

/** A message that failed for good: its author. */
async function deliveryFailed(tx: TenantTx, e: LogEvent): Promise<Draft[]> {
  if (e.payload.status !== 'FAILED' && e.payload.status !== 'UNDELIVERED') return [];
  const m = await tx.message.findUnique({
    where: { id: e.subjectId },
    select: {
      id: true,
      authorId: true,
      channel: true,
      conversationId: true,
      errorCode: true,
      errorMessage: true,
      conversation: { select: { candidate: { select: { name: true } } } },
    },
  });
  if (!m?.authorId) return [];
  const author = await tx.user.findFirst({ where: { id: m.authorId, deactivatedAt: null }, select: { id: true } });
  if (!author) return [];
  const why = m.errorMessage ?? m.errorCode ?? 'the provider refused it';
  return [
    {
      kind: 'DELIVERY_FAILED',
      userIds: [author.id],
      text: `Your ${channelName(m.channel)} message to ${m.conversation.candidate.name} could not be delivered: ${why}.`,
      payload: {
        conversationId: m.conversationId,
        messageId: m.id,
        status: String(e.payload.status),
        errorCode: m.errorCode,
      },
      conversationId: m.conversationId,
      messageId: m.id,
    },
  ];
}

/** The balance fell below the tenant's threshold: its admins. */
async function creditsLow(tx: TenantTx, e: LogEvent): Promise<Draft[]> {
  const { available, threshold } = e.payload as { available: number; threshold: number };
  return [
    {
      kind: 'CREDITS_LOW',
      userIds: await adminsOf(tx),
      text: `Credits are low: ${available} left (your alert is set at ${threshold}). Top up to keep sending.`,
      payload: { available, threshold },
    },
  ];
}

/** A number reached 90 % or 100 % of its month: the users assigned to it, or, when none is, the admins. */
async function allowance(tx: TenantTx, e: LogEvent): Promise<Draft[]> {
  const {
    month,
    used,
    allowance: limit,
    level,
  } = e.payload as {
    month: string;
    used: number;
    allowance: number;
    level: number;
  };
  const number = await tx.sendingNumber.findUnique({ where: { id: e.subjectId }, select: { e164: true } });
  const assignees = await assigneesOf(tx, e.subjectId);
  const reached = e.type === 'ALLOWANCE_REACHED';
  const e164 = number?.e164 ?? 'A sending number';
  return [
    {
      kind: reached ? 'ALLOWANCE_REACHED' : 'ALLOWANCE_WARNING',
      userIds: assignees.length ? assignees : await adminsOf(tx),
      text: reached
        ? `${e164} has used its whole monthly allowance (${limit} messages) for ${month}: sending from it is refused until next month; replies still arrive.`
        : `${e164} has used ${used} of its ${limit} messages for ${month} (90 %).`,
      payload: { sendingNumberId: e.subjectId, month, level, used, allowance: limit },
    },
  ];
}

/**
 * The events of the log `draftsFor` may make notifications of, as a condition on the Event row `e`
 * (its type and payload, as the early returns below test them); the notifier moves past the others
 * without a transaction of their own. A notifying event missing here would never be told.
 */
export const mayNotifySql = Prisma.sql`(
  (e.type = 'MESSAGE_CREATED' AND e.payload->>'direction' = 'INBOUND')
  OR (e.type = 'CONSENT_CHANGED' AND ((e.payload->>'to' = 'OPTED_IN' AND e.payload->>'source' = 'KEYWORD')
    OR (e.payload->>'to' = 'OPTED_OUT' AND e.payload->>'source' IN ('KEYWORD', 'CARRIER'))))
  OR (e.type = 'MESSAGE_STATUS_CHANGED' AND e.payload->>'status' IN ('FAILED', 'UNDELIVERED'))
  OR e.type IN ('CREDITS_LOW', 'ALLOWANCE_WARNING', 'ALLOWANCE_REACHED'))`;

/** What notifications an event of the log other than a message makes (none for most); see mayNotifySql. */
function draftsFor(tx: TenantTx, e: LogEvent): Promise<Draft[]> {
  switch (e.type) {
    case 'CONSENT_CHANGED':
      if (e.payload.to === 'OPTED_IN' && e.payload.source === 'KEYWORD') return optedIn(tx, e);
      if (e.payload.to === 'OPTED_OUT' && (e.payload.source === 'KEYWORD' || e.payload.source === 'CARRIER')) {
        return optedOut(tx, e);
      }
      return Promise.resolve([]);
    case 'MESSAGE_STATUS_CHANGED':
      return deliveryFailed(tx, e);
    case 'CREDITS_LOW':
      return creditsLow(tx, e);
    case 'ALLOWANCE_WARNING':
    case 'ALLOWANCE_REACHED':
      return allowance(tx, e);
    default:
      return Promise.resolve([]);
  }
}

/** Each event's drafts, in the order given; the candidates' messages among them are read in one statement. */
export async function draftsOf(
  tx: TenantTx,
  tenantId: string,
  events: LogEvent[],
): Promise<{ eventId: string; drafts: Draft[] }[]> {
  const replies = await candidateReplies(
    tx,
    tenantId,
    events.filter((e) => e.type === 'MESSAGE_CREATED'),
  );
  const drafts = [];
  for (const e of events) {
    const made = e.type === 'MESSAGE_CREATED' ? (replies.get(e.subjectId) ?? []) : await draftsFor(tx, e);
    drafts.push({ eventId: e.id, drafts: made });
  }
  return drafts;
}
