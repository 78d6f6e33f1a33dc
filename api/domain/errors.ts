import type { ApprovedTemplate } from '../../plugins/sdk/index.ts';
import { type LockReason, lockMessage } from '../messaging/consent/locks.ts';

/**
 * Parley's error vocabulary. Domain functions throw these; the schema exposes
 * each as a GraphQL type in mutation result unions, with the fields a UI needs
 * to explain the refusal and what to do next. Anything else is masked.
 */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
}

export const errorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'NOT_AUTHORIZED',
  'CONFLICT',
  'SEAT_LIMIT_REACHED',
  'SEATS_IN_USE',
  'CONVERSATION_LOCKED',
  'SEND_NOT_ALLOWED',
  'MESSAGE_TOO_LONG',
  'MESSAGE_KIND_NOT_ALLOWED',
  'ATTACHMENTS_NOT_SUPPORTED',
  'IDEMPOTENCY_KEY_REUSED',
  'NO_SENDING_NUMBER',
  'INSUFFICIENT_CREDITS',
  'CHANNEL_UNAVAILABLE',
  'SETTING_NOT_AVAILABLE',
  'CURSOR_EXPIRED',
  'SANDBOX_NOT_ALLOWED',
  'SIMULATION_NOT_AVAILABLE',
  'SANDBOX_BUSY',
  'SESSION_WINDOW_CLOSED',
  'REENGAGEMENT_PENDING',
  'CONSENT_INVITATION_NOT_AVAILABLE',
  'ALLOWANCE_EXHAUSTED',
  'NUMBER_ASSIGNMENT_LIMIT_REACHED',
  'QUIET_HOURS',
  'MESSAGE_NOT_SCHEDULED',
  'NUMBER_NOT_OWNED',
  'NUMBER_OWNERSHIP_UNVERIFIED',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export type FieldIssue = { field: string; message: string };

export class ValidationError extends DomainError {
  readonly code = 'VALIDATION';
  readonly field: string;
  constructor(readonly issues: FieldIssue[]) {
    const first = issues[0] ?? { field: 'input', message: 'is invalid' };
    super(`${first.field}: ${first.message}`);
    this.field = first.field;
  }
  static of(field: string, message: string): ValidationError {
    return new ValidationError([{ field, message }]);
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} was not found in this tenant.`);
  }
}

export class NotAuthorizedError extends DomainError {
  readonly code = 'NOT_AUTHORIZED';
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export class SeatLimitReachedError extends DomainError {
  readonly code = 'SEAT_LIMIT_REACHED';
  constructor(
    readonly purchased: number,
    readonly assigned: number,
  ) {
    super(`All ${purchased} seats are assigned. Buy more seats or unassign one first.`);
  }
}

export class SeatsInUseError extends DomainError {
  readonly code = 'SEATS_IN_USE';
  constructor(
    readonly requested: number,
    readonly unassigned: number,
  ) {
    super(`Cannot release ${requested} seats: only ${unassigned} are unassigned. Unassign seats first.`);
  }
}

/** The conversation cannot take this message on this channel; `reason` says why, the message what to do. */
export class ConversationLockedError extends DomainError {
  readonly code = 'CONVERSATION_LOCKED';
  constructor(
    readonly reason: LockReason,
    message = lockMessage(reason),
  ) {
    super(message);
  }
}

export type SendRefusal =
  | 'NOT_A_USER'
  | 'NOT_ON_HIRING_TEAM'
  | 'NO_SEAT'
  | 'NO_SEND_PERMISSION'
  | 'NOT_ASSIGNED_TO_NUMBER';

const refusalMessages: Record<SendRefusal, string> = {
  NOT_A_USER: 'Messages are sent by a person: call this with a user token (createUserToken), not an API key.',
  NOT_ON_HIRING_TEAM: 'Only members of the hiring team may write in this conversation.',
  NO_SEAT: 'Sending needs a seat. Ask an admin to assign you one.',
  NO_SEND_PERMISSION: 'Sending needs the send permission. Ask an admin to grant it.',
  NOT_ASSIGNED_TO_NUMBER:
    'Your company lets only the users assigned to a sending number write from it, and you are not assigned to this one. Ask an admin to assign you.',
};

export class SendNotAllowedError extends DomainError {
  readonly code = 'SEND_NOT_ALLOWED';
  constructor(readonly reason: SendRefusal) {
    super(refusalMessages[reason]);
  }
}

export class MessageKindNotAllowedError extends DomainError {
  readonly code = 'MESSAGE_KIND_NOT_ALLOWED';
  constructor(
    /** The kind as the tenant knows it: a built-in kind's name, or its own kind's key. */
    readonly kind: string,
    readonly channel: string,
  ) {
    super(
      `Your company does not send ${kind} messages by ${channel} (a rule in the tenant's message kinds). ` +
        'Use another channel, or ask an admin to allow the kind on this one.',
    );
  }
}

