import type { ChannelCapabilities } from '../../../plugins/sdk/index.ts';
import type { TenantActor } from '../../auth/actor.ts';
import { creditCost } from '../../credits/cost.ts';
import type { ConsentModel, ConsentState, MessageKind } from '../../db/generated/prisma/enums.ts';
import { textingNumber } from '../../domain/conversations.ts';
import {
  AttachmentsNotSupportedError,
  ChannelUnavailableError,
  ConsentInvitationNotAvailableError,
  ConversationLockedError,
  type DomainError,
  InsufficientCreditsError,
  MessageKindNotAllowedError,
  MessageTooLongError,
  NoSendingNumberError,
  SendNotAllowedError,
  ValidationError,
} from '../../domain/errors.ts';
import type { SendChannel } from '../../domain/send-channels.ts';
import { type Lock, type LockReason, lockFor } from '../consent/locks.ts';
import { kindName } from '../kinds/message-kinds.ts';
import { accessFacts, senderPool, sendRefusals } from './access.ts';
import { allowanceRefusals } from './allowance.ts';
import { type SendCost, sendCost } from './cost.ts';
import type { PoolNumber, SendFacts } from './facts.ts';
import { type Reengagement, reengagementFor } from './reengagement.ts';
import { type RoutedNumber, routeNumber } from './routing.ts';
import { type QuietView, sendTiming } from './send-timing.ts';
import { type SessionWindow, sessionWindow, windowRefusals, withWindow } from './session-window.ts';

export type SendRequest = {
  actor: TenantActor;
  channel: SendChannel;
  kind: MessageKind;
  customKind?: string | null;
  body: string;
  attachments: string[];
  /** Sent as the tenant's approved re-engagement template: allowed outside the channel's session window. */
  template?: boolean;
  /** Go out at this time rather than now (send-timing.ts). */
  sendAt?: Date | null;
  /** Inside quiet hours, schedule it for their end instead of refusing it. */
  hold?: boolean;
};

/** What the channel offers this tenant: its capabilities when something can send on it. */
export type ChannelOffer = {
  capabilities: ChannelCapabilities;
  /** Credits per segment through the account that owns `number` (its plugin's billing); 0 when not credit-billed. */
  creditsPerSegment?: (number: PoolNumber) => number;
} | null;

export type SendDecision = {
  /** Every reason the message may not go out, most fundamental first; empty when it may. */
  refusals: DomainError[];
  lock: Lock;
  cost: SendCost;
  /** What it costs in credits through the routed number's account (0 when that account is not credit-billed). */
  credits: number;
  number: RoutedNumber | null;
  /** The candidate's number the message goes to. */
  to: string | null;
  /** When it goes out: null now, else the time asked for or, when held, the end of quiet hours. */
  sendAt: Date | null;
  /** The candidate's zones and local time, and what quiet hours say about the send. */
  quiet: QuietView;
  body: string;
  consent: ConsentState;
  consentModel: ConsentModel;
  /** The channel's session window (null: it has none), and the template the API offers outside it. */
  window: SessionWindow | null;
  reengagement: Reengagement | null;
  /** False where a candidate's block is silent (WhatsApp): an open lock cannot promise delivery. */
  optOutObservable: boolean;
};

/** Locks that an invitation cannot get past: nothing would reach the candidate. */
const unreachable = new Set<LockReason>([
  'CHANNEL_DISABLED',
  'CHANNEL_UNAVAILABLE',
  'NO_PHONE_NUMBER',
  'INVALID_PHONE_NUMBER',
]);

/** Who may send here (access.ts): a user on the team, with the seat, permission and number assignment the tenant requires. */
function accessRefusals(facts: SendFacts, actor: TenantActor): DomainError[] {
  return sendRefusals(accessFacts(facts, actor)).map((reason) => new SendNotAllowedError(reason));
}

function bodyRefusals(request: SendRequest, offer: ChannelOffer): DomainError[] {
  const refusals: DomainError[] = [];
  if (!request.body.trim()) refusals.push(ValidationError.of('body', 'must not be empty'));
  const max = offer?.capabilities.maxLength;
  if (max !== undefined && request.body.length > max) refusals.push(new MessageTooLongError(request.body.length, max));
  if (request.attachments.length && offer && !offer.capabilities.media) {
    refusals.push(new AttachmentsNotSupportedError(request.channel));
  }
  return refusals;
}

