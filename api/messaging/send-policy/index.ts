import type { TenantActor } from '../../auth/actor.ts';
import type { ChannelRegistry } from '../../channels/registry.ts';
import type { MessageKind } from '../../db/generated/prisma/enums.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { TenantScope } from '../../domain/scope.ts';
import type { SendChannel } from '../../domain/send-channels.ts';
import { accessFacts, mayRead } from './access.ts';
import { decide, type SendDecision } from './decide.ts';
import { type PoolNumber, readSendFacts, type SendFacts } from './facts.ts';

export type { SendDecision } from './decide.ts';

/** A number can send when its account is active, or, without one, when the tenant may use the platform's. */
function usableFacts(channels: ChannelRegistry, channel: SendChannel, facts: SendFacts): SendFacts {
  const usable = (n: PoolNumber) =>
    n.accountId
      ? n.accountStatus === 'ACTIVE' && channels.plugins.get(n.pluginId ?? '')?.channel === channel
      : facts.platformChannels.includes(channel) && channels.platformServes(channel);
  return {
    ...facts,
    number: facts.number && usable(facts.number) ? facts.number : null,
    pool: facts.number ? (usable(facts.number) ? facts.pool : []) : (facts.pool ?? []).filter(usable),
  };
}

export type SendQuestion = {
  conversationId: string;
  channel: SendChannel;
  kind: MessageKind;
  /** The tenant's own kind when `kind` is CUSTOM. */
  customKind?: string | null;
  /** The text, or how to write it from the facts (an invitation uses the tenant's invite text). */
  body: string | ((facts: SendFacts) => string);
  attachments: string[];
  idempotencyKey: string | null;
  /** Sent as the tenant's approved re-engagement template (allowed outside a session window). */
  template?: boolean;
  /** Go out at this time rather than now; `hold`: inside quiet hours, schedule it for their end (send-timing.ts). */
  sendAt?: Date | null;
  hold?: boolean;
};

export type SendAnswer =
  | { replay: { id: string; requestHash: string | null } }
  | { replay: null; decision: SendDecision; facts: SendFacts };

/**
 * Asks the send policy about a message, in one statement: a message already
 * sent with the idempotency key (the retry gets it back), or the decision.
 * A conversation the actor may not read is not found, as everywhere.
 */
export async function askSendPolicy(
  scope: TenantScope,
  channels: ChannelRegistry,
  actor: TenantActor,
  question: SendQuestion,
): Promise<SendAnswer> {
  const plugin = channels.get(question.channel);
  const facts = await readSendFacts(
    scope,
    actor,
    question.conversationId,
    question.channel,
    question.idempotencyKey,
    { kind: question.kind, customKind: question.customKind ?? null },
    (plugin?.capabilities.sessionWindowHours ?? null) !== null,
  );
  if (!facts) throw new NotFoundError('Tenant', scope.tenantId);
  const readable = mayRead(accessFacts(facts, actor));
  if (!facts.conversationId || !readable) throw new NotFoundError('Conversation', question.conversationId);
  if (facts.existingId) return { replay: { id: facts.existingId, requestHash: facts.existingHash } };
  const routable = usableFacts(channels, question.channel, facts);
  // Something can send for this conversation: the account of its number, or of one the pool could give it.
  const sendable = routable.number ?? routable.pool?.[0];
  const provider = plugin && sendable ? plugin : null;
  const body = typeof question.body === 'string' ? question.body : question.body(facts);
  const offer = provider
    ? {
        capabilities: provider.capabilities,
        creditsPerSegment: (n: PoolNumber) => channels.plugins.get(n.pluginId ?? '')?.billing?.creditsPerSegment ?? 0,
      }
    : null;
  const decision = decide(routable, { ...question, body, actor }, offer);
  return { replay: null, decision, facts };
}

const channelKinds = ['SMS', 'WHATSAPP'] as const;

/** A channel's lock as the API shows it: consent, the session window and its template, and whether an opt-out is observable. */
export function lockView(decision: SendDecision, channel: SendChannel) {
  const { lock, consent, consentModel, window, reengagement, optOutObservable } = decision;
  return { channel, consent, consentModel, ...lock, window, reengagement, optOutObservable };
}

export type LockView = ReturnType<typeof lockView>;

/**
 * For each channel, whether the conversation can take a message now and, if
 * not, why: the lock the send policy itself decides, so a lock never says
 * "reachable" where a send would be refused for the channel (one statement each).
 */
export async function conversationLocks(
  scope: TenantScope,
  channels: ChannelRegistry,
  actor: TenantActor,
  conversationId: string,
) {
  return Promise.all(
    channelKinds.map(async (channel) => {
      const answer = await askSendPolicy(scope, channels, actor, {
        conversationId,
        channel,
        kind: 'CHAT',
        body: '',
        attachments: [],
        idempotencyKey: null,
      });
      if (answer.replay) throw new Error('a lock asks with no idempotency key');
      return lockView(answer.decision, channel);
    }),
  );
}
