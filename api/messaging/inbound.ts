import type { InboundMessage } from '../../plugins/sdk/index.ts';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import { scopeToTenant } from '../db/tenant-scope.ts';
import { changeConsent, currentConsent } from '../domain/consent.ts';
import { afterKeyword, keywordOf } from '../domain/consent-rules.ts';
import { queueMessage } from '../domain/messaging/send-message.ts';
import { isUniqueViolation } from '../domain/prisma-errors.ts';
import type { EventBus } from '../events/pubsub.ts';

const DEFAULT_HELP = '{company}: text messages about your application. Reply STOP to opt out.';

export type InboundDeps = { prisma: PrismaClient; events: Pick<EventBus, 'publish'>; wakeOutbox: () => void };

export type InboundOutcome = 'stored' | 'duplicate' | 'unmatched' | 'unknown-number';

/**
 * Files a verified inbound SMS: the receiving number names the tenant, the
 * sender's number the candidate and conversation. Stored once per provider id
 * (providers retry), consent keywords applied in the same transaction, HELP
 * answered. A text from an unknown sender is kept for the tenant's admins.
 */
export async function receiveInbound(
  deps: InboundDeps,
  provider: string,
  inbound: InboundMessage,
): Promise<InboundOutcome> {
  const number = await deps.prisma.sendingNumber.findUnique({ where: { e164: inbound.to } });
  if (!number) return 'unknown-number';
  const tenantId = number.tenantId;
  const db = scopeToTenant(deps.prisma, tenantId);

  const candidates = await db.candidate.findMany({
    where: { OR: [{ phone: inbound.from }, { alternatePhone: inbound.from }] },
    select: { id: true },
  });
  const conversations = await db.conversation.findMany({
    where: { candidateId: { in: candidates.map((c) => c.id) } },
    orderBy: [{ lastMessageAt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }],
    include: { sendingNumber: true },
  });
  const conversation = conversations.find((c) => c.sendingNumberId === number.id) ?? conversations[0];

  if (!conversation) {
    try {
      const kept = await db.unmatchedInbound.create({
        data: {
          tenantId,
          provider,
          providerMessageId: inbound.providerMessageId,
          fromNumber: inbound.from,
          toNumber: inbound.to,
          body: inbound.body,
        },
      });
      deps.events.publish(tenantId, 'INBOUND_UNMATCHED', kept.id);
      return 'unmatched';
    } catch (error) {
      if (isUniqueViolation(error)) return 'duplicate';
      throw error;
    }
  }

  const keyword = keywordOf(inbound.body);
  const tenant = keyword === 'HELP' ? await db.tenant.findUniqueOrThrow({ where: { id: tenantId } }) : null;
  let outcome: { messageId: string; consentChanged: boolean; replyId: string | null };
  try {
    outcome = await db.$transaction(async (tx) => {
      const now = new Date();
      const message = await tx.message.create({
        data: {
          tenantId,
          conversationId: conversation.id,
          direction: 'INBOUND',
          channel: 'SMS',
          body: inbound.body,
          fromNumber: inbound.from,
          toNumber: inbound.to,
          status: 'RECEIVED',
          provider,
          providerMessageId: inbound.providerMessageId,
          createdAt: now,
        },
      });
      await tx.conversation.update({
        where: { id: conversation.id },
        data: { lastMessageAt: now, ...(conversation.sendingNumberId ? {} : { sendingNumberId: number.id }) },
      });
      let consentChanged = false;
      if (keyword && keyword !== 'HELP') {
        const state = await currentConsent(tx, conversation.candidateId, 'SMS');
        const result = await changeConsent(tx, tenantId, {
          candidateId: conversation.candidateId,
          channel: 'SMS',
          to: afterKeyword(state, keyword),
          source: 'KEYWORD',
          evidence: inbound.body,
          messageId: message.id,
        });
        consentChanged = result.changed;
      }
      let replyId: string | null = null;
      if (tenant) {
        const reply = await queueMessage({ tenantId, db, events: deps.events }, tx, {
          conversation: { ...conversation, sendingNumber: conversation.sendingNumber ?? number },
          authorId: null,
          channel: 'SMS',
          kind: 'HELP_REPLY',
          to: inbound.from,
          body: (tenant.helpText ?? DEFAULT_HELP).replaceAll('{company}', tenant.name),
          idempotencyKey: null,
          requestHash: null,
        });
        replyId = reply.id;
      }
      return { messageId: message.id, consentChanged, replyId };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return 'duplicate';
    throw error;
  }
  deps.events.publish(tenantId, 'MESSAGE_CREATED', outcome.messageId);
  if (outcome.consentChanged) deps.events.publish(tenantId, 'CONSENT_CHANGED', conversation.candidateId);
  if (outcome.replyId) {
    deps.events.publish(tenantId, 'MESSAGE_CREATED', outcome.replyId);
    deps.wakeOutbox();
  }
  return 'stored';
}
