import type { TenantActor } from '../../auth/actor.ts';
import type { ChannelRegistry } from '../../channels/registry.ts';
import type { Channel, MessageKind } from '../../db/generated/prisma/enums.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { TenantScope } from '../../domain/scope.ts';
import { decide, type SendDecision } from './decide.ts';
import { readSendFacts, type SendFacts } from './facts.ts';

export type { SendDecision } from './decide.ts';

export type SendQuestion = {
  conversationId: string;
  channel: Channel;
  kind: MessageKind;
  /** The text, or how to write it from the facts (an invitation uses the tenant's invite text). */
  body: string | ((facts: SendFacts) => string);
  attachments: string[];
  idempotencyKey: string | null;
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
  const facts = await readSendFacts(scope, actor, question.conversationId, question.channel, question.idempotencyKey);
  if (!facts) throw new NotFoundError('Tenant', scope.tenantId);
  const readable = actor.kind === 'apiKey' || actor.role === 'ADMIN' || facts.onTeam;
  if (!facts.conversationId || !readable) throw new NotFoundError('Conversation', question.conversationId);
  if (facts.existingId) return { replay: { id: facts.existingId, requestHash: facts.existingHash } };
  const plugin = channels.get(question.channel);
  const provider = plugin && channels.reachable(question.channel, facts) ? plugin : null;
  const body = typeof question.body === 'string' ? question.body : question.body(facts);
  const offer = provider ? { capabilities: provider.capabilities } : null;
  const decision = decide(facts, { ...question, body, actor }, offer);
  return { replay: null, decision, facts };
}
