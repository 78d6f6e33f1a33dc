import {
  AllowanceExhaustedError,
  AttachmentsNotSupportedError,
  ChannelUnavailableError,
  ConflictError,
  ConsentInvitationNotAvailableError,
  ConversationLockedError,
  type DomainError,
  type ErrorCode,
  errorCodes,
  IdempotencyKeyReusedError,
  InsufficientCreditsError,
  MessageKindNotAllowedError,
  MessageTooLongError,
  NoSendingNumberError,
  NotAuthorizedError,
  NotFoundError,
  NumberAssignmentLimitReachedError,
  NumberNotOwnedError,
  NumberOwnershipUnverifiedError,
  ReengagementPendingError,
  SandboxBusyError,
  SandboxNotAllowedError,
  SeatLimitReachedError,
  SeatsInUseError,
  SendNotAllowedError,
  SessionWindowClosedError,
  SettingNotAvailableError,
  SimulationNotAvailableError,
  ValidationError,
} from '../../api/domain/errors.ts';
import { lockReasons } from '../../api/messaging/consent/locks.ts';
import { builder } from '../builder.ts';
import { describedValues } from '../described-values.ts';
import { ReengagementTemplate } from './session-window.ts';

export const ErrorCodeEnum = builder.enumType('ErrorCode', {
  description:
    "Every expected failure's code: what `Error.code` and a GraphQL error's `extensions.code` carry for refusals of the domain.",
  values: describedValues(errorCodes, {
    VALIDATION:
      'The input was refused (ValidationError, with every issue), or an id or cursor is not one this API returned.',
    NOT_FOUND: 'No such object, or one you may not read (NotFoundError).',
    NOT_AUTHORIZED: 'Authenticated, but your credential may not do this (NotAuthorizedError).',
    CONFLICT: 'The change collides with an existing row, e.g. a duplicate email or name (ConflictError).',
    SEAT_LIMIT_REACHED: 'Every bought seat is assigned (SeatLimitReachedError).',
    SEATS_IN_USE: 'Fewer seats are unassigned than you asked to release (SeatsInUseError).',
    CONVERSATION_LOCKED:
      'The conversation cannot take a message on this channel (ConversationLockedError, with the reason).',
    SEND_NOT_ALLOWED: 'You may not send here (SendNotAllowedError, with the rule).',
    MESSAGE_TOO_LONG: 'The body is over 1,600 characters (MessageTooLongError).',
    MESSAGE_KIND_NOT_ALLOWED: 'The tenant forbids this kind of message on this channel (MessageKindNotAllowedError).',
    ATTACHMENTS_NOT_SUPPORTED: 'The channel carries no attachments (AttachmentsNotSupportedError).',
    IDEMPOTENCY_KEY_REUSED: 'The idempotency key was used with a different request (IdempotencyKeyReusedError).',
    NO_SENDING_NUMBER: 'No number can send for you on this channel (NoSendingNumberError).',
    INSUFFICIENT_CREDITS: "The tenant's credits do not cover the cost (InsufficientCreditsError).",
    CHANNEL_UNAVAILABLE: 'Nothing can send on this channel for the tenant (ChannelUnavailableError).',
    SETTING_NOT_AVAILABLE:
      'A setting Parley does not enforce yet, refused rather than ignored (SettingNotAvailableError).',
    CURSOR_EXPIRED:
      'The cursor is older than the event log keeps; `extensions.oldestCursor` is where to restart after re-reading state.',
    SANDBOX_NOT_ALLOWED: 'A sandbox channel account in production without allowSandbox (SandboxNotAllowedError).',
    SIMULATION_NOT_AVAILABLE:
      "Simulated inbound messages only reach the tenant's sandbox numbers (SimulationNotAvailableError).",
    SANDBOX_BUSY: 'The sandbox could not deliver the simulated text in time: retry shortly (SandboxBusyError).',
    SESSION_WINDOW_CLOSED: "Free text outside WhatsApp's 24-hour window: send a template (SessionWindowClosedError).",
    REENGAGEMENT_PENDING:
      'A re-engagement template went out less than a day ago, unanswered (ReengagementPendingError).',
    CONSENT_INVITATION_NOT_AVAILABLE: 'The channel has no consent invitation (ConsentInvitationNotAvailableError).',
    ALLOWANCE_EXHAUSTED: 'The sending number used its monthly allowance (AllowanceExhaustedError).',
    NUMBER_ASSIGNMENT_LIMIT_REACHED:
      'The number already has maxUsersPerNumber users (NumberAssignmentLimitReachedError).',
    QUIET_HOURS: "The candidate's quiet hours: schedule with sendAt or wait for nextAllowedAt (QuietHoursError).",
    MESSAGE_NOT_SCHEDULED: 'The message is no longer scheduled, so it cannot be cancelled (MessageNotScheduledError).',
    NUMBER_NOT_OWNED: 'The provider does not list the number for the account (NumberNotOwnedError).',
    NUMBER_OWNERSHIP_UNVERIFIED: 'The provider could not be asked about the number (NumberOwnershipUnverifiedError).',
  }),
});