export class MessageTooLongError extends DomainError {
  readonly code = 'MESSAGE_TOO_LONG';
  constructor(
    readonly length: number,
    readonly maxLength: number,
  ) {
    super(`The message has ${length} characters; at most ${maxLength} can be sent. Shorten it.`);
  }
}

export class AttachmentsNotSupportedError extends DomainError {
  readonly code = 'ATTACHMENTS_NOT_SUPPORTED';
  constructor(readonly channel: string) {
    super(`${channel} messages cannot carry attachments. Send a link in the text instead.`);
  }
}

export class IdempotencyKeyReusedError extends DomainError {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  constructor() {
    super('This idempotency key was already used for a different message. Use a new key for a new message.');
  }
}

export class NoSendingNumberError extends DomainError {
  readonly code = 'NO_SENDING_NUMBER';
  constructor(readonly channel: string) {
    super(`Your company has no ${channel} sending number yet. Ask an admin to add one.`);
  }
}

/** A credit-billed send costs more credits than the tenant has available. */
export class InsufficientCreditsError extends DomainError {
  readonly code = 'INSUFFICIENT_CREDITS';
  constructor(
    /** Credits available now (top-ups less what is reserved or spent). */
    readonly balance: number,
    /** What this message costs: its segments times the provider's credits per segment. */
    readonly cost: number,
  ) {
    super(
      `This message costs ${cost} credit${cost === 1 ? '' : 's'} and your company has ${balance} available. Ask the platform operator to top up, or shorten the message.`,
    );
  }
}

export class ChannelUnavailableError extends DomainError {
  readonly code = 'CHANNEL_UNAVAILABLE';
  constructor(readonly channel: string) {
    super(
      `Nothing can send ${channel} for your company: no ${channel} account of its own, and the platform's is not available to it. Ask the platform operator.`,
    );
  }
}

/** A setting that nothing in Parley enforces yet: refused rather than kept and ignored. */
export class SettingNotAvailableError extends DomainError {
  readonly code = 'SETTING_NOT_AVAILABLE';
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(message);
  }
}

/** A replay cursor older than the event log's retention: the events after it are gone. */
export class CursorExpiredError extends DomainError {
  readonly code = 'CURSOR_EXPIRED';
  constructor(readonly oldestCursor: string) {
    super(
      'This cursor is older than the event log keeps events: what came after it is gone. Re-read the current state, then subscribe from `oldestCursor` or without a cursor.',
    );
  }
}

/** Production: a simulated carrier's account (the sandbox) for a tenant, which the operator did not allow. */
export class SandboxNotAllowedError extends DomainError {
  readonly code = 'SANDBOX_NOT_ALLOWED';
  constructor(readonly pluginId: string) {
    super(
      `${pluginId} is a simulated carrier: its messages reach no phone. In production a tenant gets such an account only when the operator passes allowSandbox: true.`,
    );
  }
}

/** simulateInboundMessage on a number that is not a sandbox account's. */
export class SimulationNotAvailableError extends DomainError {
  readonly code = 'SIMULATION_NOT_AVAILABLE';
  constructor(readonly number: string | null) {
    super(
      number
        ? `${number} is not owned by a sandbox channel account of your company: only the sandbox's numbers can receive simulated messages.`
        : 'Your company has no sending number on a sandbox channel account: ask the platform operator for one (createChannelAccount with pluginId "sandbox", then addSendingNumber).',
    );
  }
}

/** simulateInboundMessage whose text Parley's own webhook did not take in time (many simulations at once). */
export class SandboxBusyError extends DomainError {
  readonly code = 'SANDBOX_BUSY';
  constructor() {
    super(
      'The sandbox could not hand the simulated text to Parley in time: Parley is busy. Try again in a moment; the text may have arrived anyway, so check the conversation first.',
    );
  }
}

/**
 * Free text outside the channel's session window (WhatsApp: 24 hours after the
 * candidate's last message). `closedAt` is null when the candidate never wrote;
 * `template` is the re-engagement template to send instead.
 */
