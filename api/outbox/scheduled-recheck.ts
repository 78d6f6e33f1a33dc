import type { TenantActor } from '../auth/actor.ts';
import type { ChannelRegistry } from '../channels/registry.ts';
import type { Message, PrismaClient } from '../db/generated/prisma/client.ts';
import { scopeToTenant } from '../db/tenant-scope.ts';
import { ConversationLockedError, type DomainError, NotFoundError, SendNotAllowedError } from '../domain/errors.ts';
import { asSendChannel } from '../domain/send-channels.ts';
import type { EventRelay } from '../events/relay.ts';
import { askSendPolicy } from '../messaging/send-policy/index.ts';
import type { Claim } from './claims.ts';
import type { SendEnded } from './outcomes.ts';
import { recordFailed } from './records.ts';

export type ScheduledRecheckDeps = {
  prisma: PrismaClient;
  channels: ChannelRegistry;
  relay: Pick<EventRelay, 'wake'>;
  /** Told of each final outbox status recorded (the sends counter of /metrics). */
  sendEnded?: SendEnded;
};

/** What the send policy says about a scheduled message now: go, hold until, or the refusal. */
type Verdict = { go: true } | { holdUntil: Date } | { refusal: DomainError };

/** Its credits were reserved and its allowance slot counted when it was scheduled; its number is checked apart. */
const settledAtScheduling = new Set(['INSUFFICIENT_CREDITS', 'NO_SENDING_NUMBER', 'ALLOWANCE_EXHAUSTED']);

/** How the refusal is recorded on the message: POLICY_REFUSED:<lock reason, send refusal or error code>. */
export function refusalCode(error: DomainError): string {
  const detail =
    error instanceof ConversationLockedError || error instanceof SendNotAllowedError ? error.reason : error.code;
  return `POLICY_REFUSED:${detail}`;
}

/**
 * A scheduled message is due: the whole send policy is asked again, as its
 * author, exactly as sendMessage asked it (consent, opt-out, the author's
 * seat, team and permission, the kind's rules, the session window, quiet
 * hours). Quiet hours hold it again until they end; any other refusal fails
 * it with the reason, unsent, and releases its credits.
 */
export function createScheduledRecheck({ prisma, channels, relay, sendEnded }: ScheduledRecheckDeps) {
  async function verdict(message: Message): Promise<Verdict> {
    const tenantId = message.tenantId;
    const scope = {
      tenantId,
      db: scopeToTenant(prisma, tenantId),
      events: { relayNow: () => relay.wake(), credentialsChanged: async () => {} },
    };
    if (!message.authorId) return { refusal: new SendNotAllowedError('NOT_A_USER') };
    const actor: TenantActor = { kind: 'user', tenantId, userId: message.authorId, role: 'RECRUITER' };
    try {
      const answer = await askSendPolicy(scope, channels, actor, {
        conversationId: message.conversationId,
        channel: asSendChannel(message.channel),
        kind: message.kind,
        customKind: message.customKind,
        body: message.body,
        attachments: [],
        idempotencyKey: null,
        template: message.template !== null,
        hold: true,
      });
      if (answer.replay) return { go: true };
      const refusal = answer.decision.refusals.find((e) => !settledAtScheduling.has(e.code));
      if (refusal) return { refusal };
      return answer.decision.sendAt ? { holdUntil: answer.decision.sendAt } : { go: true };
    } catch (error) {
      // The author can no longer read the conversation (off its team, or deactivated).
      if (error instanceof NotFoundError) return { refusal: new SendNotAllowedError('NOT_ON_HIRING_TEAM') };
      throw error;
    }
  }

  return {
    /** Settles a due scheduled message the policy refuses or holds; false: send it now. */
    async settle(claim: Claim, message: Message): Promise<boolean> {
      const v = await verdict(message);
      if ('go' in v) return false;
      if ('holdUntil' in v) {
        await prisma.$executeRaw`
          UPDATE "OutboxEntry" SET state = 'PENDING', "leaseUntil" = NULL, attempts = greatest(attempts - 1, 0),
            "nextAttemptAt" = ${v.holdUntil}
          WHERE id = ${claim.id}::uuid AND state = 'SENDING'`;
        return true;
      }
      const { advanced, held, channel, provider } = await recordFailed(prisma, claim, {
        code: refusalCode(v.refusal),
        message: `Not sent when it was due: ${v.refusal.message}`,
      });
      if (held && channel) sendEnded?.(channel, provider, 'failed');
      if (advanced) relay.wake();
      return true;
    },
  };
}

export type ScheduledRecheck = ReturnType<typeof createScheduledRecheck>;