/** Every expected failure implements Error, so a client can always ask for `... on Error { code message }`. */
export const ErrorInterface = builder.interfaceRef<DomainError>('Error').implement({
  description: 'An expected failure: the message says what went wrong and what to do next.',
  fields: (t) => ({
    message: t.exposeString('message', {
      description: 'What went wrong and what to do next, in a sentence you can show a recruiter.',
    }),
    code: t.field({
      description:
        "Which failure this is, stable for your code to branch on (the same as the type's name, in the ErrorCode vocabulary).",
      type: ErrorCodeEnum,
      resolve: (e) => e.code as ErrorCode,
    }),
  }),
});

const FieldIssue = builder.objectRef<{ field: string; message: string }>('FieldIssue').implement({
  description: 'One problem with one input field of a refused request.',
  fields: (t) => ({
    field: t.exposeString('field', { description: 'The path of the input field, e.g. `input.email` or `ids.2`.' }),
    message: t.exposeString('message', {
      description: 'What is wrong with it, e.g. "must be a valid email address".',
    }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  interfaces: [ErrorInterface],
  description:
    'The input was refused; `field` names the first bad input field, `issues` lists them all. Nothing was written.',
  fields: (t) => ({
    field: t.exposeString('field', {
      description: 'The path of the first refused input field (`issues` lists all of them).',
    }),
    issues: t.field({
      description: 'Every refused input field with its problem; fix them all before sending again.',
      type: [FieldIssue],
      resolve: (e) => e.issues,
    }),
  }),
});

builder.objectType(NotFoundError, {
  description:
    'The object does not exist, or you may not read it (the two look the same, so ids of other tenants reveal nothing).',
  name: 'NotFoundError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    entity: t.exposeString('entity', { description: 'The type that was looked for, e.g. Conversation.' }),
    id: t.exposeString('id', { description: 'The id that was asked for, as you sent it.' }),
  }),
});

builder.objectType(NotAuthorizedError, {
  name: 'NotAuthorizedError',
  interfaces: [ErrorInterface],
  description: 'The caller is authenticated but may not do this.',
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  interfaces: [ErrorInterface],
  description: 'The change collides with an existing row; `field` names the input that collides.',
  fields: (t) => ({
    field: t.exposeString('field', { description: 'The input field that collides, e.g. `input.email`.' }),
  }),
});

builder.objectType(SeatLimitReachedError, {
  description:
    'Every seat the tenant bought is assigned: buy seats (buySeats) or unassign one before assigning another.',
  name: 'SeatLimitReachedError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    purchased: t.exposeInt('purchased', { description: 'Seats the tenant has bought.' }),
    assigned: t.exposeInt('assigned', { description: 'Seats assigned to users now.' }),
  }),
});

builder.objectType(SeatsInUseError, {
  description:
    'Releasing that many seats would take seats from users: only unassigned seats can be released, all or none.',
  name: 'SeatsInUseError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    requested: t.exposeInt('requested', { description: 'Seats you asked to release.' }),
    unassigned: t.exposeInt('unassigned', { description: 'Seats free to release now.' }),
  }),
});

export const LockReasonEnum = builder.enumType('LockReason', {
  description: 'Why a conversation cannot take a message on a channel, each with what unlocks it.',
  values: describedValues(lockReasons, {
    CHANNEL_DISABLED: 'The tenant has not enabled this channel; an admin can (updateTenantSettings).',
    CHANNEL_UNAVAILABLE: 'No provider is set up for this channel; ask the platform operator.',
    NO_PHONE_NUMBER: 'The candidate has no phone number; the ATS can add one (upsertCandidate).',
    INVALID_PHONE_NUMBER: "The candidate's number is not valid for its country; ask for the right one.",
    NO_CONSENT: 'The candidate has not agreed to messages: send an invitation (sendConsentInvite) or record consent.',
    INVITED_WAITING: 'An invitation went out; it opens when the candidate replies YES. It may be sent again.',
    INVITATION_FAILED: 'The invitation could not be delivered; check the number, then invite again.',
    OPTED_OUT: 'The candidate texted STOP; only they can opt back in (START).',
    CARRIER_BLOCKED: "The candidate's carrier refuses messages to this number.",
    SESSION_WINDOW_CLOSED:
      "WhatsApp's 24-hour window is closed: only an approved template may go out (sendReengagementTemplate).",
  }),
});

