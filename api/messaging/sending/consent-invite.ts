import type { TenantActor } from '../../auth/actor.ts';
import { ledgerActor } from '../../credits/cost.ts';
import { ConversationLockedError } from '../../domain/errors.ts';
import type { TenantScope } from '../../domain/scope.ts';
import type { SendChannel } from '../../domain/send-channels.ts';
import { changeConsent, type LockedConsent } from '../consent/change-consent.ts';
import { askSendPolicy } from '../send-policy/index.ts';
import type { RoutedNumber } from '../send-policy/routing.ts';
import type { MessagingDeps } from './deps.ts';
import { queueMessage } from './queue-message.ts';

/** An invitation moves consent to INVITED only from what the policy allowed, as it stands under the row lock. */
function invitedFrom(locked: LockedConsent): 'INVITED' {
  if (locked.state === 'CONSENTED' || locked.state === 'INVITED') return 'INVITED';
  // Consent changed since the policy was asked (a STOP arrived): nothing is queued.
  throw new ConversationLockedError(locked.state === 'OPTED_OUT' ? 'OPTED_OUT' : 'NO_CONSENT');
}

const DEFAULT_INVITE =
  '{company}: reply YES to get text messages about your application. Msg&data rates may apply. Reply STOP to opt out.';

/**
 * Sends the consent invitation (double opt-in, step two) to a candidate who
 * consented at application; it may be re-sent while unanswered. The candidate
 * answering YES opens the conversation. Only on a channel that has invitations
 * (not WhatsApp: ConsentInvitationNotAvailableError says where consent comes from there).
 */
export async function sendConsentInvite(
  scope: TenantScope,
  deps: MessagingDeps,
  actor: TenantActor,
  conversationId: string,
  channel: SendChannel = 'SMS',
) {
  const answer = await askSendPolicy(scope, deps.channels, actor, {
    conversationId,
    channel,
    kind: 'CONSENT_INVITE',
    body: (facts) => (facts.inviteText ?? DEFAULT_INVITE).replaceAll('{company}', facts.tenantName),
    attachments: [],
    idempotencyKey: null,
  });
  if (answer.replay) throw new Error('the send policy reported an idempotent replay, but no key was given');
  const { decision, facts } = answer;
  const [refusal] = decision.refusals;
  if (refusal) throw refusal;
  const messageId = await scope.db.$transaction(async (tx) => {
    const queued = await queueMessage(scope.tenantId, tx, {
      conversationId,
      sendingNumber: decision.number as RoutedNumber,
      authorId: actor.kind === 'user' ? actor.userId : null,
      channel,
      kind: 'CONSENT_INVITE',
      to: decision.to as string,
      body: decision.body,
      cost: decision.cost,
      credits: { cost: decision.credits, actor: ledgerActor(actor) },
      idempotencyKey: null,
      requestHash: null,
    });
    await changeConsent(tx, scope.tenantId, {
      candidateId: facts.candidateId,
      channel,
      to: invitedFrom,
      source: 'INVITE',
      actorUserId: actor.kind === 'user' ? actor.userId : null,
      evidence: decision.body,
      messageId: queued,
    });
    return queued;
  });
  scope.events.relayNow();
  deps.wakeOutbox();
  return { messageId };
}