/**
 * A re-engagement template went out less than a day ago and the candidate has not answered: another would
 * cost again and, unanswered, lowers the number's quality rating at the provider.
 */
export class ReengagementPendingError extends DomainError {
  readonly code = 'REENGAGEMENT_PENDING';
  constructor(
    readonly sentAt: Date,
    readonly retryAt: Date,
  ) {
    super(
      `A re-engagement template went out at ${sentAt.toISOString()} and the candidate has not answered yet. ` +
        `Wait for their reply, or send it again after ${retryAt.toISOString()}.`,
    );
  }
}

export class SessionWindowClosedError extends DomainError {
  readonly code = 'SESSION_WINDOW_CLOSED';
  constructor(
    readonly channel: string,
    readonly closedAt: Date | null,
    readonly template: (ApprovedTemplate & { body: string }) | null,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The message would go out inside the tenant's quiet hours in the candidate's
 * local time (every zone they may be in). `nextAllowedAt` is when it may go
 * (null: the zones' allowed hours never meet); send with `holdUntilAllowed` to
 * schedule it for then.
 */
export class QuietHoursError extends DomainError {
  readonly code = 'QUIET_HOURS';
  constructor(
    readonly nextAllowedAt: Date | null,
    readonly timeZones: string[],
  ) {
    super(
      nextAllowedAt
        ? `It is quiet hours for the candidate (${timeZones.join(', ')}): the message may go at ${nextAllowedAt.toISOString()}. Send it with holdUntilAllowed to schedule it for then.`
        : `Quiet hours hold somewhere in every hour across the candidate's time zones (${timeZones.join(', ')}): set the candidate's time zone.`,
    );
  }
}

/** Only a scheduled message that has not gone out can be cancelled. */
export class MessageNotScheduledError extends DomainError {
  readonly code = 'MESSAGE_NOT_SCHEDULED';
  constructor(readonly status: string) {
    super(`The message is ${status}, not scheduled: it can no longer be cancelled.`);
  }
}

/** A consent invitation on a channel that has none (WhatsApp): consent comes from the form or a recruiter's record. */
export class ConsentInvitationNotAvailableError extends DomainError {
  readonly code = 'CONSENT_INVITATION_NOT_AVAILABLE';
  constructor(readonly channel: string) {
    super(
      `${channel} has no consent invitation (no YES reply to ask for). Consent comes from the application form: have the ATS send the form's ${channel} consent, or record the candidate's consent with evidence (recordConsent).`,
    );
  }
}

/** A number the channel account does not hold at its provider: adding it would let the tenant read another's texts. */
export class NumberNotOwnedError extends DomainError {
  readonly code = 'NUMBER_NOT_OWNED';
  constructor(
    readonly e164: string,
    readonly pluginId: string,
  ) {
    super(
      `${pluginId} does not list ${e164} for this channel account: buy or port the number into that account first, or add it through the account that holds it.`,
    );
  }
}

/** The provider could not be asked whether the account holds the number (down, or it refused the credentials): nothing was added. */
export class NumberOwnershipUnverifiedError extends DomainError {
  readonly code = 'NUMBER_OWNERSHIP_UNVERIFIED';
  constructor(
    readonly pluginId: string,
    readonly providerError: string,
    message: string,
  ) {
    super(message);
  }
}

/** The sending number has used its monthly allowance (sent and received messages) in the tenant's time zone. */
export class AllowanceExhaustedError extends DomainError {
  readonly code = 'ALLOWANCE_EXHAUSTED';
  constructor(
    /** The number's E.164. */
    readonly number: string,
    readonly allowance: number,
    readonly used: number,
    /** When the next month starts in the tenant's time zone, and usage with it from zero. */
    readonly resetsAt: Date,
  ) {
    super(
      `${number} has used ${used} of its ${allowance} messages this month; sending from it resumes at ${resetsAt.toISOString()}. Ask an admin to raise the allowance.`,
    );
  }
}

/** A sending number already has as many assigned users as the tenant allows (maxUsersPerNumber). */
export class NumberAssignmentLimitReachedError extends DomainError {
  readonly code = 'NUMBER_ASSIGNMENT_LIMIT_REACHED';
  constructor(
    readonly number: string,
    readonly limit: number,
    readonly assigned: number,
  ) {
    super(
      `${number} already has ${assigned} assigned users, the most your company allows per number (${limit}). Unassign someone first, or raise maxUsersPerNumber.`,
    );
  }
}