builder.objectType(ConversationLockedError, {
  name: 'ConversationLockedError',
  interfaces: [ErrorInterface],
  description: 'The conversation cannot take this message on this channel; `reason` says why.',
  fields: (t) => ({
    reason: t.field({
      description: 'Why the conversation cannot take a message on this channel; LockReason says what unlocks it.',
      type: LockReasonEnum,
      resolve: (e) => e.reason,
    }),
  }),
});

export const SendRefusalEnum = builder.enumType('SendRefusal', {
  description: 'Which send rule refused you in a conversation.',
  values: describedValues(
    ['NOT_A_USER', 'NOT_ON_HIRING_TEAM', 'NO_SEAT', 'NO_SEND_PERMISSION', 'NOT_ASSIGNED_TO_NUMBER'],
    {
      NOT_A_USER: 'Only a user may send here, not the API key (e.g. the tenant requires seats or send permission).',
      NOT_ON_HIRING_TEAM: "You are not on the hiring team of the application (or the community's team).",
      NO_SEAT: 'The tenant requires a seat to send and you have none.',
      NO_SEND_PERMISSION: 'The tenant requires the send permission (canSend) and you lack it.',
      NOT_ASSIGNED_TO_NUMBER: "On the number-assignment model, you are not assigned to the conversation's number.",
    },
  ),
});

builder.objectType(SendNotAllowedError, {
  description:
    'You may not send in this conversation; `reason` says which rule refused it (seat, send permission, hiring team, number assignment).',
  name: 'SendNotAllowedError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    reason: t.field({
      description: 'The rule that refused the send.',
      type: SendRefusalEnum,
      resolve: (e) => e.reason,
    }),
  }),
});

builder.objectType(MessageKindNotAllowedError, {
  name: 'MessageKindNotAllowedError',
  description: "The tenant forbids this kind of message on this channel (see the tenant's messageKindRules).",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    kind: t.exposeString('kind', { description: "The built-in kind's name, or the tenant's own kind's key." }),
    channel: t.exposeString('channel', { description: 'The channel the kind is forbidden on (SMS, WHATSAPP).' }),
  }),
});

builder.objectType(MessageTooLongError, {
  description:
    'The body is longer than a message may be (1,600 characters): shorten it or split it into several messages.',
  name: 'MessageTooLongError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    length: t.exposeInt('length', { description: "The body's length in characters." }),
    maxLength: t.exposeInt('maxLength', { description: 'The longest body accepted, in characters (1,600).' }),
  }),
});

builder.objectType(AttachmentsNotSupportedError, {
  description: 'The channel cannot carry attachments (SMS): send the message without them, or on a channel that can.',
  name: 'AttachmentsNotSupportedError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ channel: t.exposeString('channel', { description: 'The channel that carries no attachments.' }) }),
});

builder.objectType(IdempotencyKeyReusedError, {
  description:
    'The idempotency key was used before with a different request: use a new key for a new message; resend the same request to get the first result.',
  name: 'IdempotencyKeyReusedError',
  interfaces: [ErrorInterface],
});

builder.objectType(NoSendingNumberError, {
  description:
    'No number of the tenant can send on this channel (none added, or none assigned to you on the number-assignment model): add or assign one.',
  name: 'NoSendingNumberError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ channel: t.exposeString('channel', { description: 'The channel that has no sending number.' }) }),
});

builder.objectType(InsufficientCreditsError, {
  description: "The tenant's credits do not cover the message's cost: top up (operator) or wait; nothing was queued.",
  name: 'InsufficientCreditsError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    balance: t.exposeInt('balance', { description: 'Credits available now.' }),
    cost: t.exposeInt('cost', { description: 'What the message costs in credits.' }),
  }),
});

builder.objectType(ChannelUnavailableError, {
  description:
    "Nothing can send on this channel for the tenant: no active channel account of its own and no permission to use the platform's.",
  name: 'ChannelUnavailableError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ channel: t.exposeString('channel', { description: 'The channel that cannot be used.' }) }),
});

builder.objectType(SettingNotAvailableError, {
  name: 'SettingNotAvailableError',
  interfaces: [ErrorInterface],
  description: 'The setting is not enforced by Parley yet, so it is refused rather than stored and ignored.',
  fields: (t) => ({ setting: t.exposeString('setting', { description: 'The name of the refused setting.' }) }),
});

builder.objectType(SandboxNotAllowedError, {
  name: 'SandboxNotAllowedError',
  interfaces: [ErrorInterface],
  description:
    'Production: a simulated carrier (the sandbox) reaches no phone, so a tenant gets an account of it only with allowSandbox.',
  fields: (t) => ({ pluginId: t.exposeString('pluginId', { description: 'The sandbox plugin asked for.' }) }),
});