/** The tenant's own kind must exist, and the tenant may forbid a kind on a channel. */
function kindRefusals(facts: SendFacts, request: SendRequest): DomainError[] {
  const kind = { kind: request.kind, customKind: request.customKind ?? null };
  if (!facts.customKindDefined) {
    return [
      ValidationError.of('customKind', `is not one of your company's message kinds: define ${kindName(kind)} first`),
    ];
  }
  return facts.kindForbidden ? [new MessageKindNotAllowedError(kindName(kind), request.channel)] : [];
}

/** The consent rules of an invitation: it asks for consent, so it needs the form's, and none is needed once given. */
function inviteRefusals(facts: SendFacts, lock: Lock, carrierBlocked: boolean): DomainError[] {
  if (lock.reason && unreachable.has(lock.reason))
    return [new ConversationLockedError(lock.reason, lock.message ?? undefined)];
  if (facts.consent === 'OPTED_IN') {
    return [ValidationError.of('conversationId', 'the candidate has already opted in; no invitation is needed')];
  }
  if (facts.consent === 'OPTED_OUT') return [new ConversationLockedError('OPTED_OUT', lock.message ?? undefined)];
  if (carrierBlocked) return [new ConversationLockedError('CARRIER_BLOCKED')];
  if (facts.consent === 'NONE') {
    return [
      new ConversationLockedError(
        'NO_CONSENT',
        'The candidate gave no consent at application. Record consent with evidence first.',
      ),
    ];
  }
  return [];
}

/**
 * The one decision about a send: every reason it may not go out (access,
 * channel, body, consent and lock, number), what it costs, the number that
 * sends it and when. Pure: it reads only the facts, so previewMessage and the
 * send itself answer alike.
 */
export function decide(facts: SendFacts, request: SendRequest, offer: ChannelOffer): SendDecision {
  const to = textingNumber(facts);
  const carrierBlocked = facts.carrierBlocked && Boolean(offer?.capabilities.carrierHandlesKeywords);
  const consentLock = lockFor({
    invitations: offer?.capabilities.consentInvitations ?? true,
    channelEnabled: facts.enabledChannels.includes(request.channel),
    channelAvailable: offer !== null,
    phone: to,
    state: facts.consent,
    optOutSource: facts.optOutSource,
    carrierBlocked,
    invite: facts.inviteStatus ? { status: facts.inviteStatus, errorMessage: facts.inviteError } : null,
    model: facts.consentModel,
    about: facts.about,
  });
  const window = sessionWindow(offer?.capabilities.sessionWindowHours ?? null, facts.lastInboundAt, facts.now);
  const reengagement = window ? reengagementFor(facts) : null;
  const lock = withWindow(consentLock, request.channel, window, reengagement);
  const number = routeNumber(
    facts.number,
    senderPool(facts, facts.pool, request.actor),
    to,
    facts.retiredNumberId ?? null,
  );
  const access = accessRefusals(facts, request.actor);
  // With number assignment, a pool the sender has no number in is NOT_ASSIGNED_TO_NUMBER, not "no number".
  const unassigned = access.some((e) => e instanceof SendNotAllowedError && e.reason === 'NOT_ASSIGNED_TO_NUMBER');
  const cost = sendCost(request.channel, request.body);
  const credits = number ? creditCost(cost.segments, offer?.creditsPerSegment?.(number)) : 0;
  const timing = sendTiming(facts, to, request);
  const consent =
    request.kind === 'CONSENT_INVITE'
      ? offer && !offer.capabilities.consentInvitations
        ? [new ConsentInvitationNotAvailableError(request.channel)]
        : inviteRefusals(facts, consentLock, carrierBlocked)
      : consentLock.reason && consentLock.reason !== 'CHANNEL_UNAVAILABLE'
        ? [new ConversationLockedError(consentLock.reason, consentLock.message ?? undefined)]
        : windowRefusals(request, window, reengagement, facts);
  const refusals = [
    ...(offer ? [] : [new ChannelUnavailableError(request.channel)]),
    ...bodyRefusals(request, offer),
    ...kindRefusals(facts, request),
    ...access,
    ...consent,
    ...(number || !offer || unassigned ? [] : [new NoSendingNumberError(request.channel)]),
    ...allowanceRefusals(facts, number),
    ...(credits > (facts.creditBalance ?? 0) ? [new InsufficientCreditsError(facts.creditBalance ?? 0, credits)] : []),
    ...timing.refusals,
  ];
  return {
    refusals,
    lock,
    cost,
    credits,
    number,
    to,
    sendAt: timing.sendAt,
    quiet: timing.quiet,
    body: request.body,
    consent: facts.consent,
    consentModel: facts.consentModel,
    window,
    reengagement,
    optOutObservable: offer?.capabilities.optOutObservable ?? true,
  };
}
