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
import { ReengagementTemplate } from './session-window.ts';

export const ErrorCodeEnum = builder.enumType('ErrorCode', { values: errorCodes });

/** Every expected failure implements Error, so a client can always ask for `... on Error { code message }`. */
export const ErrorInterface = builder.interfaceRef<DomainError>('Error').implement({
  description: 'An expected failure: the message says what went wrong and what to do next.',
  fields: (t) => ({
    message: t.exposeString('message'),
    code: t.field({ type: ErrorCodeEnum, resolve: (e) => e.code as ErrorCode }),
  }),
});

const FieldIssue = builder.objectRef<{ field: string; message: string }>('FieldIssue').implement({
  fields: (t) => ({ field: t.exposeString('field'), message: t.exposeString('message') }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  interfaces: [ErrorInterface],
  description:
    'The input was refused; `field` names the first bad input field, `issues` lists them all. Nothing was written.',
  fields: (t) => ({
    field: t.exposeString('field'),
    issues: t.field({ type: [FieldIssue], resolve: (e) => e.issues }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ entity: t.exposeString('entity'), id: t.exposeString('id') }),
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
  fields: (t) => ({ field: t.exposeString('field') }),
});

builder.objectType(SeatLimitReachedError, {
  name: 'SeatLimitReachedError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ purchased: t.exposeInt('purchased'), assigned: t.exposeInt('assigned') }),
});

builder.objectType(SeatsInUseError, {
  name: 'SeatsInUseError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ requested: t.exposeInt('requested'), unassigned: t.exposeInt('unassigned') }),
});

export const LockReasonEnum = builder.enumType('LockReason', { values: lockReasons });

builder.objectType(ConversationLockedError, {
  name: 'ConversationLockedError',
  interfaces: [ErrorInterface],
  description: 'The conversation cannot take this message on this channel; `reason` says why.',
  fields: (t) => ({ reason: t.field({ type: LockReasonEnum, resolve: (e) => e.reason }) }),
});

export const SendRefusalEnum = builder.enumType('SendRefusal', {
  values: ['NOT_A_USER', 'NOT_ON_HIRING_TEAM', 'NO_SEAT', 'NO_SEND_PERMISSION', 'NOT_ASSIGNED_TO_NUMBER'] as const,
});

builder.objectType(SendNotAllowedError, {
  name: 'SendNotAllowedError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ reason: t.field({ type: SendRefusalEnum, resolve: (e) => e.reason }) }),
});

builder.objectType(MessageKindNotAllowedError, {
  name: 'MessageKindNotAllowedError',
  description: "The tenant forbids this kind of message on this channel (see the tenant's messageKindRules).",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    kind: t.exposeString('kind', { description: "The built-in kind's name, or the tenant's own kind's key." }),
    channel: t.exposeString('channel'),
  }),
});

builder.objectType(MessageTooLongError, {
  name: 'MessageTooLongError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ length: t.exposeInt('length'), maxLength: t.exposeInt('maxLength') }),
});

builder.objectType(AttachmentsNotSupportedError, {
  name: 'AttachmentsNotSupportedError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ channel: t.exposeString('channel') }),
});

builder.objectType(IdempotencyKeyReusedError, { name: 'IdempotencyKeyReusedError', interfaces: [ErrorInterface] });

builder.objectType(NoSendingNumberError, {
  name: 'NoSendingNumberError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ channel: t.exposeString('channel') }),
});

builder.objectType(InsufficientCreditsError, {
  name: 'InsufficientCreditsError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    balance: t.exposeInt('balance', { description: 'Credits available now.' }),
    cost: t.exposeInt('cost', { description: 'What the message costs in credits.' }),
  }),
});

builder.objectType(ChannelUnavailableError, {
  name: 'ChannelUnavailableError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ channel: t.exposeString('channel') }),
});

builder.objectType(SettingNotAvailableError, {
  name: 'SettingNotAvailableError',
  interfaces: [ErrorInterface],
  description: 'The setting is not enforced by Parley yet, so it is refused rather than stored and ignored.',
  fields: (t) => ({ setting: t.exposeString('setting') }),
});

builder.objectType(SandboxNotAllowedError, {
  name: 'SandboxNotAllowedError',
  interfaces: [ErrorInterface],
  description:
    'Production: a simulated carrier (the sandbox) reaches no phone, so a tenant gets an account of it only with allowSandbox.',
  fields: (t) => ({ pluginId: t.exposeString('pluginId') }),
});

builder.objectType(SimulationNotAvailableError, {
  name: 'SimulationNotAvailableError',
  interfaces: [ErrorInterface],
  description:
    "Simulated inbound messages reach only numbers of the tenant's sandbox accounts; `number` is the one asked for (null: none given and the tenant has none).",
  fields: (t) => ({ number: t.exposeString('number', { nullable: true }) }),
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
    channel: t.exposeString('channel'),
    closedAt: t.expose('closedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the window closed; null when the candidate never wrote on this channel.',
    }),
    template: t.field({ type: ReengagementTemplate, nullable: true, resolve: (e) => e.template }),
  }),
});

builder.objectType(ConsentInvitationNotAvailableError, {
  name: 'ConsentInvitationNotAvailableError',
  interfaces: [ErrorInterface],
  description:
    'The channel has no consent invitation (WhatsApp): consent comes from the application form or a recruiter’s record (recordConsent with evidence).',
  fields: (t) => ({ channel: t.exposeString('channel') }),
});

builder.objectType(AllowanceExhaustedError, {
  name: 'AllowanceExhaustedError',
  interfaces: [ErrorInterface],
  description:
    "The sending number has used its monthly allowance (sent and received messages, in the tenant's time zone): sends from it are refused until `resetsAt`; replies still arrive.",
  fields: (t) => ({
    number: t.exposeString('number'),
    allowance: t.exposeInt('allowance'),
    used: t.exposeInt('used'),
    resetsAt: t.expose('resetsAt', { type: 'DateTime' }),
  }),
});

builder.objectType(NumberAssignmentLimitReachedError, {
  name: 'NumberAssignmentLimitReachedError',
  interfaces: [ErrorInterface],
  description: "The number already has the tenant's maxUsersPerNumber assigned users.",
  fields: (t) => ({ number: t.exposeString('number'), limit: t.exposeInt('limit'), assigned: t.exposeInt('assigned') }),
});

builder.objectType(NumberNotOwnedError, {
  name: 'NumberNotOwnedError',
  interfaces: [ErrorInterface],
  description:
    "The channel account's provider does not list the number for that account: it was not added (whoever holds a number receives its texts).",
  fields: (t) => ({ e164: t.exposeString('e164'), pluginId: t.exposeString('pluginId') }),
});

builder.objectType(NumberOwnershipUnverifiedError, {
  name: 'NumberOwnershipUnverifiedError',
  interfaces: [ErrorInterface],
  description:
    "The provider could not be asked whether the account holds the number (unreachable, or it refused the account's credentials): nothing was added; the message says what to do.",
  fields: (t) => ({
    pluginId: t.exposeString('pluginId'),
    providerError: t.exposeString('providerError', {
      description: 'The error vocabulary code, e.g. PROVIDER_UNAVAILABLE.',
    }),
  }),
});