builder.objectType(SimulationNotAvailableError, {
  name: 'SimulationNotAvailableError',
  interfaces: [ErrorInterface],
  description:
    "Simulated inbound messages reach only numbers of the tenant's sandbox accounts; `number` is the one asked for (null: none given and the tenant has none).",
  fields: (t) => ({
    number: t.exposeString('number', {
      description: 'The number asked for, E.164; null when none was given and the tenant has no sandbox number.',
      nullable: true,
    }),
  }),
});

builder.objectType(SandboxBusyError, {
  name: 'SandboxBusyError',
  interfaces: [ErrorInterface],
  description:
    'The sandbox could not hand a simulated text to Parley in time (many simulations at once): try again in a moment; check the conversation first, the text may have arrived.',
});

builder.objectType(ReengagementPendingError, {
  name: 'ReengagementPendingError',
  interfaces: [ErrorInterface],
  description:
    'A re-engagement template went out less than a day ago and the candidate has not answered: wait for their reply, or send again at `retryAt`.',
  fields: (t) => ({
    sentAt: t.expose('sentAt', { type: 'DateTime', description: 'When the unanswered template went out.' }),
    retryAt: t.expose('retryAt', { type: 'DateTime', description: 'From when another may be sent.' }),
  }),
});

builder.objectType(SessionWindowClosedError, {
  name: 'SessionWindowClosedError',
  interfaces: [ErrorInterface],
  description:
    "Free text outside the channel's session window (WhatsApp: 24 hours after the candidate's last message). Send `template` with sendReengagementTemplate; the candidate's reply opens the window.",
  fields: (t) => ({
    channel: t.exposeString('channel', { description: 'The channel whose session window is closed (WHATSAPP).' }),
    closedAt: t.expose('closedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the window closed; null when the candidate never wrote on this channel.',
    }),
    template: t.field({
      description:
        'The approved template to send instead (sendReengagementTemplate); null when the tenant has none approved.',
      type: ReengagementTemplate,
      nullable: true,
      resolve: (e) => e.template,
    }),
  }),
});

builder.objectType(ConsentInvitationNotAvailableError, {
  name: 'ConsentInvitationNotAvailableError',
  interfaces: [ErrorInterface],
  description:
    'The channel has no consent invitation (WhatsApp): consent comes from the application form or a recruiter’s record (recordConsent with evidence).',
  fields: (t) => ({ channel: t.exposeString('channel', { description: 'The channel without a consent invitation.' }) }),
});

builder.objectType(AllowanceExhaustedError, {
  name: 'AllowanceExhaustedError',
  interfaces: [ErrorInterface],
  description:
    "The sending number has used its monthly allowance (sent and received messages, in the tenant's time zone): sends from it are refused until `resetsAt`; replies still arrive.",
  fields: (t) => ({
    number: t.exposeString('number', { description: 'The sending number, E.164.' }),
    allowance: t.exposeInt('allowance', {
      description: 'Messages (sent and received) the number may carry per month.',
    }),
    used: t.exposeInt('used', { description: 'Messages it carried this month so far.' }),
    resetsAt: t.expose('resetsAt', {
      description: "When the month ends and sends from it are accepted again (the tenant's time zone).",
      type: 'DateTime',
    }),
  }),
});

builder.objectType(NumberAssignmentLimitReachedError, {
  name: 'NumberAssignmentLimitReachedError',
  interfaces: [ErrorInterface],
  description: "The number already has the tenant's maxUsersPerNumber assigned users.",
  fields: (t) => ({
    number: t.exposeString('number', { description: 'The number, E.164.' }),
    limit: t.exposeInt('limit', { description: "The tenant's maxUsersPerNumber." }),
    assigned: t.exposeInt('assigned', { description: 'Users assigned to the number now.' }),
  }),
});

builder.objectType(NumberNotOwnedError, {
  name: 'NumberNotOwnedError',
  interfaces: [ErrorInterface],
  description:
    "The channel account's provider does not list the number for that account: it was not added (whoever holds a number receives its texts).",
  fields: (t) => ({
    e164: t.exposeString('e164', { description: 'The number that the provider does not list, E.164.' }),
    pluginId: t.exposeString('pluginId', { description: 'The channel plugin of the account asked (e.g. twilio-sms).' }),
  }),
});

builder.objectType(NumberOwnershipUnverifiedError, {
  name: 'NumberOwnershipUnverifiedError',
  interfaces: [ErrorInterface],
  description:
    "The provider could not be asked whether the account holds the number (unreachable, or it refused the account's credentials): nothing was added; the message says what to do.",
  fields: (t) => ({
    pluginId: t.exposeString('pluginId', { description: 'The channel plugin of the account (e.g. twilio-sms).' }),
    providerError: t.exposeString('providerError', {
      description: 'The error vocabulary code, e.g. PROVIDER_UNAVAILABLE.',
    }),
  }),
});
