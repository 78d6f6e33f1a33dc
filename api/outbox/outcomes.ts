import type { ChannelError } from '../../plugins/sdk/index.ts';
import type { Message, PrismaClient } from '../db/generated/prisma/client.ts';
import { scopeToTenant } from '../db/tenant-scope.ts';
import { asSendChannel } from '../domain/send-channels.ts';
import type { EventRelay } from '../events/relay.ts';
import { changeConsent } from '../messaging/consent/change-consent.ts';
import { OUTCOME_UNKNOWN } from '../messaging/status/delivery-status.ts';
import type { Claim } from './claims.ts';
import { markUnclear, recordFailed, recordSent, retryLater } from './records.ts';

/** Told of each send whose final outbox status this copy recorded (for /metrics). */
export type SendEnded = (channel: string, pluginId: string | null, status: 'sent' | 'failed') => void;

export type OutcomeDeps = { prisma: PrismaClient; relay: Pick<EventRelay, 'wake'>; sendEnded?: SendEnded };

/**
 * How an attempt ended, recorded: each status change is written with its
 * MESSAGE_STATUS_CHANGED event in the same statement (`records.ts`), and the
 * relay is woken after it commits.
 */
export function createOutcomes({ prisma, relay, sendEnded }: OutcomeDeps) {
  const failedFor = async (claim: Claim, error: { code: string; message: string }) => {
    const recorded = await recordFailed(prisma, claim, error);
    if (recorded.held && recorded.channel) sendEnded?.(recorded.channel, recorded.provider, 'failed');
    if (recorded.advanced) relay.wake();
  };
  return {
    /** The provider has the message. */
    async sent(claim: Claim, pluginId: string, providerMessageId: string) {
      const { advanced, held, channel } = await recordSent(prisma, claim, pluginId, providerMessageId);
      if (held && channel) sendEnded?.(channel, pluginId, 'sent');
      if (advanced) relay.wake();
    },

    /** The row and the message fail together; a carrier opt-out changes consent in the same transaction. */
    async failed(claim: Claim, error: ChannelError, message: Pick<Message, 'channel' | 'toNumber' | 'conversationId'>) {
      if (error.code !== 'RECIPIENT_OPTED_OUT') return failedFor(claim, error);
      const db = scopeToTenant(prisma, claim.tenantId);
      const { candidateId } = await db.conversation.findUniqueOrThrow({
        where: { id: message.conversationId },
        select: { candidateId: true },
      });
      const outcome = await db.$transaction(async (tx) => {
        const recorded = await recordFailed(tx, claim, error);
        if (!recorded.held) return { ...recorded, consentChanged: false };
        const consent = await changeConsent(tx, claim.tenantId, {
          candidateId,
          channel: asSendChannel(message.channel),
          to: 'OPTED_OUT',
          source: 'CARRIER',
          evidence: `The provider refused to deliver to ${message.toNumber}: ${error.message}`,
          messageId: claim.messageId,
        });
        return { ...recorded, consentChanged: consent.changed };
      });
      if (outcome.held && outcome.channel) sendEnded?.(outcome.channel, outcome.provider, 'failed');
      if (outcome.advanced || outcome.consentChanged) relay.wake();
    },

    /** The candidate withdrew consent while the message waited: it fails unsent, saying so. */
    async withdrawn(claim: Claim) {
      await failedFor(claim, {
        code: 'CONSENT_WITHDRAWN',
        message: 'Not sent: the candidate opted out (or consent was withdrawn) after this message was queued.',
      });
    },

    /** An unclear send the provider never confirmed nor could be asked about: FAILED, not sent again. */
    async outcomeUnknown(claim: Claim, message: string) {
      await failedFor(claim, { code: OUTCOME_UNKNOWN, message });
    },

    /** No answer proves refusal: the row stays SENDING and is reconciled after `delayMs`. */
    async unclear(claim: Claim, reason: string, delayMs: number) {
      await markUnclear(prisma, claim, reason, delayMs);
    },

    /** A refusal worth retrying: the row waits `delayMs` for its next attempt (and its number's next slot). */
    async retry(claim: Claim, reason: string, delayMs: number) {
      await retryLater(prisma, claim, reason, delayMs);
    },
  };
}

export type Outcomes = ReturnType<typeof createOutcomes>;
