/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Which kind of credential a request is authenticated with. */
export type ActorKind =
  /** No credential was sent. */
  | 'ANONYMOUS'
  /** A tenant’s API key: the partner backend. */
  | 'API_KEY'
  /** The platform operator (OPERATOR_KEY). */
  | 'OPERATOR'
  /** A user token: one recruiter or admin of a tenant. */
  | 'USER';

/** What the candidate ticked on the application form: one box for all texting, or one per channel. Nothing ticked means opted out. */
export type ApplicationConsentInput = {
  /** The candidate agreed to SMS on the application form. */
  sms?: boolean | null | undefined;
  /** The candidate agreed to texting in general on the form (applies to every text channel). */
  texting?: boolean | null | undefined;
  /** The candidate agreed to WhatsApp messages on the application form. */
  whatsapp?: boolean | null | undefined;
};

/** An application as the ATS knows it: created or updated by its externalId. */
export type ApplicationInput = {
  /** The ATS's id of the candidate (upsertCandidate first). */
  candidateExternalId: string;
  /** What the candidate agreed to on the application form; omitted: unchanged. */
  consent?: ApplicationConsentInput | null | undefined;
  /** The ATS's id for this application; the same id updates it. */
  externalId: string;
  /** Replaces the hiring team; null or [] leaves the application without one. Omit it to keep the team. */
  hiringTeam?: Array<string | number> | null | undefined;
  /** The ATS's id of the job (upsertJob first). */
  jobExternalId: string;
  /** The ATS's status; null clears it. Omit it to keep the stored one. */
  status?: string | null | undefined;
};

/** An application’s status changed in your ATS. */
export type ApplicationStatusChangedInput = {
  /** The event and its application. */
  event: WorkflowEventInput;
  /** The status before, when known. */
  from?: string | null | undefined;
  /** The new status. */
  to: string;
};

/** The candidate completed a call-to-action (booked an interview, finished an assessment, …). */
export type CallToActionCompletedInput = {
  /** The call-to-action’s name. */
  callToAction: string;
  /** The event, its application and its data (values). */
  event: WorkflowEventInput;
};

/** A candidate as the ATS knows them: created or updated by externalId. */
export type CandidateInput = {
  /** A second phone number, in the same formats as `phone`; null clears it. */
  alternatePhone?: string | null | undefined;
  /** ISO country for numbers without +; default: the tenant's. */
  country?: string | null | undefined;
  /** The ATS's id; upserting the same id updates the candidate. */
  externalId: string;
  /** The candidate's full name. */
  name: string;
  /** Digits, spaces, dashes, dots, parentheses and a leading + are fine; letters and other symbols are refused. Null removes the number; omit it to keep the stored one. */
  phone?: string | null | undefined;
  /** Which number to text; omit it to keep the stored choice (MAIN for a new candidate). */
  preferredPhone?: PhoneChoice | null | undefined;
  /** The candidate's IANA time zone (Europe/Paris) for quiet hours; null clears it (then every zone of the number's country applies); omit it to keep the stored one. */
  timeZone?: string | null | undefined;
};

/** Where the candidate's time zone was learned from. */
export type CandidateTimeZoneSource =
  /** The candidate's time zone as the ATS stated it. */
  | 'CANDIDATE'
  /** Every zone of the number's country: quiet hours must allow the message in each. */
  | 'COUNTRY'
  /** Nothing known: quiet hours do not apply. */
  | 'UNKNOWN';

/** A channel Parley sends, receives and locks on. Email is not one: the ATS records emails (recordEmail). */
export type Channel =
  /** Text messages over a carrier (Twilio, or the sandbox). */
  | 'SMS'
  /** WhatsApp messages; free text only inside the 24-hour session window. */
  | 'WHATSAPP';

/** Whether a channel account is in use. */
export type ChannelAccountStatus =
  /** In use: its numbers send and receive. */
  | 'ACTIVE'
  /** Switched off (disableChannelAccount): nothing is sent through it; kept for its history. */
  | 'DISABLED';

/** A community as the ATS knows it: created or updated by externalId. */
export type CommunityInput = {
  /** The ATS's id; the same id updates it. */
  externalId: string;
  /** The community's name. */
  name: string;
  /** Replaces the sourcing team; null or [] leaves none. Omit it to keep the team. */
  team?: Array<string | number> | null | undefined;
};

/** The period of the consent changes report. */
export type ConsentChangesFilter = {
  /** Changes at or after this time. */
  from: string;
  /** Changes before this time (after from). */
  to: string;
};

/** What your company needs before texting a candidate: DOUBLE_OPT_IN (the form, then a YES to an invitation), APPLICATION_OPT_IN (the form is enough), LEGITIMATE_INTEREST (no prior consent for messages about their own application; prospects still need consent). A STOP is honoured in every model. */
export type ConsentModel =
  /** The application form's consent is enough. */
  | 'APPLICATION_OPT_IN'
  /** The application form's consent, then a YES to an invitation, before any message. */
  | 'DOUBLE_OPT_IN'
  /** Messages about the candidate's own application need no prior consent; prospects still do. */
  | 'LEGITIMATE_INTEREST';

/** What changed a candidate's consent. */
export type ConsentSource =
  /** The candidate agreed on the application form (reported by the ATS). */
  | 'APPLICATION'
  /** The carrier reported it, e.g. the number blocked by the candidate's carrier. */
  | 'CARRIER'
  /** The candidate answered YES to a consent invitation. */
  | 'INVITE'
  /** The candidate texted a keyword (START or STOP). */
  | 'KEYWORD'
  /** A recruiter recorded it with evidence (recordConsent). */
  | 'RECRUITER';

/** Whether a candidate agreed to messages on a channel. */
export type ConsentState =
  /** Agreed on the application form; under DOUBLE_OPT_IN an invitation's YES is still needed. */
  | 'CONSENTED'
  /** An invitation went out; waiting for the candidate's YES. */
  | 'INVITED'
  /** No consent on record: nothing may be sent (except an invitation where the model allows). */
  | 'NONE'
  /** The candidate agreed (YES, START, or consent recorded with evidence): messages may go out. */
  | 'OPTED_IN'
  /** The candidate texted STOP: nothing more is sent until they text START. */
  | 'OPTED_OUT';

/** A new message template. */
export type CreateMessageTemplateInput = {
  /** At most 1600 characters. Merge fields: {candidate.firstName}, {candidate.name}, {job.title}, {company}, {recruiter.name}, {interview.bookingLink}, {interview.time} and {custom.<name>} for each declared custom field. {interview.bookingLink} stands alone between spaces or line breaks. */
  body: string;
  /** Only this channel; leave out for any. */
  channel?: Channel | null | undefined;
  /** Your own merge fields, by name (a letter, then letters, digits, underscores); each must be used as {custom.<name>}. */
  customFields?: Array<string> | null | undefined;
  /** With kind CUSTOM: your own kind's key. */
  customKind?: string | null | undefined;
  /** Its messages’ kind (default CHAT). */
  kind?: MessageKind | null | undefined;
  /** Unique in your tenant, at most 100 characters. */
  name: string;
  /** The provider template it is sent as on WhatsApp. */
  whatsapp?: WhatsAppTemplateMappingInput | null | undefined;
  /** With whatsapp: its review at the provider as you know it (default PENDING). */
  whatsappApproval?: WhatsAppTemplateApproval | null | undefined;
};

/** A new tenant (a company using Parley): operator only. */
export type CreateTenantInput = {
  /** The channels its users may message on; default SMS. */
  enabledChannels?: Array<Channel> | null | undefined;
  /** The company's name, shown to its users. */
  name: string;
};

/** A new user (recruiter or admin) of your tenant. */
export type CreateUserInput = {
  /** May send messages when the tenant requires the send permission (default false). */
  canSend?: boolean | null | undefined;
  /** May read the tenant's credit balance and ledger. */
  canViewCredits?: boolean | null | undefined;
  /** May read the tenant's reports: every message of the tenant, not only their own conversations'. */
  canViewReports?: boolean | null | undefined;
  /** Their email address, unique in the tenant. */
  email: string;
  /** The partner ATS's id for this user. */
  externalId?: string | null | undefined;
  /** Their full name, shown in conversations. */
  name: string;
  /** RECRUITER (default) or ADMIN. */
  role?: Role | null | undefined;
};

/** A new webhook endpoint. */
export type CreateWebhookEndpointInput = {
  /** What the endpoint is for (at most 500 characters). */
  description?: string | null | undefined;
  /** The event types to receive (at least one); leave out for every type. */
  eventTypes?: Array<TenantEventType> | null | undefined;
  /** Where to POST: https in production; must resolve to public addresses only (no loopback, private or link-local). */
  url: string;
};

/** TOPUP adds credits; RESERVATION holds a queued message’s cost; CHARGE spends it when the provider accepts the message; RELEASE gives it back when the message fails or is withdrawn; REFUND gives back a charge. */
export type CreditEntryKind =
  /** Credits spent when the provider accepted the message. */
  | 'CHARGE'
  /** A charge given back. */
  | 'REFUND'
  /** A reservation given back when the message failed or was withdrawn. */
  | 'RELEASE'
  /** Credits held for a queued message's cost. */
  | 'RESERVATION'
  /** Credits added by the operator (topUpCredits). */
  | 'TOPUP';

/** A message kind of your own, to which kind rules may then apply. */
export type DefineMessageKindInput = {
  /** Lowercase letters, digits and dashes, e.g. assessment-reminder. */
  key: string;
  /** How people see it, e.g. "Assessment reminder". */
  label: string;
};

/** Whether a message went to the candidate or came from them. */
export type Direction =
  /** Received from the candidate. */
  | 'INBOUND'
  /** Sent to the candidate (by a user, the API key, a workflow or Parley itself). */
  | 'OUTBOUND';

/** Every expected failure's code: what `Error.code` and a GraphQL error's `extensions.code` carry for refusals of the domain. */
export type ErrorCode =
  /** The sending number used its monthly allowance (AllowanceExhaustedError). */
  | 'ALLOWANCE_EXHAUSTED'
  /** The channel carries no attachments (AttachmentsNotSupportedError). */
  | 'ATTACHMENTS_NOT_SUPPORTED'
  /** Nothing can send on this channel for the tenant (ChannelUnavailableError). */
  | 'CHANNEL_UNAVAILABLE'
  /** The change collides with an existing row, e.g. a duplicate email or name (ConflictError). */
  | 'CONFLICT'
  /** The channel has no consent invitation (ConsentInvitationNotAvailableError). */
  | 'CONSENT_INVITATION_NOT_AVAILABLE'
  /** The conversation cannot take a message on this channel (ConversationLockedError, with the reason). */
  | 'CONVERSATION_LOCKED'
  /** The cursor is older than the event log keeps; `extensions.oldestCursor` is where to restart after re-reading state. */
  | 'CURSOR_EXPIRED'
  /** The idempotency key was used with a different request (IdempotencyKeyReusedError). */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** The tenant's credits do not cover the cost (InsufficientCreditsError). */
  | 'INSUFFICIENT_CREDITS'
  /** The tenant forbids this kind of message on this channel (MessageKindNotAllowedError). */
  | 'MESSAGE_KIND_NOT_ALLOWED'
  /** The message is no longer scheduled, so it cannot be cancelled (MessageNotScheduledError). */
  | 'MESSAGE_NOT_SCHEDULED'
  /** The body is over 1,600 characters (MessageTooLongError). */
  | 'MESSAGE_TOO_LONG'
  /** Authenticated, but your credential may not do this (NotAuthorizedError). */
  | 'NOT_AUTHORIZED'
  /** No such object, or one you may not read (NotFoundError). */
  | 'NOT_FOUND'
  /** No number can send for you on this channel (NoSendingNumberError). */
  | 'NO_SENDING_NUMBER'
  /** The number already has maxUsersPerNumber users (NumberAssignmentLimitReachedError). */
  | 'NUMBER_ASSIGNMENT_LIMIT_REACHED'
  /** The provider does not list the number for the account (NumberNotOwnedError). */
  | 'NUMBER_NOT_OWNED'
  /** The provider could not be asked about the number (NumberOwnershipUnverifiedError). */
  | 'NUMBER_OWNERSHIP_UNVERIFIED'
  /** The candidate's quiet hours: schedule with sendAt or wait for nextAllowedAt (QuietHoursError). */
  | 'QUIET_HOURS'
  /** A re-engagement template went out less than a day ago, unanswered (ReengagementPendingError). */
  | 'REENGAGEMENT_PENDING'
  /** The sandbox could not deliver the simulated text in time: retry shortly (SandboxBusyError). */
  | 'SANDBOX_BUSY'
  /** A sandbox channel account in production without allowSandbox (SandboxNotAllowedError). */
  | 'SANDBOX_NOT_ALLOWED'
  /** Fewer seats are unassigned than you asked to release (SeatsInUseError). */
  | 'SEATS_IN_USE'
  /** Every bought seat is assigned (SeatLimitReachedError). */
  | 'SEAT_LIMIT_REACHED'
  /** You may not send here (SendNotAllowedError, with the rule). */
  | 'SEND_NOT_ALLOWED'
  /** Free text outside WhatsApp's 24-hour window: send a template (SessionWindowClosedError). */
  | 'SESSION_WINDOW_CLOSED'
  /** A setting Parley does not enforce yet, refused rather than ignored (SettingNotAvailableError). */
  | 'SETTING_NOT_AVAILABLE'
  /** Simulated inbound messages only reach the tenant's sandbox numbers (SimulationNotAvailableError). */
  | 'SIMULATION_NOT_AVAILABLE'
  /** The input was refused (ValidationError, with every issue), or an id or cursor is not one this API returned. */
  | 'VALIDATION';

/** Narrows the inbox; every filter given must hold. */
export type InboxFilter = {
  /** Only conversations that keep a number on this channel (SMS, WHATSAPP), or, for EMAIL, that have a recorded email. */
  channel?: MessageChannel | null | undefined;
  /** Only conversations about applications to this job. */
  jobId?: string | number | null | undefined;
  /** Only conversations you took part in (you wrote a message there). */
  mine?: boolean | null | undefined;
  /** Only candidates whose name contains this text (any case; at most 100 characters). */
  search?: string | null | undefined;
  /** Only conversations that keep this sending number (on any channel). */
  sendingNumberId?: string | number | null | undefined;
  /** Only conversations with a message from the candidate you have not read. */
  unread?: boolean | null | undefined;
  /** Archived and snoozed ones are hidden unless asked for. */
  view?: InboxView | null | undefined;
};

/** Which of your conversations the inbox lists, by your own archive and snooze. */
export type InboxView =
  /** Neither archived nor snoozed (the default). */
  | 'ACTIVE'
  /** Everything, archived and snoozed included. */
  | 'ALL'
  /** Archived by you, with no reply from the candidate since. */
  | 'ARCHIVED'
  /** Snoozed by you until a later time, with no reply from the candidate since. */
  | 'SNOOZED';

/** A job as the ATS knows it: created or updated by externalId. */
export type JobInput = {
  /** The ATS's id; the same id updates it. */
  externalId: string;
  /** The job's title. */
  title: string;
};

/** Why a conversation cannot take a message on a channel, each with what unlocks it. */
export type LockReason =
  /** The candidate's carrier refuses messages to this number. */
  | 'CARRIER_BLOCKED'
  /** The tenant has not enabled this channel; an admin can (updateTenantSettings). */
  | 'CHANNEL_DISABLED'
  /** No provider is set up for this channel; ask the platform operator. */
  | 'CHANNEL_UNAVAILABLE'
  /** The candidate's number is not valid for its country; ask for the right one. */
  | 'INVALID_PHONE_NUMBER'
  /** The invitation could not be delivered; check the number, then invite again. */
  | 'INVITATION_FAILED'
  /** An invitation went out; it opens when the candidate replies YES. It may be sent again. */
  | 'INVITED_WAITING'
  /** The candidate has not agreed to messages: send an invitation (sendConsentInvite) or record consent. */
  | 'NO_CONSENT'
  /** The candidate has no phone number; the ATS can add one (upsertCandidate). */
  | 'NO_PHONE_NUMBER'
  /** The candidate texted STOP; only they can opt back in (START). */
  | 'OPTED_OUT'
  /** WhatsApp's 24-hour window is closed: only an approved template may go out (sendReengagementTemplate). */
  | 'SESSION_WINDOW_CLOSED';

/** Which messages the activity report lists; every filter given must hold. */
export type MessageActivityFilter = {
  /** Only messages on this channel (EMAIL: recorded emails). */
  channel?: MessageChannel | null | undefined;
  /** Only sent (OUTBOUND) or received (INBOUND) messages. */
  direction?: Direction | null | undefined;
  /** Messages written at or after this time. */
  from: string;
  /** Only messages sent from or received on this number (on its channel). */
  sendingNumberId?: string | number | null | undefined;
  /** Messages written before this time (after from). */
  to: string;
  /** Only messages this user sent. */
  userId?: string | number | null | undefined;
};

/** A message's channel: SMS and WHATSAPP, which Parley sends and receives, or EMAIL, recorded by the ATS. */
export type MessageChannel =
  /** An email the ATS recorded (recordEmail); Parley never sends email. */
  | 'EMAIL'
  /** A text message, sent and received by Parley. */
  | 'SMS'
  /** A WhatsApp message, sent and received by Parley. */
  | 'WHATSAPP';

/** How a message’s text is encoded: on SMS, GSM-7 fits 160 characters in one segment, UCS-2 (any character outside GSM-7) only 70; UTF-8 on other channels. */
export type MessageEncoding =
  /** 160 characters in one SMS, 153 per part beyond. */
  | 'GSM_7'
  /** 70 characters in one SMS, 67 per part beyond. */
  | 'UCS_2'
  /** Not SMS: sent as one message. */
  | 'UTF_8';

/** What a message is for. A tenant may forbid a kind on a channel (Tenant.messageKindRules). */
export type MessageKind =
  /** A recruiter's or partner's message in the conversation (the default). */
  | 'CHAT'
  /** The consent invitation (sendConsentInvite); the candidate answers YES. */
  | 'CONSENT_INVITE'
  /** One of the tenant's own kinds, named by customKind (defineMessageKind). */
  | 'CUSTOM'
  /** The automatic answer to a candidate's HELP; never refused by a kind rule. */
  | 'HELP_REPLY'
  /** An invitation to an interview. */
  | 'INTERVIEW_INVITATION'
  /** A job offer or news about one. */
  | 'OFFER'
  /** Tells the candidate they were not selected; many teams forbid it by SMS. */
  | 'REJECTION';

/** Allow or forbid one kind of message on one channel. */
export type MessageKindRuleInput = {
  /** False forbids the kind on the channel; true lifts the rule. */
  allowed: boolean;
  /** The channel the rule applies to. */
  channel: Channel;
  /** The key of your own kind, with kind CUSTOM. */
  customKind?: string | null | undefined;
  /** Any kind but HELP_REPLY. */
  kind: MessageKind;
};

/** Where a message is. Outbound: QUEUED, SENDING, SENT, DELIVERED, then READ when the candidate opened it (WhatsApp read receipts), or UNDELIVERED / FAILED; inbound: RECEIVED. A status never goes back. SCHEDULED: waiting for its send time (sendAt, or the end of quiet hours), then QUEUED onwards, or FAILED with the reason when the send policy refuses it when due; CANCELLED: a scheduled message cancelled before it went out. RECORDED: an email the ATS recorded (recordEmail), in either direction; it never changes. */
export type MessageStatus =
  /** A scheduled message cancelled before it went out. */
  | 'CANCELLED'
  /** The carrier confirmed delivery to the handset. */
  | 'DELIVERED'
  /** It could not be sent (provider refusal, or the send policy when due); `errorCode` says why. */
  | 'FAILED'
  /** Accepted, waiting for a worker to hand it to the provider. */
  | 'QUEUED'
  /** The candidate opened it (WhatsApp read receipts). */
  | 'READ'
  /** An inbound message from the candidate. */
  | 'RECEIVED'
  /** An email the ATS recorded; it never changes. */
  | 'RECORDED'
  /** Waiting for its send time (sendAt, or the end of quiet hours). */
  | 'SCHEDULED'
  /** Being handed to the provider now. */
  | 'SENDING'
  /** The provider accepted it; delivery not confirmed yet. */
  | 'SENT'
  /** The carrier could not deliver it; `errorCode` says why. */
  | 'UNDELIVERED';

/** What a notification is about. CANDIDATE_REPLIED: a candidate wrote in a conversation you took part in or were replied to in (the full text). OPTED_IN: a candidate answered your consent invitation. OPTED_OUT: a candidate you wrote to opted out (STOP or the carrier). ALLOWANCE_WARNING / ALLOWANCE_REACHED: a sending number of yours (or, unassigned, of your tenant, for admins) used 90 % / 100 % of its monthly allowance. CREDITS_LOW: the tenant’s credits fell below its alert threshold (admins). DELIVERY_FAILED: a message you wrote could not be delivered. */
export type NotificationKind =
  /** A sending number used all its monthly allowance: sends from it are refused until the month ends. */
  | 'ALLOWANCE_REACHED'
  /** A sending number used most of its monthly allowance. */
  | 'ALLOWANCE_WARNING'
  /** A candidate answered in a conversation you may read. */
  | 'CANDIDATE_REPLIED'
  /** The tenant's credits fell below its low-credit threshold (admins). */
  | 'CREDITS_LOW'
  /** A message you sent could not be delivered. */
  | 'DELIVERY_FAILED'
  /** A candidate agreed to messages (YES or START). */
  | 'OPTED_IN'
  /** A candidate texted STOP: the channel is locked for them. */
  | 'OPTED_OUT'
  /** A webhook endpoint keeps failing to accept deliveries (admins). */
  | 'WEBHOOK_ENDPOINT_FAILING';

/** Turns one kind of notification on or off for you. */
export type NotificationPreferenceInput = {
  /** False: stop receiving this kind; true: receive it again. */
  enabled: boolean;
  /** The kind of notification to set. */
  kind: NotificationKind;
};

/** Why this number sends the message. */
export type NumberReason =
  /** No number from the candidate's country nor the US: delivery is not guaranteed. */
  | 'ANY_NUMBER'
  /** A number from the candidate's country (the least used this month of them). */
  | 'CANDIDATE_COUNTRY'
  /** The conversation keeps the number it started with. */
  | 'CONVERSATION'
  /** No number from the candidate's country: a US number. */
  | 'US_FALLBACK';

/** What kind of sender a number is; sets its default pace. ALPHANUMERIC (one-way) is refused as a sender. */
export type NumberType =
  /** A sender name instead of a number; refused today (candidates cannot answer it). */
  | 'ALPHANUMERIC'
  /** An ordinary local or mobile number. */
  | 'LONG_CODE'
  /** A 5–6 digit short code. */
  | 'SHORT_CODE'
  /** A toll-free number. */
  | 'TOLL_FREE';

/** Which of the candidate's two numbers messages go to. */
export type PhoneChoice =
  /** The candidate's alternate phone number (used when the main one is missing or refused). */
  | 'ALTERNATE'
  /** The candidate's main phone number. */
  | 'MAIN';

/** A message as you would send it, to see whether it would go and what it would cost, without sending. */
export type PreviewMessageInput = {
  /** Attachment URLs you would send (refused on SMS). */
  attachments?: Array<string> | null | undefined;
  /** The text as typed so far; or `messageTemplate` instead. */
  body?: string | null | undefined;
  /** The channel you would send on (the conversation's default when omitted). */
  channel: Channel;
  /** The conversation you would send in. */
  conversationId: string | number;
  /** With kind CUSTOM: the key of one of the tenant's own kinds. */
  customKind?: string | null | undefined;
  /** As sendMessage: hold it past quiet hours. */
  holdUntilAllowed?: boolean | null | undefined;
  /** What the message is for (default CHAT). */
  kind?: MessageKind | null | undefined;
  /** Preview one of your templates as sendMessage(template) would send it: `body` shows the rendered text. A missing value is a ValidationError. */
  messageTemplate?: SendTemplateInput | null | undefined;
  /** As sendMessage: preview a scheduled send. */
  sendAt?: string | null | undefined;
  /** Preview sendReengagementTemplate instead: the re-engagement template (its text replaces `body`), allowed outside the session window. */
  template?: boolean | null | undefined;
};

/** Quiet hours in the candidate's local time: no message goes out from `start` until `end`. */
export type QuietHoursInput = {
  /** False: no quiet hours (start and end are then ignored). */
  enabled: boolean;
  /** HH:MM, 24-hour (default 08:00); before start means overnight. */
  end?: string | null | undefined;
  /** HH:MM, 24-hour (default 21:00). */
  start?: string | null | undefined;
};

/** A consent change a recruiter records, with evidence (e.g. the candidate agreed on a call). */
export type RecordConsentInput = {
  /** The channel it applies to. */
  channel: Channel;
  /** The candidate's conversation. */
  conversationId: string | number;
  /** e.g. "Candidate agreed by phone on 2026-11-20, call ref 4411". */
  evidence?: string | null | undefined;
  /** true records consent (opted in); false withdraws it. */
  granted: boolean;
  /** The evidence: how and when the candidate agreed or refused. Kept in the consent history. */
  reason: string;
};

/** An email your ATS sent to or received from the candidate, to show in the conversation. */
export type RecordEmailInput = {
  /** The user of your company who wrote it (outbound); must be a user of this tenant. */
  authorId?: string | number | null | undefined;
  /** The body as plain text, at most 100000 characters. */
  body: string;
  /** The conversation it belongs to. */
  conversationId: string | number;
  /** INBOUND: the candidate wrote it; OUTBOUND: your team did. */
  direction: Direction;
  /** Unique per email (8 to 200 characters): a retry with the same key and the same input returns the first message; the same key with other input is IdempotencyKeyReusedError. */
  idempotencyKey?: string | null | undefined;
  /** When it was sent: from 2000 on, not in the future (5 minutes of clock skew allowed). It places the email in the history; the conversation moves up the inbox only if this is its newest activity. */
  sentAt: string;
  /** The subject line: at most 998 characters, no line breaks (may be empty). */
  subject: string;
};

/** What a user may do in the tenant. */
export type Role =
  /** Manages the tenant: users, seats, settings, numbers, templates; reads every conversation and report. */
  | 'ADMIN'
  /** Works conversations on the hiring teams they belong to; more only with the canSend/canView* permissions. */
  | 'RECRUITER';

/** A message to send in a conversation, now or at sendAt. */
export type SendMessageInput = {
  /** Attachment URLs; refused on SMS. */
  attachments?: Array<string> | null | undefined;
  /** The text; or `template` instead (exactly one of them). */
  body?: string | null | undefined;
  /** A message goes out on exactly this channel. */
  channel: Channel;
  /** The conversation to send in. */
  conversationId: string | number;
  /** With kind CUSTOM: the key of one of the tenant's own kinds. */
  customKind?: string | null | undefined;
  /** Inside the candidate's quiet hours (now, or at sendAt), schedule it for their end instead of refusing it with QuietHoursError. */
  holdUntilAllowed?: boolean | null | undefined;
  /** Unique per message; a retry with the same key returns the first result. */
  idempotencyKey: string;
  /** What the message is for (default CHAT); the tenant may forbid a kind on a channel. */
  kind?: MessageKind | null | undefined;
  /** Send it at this time (at least a minute, at most 30 days ahead): the message is SCHEDULED until then, and the whole send policy is asked again when it is due. */
  sendAt?: string | null | undefined;
  /** Send one of your templates, rendered for this conversation, instead of `body`; its kind applies unless `kind` is given. A missing value is a ValidationError naming the fields. */
  template?: SendTemplateInput | null | undefined;
};

/** Re-open a WhatsApp conversation whose session window closed, with the tenant's approved template. */
export type SendReengagementTemplateInput = {
  /** A channel with a session window (WhatsApp). */
  channel?: Channel | null | undefined;
  /** The conversation to re-engage. */
  conversationId: string | number;
  /** Unique per message; a retry with the same key returns the first result. */
  idempotencyKey: string;
};

/** Which send rule refused you in a conversation. */
export type SendRefusal =
  /** On the number-assignment model, you are not assigned to the conversation's number. */
  | 'NOT_ASSIGNED_TO_NUMBER'
  /** Only a user may send here, not the API key (e.g. the tenant requires seats or send permission). */
  | 'NOT_A_USER'
  /** You are not on the hiring team of the application (or the community's team). */
  | 'NOT_ON_HIRING_TEAM'
  /** The tenant requires a seat to send and you have none. */
  | 'NO_SEAT'
  /** The tenant requires the send permission (canSend) and you lack it. */
  | 'NO_SEND_PERMISSION';

/** Send one of your templates instead of a body: rendered for the conversation with these values. */
export type SendTemplateInput = {
  /** The tenant’s template to send, rendered for the conversation. */
  templateId: string | number;
  /** A value for each field in the template’s sendFields, e.g. interview.bookingLink (an https URL). */
  values?: Array<TemplateValueInput> | null | undefined;
};

/** A text the sandbox pretends a candidate sent (sandbox accounts only). */
export type SimulateInboundMessageInput = {
  /** What the candidate texts: anything, including YES, STOP, START, HELP. */
  body: string;
  /** The candidate's number (any human format; stored as E.164). */
  from: string;
  /** One of your sandbox numbers; omitted: the sandbox number of the candidate's conversation, else your first sandbox number. */
  to?: string | null | undefined;
};

/** A merge field’s value passed at send. */
export type TemplateValueInput = {
  /** The field without braces: interview.bookingLink, interview.time or custom.<name>. */
  name: string;
  /** Its text, at most 500 characters. */
  value: string;
};

/** What a tenant event reports; `subjectId` names the row it is about. */
export type TenantEventType =
  /** A sending number used all of its monthly allowance. */
  | 'ALLOWANCE_REACHED'
  /** A sending number used most of its monthly allowance. */
  | 'ALLOWANCE_WARNING'
  /** An API key was created (never its secret). */
  | 'API_KEY_CREATED'
  /** An API key was revoked; requests with it are refused from now. */
  | 'API_KEY_REVOKED'
  /** A channel account (provider credentials) was added. */
  | 'CHANNEL_ACCOUNT_CREATED'
  /** A channel account's credentials, label or status changed. */
  | 'CHANNEL_ACCOUNT_UPDATED'
  /** A community's team changed (who may read and send to its prospects). */
  | 'COMMUNITY_TEAM_CHANGED'
  /** A candidate's consent on a channel changed (invited, opted in, opted out…). */
  | 'CONSENT_CHANGED'
  /** A conversation was archived, unarchived, snoozed or unsnoozed. */
  | 'CONVERSATION_INBOX_STATE_CHANGED'
  /** A user's read marker in a conversation moved. */
  | 'CONVERSATION_READ'
  /** The credit balance fell below the tenant's low-credit threshold. */
  | 'CREDITS_LOW'
  /** The operator added credits. */
  | 'CREDITS_TOPPED_UP'
  /** An application's hiring team changed (who may read and send). */
  | 'HIRING_TEAM_CHANGED'
  /** A text arrived from a number that matches no candidate of the tenant. */
  | 'INBOUND_UNMATCHED'
  /** A message was sent, scheduled, received or recorded (subjectId: the message). */
  | 'MESSAGE_CREATED'
  /** A custom message kind or a kind rule was defined, changed or removed. */
  | 'MESSAGE_KINDS_CHANGED'
  /** A message moved on (queued, sent, delivered, read, failed…). */
  | 'MESSAGE_STATUS_CHANGED'
  /** A message template was created, changed, deleted or its WhatsApp approval moved. */
  | 'MESSAGE_TEMPLATE_CHANGED'
  /** A user marked notifications read. */
  | 'NOTIFICATIONS_READ'
  /** A notification was created for a user. */
  | 'NOTIFICATION_CREATED'
  /** A user was assigned to a sending number. */
  | 'NUMBER_ASSIGNED'
  /** A user was unassigned from a sending number. */
  | 'NUMBER_UNASSIGNED'
  /** Seats were bought or released. */
  | 'SEATS_CHANGED'
  /** A seat was assigned to a user. */
  | 'SEAT_ASSIGNED'
  /** A user's seat was taken back. */
  | 'SEAT_UNASSIGNED'
  /** The tenant's name or settings changed. */
  | 'TENANT_UPDATED'
  /** A user was added (subjectId: the user). */
  | 'USER_CREATED'
  /** A user's name, email, role, permissions or active state changed. */
  | 'USER_UPDATED'
  /** A webhook endpoint was added. */
  | 'WEBHOOK_ENDPOINT_CREATED'
  /** A webhook endpoint was deleted. */
  | 'WEBHOOK_ENDPOINT_DELETED'
  /** A webhook endpoint keeps refusing deliveries. */
  | 'WEBHOOK_ENDPOINT_FAILING'
  /** A failing webhook endpoint accepted a delivery again. */
  | 'WEBHOOK_ENDPOINT_RECOVERED'
  /** A webhook endpoint's URL, events, state or secret changed. */
  | 'WEBHOOK_ENDPOINT_UPDATED'
  /** A workflow was created, changed, paused, resumed or deleted. */
  | 'WORKFLOW_CHANGED'
  /** A workflow started a run for a candidate. */
  | 'WORKFLOW_RUN_STARTED'
  /** A step of a workflow run was sent, refused or skipped. */
  | 'WORKFLOW_RUN_STEP_DONE';

/** The tenant settings to change; a field left out keeps its value. */
export type TenantSettingsInput = {
  /** What consent is needed before texting a candidate. */
  consentModel?: ConsentModel | null | undefined;
  /** ISO country assumed for candidate numbers without a leading +. */
  defaultCountry?: string | null | undefined;
  /** The channels users may message on (each needs an account or the platform's). */
  enabledChannels?: Array<Channel> | null | undefined;
  /** The answer to a candidate texting HELP; {company} is replaced. */
  helpText?: string | null | undefined;
  /** The consent invitation; must ask for YES; {company} is replaced. */
  inviteText?: string | null | undefined;
  /** Users per number under number assignment (1–100, default 3). Lower than a number already has is refused (ConflictError): unassign first. */
  maxUsersPerNumber?: number | null | undefined;
  /** The company's name. */
  name?: string | null | undefined;
  /** No messages on the candidate's Sunday. */
  noSundays?: boolean | null | undefined;
  /** Quiet hours in the candidate's local time (new tenants: 21:00-08:00); enabled: false turns them off. */
  quietHours?: QuietHoursInput | null | undefined;
  /** e.g. en, en_US, pt_BR. */
  reengagementTemplateLanguage?: string | null | undefined;
  /** The approved template's name at the provider: lowercase letters, digits and underscores. */
  reengagementTemplateName?: string | null | undefined;
  /** The WhatsApp re-engagement template’s text: must contain {company} and {job} (no other placeholders), at most 1024 characters. It must match the approved template. */
  reengagementText?: string | null | undefined;
  /** Number assignment: only users assigned to a number (assignNumber) read and send on its conversations, besides the hiring-team rule; admins who are not assigned see numberActivity instead of the threads. */
  requireNumberAssignment?: boolean | null | undefined;
  /** Users need a seat to send. */
  requireSeat?: boolean | null | undefined;
  /** Users need the send permission (canSend) to send. */
  requireSendPermission?: boolean | null | undefined;
  /** Trusted documents only for user tokens (your frontend's credential), in every environment; changed by API keys only, and while it is on user tokens cannot create API keys: a user token's request must name a generated operation by its sha256 hash (extensions.persistedQuery; clients/generated/persisted-documents.json) and is refused with PERSISTED_QUERY_REQUIRED (HTTP 403) otherwise, introspection included, so a stolen token cannot run arbitrary queries. API keys may still send any document. Logged as TENANT_UPDATED with the new value. */
  requireTrustedDocuments?: boolean | null | undefined;
  /** IANA time zone (default UTC): the tenant's calendar months, in which number allowances are counted, start at midnight here. */
  timeZone?: string | null | undefined;
};

/** Changes to a template; what is left out stays. A new body or mapping is PENDING again unless whatsappApproval is given too. */
export type UpdateMessageTemplateInput = {
  /** A new body. Merge fields: {candidate.firstName}, {candidate.name}, {job.title}, {company}, {recruiter.name}, {interview.bookingLink}, {interview.time} and {custom.<name>} for each declared custom field. */
  body?: string | null | undefined;
  /** A new channel; null: any channel. */
  channel?: Channel | null | undefined;
  /** The custom fields from now on. */
  customFields?: Array<string> | null | undefined;
  /** With kind CUSTOM: your own kind's key. */
  customKind?: string | null | undefined;
  /** The template to change. */
  id: string | number;
  /** A new kind (with customKind for CUSTOM). */
  kind?: MessageKind | null | undefined;
  /** A new name, unique in your tenant; omitted: unchanged. */
  name?: string | null | undefined;
  /** A new mapping; null removes it. */
  whatsapp?: WhatsAppTemplateMappingInput | null | undefined;
  /** The provider’s review as you know it now. */
  whatsappApproval?: WhatsAppTemplateApproval | null | undefined;
};

/** Changes to a user; a field left out keeps its value. */
export type UpdateUserInput = {
  /** May send when the tenant requires the send permission. */
  canSend?: boolean | null | undefined;
  /** May read the tenant's credit balance and ledger. */
  canViewCredits?: boolean | null | undefined;
  /** May read the tenant's reports: every message of the tenant, not only their own conversations'. */
  canViewReports?: boolean | null | undefined;
  /** Deactivating a user also frees their seat. */
  deactivated?: boolean | null | undefined;
  /** A new email address, unique in the tenant. */
  email?: string | null | undefined;
  /** The partner ATS's id for this user; null clears it. */
  externalId?: string | null | undefined;
  /** The user to change. */
  id: string | number;
  /** Their new full name; omitted: unchanged. */
  name?: string | null | undefined;
  /** Their new role (ADMIN or RECRUITER); omitted: unchanged. */
  role?: Role | null | undefined;
};

/** Changes to an endpoint; what is left out stays as it is. */
export type UpdateWebhookEndpointInput = {
  /** True: receive every type from now on (instead of `eventTypes`). */
  allEventTypes?: boolean | null | undefined;
  /** A new description. */
  description?: string | null | undefined;
  /** False stops queueing and sending; true resumes with events from then on (replayWebhookEvents sends what it missed). */
  enabled?: boolean | null | undefined;
  /** The event types to receive from now on (at least one). */
  eventTypes?: Array<TenantEventType> | null | undefined;
  /** The endpoint to change. */
  id: string | number;
  /** A new URL, checked like a new endpoint’s. */
  url?: string | null | undefined;
};

/** Where a delivery stands. */
export type WebhookDeliveryState =
  /** The endpoint answered 2xx. */
  | 'DELIVERED'
  /** No 2xx within the retry window; replay it once the endpoint works. */
  | 'FAILED'
  /** Waiting for its first attempt or its next retry (`nextAttemptAt`). */
  | 'PENDING'
  /** An attempt is under way. */
  | 'SENDING';

/** Whether deliveries to an endpoint are getting through. */
export type WebhookEndpointStatus =
  /** A delivery went unanswered for its whole retry window; admins were notified. The next success makes it HEALTHY. */
  | 'FAILING'
  /** Deliveries get through (or none has failed its whole retry window since the last success). */
  | 'HEALTHY';

/** Where the provider's review of a WhatsApp template stands, as your tenant reports it: Parley cannot ask the provider, so it never sets APPROVED itself. */
export type WhatsAppTemplateApproval =
  /** WhatsApp approved it: it may open a conversation outside the session window. */
  | 'APPROVED'
  /** Submitted; WhatsApp has not decided yet. It cannot be sent. */
  | 'PENDING'
  /** WhatsApp refused it; change it and submit again. */
  | 'REJECTED';

/** The provider-approved WhatsApp template a template is sent as. */
export type WhatsAppTemplateMappingInput = {
  /** Its language code, e.g. en, en_US, pt_BR. */
  language: string;
  /** Its name at the provider: lowercase letters, digits and underscores. */
  name: string;
  /** The merge fields (used in the body) that fill {{1}}, {{2}}, … in order, e.g. ["candidate.firstName", "job.title"]. */
  parameters?: Array<string> | null | undefined;
};

/** An ATS event about one application, reported by the partner backend. */
export type WorkflowEventInput = {
  /** Your ATS’s id of the application (or applicationId). */
  applicationExternalId?: string | null | undefined;
  /** The application (or applicationExternalId). */
  applicationId?: string | number | null | undefined;
  /** True: write and send nothing; `plan` says what each step would do. */
  dryRun?: boolean | null | undefined;
  /** Your id of the event (at most 200 characters): the same id never starts a workflow twice for the application. */
  eventId: string;
  /** When it happened in the ATS (recorded on the run). */
  occurredAt?: string | null | undefined;
  /** Values for merge fields Parley cannot fill itself, such as a call-to-action’s data (at most 20); each step’s template must take every one, else that step is REFUSED with VALIDATION. */
  values?: Array<WorkflowValueInput> | null | undefined;
};

/** A workflow’s whole definition. */
export type WorkflowInput = {
  /** Required for CALL_TO_ACTION_COMPLETED: the call-to-action’s name. Refused for other triggers. */
  callToAction?: string | null | undefined;
  /** APPLICATION_STATUS_CHANGED only: the status changed from; leave out for any. */
  fromStatus?: string | null | undefined;
  /** Criterion: the application's job is one of these (at most 100); leave out for any job. */
  jobIds?: Array<string | number> | null | undefined;
  /** Criterion: the job's title contains this text, in any case. */
  jobTitleContains?: string | null | undefined;
  /** What it is called (at most 200 characters). */
  name: string;
  /** 1 to 10 steps, in order. */
  steps: Array<WorkflowStepInput>;
  /** Stop sending the remaining steps once the candidate replies after the run started (default false). */
  stopOnReply?: boolean | null | undefined;
  /** Required for APPLICATION_STATUS_CHANGED: the status changed to. Refused for other triggers. */
  toStatus?: string | null | undefined;
  /** The ATS event that starts a run. */
  trigger: WorkflowTrigger;
};

/** Which runs to list; all given must hold. */
export type WorkflowRunFilter = {
  /** Started at or after this time. */
  from?: string | null | undefined;
  /** Runs in this status. */
  status?: WorkflowRunStatus | null | undefined;
  /** Started before this time. */
  to?: string | null | undefined;
  /** Runs of this workflow. */
  workflowId?: string | number | null | undefined;
};

/** Where a workflow run stands. */
export type WorkflowRunStatus =
  /** Every step ran (sent, refused or skipped); nothing more will be sent. */
  | 'COMPLETED'
  /** Held because its workflow is paused; resumes with the workflow. */
  | 'PAUSED'
  /** Steps are still due; the next one runs at its time. */
  | 'RUNNING'
  /** Ended early: the candidate replied and the workflow stops on reply (stopOnReply). */
  | 'STOPPED';

/** One step: after a delay, send a template as a user. */
export type WorkflowStepInput = {
  /** The channel to send on. */
  channel: Channel;
  /** Minutes after the previous step (after the trigger for the first): 0 (default) to 43200. */
  delayMinutes?: number | null | undefined;
  /** The active user the message is from: the send policy applies as for them (hiring team, seat, permission, number assignment); it goes from the number assigned to them, else the company's. */
  senderId: string | number;
  /** One of your message templates. */
  templateId: string | number;
};

/** What became of one step of a run. */
export type WorkflowStepOutcome =
  /** Held while the workflow is paused. */
  | 'PAUSED'
  /** Not due yet. */
  | 'PENDING'
  /** The send policy refused it (locked, quiet hours, no number…); `reason` says why. */
  | 'REFUSED'
  /** Its message was created scheduled: it goes out later, e.g. when the candidate’s quiet hours end. */
  | 'SCHEDULED'
  /** The step's message was queued for sending; its delivery is on the message. */
  | 'SENT'
  /** Not sent: the candidate replied first and the workflow stops on reply. */
  | 'STOPPED_BY_REPLY';

/** What a step would do if the event were reported now. */
export type WorkflowStepVerdict =
  /** This event already started this workflow for the application: nothing more is sent. */
  | 'ALREADY_RECORDED'
  /** The send policy (or the template) refuses it: see reason. */
  | 'REFUSED'
  /** The send policy allows it: now, or (quiet hours) at `sendAt`. */
  | 'WILL_SEND'
  /** The workflow is paused: nothing would be sent. */
  | 'WORKFLOW_PAUSED';

/** The ATS event, reported by the partner backend, that starts a workflow. */
export type WorkflowTrigger =
  /** The ATS reported an application's new status (reportApplicationStatusChanged). */
  | 'APPLICATION_STATUS_CHANGED'
  /** The ATS reported that a candidate completed a call to action, e.g. booked an interview (reportCallToActionCompleted). */
  | 'CALL_TO_ACTION_COMPLETED';

/** A value passed to the steps’ templates, e.g. { name: "interview.bookingLink", value: "https://…" }. */
export type WorkflowValueInput = {
  /** The merge field, without braces. */
  name: string;
  /** Its value (at most 500 characters). */
  value: string;
};

export type AssignNumberMutationVariables = Exact<{
  numberId: string | number;
  userId: string | number;
}>;


export type AssignNumberMutation = { assignNumber:
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'NumberAssignmentLimitReachedError', code: ErrorCode, message: string, number: string, limit: number, assigned: number }
    | { __typename: 'SendingNumber', id: string, assignedUsers: Array<{ id: string }> }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type UnassignNumberMutationVariables = Exact<{
  numberId: string | number;
  userId: string | number;
}>;


export type UnassignNumberMutation = { unassignNumber:
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'SendingNumber', id: string, assignedUsers: Array<{ id: string }> }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type SetNumberAllowanceMutationVariables = Exact<{
  numberId: string | number;
  monthlyAllowance?: number | null | undefined;
}>;


export type SetNumberAllowanceMutation = { setNumberAllowance:
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'SendingNumber', id: string, monthlyAllowance: number | null }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type NumberUsageFieldsFragment = { month: string, sent: number, received: number, used: number, allowance: number | null, remaining: number | null, resetsAt: string };

export type NumberUsageQueryVariables = Exact<{
  months?: number;
}>;


export type NumberUsageQuery = { sendingNumbers: Array<{ id: string, e164: string, monthlyAllowance: number | null, assignedUsers: Array<{ id: string }>, usage: { month: string, sent: number, received: number, used: number, allowance: number | null, remaining: number | null, resetsAt: string } | null, usageHistory: Array<{ month: string, sent: number, received: number, used: number, allowance: number | null, remaining: number | null, resetsAt: string }> }> };

export type NumberActivityQueryVariables = Exact<{
  numberId: string | number;
  month?: string | null | undefined;
}>;


export type NumberActivityQuery = { numberActivity: { e164: string, month: string, sent: number, received: number, rows: Array<{ userId: string | null, direction: string, status: string, count: number }> } };

export type NotificationsQueryVariables = Exact<{
  unreadOnly?: boolean | null | undefined;
}>;


export type NotificationsQuery = { viewer: { notifications: { edges: Array<{ node: { id: string, kind: NotificationKind, text: string, payload: Record<string, unknown>, createdAt: string, readAt: string | null } }> } } };

export type MarkNotificationsReadMutationVariables = Exact<{
  ids?: Array<string | number> | string | number | null | undefined;
}>;


export type MarkNotificationsReadMutation = { markNotificationsRead:
    | { __typename: 'MutationMarkNotificationsReadSuccess', changed: number }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type SendMessageWithinAllowanceMutationVariables = Exact<{
  input: SendMessageInput;
}>;


export type SendMessageWithinAllowanceMutation = { sendMessage:
    | { __typename: 'AllowanceExhaustedError', code: ErrorCode, message: string, number: string, allowance: number, used: number, resetsAt: string }
    | { __typename: 'AttachmentsNotSupportedError', code: ErrorCode, message: string }
    | { __typename: 'ChannelUnavailableError', code: ErrorCode, message: string }
    | { __typename: 'ConversationLockedError', code: ErrorCode, message: string }
    | { __typename: 'IdempotencyKeyReusedError', code: ErrorCode, message: string }
    | { __typename: 'InsufficientCreditsError', code: ErrorCode, message: string }
    | { __typename: 'Message', id: string }
    | { __typename: 'MessageKindNotAllowedError', code: ErrorCode, message: string }
    | { __typename: 'MessageTooLongError', code: ErrorCode, message: string }
    | { __typename: 'NoSendingNumberError', code: ErrorCode, message: string }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'QuietHoursError', code: ErrorCode, message: string }
    | { __typename: 'SendNotAllowedError', code: ErrorCode, message: string, refusal: SendRefusal }
    | { __typename: 'SessionWindowClosedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type PreviewAllowanceQueryVariables = Exact<{
  input: PreviewMessageInput;
}>;


export type PreviewAllowanceQuery = { previewMessage: { allowed: boolean, refusals: Array<{ code: ErrorCode, sendRefusal: SendRefusal | null, allowance: number | null, allowanceUsed: number | null, allowanceResetsAt: string | null }> } | null };

export type SetTenantTimeZoneMutationVariables = Exact<{
  timeZone: string;
  requireNumberAssignment?: boolean | null | undefined;
  maxUsersPerNumber?: number | null | undefined;
}>;


export type SetTenantTimeZoneMutation = { updateTenantSettings:
    | { __typename: 'ChannelUnavailableError', code: ErrorCode, message: string }
    | { __typename: 'ConflictError', code: ErrorCode, message: string, field: string }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'SettingNotAvailableError', code: ErrorCode, message: string }
    | { __typename: 'Tenant', timeZone: string, sendPolicy: { requireNumberAssignment: boolean, maxUsersPerNumber: number } }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, field: string }
   };

export type ApiKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiKeysQuery = { tenant: { apiKeys: Array<{ id: string, name: string, prefix: string, active: boolean, createdAt: string, lastUsedAt: string | null, revokedAt: string | null }> } };

export type CreateApiKeyMutationVariables = Exact<{
  name: string;
}>;


export type CreateApiKeyMutation = { createApiKey:
    | { __typename: 'CreatedApiKey', secret: string, apiKey: { id: string, name: string, prefix: string, active: boolean } }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type RevokeApiKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeApiKeyMutation = { revokeApiKey:
    | { __typename: 'ApiKey', id: string, active: boolean, revokedAt: string | null }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type ChannelAccountFieldsFragment = { id: string, pluginId: string, channel: Channel, label: string, status: ChannelAccountStatus, credentials: Record<string, unknown>, inboundWebhookUrl: string, createdAt: string, updatedAt: string };

export type CreateChannelAccountMutationVariables = Exact<{
  tenantId: string | number;
  pluginId: string;
  label: string;
  credentials: Record<string, unknown>;
  allowSandbox?: boolean | null | undefined;
}>;


export type CreateChannelAccountMutation = { createChannelAccount:
    | { __typename: 'ChannelAccount', id: string, pluginId: string, channel: Channel, label: string, status: ChannelAccountStatus, credentials: Record<string, unknown>, inboundWebhookUrl: string, createdAt: string, updatedAt: string }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'SandboxNotAllowedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, field: string, issues: Array<{ field: string, message: string }> }
   };

export type UpdateChannelAccountCredentialsMutationVariables = Exact<{
  id: string | number;
  credentials: Record<string, unknown>;
}>;


export type UpdateChannelAccountCredentialsMutation = { updateChannelAccountCredentials:
    | { __typename: 'ChannelAccount', id: string, pluginId: string, channel: Channel, label: string, status: ChannelAccountStatus, credentials: Record<string, unknown>, inboundWebhookUrl: string, createdAt: string, updatedAt: string }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, issues: Array<{ field: string, message: string }> }
   };

export type DisableChannelAccountMutationVariables = Exact<{
  id: string | number;
}>;


export type DisableChannelAccountMutation = { disableChannelAccount:
    | { __typename: 'ChannelAccount', id: string, pluginId: string, channel: Channel, label: string, status: ChannelAccountStatus, credentials: Record<string, unknown>, inboundWebhookUrl: string, createdAt: string, updatedAt: string }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type AllowPlatformAccountMutationVariables = Exact<{
  tenantId: string | number;
  channel: Channel;
  allowed: boolean;
}>;


export type AllowPlatformAccountMutation = { allowPlatformAccount:
    | { __typename: 'ChannelUnavailableError', code: ErrorCode, message: string }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'Tenant', id: string, platformChannels: Array<Channel> }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type ChannelAccountsQueryVariables = Exact<{
  tenantId?: string | number | null | undefined;
}>;


export type ChannelAccountsQuery = { channelAccounts: Array<{ id: string, pluginId: string, channel: Channel, label: string, status: ChannelAccountStatus, credentials: Record<string, unknown>, inboundWebhookUrl: string, createdAt: string, updatedAt: string }> };

export type MessageFieldsFragment = { id: string, direction: Direction, channel: MessageChannel, kind: MessageKind, customKind: string | null, body: string, status: MessageStatus, senderName: string, segments: number, encoding: string, errorCode: string | null, createdAt: string, sentAt: string | null, deliveredAt: string | null, alert: { code: string, message: string } | null };

export type ConversationQueryVariables = Exact<{
  id: string | number;
}>;


export type ConversationQuery = { conversation: { id: string, sendingNumber: string | null, candidate: { id: string, name: string, phone: string | null, consents: Array<{ channel: Channel, state: ConsentState }>, consentHistory: Array<{ channel: Channel, from: ConsentState, to: ConsentState, source: ConsentSource, evidence: string | null, actorUserId: string | null }> }, locks: Array<{ channel: Channel, locked: boolean, reachable: boolean, reason: LockReason | null, message: string | null, consent: ConsentState, consentModel: ConsentModel }>, messages: { edges: Array<{ node: { id: string, direction: Direction, channel: MessageChannel, kind: MessageKind, customKind: string | null, body: string, status: MessageStatus, senderName: string, segments: number, encoding: string, errorCode: string | null, createdAt: string, sentAt: string | null, deliveredAt: string | null, alert: { code: string, message: string } | null } }> } } | null };

export type SendMessageMutationVariables = Exact<{
  input: SendMessageInput;
}>;


export type SendMessageMutation = { sendMessage:
    | { __typename: 'AllowanceExhaustedError', code: ErrorCode, message: string }
    | { __typename: 'AttachmentsNotSupportedError', code: ErrorCode, message: string }
    | { __typename: 'ChannelUnavailableError', code: ErrorCode, message: string }
    | { __typename: 'ConversationLockedError', code: ErrorCode, message: string, lockReason: LockReason }
    | { __typename: 'IdempotencyKeyReusedError', code: ErrorCode, message: string }
    | { __typename: 'InsufficientCreditsError', code: ErrorCode, message: string, balance: number, cost: number }
    | { __typename: 'Message', id: string, direction: Direction, channel: MessageChannel, kind: MessageKind, customKind: string | null, body: string, status: MessageStatus, senderName: string, segments: number, encoding: string, errorCode: string | null, createdAt: string, sentAt: string | null, deliveredAt: string | null, alert: { code: string, message: string } | null }
    | { __typename: 'MessageKindNotAllowedError', code: ErrorCode, message: string, forbiddenKind: string, forbiddenOn: string }
    | { __typename: 'MessageTooLongError', code: ErrorCode, message: string, length: number, maxLength: number }
    | { __typename: 'NoSendingNumberError', code: ErrorCode, message: string }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'QuietHoursError', code: ErrorCode, message: string }
    | { __typename: 'SendNotAllowedError', code: ErrorCode, message: string, refusal: SendRefusal }
    | { __typename: 'SessionWindowClosedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, field: string }
   };

export type SendConsentInviteMutationVariables = Exact<{
  conversationId: string | number;
}>;


export type SendConsentInviteMutation = { sendConsentInvite:
    | { __typename: 'AllowanceExhaustedError', code: ErrorCode, message: string }
    | { __typename: 'AttachmentsNotSupportedError', code: ErrorCode, message: string }
    | { __typename: 'ChannelUnavailableError', code: ErrorCode, message: string }
    | { __typename: 'ConsentInvitationNotAvailableError', code: ErrorCode, message: string }
    | { __typename: 'ConversationLockedError', code: ErrorCode, message: string, lockReason: LockReason }
    | { __typename: 'IdempotencyKeyReusedError', code: ErrorCode, message: string }
    | { __typename: 'InsufficientCreditsError', code: ErrorCode, message: string }
    | { __typename: 'Message', id: string, direction: Direction, channel: MessageChannel, kind: MessageKind, customKind: string | null, body: string, status: MessageStatus, senderName: string, segments: number, encoding: string, errorCode: string | null, createdAt: string, sentAt: string | null, deliveredAt: string | null, alert: { code: string, message: string } | null }
    | { __typename: 'MessageKindNotAllowedError', code: ErrorCode, message: string, forbiddenKind: string }
    | { __typename: 'MessageTooLongError', code: ErrorCode, message: string }
    | { __typename: 'NoSendingNumberError', code: ErrorCode, message: string }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'QuietHoursError', code: ErrorCode, message: string }
    | { __typename: 'SendNotAllowedError', code: ErrorCode, message: string }
    | { __typename: 'SessionWindowClosedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type RecordConsentMutationVariables = Exact<{
  input: RecordConsentInput;
}>;


export type RecordConsentMutation = { recordConsent:
    | { __typename: 'Conversation', id: string, locks: Array<{ channel: Channel, locked: boolean, reason: LockReason | null }> }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'SendNotAllowedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, field: string }
   };

export type PreviewMessageQueryVariables = Exact<{
  input: PreviewMessageInput;
}>;


export type PreviewMessageQuery = { previewMessage: { allowed: boolean, encoding: MessageEncoding, segments: number, credits: number, characters: number, ucs2Characters: Array<string>, sendingNumber: string | null, sendingNumberReason: NumberReason | null, sendAt: string | null, refusals: Array<{ code: ErrorCode, message: string, lockReason: LockReason | null, sendRefusal: SendRefusal | null, field: string | null, maxLength: number | null, creditBalance: number | null, creditCost: number | null }>, lock: { channel: Channel, locked: boolean, reason: LockReason | null, message: string | null, consent: ConsentState, consentModel: ConsentModel } } | null };

export type TopUpCreditsMutationVariables = Exact<{
  tenantId: string | number;
  credits: number;
  note?: string | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type TopUpCreditsMutation = { topUpCredits:
    | { __typename: 'CreditBalance', available: number, reserved: number, spent: number, lowCreditThreshold: number | null }
    | { __typename: 'IdempotencyKeyReusedError', code: ErrorCode, message: string }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, field: string }
   };

export type CreditsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CreditsQuery = { tenant: { id: string, creditBalance: { available: number, reserved: number, spent: number, lowCreditThreshold: number | null } | null, creditLedger: { edges: Array<{ cursor: string, node: { kind: CreditEntryKind, amount: number, message: string | null, actor: string, note: string | null, createdAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null } };

export type SetLowCreditThresholdMutationVariables = Exact<{
  lowCreditThreshold?: number | null | undefined;
}>;


export type SetLowCreditThresholdMutation = { setLowCreditThreshold:
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'Tenant', id: string, lowCreditThreshold: number | null }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, field: string }
   };

export type InboxRowFragment = { id: string, lastMessageAt: string | null, unreadCount: number, readUpTo: string | null, archived: boolean, snoozedUntil: string | null, candidate: { id: string, name: string }, application: { id: string } | null, lastMessage: { id: string, direction: Direction, channel: MessageChannel, subject: string | null, body: string, status: MessageStatus, senderName: string, createdAt: string } | null, locks: Array<{ channel: Channel, locked: boolean, reachable: boolean, reason: LockReason | null }> };

export type InboxQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: InboxFilter | null | undefined;
}>;


export type InboxQuery = { inbox: { edges: Array<{ cursor: string, node: { id: string, lastMessageAt: string | null, unreadCount: number, readUpTo: string | null, archived: boolean, snoozedUntil: string | null, candidate: { id: string, name: string }, application: { id: string } | null, lastMessage: { id: string, direction: Direction, channel: MessageChannel, subject: string | null, body: string, status: MessageStatus, senderName: string, createdAt: string } | null, locks: Array<{ channel: Channel, locked: boolean, reachable: boolean, reason: LockReason | null }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ConversationMessagesQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type ConversationMessagesQuery = { conversation: { id: string, messages: { edges: Array<{ cursor: string, node: { id: string, direction: Direction, channel: MessageChannel, subject: string | null, body: string, status: MessageStatus, senderName: string, createdAt: string, author: { id: string, name: string } | null } }>, pageInfo: { hasPreviousPage: boolean, startCursor: string | null } } } | null };

export type MarkConversationReadMutationVariables = Exact<{
  conversationId: string | number;
  upTo: string | number;
}>;


export type MarkConversationReadMutation = { markConversationRead:
    | { __typename: 'Conversation', id: string, unreadCount: number, readUpTo: string | null }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type ArchiveConversationMutationVariables = Exact<{
  conversationId: string | number;
}>;


export type ArchiveConversationMutation = { archiveConversation:
    | { __typename: 'Conversation', id: string, archived: boolean }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type UnarchiveConversationMutationVariables = Exact<{
  conversationId: string | number;
}>;


export type UnarchiveConversationMutation = { unarchiveConversation:
    | { __typename: 'Conversation', id: string, archived: boolean }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type SnoozeConversationMutationVariables = Exact<{
  conversationId: string | number;
  until: string;
}>;


export type SnoozeConversationMutation = { snoozeConversation:
    | { __typename: 'Conversation', id: string, snoozedUntil: string | null }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type UnsnoozeConversationMutationVariables = Exact<{
  conversationId: string | number;
}>;


export type UnsnoozeConversationMutation = { unsnoozeConversation:
    | { __typename: 'Conversation', id: string, snoozedUntil: string | null }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type ConversationUpdatedSubscriptionVariables = Exact<{
  id: string | number;
  after?: string | null | undefined;
}>;


export type ConversationUpdatedSubscription = { conversationUpdated: { cursor: string, type: TenantEventType, occurredAt: string, message: { id: string, direction: Direction, body: string, status: MessageStatus } | null, conversation: { id: string, lastMessageAt: string | null, unreadCount: number, readUpTo: string | null, sendingNumber: string | null, locks: Array<{ channel: Channel, locked: boolean, reason: LockReason | null, consent: ConsentState }> } | null } };

export type InboxUpdatedSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type InboxUpdatedSubscription = { inboxUpdated: { cursor: string, type: TenantEventType, occurredAt: string, conversationId: string, conversation: { id: string, lastMessageAt: string | null, unreadCount: number, archived: boolean, snoozedUntil: string | null, lastMessage: { id: string, direction: Direction, body: string } | null, candidate: { id: string, name: string } } | null } };

export type NotificationReceivedSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type NotificationReceivedSubscription = { notificationReceived: { cursor: string, type: TenantEventType, unreadCount: number, notification: { id: string, kind: NotificationKind, text: string, createdAt: string, readAt: string | null } | null } };

export type MessageKindsQueryVariables = Exact<{ [key: string]: never; }>;


export type MessageKindsQuery = { tenant: { customMessageKinds: Array<{ key: string, label: string }>, messageKindRules: Array<{ channel: Channel, kind: MessageKind, customKind: string | null }> } };

export type DefineMessageKindMutationVariables = Exact<{
  input: DefineMessageKindInput;
}>;


export type DefineMessageKindMutation = { defineMessageKind:
    | { __typename: 'CustomMessageKind', key: string, label: string }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, field: string }
   };

export type RemoveMessageKindMutationVariables = Exact<{
  key: string;
}>;


export type RemoveMessageKindMutation = { removeMessageKind:
    | { __typename: 'MutationRemoveMessageKindSuccess' }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type SetMessageKindRuleMutationVariables = Exact<{
  input: MessageKindRuleInput;
}>;


export type SetMessageKindRuleMutation = { setMessageKindRule:
    | { __typename: 'MutationSetMessageKindRuleSuccess', data: Array<{ channel: Channel, kind: MessageKind, customKind: string | null }> }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, field: string }
   };

export type MyNotificationsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  unreadOnly?: boolean | null | undefined;
}>;


export type MyNotificationsQuery = { viewer: { unreadNotificationCount: number, notifications: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, kind: NotificationKind, text: string, payload: Record<string, unknown>, createdAt: string, readAt: string | null, conversation: { id: string } | null, message: { id: string, direction: Direction } | null } }> } } };

export type UnreadNotificationCountQueryVariables = Exact<{ [key: string]: never; }>;


export type UnreadNotificationCountQuery = { viewer: { unreadNotificationCount: number } };

export type NotificationPreferencesQueryVariables = Exact<{ [key: string]: never; }>;


export type NotificationPreferencesQuery = { viewer: { notificationPreferences: Array<{ kind: NotificationKind, enabled: boolean }> } };

export type UpdateNotificationPreferencesMutationVariables = Exact<{
  input: Array<NotificationPreferenceInput> | NotificationPreferenceInput;
}>;


export type UpdateNotificationPreferencesMutation = { updateNotificationPreferences:
    | { __typename: 'MutationUpdateNotificationPreferencesSuccess', data: Array<{ kind: NotificationKind, enabled: boolean }> }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type PoolNumberFragment = { id: string, e164: string, country: string, channel: Channel, channelAccountId: string | null, label: string | null, numberType: NumberType, segmentsPerSecond: number | null, retiredAt: string | null, ownershipProof: string };

export type AddPoolNumberMutationVariables = Exact<{
  tenantId?: string | number | null | undefined;
  e164: string;
  channel?: Channel | null | undefined;
  channelAccountId?: string | number | null | undefined;
  label?: string | null | undefined;
  numberType?: NumberType | null | undefined;
  segmentsPerSecond?: number | null | undefined;
}>;


export type AddPoolNumberMutation = { addSendingNumber:
    | { __typename: 'ChannelUnavailableError', code: ErrorCode, message: string }
    | { __typename: 'ConflictError', code: ErrorCode, message: string, field: string }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'NumberNotOwnedError', code: ErrorCode, message: string, e164: string, pluginId: string }
    | { __typename: 'NumberOwnershipUnverifiedError', code: ErrorCode, message: string, pluginId: string, providerError: string }
    | { __typename: 'SendingNumber', id: string, e164: string, country: string, channel: Channel, channelAccountId: string | null, label: string | null, numberType: NumberType, segmentsPerSecond: number | null, retiredAt: string | null, ownershipProof: string }
    | { __typename: 'SettingNotAvailableError', code: ErrorCode, message: string, setting: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, field: string }
   };

export type UpdateSendingNumberMutationVariables = Exact<{
  id: string | number;
  label?: string | null | undefined;
  numberType?: NumberType | null | undefined;
  segmentsPerSecond?: number | null | undefined;
}>;


export type UpdateSendingNumberMutation = { updateSendingNumber:
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'SendingNumber', id: string, e164: string, country: string, channel: Channel, channelAccountId: string | null, label: string | null, numberType: NumberType, segmentsPerSecond: number | null, retiredAt: string | null, ownershipProof: string }
    | { __typename: 'SettingNotAvailableError', code: ErrorCode, message: string, setting: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, field: string }
   };

export type RetireSendingNumberMutationVariables = Exact<{
  id: string | number;
}>;


export type RetireSendingNumberMutation = { retireSendingNumber:
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'SendingNumber', id: string, e164: string, country: string, channel: Channel, channelAccountId: string | null, label: string | null, numberType: NumberType, segmentsPerSecond: number | null, retiredAt: string | null, ownershipProof: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type AllowAdminsToManageNumbersMutationVariables = Exact<{
  tenantId: string | number;
  allowed: boolean;
}>;


export type AllowAdminsToManageNumbersMutation = { allowAdminsToManageNumbers:
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'Tenant', id: string, adminsManageNumbers: boolean }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type PoolNumbersQueryVariables = Exact<{
  includeRetired?: boolean | null | undefined;
}>;


export type PoolNumbersQuery = { sendingNumbers: Array<{ id: string, e164: string, country: string, channel: Channel, channelAccountId: string | null, label: string | null, numberType: NumberType, segmentsPerSecond: number | null, retiredAt: string | null, ownershipProof: string }> };

export type ConversationNumberRoutingQueryVariables = Exact<{
  id: string | number;
  channel?: Channel | null | undefined;
}>;


export type ConversationNumberRoutingQuery = { conversation: { id: string, sendingNumber: string | null, numberRouting: { e164: string, numberCountry: string, reason: NumberReason, candidateCountry: string | null, noLocalNumber: boolean, internationalWarning: string | null, movesFromRetiredNumber: boolean, sendingNumber: { id: string, label: string | null } | null } | null, numberChanges: Array<{ channel: Channel, reason: string, at: string, from: { id: string, e164: string }, to: { id: string, e164: string } }> } | null };

export type PreviewRoutingQueryVariables = Exact<{
  input: PreviewMessageInput;
}>;


export type PreviewRoutingQuery = { previewMessage: { sendingNumber: string | null, sendingNumberReason: NumberReason | null, noLocalNumber: boolean, internationalWarning: string | null } | null };

export type CreateTenantMutationVariables = Exact<{
  input: CreateTenantInput;
}>;


export type CreateTenantMutation = { createTenant:
    | { __typename: 'ChannelUnavailableError', code: ErrorCode, message: string }
    | { __typename: 'CreatedTenant', apiKeySecret: string, tenant: { id: string, name: string, enabledChannels: Array<Channel> } }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, field: string }
   };

export type TenantsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TenantsQuery = { tenants: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string } }> } };

export type UpsertCandidateMutationVariables = Exact<{
  input: CandidateInput;
}>;


export type UpsertCandidateMutation = { upsertCandidate:
    | { __typename: 'Candidate', id: string, externalId: string, name: string, phone: string | null, alternatePhone: string | null, preferredPhone: PhoneChoice }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, field: string }
   };

export type UpsertJobMutationVariables = Exact<{
  input: JobInput;
}>;


export type UpsertJobMutation = { upsertJob:
    | { __typename: 'Job', id: string, externalId: string, title: string }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type UpsertApplicationMutationVariables = Exact<{
  input: ApplicationInput;
}>;


export type UpsertApplicationMutation = { upsertApplication:
    | { __typename: 'Application', id: string, externalId: string, conversation: { id: string } | null, hiringTeam: Array<{ id: string }> }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, field: string }
   };

export type AddSendingNumberMutationVariables = Exact<{
  tenantId: string | number;
  e164: string;
  channel?: Channel | null | undefined;
  channelAccountId?: string | number | null | undefined;
}>;


export type AddSendingNumberMutation = { addSendingNumber:
    | { __typename: 'ChannelUnavailableError', code: ErrorCode, message: string }
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'NumberNotOwnedError', code: ErrorCode, message: string }
    | { __typename: 'NumberOwnershipUnverifiedError', code: ErrorCode, message: string }
    | { __typename: 'SendingNumber', id: string, e164: string, country: string, channel: Channel, channelAccountId: string | null }
    | { __typename: 'SettingNotAvailableError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type UnmatchedInboundQueryVariables = Exact<{ [key: string]: never; }>;


export type UnmatchedInboundQuery = { unmatchedInboundMessages: { edges: Array<{ node: { fromNumber: string, toNumber: string, body: string } }> } };

export type UpsertCommunityMutationVariables = Exact<{
  input: CommunityInput;
}>;


export type UpsertCommunityMutation = { upsertCommunity:
    | { __typename: 'Community', id: string, externalId: string, name: string }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type AddProspectMutationVariables = Exact<{
  communityExternalId: string;
  candidateExternalId: string;
}>;


export type AddProspectMutation = { addProspect:
    | { __typename: 'Conversation', id: string, candidate: { id: string } }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type RecordEmailMutationVariables = Exact<{
  input: RecordEmailInput;
}>;


export type RecordEmailMutation = { recordEmail:
    | { __typename: 'IdempotencyKeyReusedError', code: ErrorCode, message: string }
    | { __typename: 'Message', id: string, direction: Direction, channel: MessageChannel, subject: string | null, body: string, status: MessageStatus, sentAt: string | null, createdAt: string }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', field: string, code: ErrorCode, message: string }
   };

export type RefLockFragment = { channel: Channel, locked: boolean, reachable: boolean, reason: LockReason | null, message: string | null, notice: string | null };

export type RefMessageFragment = { id: string, direction: Direction, channel: MessageChannel, body: string, status: MessageStatus, senderName: string, createdAt: string, errorCode: string | null, alert: { code: string, message: string } | null };

export type RefRowFragment = { id: string, lastMessageAt: string | null, unreadCount: number, candidate: { id: string, name: string }, lastMessage: { id: string, direction: Direction, channel: MessageChannel, body: string, status: MessageStatus } | null, locks: Array<{ channel: Channel, locked: boolean, reachable: boolean, reason: LockReason | null, message: string | null, notice: string | null }> };

export type RefViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type RefViewerQuery = { viewer: { kind: ActorKind, unreadNotificationCount: number, user: { id: string, name: string } | null } };

export type RefInboxQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type RefInboxQuery = { inbox: { edges: Array<{ node: { id: string, lastMessageAt: string | null, unreadCount: number, candidate: { id: string, name: string }, lastMessage: { id: string, direction: Direction, channel: MessageChannel, body: string, status: MessageStatus } | null, locks: Array<{ channel: Channel, locked: boolean, reachable: boolean, reason: LockReason | null, message: string | null, notice: string | null }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type RefConversationQueryVariables = Exact<{
  id: string | number;
  last: number;
  before?: string | null | undefined;
}>;


export type RefConversationQuery = { conversation: { sendingNumber: string | null, id: string, lastMessageAt: string | null, unreadCount: number, messages: { edges: Array<{ node: { id: string, direction: Direction, channel: MessageChannel, body: string, status: MessageStatus, senderName: string, createdAt: string, errorCode: string | null, alert: { code: string, message: string } | null } }>, pageInfo: { hasPreviousPage: boolean, startCursor: string | null } }, candidate: { id: string, name: string }, lastMessage: { id: string, direction: Direction, channel: MessageChannel, body: string, status: MessageStatus } | null, locks: Array<{ channel: Channel, locked: boolean, reachable: boolean, reason: LockReason | null, message: string | null, notice: string | null }> } | null };

export type RefPreviewQueryVariables = Exact<{
  input: PreviewMessageInput;
}>;


export type RefPreviewQuery = { previewMessage: { allowed: boolean, characters: number, segments: number, encoding: MessageEncoding, credits: number, refusals: Array<{ code: ErrorCode, message: string }> } | null };

export type RefSendMutationVariables = Exact<{
  input: SendMessageInput;
}>;


export type RefSendMutation = { sendMessage:
    | { __typename: 'AllowanceExhaustedError', code: ErrorCode, message: string }
    | { __typename: 'AttachmentsNotSupportedError', code: ErrorCode, message: string }
    | { __typename: 'ChannelUnavailableError', code: ErrorCode, message: string }
    | { __typename: 'ConversationLockedError', code: ErrorCode, message: string }
    | { __typename: 'IdempotencyKeyReusedError', code: ErrorCode, message: string }
    | { __typename: 'InsufficientCreditsError', code: ErrorCode, message: string }
    | { __typename: 'Message', id: string, direction: Direction, channel: MessageChannel, body: string, status: MessageStatus, senderName: string, createdAt: string, errorCode: string | null, alert: { code: string, message: string } | null }
    | { __typename: 'MessageKindNotAllowedError', code: ErrorCode, message: string }
    | { __typename: 'MessageTooLongError', code: ErrorCode, message: string }
    | { __typename: 'NoSendingNumberError', code: ErrorCode, message: string }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'QuietHoursError', code: ErrorCode, message: string }
    | { __typename: 'SendNotAllowedError', code: ErrorCode, message: string }
    | { __typename: 'SessionWindowClosedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type RefInviteMutationVariables = Exact<{
  conversationId: string | number;
  channel?: Channel | null | undefined;
}>;


export type RefInviteMutation = { sendConsentInvite:
    | { __typename: 'AllowanceExhaustedError', code: ErrorCode, message: string }
    | { __typename: 'AttachmentsNotSupportedError', code: ErrorCode, message: string }
    | { __typename: 'ChannelUnavailableError', code: ErrorCode, message: string }
    | { __typename: 'ConsentInvitationNotAvailableError', code: ErrorCode, message: string }
    | { __typename: 'ConversationLockedError', code: ErrorCode, message: string }
    | { __typename: 'IdempotencyKeyReusedError', code: ErrorCode, message: string }
    | { __typename: 'InsufficientCreditsError', code: ErrorCode, message: string }
    | { __typename: 'Message', id: string, direction: Direction, channel: MessageChannel, body: string, status: MessageStatus, senderName: string, createdAt: string, errorCode: string | null, alert: { code: string, message: string } | null }
    | { __typename: 'MessageKindNotAllowedError', code: ErrorCode, message: string }
    | { __typename: 'MessageTooLongError', code: ErrorCode, message: string }
    | { __typename: 'NoSendingNumberError', code: ErrorCode, message: string }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'QuietHoursError', code: ErrorCode, message: string }
    | { __typename: 'SendNotAllowedError', code: ErrorCode, message: string }
    | { __typename: 'SessionWindowClosedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type RefMarkReadMutationVariables = Exact<{
  conversationId: string | number;
  upTo: string | number;
}>;


export type RefMarkReadMutation = { markConversationRead:
    | { __typename: 'Conversation', id: string, unreadCount: number }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type RefConversationLiveSubscriptionVariables = Exact<{
  id: string | number;
  after?: string | null | undefined;
}>;


export type RefConversationLiveSubscription = { conversationUpdated: { cursor: string, type: TenantEventType, message: { id: string, direction: Direction, channel: MessageChannel, body: string, status: MessageStatus, senderName: string, createdAt: string, errorCode: string | null, alert: { code: string, message: string } | null } | null, conversation: { id: string, unreadCount: number, sendingNumber: string | null, locks: Array<{ channel: Channel, locked: boolean, reachable: boolean, reason: LockReason | null, message: string | null, notice: string | null }> } | null } };

export type RefInboxLiveSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type RefInboxLiveSubscription = { inboxUpdated: { cursor: string, conversationId: string, conversation: { id: string, lastMessageAt: string | null, unreadCount: number, candidate: { id: string, name: string }, lastMessage: { id: string, direction: Direction, channel: MessageChannel, body: string, status: MessageStatus } | null, locks: Array<{ channel: Channel, locked: boolean, reachable: boolean, reason: LockReason | null, message: string | null, notice: string | null }> } | null } };

export type RefBellLiveSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type RefBellLiveSubscription = { notificationReceived: { cursor: string, unreadCount: number } };

export type MessageActivityQueryVariables = Exact<{
  filter: MessageActivityFilter;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MessageActivityQuery = { messageActivity:
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'QueryMessageActivityConnection', edges: Array<{ cursor: string, node: { message: string, createdAt: string, direction: Direction, number: string, channel: MessageChannel, kind: MessageKind, customKind: string | null, status: MessageStatus, segments: number, credits: number, author: { id: string, name: string } | null, candidate: { id: string, name: string } } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, endCursor: string | null } }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, field: string, issues: Array<{ field: string, message: string }> }
   };

export type ConsentChangesQueryVariables = Exact<{
  filter: ConsentChangesFilter;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ConsentChangesQuery = { consentChanges:
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'QueryConsentChangesConnection', edges: Array<{ cursor: string, node: { createdAt: string, channel: Channel, fromState: ConsentState, toState: ConsentState, source: ConsentSource, evidence: string | null, message: string | null, candidate: { id: string, name: string }, actor: { id: string, name: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, field: string }
   };

export type NumberUsageReportQueryVariables = Exact<{
  fromMonth: string;
  toMonth: string;
}>;


export type NumberUsageReportQuery = { numberUsageReport:
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'QueryNumberUsageReportSuccess', data: Array<{ sendingNumberId: string, e164: string, channel: MessageChannel, month: string, allowance: number | null, sent: number, received: number, used: number }> }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, field: string }
   };

export type CreditLedgerPeriodQueryVariables = Exact<{
  from?: string | null | undefined;
  to?: string | null | undefined;
  first?: number | null | undefined;
}>;


export type CreditLedgerPeriodQuery = { tenant: { id: string, creditLedger: { edges: Array<{ node: { kind: CreditEntryKind, amount: number, createdAt: string } }> } | null } };

export type SimulateInboundMessageMutationVariables = Exact<{
  input: SimulateInboundMessageInput;
}>;


export type SimulateInboundMessageMutation = { simulateInboundMessage:
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'SandboxBusyError', code: ErrorCode, message: string }
    | { __typename: 'SimulatedInboundMessage', providerMessageId: string, to: string, inboundMessage: { id: string, direction: Direction, channel: MessageChannel, kind: MessageKind, customKind: string | null, body: string, status: MessageStatus, senderName: string, segments: number, encoding: string, errorCode: string | null, createdAt: string, sentAt: string | null, deliveredAt: string | null, alert: { code: string, message: string } | null } | null }
    | { __typename: 'SimulationNotAvailableError', code: ErrorCode, message: string, number: string | null }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, field: string, issues: Array<{ field: string, message: string }> }
   };

export type ScheduleMessageMutationVariables = Exact<{
  input: SendMessageInput;
}>;


export type ScheduleMessageMutation = { sendMessage:
    | { __typename: 'AllowanceExhaustedError', code: ErrorCode, message: string }
    | { __typename: 'AttachmentsNotSupportedError', code: ErrorCode, message: string }
    | { __typename: 'ChannelUnavailableError', code: ErrorCode, message: string }
    | { __typename: 'ConversationLockedError', code: ErrorCode, message: string }
    | { __typename: 'IdempotencyKeyReusedError', code: ErrorCode, message: string }
    | { __typename: 'InsufficientCreditsError', code: ErrorCode, message: string }
    | { __typename: 'Message', id: string, status: MessageStatus, scheduledFor: string | null }
    | { __typename: 'MessageKindNotAllowedError', code: ErrorCode, message: string }
    | { __typename: 'MessageTooLongError', code: ErrorCode, message: string }
    | { __typename: 'NoSendingNumberError', code: ErrorCode, message: string }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'QuietHoursError', nextAllowedAt: string | null, timeZones: Array<string>, code: ErrorCode, message: string }
    | { __typename: 'SendNotAllowedError', code: ErrorCode, message: string }
    | { __typename: 'SessionWindowClosedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type CancelScheduledMessageMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelScheduledMessageMutation = { cancelScheduledMessage:
    | { __typename: 'Message', id: string, status: MessageStatus, errorMessage: string | null }
    | { __typename: 'MessageNotScheduledError', status: MessageStatus, code: ErrorCode, message: string }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type ScheduledMessagesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ScheduledMessagesQuery = { scheduledMessages: { edges: Array<{ node: { id: string, body: string, channel: MessageChannel, scheduledFor: string | null, author: { id: string, name: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SetQuietHoursMutationVariables = Exact<{
  quietHours?: QuietHoursInput | null | undefined;
  noSundays?: boolean | null | undefined;
}>;


export type SetQuietHoursMutation = { updateTenantSettings:
    | { __typename: 'ChannelUnavailableError', code: ErrorCode, message: string }
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'SettingNotAvailableError', code: ErrorCode, message: string }
    | { __typename: 'Tenant', quietHours: { enabled: boolean, start: string | null, end: string | null, noSundays: boolean } }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type PreviewQuietHoursQueryVariables = Exact<{
  input: PreviewMessageInput;
}>;


export type PreviewQuietHoursQuery = { previewMessage: { allowed: boolean, sendAt: string | null, quietHours: { timeZones: Array<string>, timeZoneSource: CandidateTimeZoneSource, quiet: boolean, nextAllowedAt: string | null, localTimes: Array<{ zone: string, time: string }> } } | null };

export type BuySeatsMutationVariables = Exact<{
  count: number;
}>;


export type BuySeatsMutation = { buySeats:
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'SeatSummary', purchased: number, assigned: number, available: number }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type ReleaseSeatsMutationVariables = Exact<{
  count: number;
}>;


export type ReleaseSeatsMutation = { releaseSeats:
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'SeatSummary', purchased: number, assigned: number, available: number }
    | { __typename: 'SeatsInUseError', requested: number, unassigned: number, code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type AssignSeatMutationVariables = Exact<{
  userId: string | number;
}>;


export type AssignSeatMutation = { assignSeat:
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'SeatLimitReachedError', purchased: number, assigned: number, code: ErrorCode, message: string }
    | { __typename: 'User', id: string, seat: { id: string, assignedAt: string | null } | null }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type UnassignSeatMutationVariables = Exact<{
  userId: string | number;
}>;


export type UnassignSeatMutation = { unassignSeat:
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'User', id: string, seat: { id: string } | null }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type ReassignSeatMutationVariables = Exact<{
  fromUserId: string | number;
  toUserId: string | number;
}>;


export type ReassignSeatMutation = { reassignSeat:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'Seat', id: string, assignedAt: string | null, user: { id: string } | null }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type MessageTemplateFieldsFragment = { id: string, name: string, channel: Channel | null, kind: MessageKind, customKind: string | null, body: string, customFields: Array<string>, sendFields: Array<string>, updatedAt: string, whatsapp: { name: string, language: string, parameters: Array<string>, approval: WhatsAppTemplateApproval, approvalUpdatedAt: string | null } | null };

export type MessageTemplatesQueryVariables = Exact<{
  channel?: Channel | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MessageTemplatesQuery = { messageTemplates: { edges: Array<{ node: { id: string, name: string, channel: Channel | null, kind: MessageKind, customKind: string | null, body: string, customFields: Array<string>, sendFields: Array<string>, updatedAt: string, whatsapp: { name: string, language: string, parameters: Array<string>, approval: WhatsAppTemplateApproval, approvalUpdatedAt: string | null } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MessageTemplateNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type MessageTemplateNodeQuery = { node:
    | { __typename: 'ApiKey' }
    | { __typename: 'Application' }
    | { __typename: 'Candidate' }
    | { __typename: 'ChannelAccount' }
    | { __typename: 'Community' }
    | { __typename: 'Conversation' }
    | { __typename: 'Job' }
    | { __typename: 'Message' }
    | { __typename: 'MessageTemplate', id: string, name: string, channel: Channel | null, kind: MessageKind, customKind: string | null, body: string, customFields: Array<string>, sendFields: Array<string>, updatedAt: string, whatsapp: { name: string, language: string, parameters: Array<string>, approval: WhatsAppTemplateApproval, approvalUpdatedAt: string | null } | null }
    | { __typename: 'Notification' }
    | { __typename: 'Seat' }
    | { __typename: 'SendingNumber' }
    | { __typename: 'Tenant' }
    | { __typename: 'UnmatchedInbound' }
    | { __typename: 'User' }
    | { __typename: 'WebhookDelivery' }
    | { __typename: 'WebhookEndpoint' }
    | { __typename: 'Workflow' }
    | { __typename: 'WorkflowRun' }
   | null };

export type CreateMessageTemplateMutationVariables = Exact<{
  input: CreateMessageTemplateInput;
}>;


export type CreateMessageTemplateMutation = { createMessageTemplate:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'MessageTemplate', id: string, name: string, channel: Channel | null, kind: MessageKind, customKind: string | null, body: string, customFields: Array<string>, sendFields: Array<string>, updatedAt: string, whatsapp: { name: string, language: string, parameters: Array<string>, approval: WhatsAppTemplateApproval, approvalUpdatedAt: string | null } | null }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, field: string, issues: Array<{ field: string, message: string }> }
   };

export type UpdateMessageTemplateMutationVariables = Exact<{
  input: UpdateMessageTemplateInput;
}>;


export type UpdateMessageTemplateMutation = { updateMessageTemplate:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'MessageTemplate', id: string, name: string, channel: Channel | null, kind: MessageKind, customKind: string | null, body: string, customFields: Array<string>, sendFields: Array<string>, updatedAt: string, whatsapp: { name: string, language: string, parameters: Array<string>, approval: WhatsAppTemplateApproval, approvalUpdatedAt: string | null } | null }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, field: string, issues: Array<{ field: string, message: string }> }
   };

export type DeleteMessageTemplateMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteMessageTemplateMutation = { deleteMessageTemplate:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'MutationDeleteMessageTemplateSuccess', data: string }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type SendTemplatedMessageMutationVariables = Exact<{
  input: SendMessageInput;
}>;


export type SendTemplatedMessageMutation = { sendMessage:
    | { __typename: 'AllowanceExhaustedError', code: ErrorCode, message: string }
    | { __typename: 'AttachmentsNotSupportedError', code: ErrorCode, message: string }
    | { __typename: 'ChannelUnavailableError', code: ErrorCode, message: string }
    | { __typename: 'ConversationLockedError', code: ErrorCode, message: string }
    | { __typename: 'IdempotencyKeyReusedError', code: ErrorCode, message: string }
    | { __typename: 'InsufficientCreditsError', code: ErrorCode, message: string }
    | { __typename: 'Message', id: string, channel: MessageChannel, kind: MessageKind, body: string, segments: number, template: { name: string, language: string, parameters: Array<string> } | null }
    | { __typename: 'MessageKindNotAllowedError', code: ErrorCode, message: string }
    | { __typename: 'MessageTooLongError', code: ErrorCode, message: string }
    | { __typename: 'NoSendingNumberError', code: ErrorCode, message: string }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'QuietHoursError', code: ErrorCode, message: string }
    | { __typename: 'SendNotAllowedError', code: ErrorCode, message: string }
    | { __typename: 'SessionWindowClosedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, field: string, issues: Array<{ field: string, message: string }> }
   };

export type PreviewTemplatedMessageQueryVariables = Exact<{
  input: PreviewMessageInput;
}>;


export type PreviewTemplatedMessageQuery = { previewMessage: { allowed: boolean, body: string, encoding: MessageEncoding, segments: number, characters: number, credits: number, refusals: Array<{ code: ErrorCode, message: string, field: string | null }> } | null };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { kind: ActorKind, user: { id: string, name: string, role: Role } | null, tenant: { id: string, name: string } | null } };

export type TenantQueryVariables = Exact<{ [key: string]: never; }>;


export type TenantQuery = { tenant: { id: string, name: string, enabledChannels: Array<Channel>, requireTrustedDocuments: boolean, sendPolicy: { requireSeat: boolean, requireSendPermission: boolean, requireNumberAssignment: boolean, maxUsersPerNumber: number }, seats: { purchased: number, assigned: number, available: number } } };

export type UpdateTenantSettingsMutationVariables = Exact<{
  input: TenantSettingsInput;
}>;


export type UpdateTenantSettingsMutation = { updateTenantSettings:
    | { __typename: 'ChannelUnavailableError', code: ErrorCode, message: string }
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'SettingNotAvailableError', code: ErrorCode, message: string }
    | { __typename: 'Tenant', id: string, name: string, enabledChannels: Array<Channel>, requireTrustedDocuments: boolean, sendPolicy: { requireSeat: boolean, requireSendPermission: boolean, requireNumberAssignment: boolean, maxUsersPerNumber: number } }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, field: string, issues: Array<{ field: string, message: string }> }
   };

export type TenantEventsSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type TenantEventsSubscription = { tenantEvents: { cursor: string, type: TenantEventType, subjectId: string, conversationId: string | null, payload: Record<string, unknown>, occurredAt: string } };

export type EventCursorQueryVariables = Exact<{ [key: string]: never; }>;


export type EventCursorQuery = { tenant: { eventCursor: string } };

export type UserFieldsFragment = { id: string, externalId: string | null, name: string, email: string, role: Role, canSend: boolean, canViewReports: boolean, active: boolean, seat: { id: string, assignedAt: string | null } | null };

export type UsersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  includeDeactivated?: boolean | null | undefined;
}>;


export type UsersQuery = { tenant: { users: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, externalId: string | null, name: string, email: string, role: Role, canSend: boolean, canViewReports: boolean, active: boolean, seat: { id: string, assignedAt: string | null } | null } }> } } };

export type UserQueryVariables = Exact<{
  id: string | number;
}>;


export type UserQuery = { user: { id: string, externalId: string | null, name: string, email: string, role: Role, canSend: boolean, canViewReports: boolean, active: boolean, seat: { id: string, assignedAt: string | null } | null } | null };

export type CreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreateUserMutation = { createUser:
    | { __typename: 'ConflictError', code: ErrorCode, message: string, field: string }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'User', id: string, externalId: string | null, name: string, email: string, role: Role, canSend: boolean, canViewReports: boolean, active: boolean, seat: { id: string, assignedAt: string | null } | null }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, field: string, issues: Array<{ field: string, message: string }> }
   };

export type UpdateUserMutationVariables = Exact<{
  input: UpdateUserInput;
}>;


export type UpdateUserMutation = { updateUser:
    | { __typename: 'ConflictError', code: ErrorCode, message: string, field: string }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'User', id: string, externalId: string | null, name: string, email: string, role: Role, canSend: boolean, canViewReports: boolean, active: boolean, seat: { id: string, assignedAt: string | null } | null }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, field: string }
   };

export type CreateUserTokenMutationVariables = Exact<{
  userId: string | number;
  ttlSeconds?: number | null | undefined;
}>;


export type CreateUserTokenMutation = { createUserToken:
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'UserToken', token: string, expiresAt: string, user: { id: string } }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, field: string }
   };

export type WebhookEndpointFieldsFragment = { id: string, url: string, description: string, eventTypes: Array<TenantEventType>, enabled: boolean, status: WebhookEndpointStatus, failingSince: string | null, previousSecretExpiresAt: string | null, createdAt: string };

export type CreateWebhookEndpointMutationVariables = Exact<{
  input: CreateWebhookEndpointInput;
}>;


export type CreateWebhookEndpointMutation = { createWebhookEndpoint:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'CreatedWebhookEndpoint', secret: string, endpoint: { id: string, url: string, description: string, eventTypes: Array<TenantEventType>, enabled: boolean, status: WebhookEndpointStatus, failingSince: string | null, previousSecretExpiresAt: string | null, createdAt: string } }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, field: string }
   };

export type UpdateWebhookEndpointMutationVariables = Exact<{
  input: UpdateWebhookEndpointInput;
}>;


export type UpdateWebhookEndpointMutation = { updateWebhookEndpoint:
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, field: string }
    | { __typename: 'WebhookEndpoint', id: string, url: string, description: string, eventTypes: Array<TenantEventType>, enabled: boolean, status: WebhookEndpointStatus, failingSince: string | null, previousSecretExpiresAt: string | null, createdAt: string }
   };

export type DeleteWebhookEndpointMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteWebhookEndpointMutation = { deleteWebhookEndpoint:
    | { __typename: 'DeletedWebhookEndpoint', id: string }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type RotateWebhookSecretMutationVariables = Exact<{
  id: string | number;
  overlapHours?: number | null | undefined;
}>;


export type RotateWebhookSecretMutation = { rotateWebhookSecret:
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RotatedWebhookSecret', secret: string, endpoint: { id: string, url: string, description: string, eventTypes: Array<TenantEventType>, enabled: boolean, status: WebhookEndpointStatus, failingSince: string | null, previousSecretExpiresAt: string | null, createdAt: string } }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, field: string }
   };

export type WebhookEndpointsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WebhookEndpointsQuery = { webhookEndpoints: { edges: Array<{ node: { id: string, url: string, description: string, eventTypes: Array<TenantEventType>, enabled: boolean, status: WebhookEndpointStatus, failingSince: string | null, previousSecretExpiresAt: string | null, createdAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type WebhookEndpointQueryVariables = Exact<{
  id: string | number;
}>;


export type WebhookEndpointQuery = { node:
    | { __typename: 'ApiKey' }
    | { __typename: 'Application' }
    | { __typename: 'Candidate' }
    | { __typename: 'ChannelAccount' }
    | { __typename: 'Community' }
    | { __typename: 'Conversation' }
    | { __typename: 'Job' }
    | { __typename: 'Message' }
    | { __typename: 'MessageTemplate' }
    | { __typename: 'Notification' }
    | { __typename: 'Seat' }
    | { __typename: 'SendingNumber' }
    | { __typename: 'Tenant' }
    | { __typename: 'UnmatchedInbound' }
    | { __typename: 'User' }
    | { __typename: 'WebhookDelivery' }
    | { __typename: 'WebhookEndpoint', id: string, url: string, description: string, eventTypes: Array<TenantEventType>, enabled: boolean, status: WebhookEndpointStatus, failingSince: string | null, previousSecretExpiresAt: string | null, createdAt: string }
    | { __typename: 'Workflow' }
    | { __typename: 'WorkflowRun' }
   | null };

export type WebhookDeliveriesQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WebhookDeliveriesQuery = { node:
    | { __typename: 'ApiKey' }
    | { __typename: 'Application' }
    | { __typename: 'Candidate' }
    | { __typename: 'ChannelAccount' }
    | { __typename: 'Community' }
    | { __typename: 'Conversation' }
    | { __typename: 'Job' }
    | { __typename: 'Message' }
    | { __typename: 'MessageTemplate' }
    | { __typename: 'Notification' }
    | { __typename: 'Seat' }
    | { __typename: 'SendingNumber' }
    | { __typename: 'Tenant' }
    | { __typename: 'UnmatchedInbound' }
    | { __typename: 'User' }
    | { __typename: 'WebhookDelivery' }
    | { __typename: 'WebhookEndpoint', id: string, url: string, description: string, eventTypes: Array<TenantEventType>, enabled: boolean, status: WebhookEndpointStatus, failingSince: string | null, previousSecretExpiresAt: string | null, createdAt: string, deliveries: { edges: Array<{ node: { id: string, webhookId: string, eventType: TenantEventType, state: WebhookDeliveryState, attemptCount: number, nextAttemptAt: string | null, settledAt: string | null, replayOf: string | null, body: string, attempts: Array<{ at: string, statusCode: number | null, error: string | null, latencyMs: number }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } }
    | { __typename: 'Workflow' }
    | { __typename: 'WorkflowRun' }
   | null };

export type ReplayWebhookDeliveryMutationVariables = Exact<{
  id: string | number;
}>;


export type ReplayWebhookDeliveryMutation = { replayWebhookDelivery:
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
    | { __typename: 'WebhookDelivery', id: string, webhookId: string, state: WebhookDeliveryState, replayOf: string | null }
   };

export type ReplayWebhookEventsMutationVariables = Exact<{
  endpointId: string | number;
  from: string;
  to: string;
}>;


export type ReplayWebhookEventsMutation = { replayWebhookEvents:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ReplayedWebhookEvents', queued: number, skipped: number }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, field: string }
   };

export type LockFieldsFragment = { channel: Channel, locked: boolean, reachable: boolean, reason: LockReason | null, message: string | null, consent: ConsentState, optOutObservable: boolean, notice: string | null, sessionWindow: { hours: number, open: boolean, lastInboundAt: string | null, openUntil: string | null, closedAt: string | null } | null, reengagementTemplate: { body: string, name: string, language: string, parameters: Array<string> } | null };

export type ConversationChannelsQueryVariables = Exact<{
  id: string | number;
}>;


export type ConversationChannelsQuery = { conversation: { id: string, smsNumber: string | null, whatsappNumber: string | null, locks: Array<{ channel: Channel, locked: boolean, reachable: boolean, reason: LockReason | null, message: string | null, consent: ConsentState, optOutObservable: boolean, notice: string | null, sessionWindow: { hours: number, open: boolean, lastInboundAt: string | null, openUntil: string | null, closedAt: string | null } | null, reengagementTemplate: { body: string, name: string, language: string, parameters: Array<string> } | null }>, messages: { edges: Array<{ node: { id: string, direction: Direction, channel: MessageChannel, body: string, status: MessageStatus, template: { name: string, language: string, parameters: Array<string> } | null } }> } } | null };

export type SendOnChannelMutationVariables = Exact<{
  input: SendMessageInput;
}>;


export type SendOnChannelMutation = { sendMessage:
    | { __typename: 'AllowanceExhaustedError', code: ErrorCode, message: string }
    | { __typename: 'AttachmentsNotSupportedError', code: ErrorCode, message: string }
    | { __typename: 'ChannelUnavailableError', code: ErrorCode, message: string }
    | { __typename: 'ConversationLockedError', code: ErrorCode, message: string }
    | { __typename: 'IdempotencyKeyReusedError', code: ErrorCode, message: string }
    | { __typename: 'InsufficientCreditsError', code: ErrorCode, message: string }
    | { __typename: 'Message', id: string, channel: MessageChannel, body: string }
    | { __typename: 'MessageKindNotAllowedError', code: ErrorCode, message: string }
    | { __typename: 'MessageTooLongError', code: ErrorCode, message: string }
    | { __typename: 'NoSendingNumberError', code: ErrorCode, message: string }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'QuietHoursError', code: ErrorCode, message: string }
    | { __typename: 'SendNotAllowedError', code: ErrorCode, message: string }
    | { __typename: 'SessionWindowClosedError', code: ErrorCode, message: string, closedAt: string | null, template: { body: string, name: string, language: string, parameters: Array<string> } | null }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type SendReengagementTemplateMutationVariables = Exact<{
  input: SendReengagementTemplateInput;
}>;


export type SendReengagementTemplateMutation = { sendReengagementTemplate:
    | { __typename: 'AllowanceExhaustedError', code: ErrorCode, message: string }
    | { __typename: 'AttachmentsNotSupportedError', code: ErrorCode, message: string }
    | { __typename: 'ChannelUnavailableError', code: ErrorCode, message: string }
    | { __typename: 'ConversationLockedError', code: ErrorCode, message: string, lockReason: LockReason }
    | { __typename: 'IdempotencyKeyReusedError', code: ErrorCode, message: string }
    | { __typename: 'InsufficientCreditsError', code: ErrorCode, message: string }
    | { __typename: 'Message', id: string, channel: MessageChannel, body: string, template: { name: string, language: string, parameters: Array<string> } | null }
    | { __typename: 'MessageKindNotAllowedError', code: ErrorCode, message: string }
    | { __typename: 'MessageTooLongError', code: ErrorCode, message: string }
    | { __typename: 'NoSendingNumberError', code: ErrorCode, message: string }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'QuietHoursError', code: ErrorCode, message: string }
    | { __typename: 'ReengagementPendingError', code: ErrorCode, message: string, sentAt: string, retryAt: string }
    | { __typename: 'SendNotAllowedError', code: ErrorCode, message: string }
    | { __typename: 'SessionWindowClosedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type SendConsentInviteOnMutationVariables = Exact<{
  conversationId: string | number;
  channel?: Channel | null | undefined;
}>;


export type SendConsentInviteOnMutation = { sendConsentInvite:
    | { __typename: 'AllowanceExhaustedError', code: ErrorCode, message: string }
    | { __typename: 'AttachmentsNotSupportedError', code: ErrorCode, message: string }
    | { __typename: 'ChannelUnavailableError', code: ErrorCode, message: string }
    | { __typename: 'ConsentInvitationNotAvailableError', code: ErrorCode, message: string, channel: string }
    | { __typename: 'ConversationLockedError', code: ErrorCode, message: string }
    | { __typename: 'IdempotencyKeyReusedError', code: ErrorCode, message: string }
    | { __typename: 'InsufficientCreditsError', code: ErrorCode, message: string }
    | { __typename: 'Message' }
    | { __typename: 'MessageKindNotAllowedError', code: ErrorCode, message: string }
    | { __typename: 'MessageTooLongError', code: ErrorCode, message: string }
    | { __typename: 'NoSendingNumberError', code: ErrorCode, message: string }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'QuietHoursError', code: ErrorCode, message: string }
    | { __typename: 'SendNotAllowedError', code: ErrorCode, message: string }
    | { __typename: 'SessionWindowClosedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type PreviewOnChannelQueryVariables = Exact<{
  input: PreviewMessageInput;
}>;


export type PreviewOnChannelQuery = { previewMessage: { allowed: boolean, sendingNumber: string | null, refusals: Array<{ code: ErrorCode, message: string, lockReason: LockReason | null, sessionWindowClosedAt: string | null, template: { body: string, name: string } | null }>, lock: { channel: Channel, locked: boolean, reachable: boolean, reason: LockReason | null, message: string | null, consent: ConsentState, optOutObservable: boolean, notice: string | null, sessionWindow: { hours: number, open: boolean, lastInboundAt: string | null, openUntil: string | null, closedAt: string | null } | null, reengagementTemplate: { body: string, name: string, language: string, parameters: Array<string> } | null } } | null };

export type UpdateReengagementSettingsMutationVariables = Exact<{
  input: TenantSettingsInput;
}>;


export type UpdateReengagementSettingsMutation = { updateTenantSettings:
    | { __typename: 'ChannelUnavailableError', code: ErrorCode, message: string }
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'SettingNotAvailableError', code: ErrorCode, message: string }
    | { __typename: 'Tenant', enabledChannels: Array<Channel>, reengagementText: string, reengagementTemplateName: string, reengagementTemplateLanguage: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, field: string, issues: Array<{ field: string, message: string }> }
   };

export type WorkflowFieldsFragment = { id: string, name: string, trigger: WorkflowTrigger, toStatus: string | null, fromStatus: string | null, callToAction: string | null, stopOnReply: boolean, active: boolean, pausedAt: string | null, criteria: { jobIds: Array<string>, jobTitleContains: string | null }, steps: Array<{ position: number, delayMinutes: number, channel: Channel, senderId: string, templateId: string }> };

export type WorkflowRunFieldsFragment = { id: string, trigger: WorkflowTrigger, partnerEventId: string, triggerData: Record<string, unknown>, status: WorkflowRunStatus, createdAt: string, finishedAt: string | null, workflow: { id: string, name: string }, conversation: { id: string } | null, steps: Array<{ position: number, channel: Channel, dueAt: string, outcome: WorkflowStepOutcome, reason: string | null, detail: string | null, finishedAt: string | null, message: { id: string, status: MessageStatus, body: string, scheduledFor: string | null } | null }> };

export type WorkflowsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type WorkflowsQuery = { workflows: { edges: Array<{ node: { id: string, name: string, trigger: WorkflowTrigger, toStatus: string | null, fromStatus: string | null, callToAction: string | null, stopOnReply: boolean, active: boolean, pausedAt: string | null, criteria: { jobIds: Array<string>, jobTitleContains: string | null }, steps: Array<{ position: number, delayMinutes: number, channel: Channel, senderId: string, templateId: string }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type WorkflowRunsQueryVariables = Exact<{
  filter?: WorkflowRunFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type WorkflowRunsQuery = { workflowRuns: { edges: Array<{ node: { id: string, trigger: WorkflowTrigger, partnerEventId: string, triggerData: Record<string, unknown>, status: WorkflowRunStatus, createdAt: string, finishedAt: string | null, workflow: { id: string, name: string }, conversation: { id: string } | null, steps: Array<{ position: number, channel: Channel, dueAt: string, outcome: WorkflowStepOutcome, reason: string | null, detail: string | null, finishedAt: string | null, message: { id: string, status: MessageStatus, body: string, scheduledFor: string | null } | null }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CreateWorkflowMutationVariables = Exact<{
  input: WorkflowInput;
}>;


export type CreateWorkflowMutation = { createWorkflow:
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, issues: Array<{ field: string, message: string }> }
    | { __typename: 'Workflow', id: string, name: string, trigger: WorkflowTrigger, toStatus: string | null, fromStatus: string | null, callToAction: string | null, stopOnReply: boolean, active: boolean, pausedAt: string | null, criteria: { jobIds: Array<string>, jobTitleContains: string | null }, steps: Array<{ position: number, delayMinutes: number, channel: Channel, senderId: string, templateId: string }> }
   };

export type UpdateWorkflowMutationVariables = Exact<{
  id: string | number;
  input: WorkflowInput;
}>;


export type UpdateWorkflowMutation = { updateWorkflow:
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, issues: Array<{ field: string, message: string }> }
    | { __typename: 'Workflow', id: string, name: string, trigger: WorkflowTrigger, toStatus: string | null, fromStatus: string | null, callToAction: string | null, stopOnReply: boolean, active: boolean, pausedAt: string | null, criteria: { jobIds: Array<string>, jobTitleContains: string | null }, steps: Array<{ position: number, delayMinutes: number, channel: Channel, senderId: string, templateId: string }> }
   };

export type PauseWorkflowMutationVariables = Exact<{
  id: string | number;
}>;


export type PauseWorkflowMutation = { pauseWorkflow:
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
    | { __typename: 'Workflow', id: string, active: boolean, pausedAt: string | null }
   };

export type ResumeWorkflowMutationVariables = Exact<{
  id: string | number;
}>;


export type ResumeWorkflowMutation = { resumeWorkflow:
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
    | { __typename: 'Workflow', id: string, active: boolean, pausedAt: string | null }
   };

export type DeleteWorkflowMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteWorkflowMutation = { deleteWorkflow:
    | { __typename: 'MutationDeleteWorkflowSuccess', data: string }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type WorkflowTriggerFieldsFragment = { runs: Array<{ id: string, trigger: WorkflowTrigger, partnerEventId: string, triggerData: Record<string, unknown>, status: WorkflowRunStatus, createdAt: string, finishedAt: string | null, workflow: { id: string, name: string }, conversation: { id: string } | null, steps: Array<{ position: number, channel: Channel, dueAt: string, outcome: WorkflowStepOutcome, reason: string | null, detail: string | null, finishedAt: string | null, message: { id: string, status: MessageStatus, body: string, scheduledFor: string | null } | null }> }>, alreadyRecorded: Array<{ id: string, status: WorkflowRunStatus }>, plan: Array<{ position: number, delayMinutes: number, channel: Channel, verdict: WorkflowStepVerdict, text: string | null, to: string | null, fromNumber: string | null, sendAt: string | null, reason: string | null, detail: string | null, workflow: { id: string, name: string } | null, sender: { id: string, name: string } | null, conversation: { id: string } | null }> | null };

export type ReportApplicationStatusChangedMutationVariables = Exact<{
  input: ApplicationStatusChangedInput;
}>;


export type ReportApplicationStatusChangedMutation = { reportApplicationStatusChanged:
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, issues: Array<{ field: string, message: string }> }
    | { __typename: 'WorkflowTriggerResult', runs: Array<{ id: string, trigger: WorkflowTrigger, partnerEventId: string, triggerData: Record<string, unknown>, status: WorkflowRunStatus, createdAt: string, finishedAt: string | null, workflow: { id: string, name: string }, conversation: { id: string } | null, steps: Array<{ position: number, channel: Channel, dueAt: string, outcome: WorkflowStepOutcome, reason: string | null, detail: string | null, finishedAt: string | null, message: { id: string, status: MessageStatus, body: string, scheduledFor: string | null } | null }> }>, alreadyRecorded: Array<{ id: string, status: WorkflowRunStatus }>, plan: Array<{ position: number, delayMinutes: number, channel: Channel, verdict: WorkflowStepVerdict, text: string | null, to: string | null, fromNumber: string | null, sendAt: string | null, reason: string | null, detail: string | null, workflow: { id: string, name: string } | null, sender: { id: string, name: string } | null, conversation: { id: string } | null }> | null }
   };

export type ReportCallToActionCompletedMutationVariables = Exact<{
  input: CallToActionCompletedInput;
}>;


export type ReportCallToActionCompletedMutation = { reportCallToActionCompleted:
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, issues: Array<{ field: string, message: string }> }
    | { __typename: 'WorkflowTriggerResult', runs: Array<{ id: string, trigger: WorkflowTrigger, partnerEventId: string, triggerData: Record<string, unknown>, status: WorkflowRunStatus, createdAt: string, finishedAt: string | null, workflow: { id: string, name: string }, conversation: { id: string } | null, steps: Array<{ position: number, channel: Channel, dueAt: string, outcome: WorkflowStepOutcome, reason: string | null, detail: string | null, finishedAt: string | null, message: { id: string, status: MessageStatus, body: string, scheduledFor: string | null } | null }> }>, alreadyRecorded: Array<{ id: string, status: WorkflowRunStatus }>, plan: Array<{ position: number, delayMinutes: number, channel: Channel, verdict: WorkflowStepVerdict, text: string | null, to: string | null, fromNumber: string | null, sendAt: string | null, reason: string | null, detail: string | null, workflow: { id: string, name: string } | null, sender: { id: string, name: string } | null, conversation: { id: string } | null }> | null }
   };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const NumberUsageFieldsFragmentDoc = new TypedDocumentString(`
    fragment NumberUsageFields on NumberUsage {
  month
  sent
  received
  used
  allowance
  remaining
  resetsAt
}
    `, {"fragmentName":"NumberUsageFields"}) as unknown as TypedDocumentString<NumberUsageFieldsFragment, unknown>;
export const ChannelAccountFieldsFragmentDoc = new TypedDocumentString(`
    fragment ChannelAccountFields on ChannelAccount {
  id
  pluginId
  channel
  label
  status
  credentials
  inboundWebhookUrl
  createdAt
  updatedAt
}
    `, {"fragmentName":"ChannelAccountFields"}) as unknown as TypedDocumentString<ChannelAccountFieldsFragment, unknown>;
export const MessageFieldsFragmentDoc = new TypedDocumentString(`
    fragment MessageFields on Message {
  id
  direction
  channel
  kind
  customKind
  body
  status
  senderName
  segments
  encoding
  errorCode
  alert {
    code
    message
  }
  createdAt
  sentAt
  deliveredAt
}
    `, {"fragmentName":"MessageFields"}) as unknown as TypedDocumentString<MessageFieldsFragment, unknown>;
export const InboxRowFragmentDoc = new TypedDocumentString(`
    fragment InboxRow on Conversation {
  id
  lastMessageAt
  unreadCount
  readUpTo
  archived
  snoozedUntil
  candidate {
    id
    name
  }
  application {
    id
  }
  lastMessage {
    id
    direction
    channel
    subject
    body
    status
    senderName
    createdAt
  }
  locks {
    channel
    locked
    reachable
    reason
  }
}
    `, {"fragmentName":"InboxRow"}) as unknown as TypedDocumentString<InboxRowFragment, unknown>;
export const PoolNumberFragmentDoc = new TypedDocumentString(`
    fragment PoolNumber on SendingNumber {
  id
  e164
  country
  channel
  channelAccountId
  label
  numberType
  segmentsPerSecond
  retiredAt
  ownershipProof
}
    `, {"fragmentName":"PoolNumber"}) as unknown as TypedDocumentString<PoolNumberFragment, unknown>;
export const RefMessageFragmentDoc = new TypedDocumentString(`
    fragment RefMessage on Message {
  id
  direction
  channel
  body
  status
  senderName
  createdAt
  errorCode
  alert {
    code
    message
  }
}
    `, {"fragmentName":"RefMessage"}) as unknown as TypedDocumentString<RefMessageFragment, unknown>;
export const RefLockFragmentDoc = new TypedDocumentString(`
    fragment RefLock on ConversationLock {
  channel
  locked
  reachable
  reason
  message
  notice
}
    `, {"fragmentName":"RefLock"}) as unknown as TypedDocumentString<RefLockFragment, unknown>;
export const RefRowFragmentDoc = new TypedDocumentString(`
    fragment RefRow on Conversation {
  id
  lastMessageAt
  unreadCount
  candidate {
    id
    name
  }
  lastMessage {
    id
    direction
    channel
    body
    status
  }
  locks {
    ...RefLock
  }
}
    fragment RefLock on ConversationLock {
  channel
  locked
  reachable
  reason
  message
  notice
}`, {"fragmentName":"RefRow"}) as unknown as TypedDocumentString<RefRowFragment, unknown>;
export const MessageTemplateFieldsFragmentDoc = new TypedDocumentString(`
    fragment MessageTemplateFields on MessageTemplate {
  id
  name
  channel
  kind
  customKind
  body
  customFields
  sendFields
  whatsapp {
    name
    language
    parameters
    approval
    approvalUpdatedAt
  }
  updatedAt
}
    `, {"fragmentName":"MessageTemplateFields"}) as unknown as TypedDocumentString<MessageTemplateFieldsFragment, unknown>;
export const UserFieldsFragmentDoc = new TypedDocumentString(`
    fragment UserFields on User {
  id
  externalId
  name
  email
  role
  canSend
  canViewReports
  active
  seat {
    id
    assignedAt
  }
}
    `, {"fragmentName":"UserFields"}) as unknown as TypedDocumentString<UserFieldsFragment, unknown>;
export const WebhookEndpointFieldsFragmentDoc = new TypedDocumentString(`
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  description
  eventTypes
  enabled
  status
  failingSince
  previousSecretExpiresAt
  createdAt
}
    `, {"fragmentName":"WebhookEndpointFields"}) as unknown as TypedDocumentString<WebhookEndpointFieldsFragment, unknown>;
export const LockFieldsFragmentDoc = new TypedDocumentString(`
    fragment LockFields on ConversationLock {
  channel
  locked
  reachable
  reason
  message
  consent
  optOutObservable
  notice
  sessionWindow {
    hours
    open
    lastInboundAt
    openUntil
    closedAt
  }
  reengagementTemplate {
    body
    name
    language
    parameters
  }
}
    `, {"fragmentName":"LockFields"}) as unknown as TypedDocumentString<LockFieldsFragment, unknown>;
export const WorkflowFieldsFragmentDoc = new TypedDocumentString(`
    fragment WorkflowFields on Workflow {
  id
  name
  trigger
  toStatus
  fromStatus
  callToAction
  criteria {
    jobIds
    jobTitleContains
  }
  stopOnReply
  active
  pausedAt
  steps {
    position
    delayMinutes
    channel
    senderId
    templateId
  }
}
    `, {"fragmentName":"WorkflowFields"}) as unknown as TypedDocumentString<WorkflowFieldsFragment, unknown>;
export const WorkflowRunFieldsFragmentDoc = new TypedDocumentString(`
    fragment WorkflowRunFields on WorkflowRun {
  id
  trigger
  partnerEventId
  triggerData
  status
  createdAt
  finishedAt
  workflow {
    id
    name
  }
  conversation {
    id
  }
  steps {
    position
    channel
    dueAt
    outcome
    reason
    detail
    finishedAt
    message {
      id
      status
      body
      scheduledFor
    }
  }
}
    `, {"fragmentName":"WorkflowRunFields"}) as unknown as TypedDocumentString<WorkflowRunFieldsFragment, unknown>;
export const WorkflowTriggerFieldsFragmentDoc = new TypedDocumentString(`
    fragment WorkflowTriggerFields on WorkflowTriggerResult {
  runs {
    ...WorkflowRunFields
  }
  alreadyRecorded {
    id
    status
  }
  plan {
    workflow {
      id
      name
    }
    position
    delayMinutes
    channel
    sender {
      id
      name
    }
    conversation {
      id
    }
    verdict
    text
    to
    fromNumber
    sendAt
    reason
    detail
  }
}
    fragment WorkflowRunFields on WorkflowRun {
  id
  trigger
  partnerEventId
  triggerData
  status
  createdAt
  finishedAt
  workflow {
    id
    name
  }
  conversation {
    id
  }
  steps {
    position
    channel
    dueAt
    outcome
    reason
    detail
    finishedAt
    message {
      id
      status
      body
      scheduledFor
    }
  }
}`, {"fragmentName":"WorkflowTriggerFields"}) as unknown as TypedDocumentString<WorkflowTriggerFieldsFragment, unknown>;
export const AssignNumberDocument = new TypedDocumentString(`
    mutation AssignNumber($numberId: ID!, $userId: ID!) {
  assignNumber(numberId: $numberId, userId: $userId) {
    __typename
    ... on SendingNumber {
      id
      assignedUsers {
        id
      }
    }
    ... on Error {
      code
      message
    }
    ... on NumberAssignmentLimitReachedError {
      number
      limit
      assigned
    }
  }
}
    `, {"hash":"sha256:6d23d81f2d22c568d9e5e9dc536bdde839f1d83a11c398a9c4adfd5fc0fcc1fd"}) as unknown as TypedDocumentString<AssignNumberMutation, AssignNumberMutationVariables>;
export const UnassignNumberDocument = new TypedDocumentString(`
    mutation UnassignNumber($numberId: ID!, $userId: ID!) {
  unassignNumber(numberId: $numberId, userId: $userId) {
    __typename
    ... on SendingNumber {
      id
      assignedUsers {
        id
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `, {"hash":"sha256:6e66b1c477c2a3399608952ae9060faf0abf03215e33cc1b9c87fb209e387776"}) as unknown as TypedDocumentString<UnassignNumberMutation, UnassignNumberMutationVariables>;
export const SetNumberAllowanceDocument = new TypedDocumentString(`
    mutation SetNumberAllowance($numberId: ID!, $monthlyAllowance: Int) {
  setNumberAllowance(numberId: $numberId, monthlyAllowance: $monthlyAllowance) {
    __typename
    ... on SendingNumber {
      id
      monthlyAllowance
    }
    ... on Error {
      code
      message
    }
  }
}
    `, {"hash":"sha256:26f0afc1fc28bd6c3409f3bc76a7895bd95f787452ca0456053ee0fcd29564ae"}) as unknown as TypedDocumentString<SetNumberAllowanceMutation, SetNumberAllowanceMutationVariables>;
export const NumberUsageDocument = new TypedDocumentString(`
    query NumberUsage($months: Int! = 12) {
  sendingNumbers {
    id
    e164
    monthlyAllowance
    assignedUsers {
      id
    }
    usage {
      ...NumberUsageFields
    }
    usageHistory(months: $months) {
      ...NumberUsageFields
    }
  }
}
    fragment NumberUsageFields on NumberUsage {
  month
  sent
  received
  used
  allowance
  remaining
  resetsAt
}`, {"hash":"sha256:a65cbba33a2698f92cf2aafeb44a545cc517b47b21d18e5a389bf8537f2dc47a"}) as unknown as TypedDocumentString<NumberUsageQuery, NumberUsageQueryVariables>;
export const NumberActivityDocument = new TypedDocumentString(`
    query NumberActivity($numberId: ID!, $month: String) {
  numberActivity(numberId: $numberId, month: $month) {
    e164
    month
    sent
    received
    rows {
      userId
      direction
      status
      count
    }
  }
}
    `, {"hash":"sha256:13197da49aa19ac86e4a4e6c916375060d7b666dd8bea1f9c160aa70688fa3ff"}) as unknown as TypedDocumentString<NumberActivityQuery, NumberActivityQueryVariables>;
export const NotificationsDocument = new TypedDocumentString(`
    query Notifications($unreadOnly: Boolean) {
  viewer {
    notifications(first: 50, unreadOnly: $unreadOnly) {
      edges {
        node {
          id
          kind
          text
          payload
          createdAt
          readAt
        }
      }
    }
  }
}
    `, {"hash":"sha256:55b0a3a6213d4f2f528f271652c1e2c9a6cf6314df2267ebb45c77404285f84d"}) as unknown as TypedDocumentString<NotificationsQuery, NotificationsQueryVariables>;
export const MarkNotificationsReadDocument = new TypedDocumentString(`
    mutation MarkNotificationsRead($ids: [ID!]) {
  markNotificationsRead(ids: $ids) {
    __typename
    ... on MutationMarkNotificationsReadSuccess {
      changed: data
    }
    ... on Error {
      code
      message
    }
  }
}
    `, {"hash":"sha256:77609bdf1d1a19c6c93635aeeed6e9b1daf64889dcdbdfff06a584180bbdac05"}) as unknown as TypedDocumentString<MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables>;
export const SendMessageWithinAllowanceDocument = new TypedDocumentString(`
    mutation SendMessageWithinAllowance($input: SendMessageInput!) {
  sendMessage(input: $input) {
    __typename
    ... on Message {
      id
    }
    ... on Error {
      code
      message
    }
    ... on SendNotAllowedError {
      refusal: reason
    }
    ... on AllowanceExhaustedError {
      number
      allowance
      used
      resetsAt
    }
  }
}
    `, {"hash":"sha256:5b793c54e5a0e79db1079de162973d154dcc36ba2dd7587cf794031d8577783b"}) as unknown as TypedDocumentString<SendMessageWithinAllowanceMutation, SendMessageWithinAllowanceMutationVariables>;
export const PreviewAllowanceDocument = new TypedDocumentString(`
    query PreviewAllowance($input: PreviewMessageInput!) {
  previewMessage(input: $input) {
    allowed
    refusals {
      code
      sendRefusal
      allowance
      allowanceUsed
      allowanceResetsAt
    }
  }
}
    `, {"hash":"sha256:84767dd30bf1f272811282fe994b9797440a36252b5669bf5119a6dc331cc8a5"}) as unknown as TypedDocumentString<PreviewAllowanceQuery, PreviewAllowanceQueryVariables>;
export const SetTenantTimeZoneDocument = new TypedDocumentString(`
    mutation SetTenantTimeZone($timeZone: String!, $requireNumberAssignment: Boolean, $maxUsersPerNumber: Int) {
  updateTenantSettings(
    input: {timeZone: $timeZone, requireNumberAssignment: $requireNumberAssignment, maxUsersPerNumber: $maxUsersPerNumber}
  ) {
    __typename
    ... on Tenant {
      timeZone
      sendPolicy {
        requireNumberAssignment
        maxUsersPerNumber
      }
    }
    ... on Error {
      code
      message
    }
    ... on ConflictError {
      field
    }
    ... on ValidationError {
      field
    }
  }
}
    `, {"hash":"sha256:16dabf8e16d57656f0a92e0bddae00bc49da8a3526e67769b2283dccc27af657"}) as unknown as TypedDocumentString<SetTenantTimeZoneMutation, SetTenantTimeZoneMutationVariables>;
export const ApiKeysDocument = new TypedDocumentString(`
    query ApiKeys {
  tenant {
    apiKeys {
      id
      name
      prefix
      active
      createdAt
      lastUsedAt
      revokedAt
    }
  }
}
    `, {"hash":"sha256:997edd7fce3357199a6afd747b49e86535cf2e978b818d022edb3d93f96c81b9"}) as unknown as TypedDocumentString<ApiKeysQuery, ApiKeysQueryVariables>;
export const CreateApiKeyDocument = new TypedDocumentString(`
    mutation CreateApiKey($name: String!) {
  createApiKey(name: $name) {
    __typename
    ... on CreatedApiKey {
      secret
      apiKey {
        id
        name
        prefix
        active
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `, {"hash":"sha256:ea6731d2dfab2d9076277146df240055d8a8314f6f483391bd15190ce14556bd"}) as unknown as TypedDocumentString<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const RevokeApiKeyDocument = new TypedDocumentString(`
    mutation RevokeApiKey($id: ID!) {
  revokeApiKey(id: $id) {
    __typename
    ... on ApiKey {
      id
      active
      revokedAt
    }
    ... on Error {
      code
      message
    }
  }
}
    `, {"hash":"sha256:91c7a089be12dc623e3ad9ddd91d7b2274fe50e789fe502e4f4c0c10f705819b"}) as unknown as TypedDocumentString<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const CreateChannelAccountDocument = new TypedDocumentString(`
    mutation CreateChannelAccount($tenantId: ID!, $pluginId: String!, $label: String!, $credentials: JSONObject!, $allowSandbox: Boolean) {
  createChannelAccount(
    tenantId: $tenantId
    pluginId: $pluginId
    label: $label
    credentials: $credentials
    allowSandbox: $allowSandbox
  ) {
    __typename
    ... on ChannelAccount {
      ...ChannelAccountFields
    }
    ... on Error {
      code
      message
    }
    ... on ValidationError {
      field
      issues {
        field
        message
      }
    }
  }
}
    fragment ChannelAccountFields on ChannelAccount {
  id
  pluginId
  channel
  label
  status
  credentials
  inboundWebhookUrl
  createdAt
  updatedAt
}`, {"hash":"sha256:12bc4db69326d85519c266482975bc170e7450e8d44946e6bcdc448865d3e84a"}) as unknown as TypedDocumentString<CreateChannelAccountMutation, CreateChannelAccountMutationVariables>;
export const UpdateChannelAccountCredentialsDocument = new TypedDocumentString(`
    mutation UpdateChannelAccountCredentials($id: ID!, $credentials: JSONObject!) {
  updateChannelAccountCredentials(id: $id, credentials: $credentials) {
    __typename
    ... on ChannelAccount {
      ...ChannelAccountFields
    }
    ... on Error {
      code
      message
    }
    ... on ValidationError {
      issues {
        field
        message
      }
    }
  }
}
    fragment ChannelAccountFields on ChannelAccount {
  id
  pluginId
  channel
  label
  status
  credentials
  inboundWebhookUrl
  createdAt
  updatedAt
}`, {"hash":"sha256:46ea577604466c01877a9d7a3551d64d87d638e3e31fa6a61a8dacca8611511d"}) as unknown as TypedDocumentString<UpdateChannelAccountCredentialsMutation, UpdateChannelAccountCredentialsMutationVariables>;
export const DisableChannelAccountDocument = new TypedDocumentString(`
    mutation DisableChannelAccount($id: ID!) {
  disableChannelAccount(id: $id) {
    __typename
    ... on ChannelAccount {
      ...ChannelAccountFields
    }
    ... on Error {
      code
      message
    }
  }
}
    fragment ChannelAccountFields on ChannelAccount {
  id
  pluginId
  channel
  label
  status
  credentials
  inboundWebhookUrl
  createdAt
  updatedAt
}`, {"hash":"sha256:0d5ae309d0f555e42ef29fc59302e722ea1a73e2db683f80bec2352fe0992a65"}) as unknown as TypedDocumentString<DisableChannelAccountMutation, DisableChannelAccountMutationVariables>;
export const AllowPlatformAccountDocument = new TypedDocumentString(`
    mutation AllowPlatformAccount($tenantId: ID!, $channel: Channel!, $allowed: Boolean!) {
  allowPlatformAccount(tenantId: $tenantId, channel: $channel, allowed: $allowed) {
    __typename
    ... on Tenant {
      id
      platformChannels
    }
    ... on Error {
      code
      message
    }
  }
}
    `, {"hash":"sha256:52532147c13420bd427a33c9e3173cf710ae5dfb8bd8a2cb67e5c0b20dd92a44"}) as unknown as TypedDocumentString<AllowPlatformAccountMutation, AllowPlatformAccountMutationVariables>;
export const ChannelAccountsDocument = new TypedDocumentString(`
    query ChannelAccounts($tenantId: ID) {
  channelAccounts(tenantId: $tenantId) {
    ...ChannelAccountFields
  }
}
    fragment ChannelAccountFields on ChannelAccount {
  id
  pluginId
  channel
  label
  status
  credentials
  inboundWebhookUrl
  createdAt
  updatedAt
}`, {"hash":"sha256:0123abfd3435ce8150e089a2631e75b5c792721959403a31a50accefa7942550"}) as unknown as TypedDocumentString<ChannelAccountsQuery, ChannelAccountsQueryVariables>;
export const ConversationDocument = new TypedDocumentString(`
    query Conversation($id: ID!) {
  conversation(id: $id) {
    id
    sendingNumber
    candidate {
      id
      name
      phone
      consents {
        channel
        state
      }
      consentHistory {
        channel
        from
        to
        source
        evidence
        actorUserId
      }
    }
    locks {
      channel
      locked
      reachable
      reason
      message
      consent
      consentModel
    }
    messages(last: 100) {
      edges {
        node {
          ...MessageFields
        }
      }
    }
  }
}
    fragment MessageFields on Message {
  id
  direction
  channel
  kind
  customKind
  body
  status
  senderName
  segments
  encoding
  errorCode
  alert {
    code
    message
  }
  createdAt
  sentAt
  deliveredAt
}`, {"hash":"sha256:f9001dd8dd7528735c80b738fe5e1a095f20cac6a653965f28207fda2c5940b1"}) as unknown as TypedDocumentString<ConversationQuery, ConversationQueryVariables>;
export const SendMessageDocument = new TypedDocumentString(`
    mutation SendMessage($input: SendMessageInput!) {
  sendMessage(input: $input) {
    __typename
    ... on Message {
      ...MessageFields
    }
    ... on Error {
      code
      message
    }
    ... on ConversationLockedError {
      lockReason: reason
    }
    ... on SendNotAllowedError {
      refusal: reason
    }
    ... on MessageTooLongError {
      length
      maxLength
    }
    ... on MessageKindNotAllowedError {
      forbiddenKind: kind
      forbiddenOn: channel
    }
    ... on InsufficientCreditsError {
      balance
      cost
    }
    ... on ValidationError {
      field
    }
  }
}
    fragment MessageFields on Message {
  id
  direction
  channel
  kind
  customKind
  body
  status
  senderName
  segments
  encoding
  errorCode
  alert {
    code
    message
  }
  createdAt
  sentAt
  deliveredAt
}`, {"hash":"sha256:ecc15a2290343a576577160045127ede46463f9473e5759702e068bafbfe4ecd"}) as unknown as TypedDocumentString<SendMessageMutation, SendMessageMutationVariables>;
export const SendConsentInviteDocument = new TypedDocumentString(`
    mutation SendConsentInvite($conversationId: ID!) {
  sendConsentInvite(conversationId: $conversationId) {
    __typename
    ... on Message {
      ...MessageFields
    }
    ... on Error {
      code
      message
    }
    ... on MessageKindNotAllowedError {
      forbiddenKind: kind
    }
    ... on ConversationLockedError {
      lockReason: reason
    }
  }
}
    fragment MessageFields on Message {
  id
  direction
  channel
  kind
  customKind
  body
  status
  senderName
  segments
  encoding
  errorCode
  alert {
    code
    message
  }
  createdAt
  sentAt
  deliveredAt
}`, {"hash":"sha256:3b68fc7e5c14749f9d3a221d1048ed3f860193a499776a3b9dd244aade049ce8"}) as unknown as TypedDocumentString<SendConsentInviteMutation, SendConsentInviteMutationVariables>;
export const RecordConsentDocument = new TypedDocumentString(`
    mutation RecordConsent($input: RecordConsentInput!) {
  recordConsent(input: $input) {
    __typename
    ... on Conversation {
      id
      locks {
        channel
        locked
        reason
      }
    }
    ... on Error {
      code
      message
    }
    ... on ValidationError {
      field
    }
  }
}
    `, {"hash":"sha256:6af1489608902ae6225fbdedbd14836f9e94d4c0f20398a95527256001b58b2e"}) as unknown as TypedDocumentString<RecordConsentMutation, RecordConsentMutationVariables>;
export const PreviewMessageDocument = new TypedDocumentString(`
    query PreviewMessage($input: PreviewMessageInput!) {
  previewMessage(input: $input) {
    allowed
    refusals {
      code
      message
      lockReason
      sendRefusal
      field
      maxLength
      creditBalance
      creditCost
    }
    encoding
    segments
    credits
    characters
    ucs2Characters
    sendingNumber
    sendingNumberReason
    sendAt
    lock {
      channel
      locked
      reason
      message
      consent
      consentModel
    }
  }
}
    `, {"hash":"sha256:77568c8700f85a024a26af63133bef7e747bec971ae6fac1e0d197d6d2d93fff"}) as unknown as TypedDocumentString<PreviewMessageQuery, PreviewMessageQueryVariables>;
export const TopUpCreditsDocument = new TypedDocumentString(`
    mutation TopUpCredits($tenantId: ID!, $credits: Int!, $note: String, $idempotencyKey: String) {
  topUpCredits(
    tenantId: $tenantId
    credits: $credits
    note: $note
    idempotencyKey: $idempotencyKey
  ) {
    __typename
    ... on CreditBalance {
      available
      reserved
      spent
      lowCreditThreshold
    }
    ... on Error {
      code
      message
    }
    ... on ValidationError {
      field
    }
  }
}
    `, {"hash":"sha256:ff4889f3292e433b645322b602f394114dc5f1a779d5a64c374660ca65f29931"}) as unknown as TypedDocumentString<TopUpCreditsMutation, TopUpCreditsMutationVariables>;
export const CreditsDocument = new TypedDocumentString(`
    query Credits($first: Int, $after: String) {
  tenant {
    id
    creditBalance {
      available
      reserved
      spent
      lowCreditThreshold
    }
    creditLedger(first: $first, after: $after) {
      edges {
        cursor
        node {
          kind
          amount
          message
          actor
          note
          createdAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `, {"hash":"sha256:480a257f89e777475b52b22e923951178fc06608af98c7d6ee5bbe2b5bb09989"}) as unknown as TypedDocumentString<CreditsQuery, CreditsQueryVariables>;
export const SetLowCreditThresholdDocument = new TypedDocumentString(`
    mutation SetLowCreditThreshold($lowCreditThreshold: Int) {
  setLowCreditThreshold(lowCreditThreshold: $lowCreditThreshold) {
    __typename
    ... on Tenant {
      id
      lowCreditThreshold
    }
    ... on Error {
      code
      message
    }
    ... on ValidationError {
      field
    }
  }
}
    `, {"hash":"sha256:f4e08a5fa9574561af246b77d964ee47e06ff608da99726a0e1b4546c25137b8"}) as unknown as TypedDocumentString<SetLowCreditThresholdMutation, SetLowCreditThresholdMutationVariables>;
export const InboxDocument = new TypedDocumentString(`
    query Inbox($first: Int, $after: String, $filter: InboxFilter) {
  inbox(first: $first, after: $after, filter: $filter) {
    edges {
      cursor
      node {
        ...InboxRow
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment InboxRow on Conversation {
  id
  lastMessageAt
  unreadCount
  readUpTo
  archived
  snoozedUntil
  candidate {
    id
    name
  }
  application {
    id
  }
  lastMessage {
    id
    direction
    channel
    subject
    body
    status
    senderName
    createdAt
  }
  locks {
    channel
    locked
    reachable
    reason
  }
}`, {"hash":"sha256:206ec11cb9ab693608cce0b2e21790918bc2b441e5ff74ff86aa5916792bc0cf"}) as unknown as TypedDocumentString<InboxQuery, InboxQueryVariables>;
export const ConversationMessagesDocument = new TypedDocumentString(`
    query ConversationMessages($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
  conversation(id: $id) {
    id
    messages(first: $first, after: $after, last: $last, before: $before) {
      edges {
        cursor
        node {
          id
          direction
          channel
          subject
          body
          status
          senderName
          createdAt
          author {
            id
            name
          }
        }
      }
      pageInfo {
        hasPreviousPage
        startCursor
      }
    }
  }
}
    `, {"hash":"sha256:2505b047a22ff42c514cd64cb27d6761ee5f16329a548ea0d1a38e0f0e806d9a"}) as unknown as TypedDocumentString<ConversationMessagesQuery, ConversationMessagesQueryVariables>;
export const MarkConversationReadDocument = new TypedDocumentString(`
    mutation MarkConversationRead($conversationId: ID!, $upTo: ID!) {
  markConversationRead(conversationId: $conversationId, upTo: $upTo) {
    __typename
    ... on Conversation {
      id
      unreadCount
      readUpTo
    }
    ... on Error {
      code
      message
    }
  }
}
    `, {"hash":"sha256:80460491649ce36696fbb45714dd3e171b354e4b62b4a3c281f77ea1bc7b305a"}) as unknown as TypedDocumentString<MarkConversationReadMutation, MarkConversationReadMutationVariables>;
export const ArchiveConversationDocument = new TypedDocumentString(`
    mutation ArchiveConversation($conversationId: ID!) {
  archiveConversation(conversationId: $conversationId) {
    __typename
    ... on Conversation {
      id
      archived
    }
    ... on Error {
      code
      message
    }
  }
}
    `, {"hash":"sha256:bd02807e0e67a96cd90a2cfd87468ec427715cb7b33d85705f986c2104ed8a6b"}) as unknown as TypedDocumentString<ArchiveConversationMutation, ArchiveConversationMutationVariables>;
export const UnarchiveConversationDocument = new TypedDocumentString(`
    mutation UnarchiveConversation($conversationId: ID!) {
  unarchiveConversation(conversationId: $conversationId) {
    __typename
    ... on Conversation {
      id
      archived
    }
    ... on Error {
      code
      message
    }
  }
}
    `, {"hash":"sha256:0ef76beac710b4779d0dad9b620b44add85db35982d6edb2b0efde8a7fcc38f7"}) as unknown as TypedDocumentString<UnarchiveConversationMutation, UnarchiveConversationMutationVariables>;
export const SnoozeConversationDocument = new TypedDocumentString(`
    mutation SnoozeConversation($conversationId: ID!, $until: DateTime!) {
  snoozeConversation(conversationId: $conversationId, until: $until) {
    __typename
    ... on Conversation {
      id
      snoozedUntil
    }
    ... on Error {
      code
      message
    }
  }
}
    `, {"hash":"sha256:d84101a54071cf4762b705f4476356e3c45e0e07dc9a6dbcd3a6c5bf498d977a"}) as unknown as TypedDocumentString<SnoozeConversationMutation, SnoozeConversationMutationVariables>;
export const UnsnoozeConversationDocument = new TypedDocumentString(`
    mutation UnsnoozeConversation($conversationId: ID!) {
  unsnoozeConversation(conversationId: $conversationId) {
    __typename
    ... on Conversation {
      id
      snoozedUntil
    }
    ... on Error {
      code
      message
    }
  }
}
    `, {"hash":"sha256:c643494f2d4b2941d21c714e12a3a8cbc33ca19645a8ef8b6d9d0a2342827167"}) as unknown as TypedDocumentString<UnsnoozeConversationMutation, UnsnoozeConversationMutationVariables>;
export const ConversationUpdatedDocument = new TypedDocumentString(`
    subscription ConversationUpdated($id: ID!, $after: String) {
  conversationUpdated(id: $id, after: $after) {
    cursor
    type
    occurredAt
    message {
      id
      direction
      body
      status
    }
    conversation {
      id
      lastMessageAt
      unreadCount
      readUpTo
      sendingNumber
      locks {
        channel
        locked
        reason
        consent
      }
    }
  }
}
    `, {"hash":"sha256:c0987a4f78150773cb93dcd514827162ff802382e2d384c5ea04a46af4d9aedb"}) as unknown as TypedDocumentString<ConversationUpdatedSubscription, ConversationUpdatedSubscriptionVariables>;
export const InboxUpdatedDocument = new TypedDocumentString(`
    subscription InboxUpdated($after: String) {
  inboxUpdated(after: $after) {
    cursor
    type
    occurredAt
    conversationId
    conversation {
      id
      lastMessageAt
      unreadCount
      archived
      snoozedUntil
      lastMessage {
        id
        direction
        body
      }
      candidate {
        id
        name
      }
    }
  }
}
    `, {"hash":"sha256:17d797c7f56021a1162a53ad3324effad9fb6d347d19376eeb23748f8af41ced"}) as unknown as TypedDocumentString<InboxUpdatedSubscription, InboxUpdatedSubscriptionVariables>;
export const NotificationReceivedDocument = new TypedDocumentString(`
    subscription NotificationReceived($after: String) {
  notificationReceived(after: $after) {
    cursor
    type
    unreadCount
    notification {
      id
      kind
      text
      createdAt
      readAt
    }
  }
}
    `, {"hash":"sha256:86985a275ca6a71a805550ce749cea5efcf31471a90e84ac74c592f69c2cdf72"}) as unknown as TypedDocumentString<NotificationReceivedSubscription, NotificationReceivedSubscriptionVariables>;
export const MessageKindsDocument = new TypedDocumentString(`
    query MessageKinds {
  tenant {
    customMessageKinds {
      key
      label
    }
    messageKindRules {
      channel
      kind
      customKind
    }
  }
}
    `, {"hash":"sha256:cee4dfa6b6c11a60c1e89fdd5acd4b97babfd4b9cc57a2b38fdb9235fb8761a6"}) as unknown as TypedDocumentString<MessageKindsQuery, MessageKindsQueryVariables>;
export const DefineMessageKindDocument = new TypedDocumentString(`
    mutation DefineMessageKind($input: DefineMessageKindInput!) {
  defineMessageKind(input: $input) {
    __typename
    ... on CustomMessageKind {
      key
      label
    }
    ... on Error {
      code
      message
    }
    ... on ValidationError {
      field
    }
  }
}
    `, {"hash":"sha256:e8d19d622cca3789d4cdbfb8aebbb2e47d9161e413980a87cc3e21ae48b87768"}) as unknown as TypedDocumentString<DefineMessageKindMutation, DefineMessageKindMutationVariables>;
export const RemoveMessageKindDocument = new TypedDocumentString(`
    mutation RemoveMessageKind($key: String!) {
  removeMessageKind(key: $key) {
    __typename
    ... on Error {
      code
      message
    }
  }
}
    `, {"hash":"sha256:0ce00916aaa99c4acaf0ac82709293f4a68976edabec67785175d99ea9a8970d"}) as unknown as TypedDocumentString<RemoveMessageKindMutation, RemoveMessageKindMutationVariables>;
export const SetMessageKindRuleDocument = new TypedDocumentString(`
    mutation SetMessageKindRule($input: MessageKindRuleInput!) {
  setMessageKindRule(input: $input) {
    __typename
    ... on MutationSetMessageKindRuleSuccess {
      data {
        channel
        kind
        customKind
      }
    }
    ... on Error {
      code
      message
    }
    ... on ValidationError {
      field
    }
  }
}
    `, {"hash":"sha256:ee8fced8b8a446da4c6c377071bff26c45f6f4b12cb08cef94e71a80e6778b18"}) as unknown as TypedDocumentString<SetMessageKindRuleMutation, SetMessageKindRuleMutationVariables>;
export const MyNotificationsDocument = new TypedDocumentString(`
    query MyNotifications($first: Int = 20, $after: String, $unreadOnly: Boolean) {
  viewer {
    unreadNotificationCount
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          text
          payload
          createdAt
          readAt
          conversation {
            id
          }
          message {
            id
            direction
          }
        }
      }
    }
  }
}
    `, {"hash":"sha256:e26248691380265117655bedf6a7de7869be358ff2113d242542645f9b6cf461"}) as unknown as TypedDocumentString<MyNotificationsQuery, MyNotificationsQueryVariables>;
export const UnreadNotificationCountDocument = new TypedDocumentString(`
    query UnreadNotificationCount {
  viewer {
    unreadNotificationCount
  }
}
    `, {"hash":"sha256:0a755830fc05e45b921bf69b8722b5248ebd3a3c45cc5a11949bff81aaa13a53"}) as unknown as TypedDocumentString<UnreadNotificationCountQuery, UnreadNotificationCountQueryVariables>;
export const NotificationPreferencesDocument = new TypedDocumentString(`
    query NotificationPreferences {
  viewer {
    notificationPreferences {
      kind
      enabled
    }
  }
}
    `, {"hash":"sha256:532325fb08c4cea575d56cc1307daf12b0957b6113a5a1a5b2366ea56d353683"}) as unknown as TypedDocumentString<NotificationPreferencesQuery, NotificationPreferencesQueryVariables>;
export const UpdateNotificationPreferencesDocument = new TypedDocumentString(`
    mutation UpdateNotificationPreferences($input: [NotificationPreferenceInput!]!) {
  updateNotificationPreferences(input: $input) {
    __typename
    ... on MutationUpdateNotificationPreferencesSuccess {
      data {
        kind
        enabled
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `, {"hash":"sha256:f17179487737d9d8330121423bab63c817911f5982783e339a8376185a3d99fd"}) as unknown as TypedDocumentString<UpdateNotificationPreferencesMutation, UpdateNotificationPreferencesMutationVariables>;
export const AddPoolNumberDocument = new TypedDocumentString(`
    mutation AddPoolNumber($tenantId: ID, $e164: String!, $channel: Channel, $channelAccountId: ID, $label: String, $numberType: NumberType, $segmentsPerSecond: Float) {
  addSendingNumber(
    tenantId: $tenantId
    e164: $e164
    channel: $channel
    channelAccountId: $channelAccountId
    label: $label
    numberType: $numberType
    segmentsPerSecond: $segmentsPerSecond
  ) {
    __typename
    ... on SendingNumber {
      ...PoolNumber
    }
    ... on Error {
      code
      message
    }
    ... on ConflictError {
      field
    }
    ... on NumberNotOwnedError {
      e164
      pluginId
    }
    ... on NumberOwnershipUnverifiedError {
      pluginId
      providerError
    }
    ... on SettingNotAvailableError {
      setting
    }
    ... on ValidationError {
      field
    }
  }
}
    fragment PoolNumber on SendingNumber {
  id
  e164
  country
  channel
  channelAccountId
  label
  numberType
  segmentsPerSecond
  retiredAt
  ownershipProof
}`, {"hash":"sha256:790b99d558f56d8cfda179e30c8c571621d3acb4d15fad648bfb7c71598bab55"}) as unknown as TypedDocumentString<AddPoolNumberMutation, AddPoolNumberMutationVariables>;
export const UpdateSendingNumberDocument = new TypedDocumentString(`
    mutation UpdateSendingNumber($id: ID!, $label: String, $numberType: NumberType, $segmentsPerSecond: Float) {
  updateSendingNumber(
    id: $id
    label: $label
    numberType: $numberType
    segmentsPerSecond: $segmentsPerSecond
  ) {
    __typename
    ... on SendingNumber {
      ...PoolNumber
    }
    ... on Error {
      code
      message
    }
    ... on SettingNotAvailableError {
      setting
    }
    ... on ValidationError {
      field
    }
  }
}
    fragment PoolNumber on SendingNumber {
  id
  e164
  country
  channel
  channelAccountId
  label
  numberType
  segmentsPerSecond
  retiredAt
  ownershipProof
}`, {"hash":"sha256:49bbec219361fea54b439af131bd2828fd82a36ead46909f4833dc91c6726330"}) as unknown as TypedDocumentString<UpdateSendingNumberMutation, UpdateSendingNumberMutationVariables>;
export const RetireSendingNumberDocument = new TypedDocumentString(`
    mutation RetireSendingNumber($id: ID!) {
  retireSendingNumber(id: $id) {
    __typename
    ... on SendingNumber {
      ...PoolNumber
    }
    ... on Error {
      code
      message
    }
  }
}
    fragment PoolNumber on SendingNumber {
  id
  e164
  country
  channel
  channelAccountId
  label
  numberType
  segmentsPerSecond
  retiredAt
  ownershipProof
}`, {"hash":"sha256:bfc7698787571530e5a92bf73d5e06b340ea0573c8a12659eb0968c84afe1bcc"}) as unknown as TypedDocumentString<RetireSendingNumberMutation, RetireSendingNumberMutationVariables>;
export const AllowAdminsToManageNumbersDocument = new TypedDocumentString(`
    mutation AllowAdminsToManageNumbers($tenantId: ID!, $allowed: Boolean!) {
  allowAdminsToManageNumbers(tenantId: $tenantId, allowed: $allowed) {
    __typename
    ... on Tenant {
      id
      adminsManageNumbers
    }
    ... on Error {
      code
      message
    }
  }
}
    `, {"hash":"sha256:2fd80228b2880fa77292f8bee10173e6fa52a16c32c0fb48dc4e184f82ad90be"}) as unknown as TypedDocumentString<AllowAdminsToManageNumbersMutation, AllowAdminsToManageNumbersMutationVariables>;
export const PoolNumbersDocument = new TypedDocumentString(`
    query PoolNumbers($includeRetired: Boolean) {
  sendingNumbers(includeRetired: $includeRetired) {
    ...PoolNumber
  }
}
    fragment PoolNumber on SendingNumber {
  id
  e164
  country
  channel
  channelAccountId
  label
  numberType
  segmentsPerSecond
  retiredAt
  ownershipProof
}`, {"hash":"sha256:a8c2f3f2de1265a80b1211f0eb99656bb1c79c78c1330e86c817e2978a577aa2"}) as unknown as TypedDocumentString<PoolNumbersQuery, PoolNumbersQueryVariables>;
export const ConversationNumberRoutingDocument = new TypedDocumentString(`
    query ConversationNumberRouting($id: ID!, $channel: Channel) {
  conversation(id: $id) {
    id
    sendingNumber(channel: $channel)
    numberRouting(channel: $channel) {
      e164
      numberCountry
      reason
      candidateCountry
      noLocalNumber
      internationalWarning
      movesFromRetiredNumber
      sendingNumber {
        id
        label
      }
    }
    numberChanges {
      channel
      reason
      at
      from {
        id
        e164
      }
      to {
        id
        e164
      }
    }
  }
}
    `, {"hash":"sha256:e652c5f26e5de39fc5f4976eac78b902c4444c246c14def7efc70634f032894b"}) as unknown as TypedDocumentString<ConversationNumberRoutingQuery, ConversationNumberRoutingQueryVariables>;
export const PreviewRoutingDocument = new TypedDocumentString(`
    query PreviewRouting($input: PreviewMessageInput!) {
  previewMessage(input: $input) {
    sendingNumber
    sendingNumberReason
    noLocalNumber
    internationalWarning
  }
}
    `, {"hash":"sha256:371b043b4fafcb8f88dff3ca1a60b147b0991ff33a3e4488b122645ab74874a7"}) as unknown as TypedDocumentString<PreviewRoutingQuery, PreviewRoutingQueryVariables>;
export const CreateTenantDocument = new TypedDocumentString(`
    mutation CreateTenant($input: CreateTenantInput!) {
  createTenant(input: $input) {
    __typename
    ... on CreatedTenant {
      apiKeySecret
      tenant {
        id
        name
        enabledChannels
      }
    }
    ... on Error {
      code
      message
    }
    ... on ValidationError {
      field
    }
  }
}
    `, {"hash":"sha256:058a2bb16eaf4ec03201c405c6e9e4f56353d359acaf0353e50bbd1815ff7205"}) as unknown as TypedDocumentString<CreateTenantMutation, CreateTenantMutationVariables>;
export const TenantsDocument = new TypedDocumentString(`
    query Tenants($first: Int, $after: String) {
  tenants(first: $first, after: $after) {
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        name
      }
    }
  }
}
    `, {"hash":"sha256:ae679a4f129cc3d0fde635a67924a56e3e128fc073c3973990e66fce1919664d"}) as unknown as TypedDocumentString<TenantsQuery, TenantsQueryVariables>;
export const UpsertCandidateDocument = new TypedDocumentString(`
    mutation UpsertCandidate($input: CandidateInput!) {
  upsertCandidate(input: $input) {
    __typename
    ... on Candidate {
      id
      externalId
      name
      phone
      alternatePhone
      preferredPhone
    }
    ... on Error {
      code
      message
    }
    ... on ValidationError {
      field
    }
  }
}
    `, {"hash":"sha256:d68bbc18da58fcecf55697d52655ba2aab461b6522d18cf21e38b8b482b64df9"}) as unknown as TypedDocumentString<UpsertCandidateMutation, UpsertCandidateMutationVariables>;
export const UpsertJobDocument = new TypedDocumentString(`
    mutation UpsertJob($input: JobInput!) {
  upsertJob(input: $input) {
    __typename
    ... on Job {
      id
      externalId
      title
    }
    ... on Error {
      code
      message
    }
  }
}
    `, {"hash":"sha256:85c3ee3f4d408c71ecf6807924fc2321c1258bc0f188e7cfb70ebb28f73fb910"}) as unknown as TypedDocumentString<UpsertJobMutation, UpsertJobMutationVariables>;
export const UpsertApplicationDocument = new TypedDocumentString(`
    mutation UpsertApplication($input: ApplicationInput!) {
  upsertApplication(input: $input) {
    __typename
    ... on Application {
      id
      externalId
      conversation {
        id
      }
      hiringTeam {
        id
      }
    }
    ... on Error {
      code
      message
    }
    ... on ValidationError {
      field
    }
  }
}
    `, {"hash":"sha256:d1464b4fe2f0170e385294d0ad17969898134ce66983b7cc6b54afa4606f342d"}) as unknown as TypedDocumentString<UpsertApplicationMutation, UpsertApplicationMutationVariables>;
export const AddSendingNumberDocument = new TypedDocumentString(`
    mutation AddSendingNumber($tenantId: ID!, $e164: String!, $channel: Channel, $channelAccountId: ID) {
  addSendingNumber(
    tenantId: $tenantId
    e164: $e164
    channel: $channel
    channelAccountId: $channelAccountId
  ) {
    __typename
    ... on SendingNumber {
      id
      e164
      country
      channel
      channelAccountId
    }
    ... on Error {
      code
      message
    }
  }
}
    `, {"hash":"sha256:b212cce6280608b104913e419ec0abd662d0821e2007b0d6fa853d6eb897d730"}) as unknown as TypedDocumentString<AddSendingNumberMutation, AddSendingNumberMutationVariables>;
export const UnmatchedInboundDocument = new TypedDocumentString(`
    query UnmatchedInbound {
  unmatchedInboundMessages(first: 50) {
    edges {
      node {
        fromNumber
        toNumber
        body
      }
    }
  }
}
    `, {"hash":"sha256:22212bf21b5212e88adae3aa4e0667ad45c8244c279c5fca074b53dfb0cf8f90"}) as unknown as TypedDocumentString<UnmatchedInboundQuery, UnmatchedInboundQueryVariables>;
export const UpsertCommunityDocument = new TypedDocumentString(`
    mutation UpsertCommunity($input: CommunityInput!) {
  upsertCommunity(input: $input) {
    __typename
    ... on Community {
      id
      externalId
      name
    }
    ... on Error {
      code
      message
    }
  }
}
    `, {"hash":"sha256:99eb3c663c1beb9de2fc25510d9c5f67c0c7ae64d466d7f0a899845b6d6679f0"}) as unknown as TypedDocumentString<UpsertCommunityMutation, UpsertCommunityMutationVariables>;
export const AddProspectDocument = new TypedDocumentString(`
    mutation AddProspect($communityExternalId: String!, $candidateExternalId: String!) {
  addProspect(
    communityExternalId: $communityExternalId
    candidateExternalId: $candidateExternalId
  ) {
    __typename
    ... on Conversation {
      id
      candidate {
        id
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `, {"hash":"sha256:163735e9119754dcf84e59906b2b7a0c8b5c67b2f4d3e05d937c28c28ff9c077"}) as unknown as TypedDocumentString<AddProspectMutation, AddProspectMutationVariables>;
export const RecordEmailDocument = new TypedDocumentString(`
    mutation RecordEmail($input: RecordEmailInput!) {
  recordEmail(input: $input) {
    __typename
    ... on Message {
      id
      direction
      channel
      subject
      body
      status
      sentAt
      createdAt
    }
    ... on ValidationError {
      field
    }
    ... on Error {
      code
      message
    }
  }
}
    `, {"hash":"sha256:e35fbcc5b229c50f858eecea1c9d8f8aa1468300e732c9558bb8335023e9a5dc"}) as unknown as TypedDocumentString<RecordEmailMutation, RecordEmailMutationVariables>;
export const RefViewerDocument = new TypedDocumentString(`
    query RefViewer {
  viewer {
    kind
    unreadNotificationCount
    user {
      id
      name
    }
  }
}
    `, {"hash":"sha256:03571250b7476c0beb43a421d3e57ea9fcee8f8d746a02e0d448885f0b6c66fa"}) as unknown as TypedDocumentString<RefViewerQuery, RefViewerQueryVariables>;
export const RefInboxDocument = new TypedDocumentString(`
    query RefInbox($first: Int!, $after: String) {
  inbox(first: $first, after: $after) {
    edges {
      node {
        ...RefRow
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment RefLock on ConversationLock {
  channel
  locked
  reachable
  reason
  message
  notice
}
fragment RefRow on Conversation {
  id
  lastMessageAt
  unreadCount
  candidate {
    id
    name
  }
  lastMessage {
    id
    direction
    channel
    body
    status
  }
  locks {
    ...RefLock
  }
}`, {"hash":"sha256:c0014fd2c5502c2376161983ae419d6b4e624c59948883c3d8606340c1db8b4a"}) as unknown as TypedDocumentString<RefInboxQuery, RefInboxQueryVariables>;
export const RefConversationDocument = new TypedDocumentString(`
    query RefConversation($id: ID!, $last: Int!, $before: String) {
  conversation(id: $id) {
    ...RefRow
    sendingNumber
    messages(last: $last, before: $before) {
      edges {
        node {
          ...RefMessage
        }
      }
      pageInfo {
        hasPreviousPage
        startCursor
      }
    }
  }
}
    fragment RefLock on ConversationLock {
  channel
  locked
  reachable
  reason
  message
  notice
}
fragment RefMessage on Message {
  id
  direction
  channel
  body
  status
  senderName
  createdAt
  errorCode
  alert {
    code
    message
  }
}
fragment RefRow on Conversation {
  id
  lastMessageAt
  unreadCount
  candidate {
    id
    name
  }
  lastMessage {
    id
    direction
    channel
    body
    status
  }
  locks {
    ...RefLock
  }
}`, {"hash":"sha256:f9927742788eef6fa5e6a27e5f1f1a4ff107c82861e90dbd8c8cd254e6096d7b"}) as unknown as TypedDocumentString<RefConversationQuery, RefConversationQueryVariables>;
export const RefPreviewDocument = new TypedDocumentString(`
    query RefPreview($input: PreviewMessageInput!) {
  previewMessage(input: $input) {
    allowed
    characters
    segments
    encoding
    credits
    refusals {
      code
      message
    }
  }
}
    `, {"hash":"sha256:ab4369541645d2c105d8e2379d123d5f42e326fd1e9ffff1fcb1ad8281ae27ec"}) as unknown as TypedDocumentString<RefPreviewQuery, RefPreviewQueryVariables>;
export const RefSendDocument = new TypedDocumentString(`
    mutation RefSend($input: SendMessageInput!) {
  sendMessage(input: $input) {
    __typename
    ... on Message {
      ...RefMessage
    }
    ... on Error {
      code
      message
    }
  }
}
    fragment RefMessage on Message {
  id
  direction
  channel
  body
  status
  senderName
  createdAt
  errorCode
  alert {
    code
    message
  }
}`, {"hash":"sha256:acdb1ffbd6fd9987e8aa338652c89c9f5fb5f85f0e66c7c17d385973f3c63e23"}) as unknown as TypedDocumentString<RefSendMutation, RefSendMutationVariables>;
export const RefInviteDocument = new TypedDocumentString(`
    mutation RefInvite($conversationId: ID!, $channel: Channel) {
  sendConsentInvite(conversationId: $conversationId, channel: $channel) {
    __typename
    ... on Message {
      ...RefMessage
    }
    ... on Error {
      code
      message
    }
  }
}
    fragment RefMessage on Message {
  id
  direction
  channel
  body
  status
  senderName
  createdAt
  errorCode
  alert {
    code
    message
  }
}`, {"hash":"sha256:53ef2e0ce214cdd8cd5c4a162f6aa46c3331c2c1a69371a128eff5f0a7978b2a"}) as unknown as TypedDocumentString<RefInviteMutation, RefInviteMutationVariables>;
export const RefMarkReadDocument = new TypedDocumentString(`
    mutation RefMarkRead($conversationId: ID!, $upTo: ID!) {
  markConversationRead(conversationId: $conversationId, upTo: $upTo) {
    __typename
    ... on Conversation {
      id
      unreadCount
    }
    ... on Error {
      code
      message
    }
  }
}
    `, {"hash":"sha256:f0e87b684edd05f82f0fac7eaef5bc142b6ba612750eb2ebe7d4fdc969d68ff7"}) as unknown as TypedDocumentString<RefMarkReadMutation, RefMarkReadMutationVariables>;
export const RefConversationLiveDocument = new TypedDocumentString(`
    subscription RefConversationLive($id: ID!, $after: String) {
  conversationUpdated(id: $id, after: $after) {
    cursor
    type
    message {
      ...RefMessage
    }
    conversation {
      id
      unreadCount
      sendingNumber
      locks {
        ...RefLock
      }
    }
  }
}
    fragment RefLock on ConversationLock {
  channel
  locked
  reachable
  reason
  message
  notice
}
fragment RefMessage on Message {
  id
  direction
  channel
  body
  status
  senderName
  createdAt
  errorCode
  alert {
    code
    message
  }
}`, {"hash":"sha256:e05170f49eea184399517bf2e40c8919058b44867ce250c2e4aca5a41528fc81"}) as unknown as TypedDocumentString<RefConversationLiveSubscription, RefConversationLiveSubscriptionVariables>;
export const RefInboxLiveDocument = new TypedDocumentString(`
    subscription RefInboxLive($after: String) {
  inboxUpdated(after: $after) {
    cursor
    conversationId
    conversation {
      ...RefRow
    }
  }
}
    fragment RefLock on ConversationLock {
  channel
  locked
  reachable
  reason
  message
  notice
}
fragment RefRow on Conversation {
  id
  lastMessageAt
  unreadCount
  candidate {
    id
    name
  }
  lastMessage {
    id
    direction
    channel
    body
    status
  }
  locks {
    ...RefLock
  }
}`, {"hash":"sha256:9bb034638dd1798b7614dba8889dba5b1678d4c886bf880328bd00a5a9a7bb1d"}) as unknown as TypedDocumentString<RefInboxLiveSubscription, RefInboxLiveSubscriptionVariables>;
export const RefBellLiveDocument = new TypedDocumentString(`
    subscription RefBellLive($after: String) {
  notificationReceived(after: $after) {
    cursor
    unreadCount
  }
}
    `, {"hash":"sha256:b5963cc99ee4a5d3641be7930b8e5737d73fe06dd6912a618ae77587e52bc737"}) as unknown as TypedDocumentString<RefBellLiveSubscription, RefBellLiveSubscriptionVariables>;
export const MessageActivityDocument = new TypedDocumentString(`
    query MessageActivity($filter: MessageActivityFilter!, $first: Int, $after: String) {
  messageActivity(filter: $filter, first: $first, after: $after) {
    __typename
    ... on QueryMessageActivityConnection {
      edges {
        cursor
        node {
          message
          createdAt
          direction
          author {
            id
            name
          }
          candidate {
            id
            name
          }
          number
          channel
          kind
          customKind
          status
          segments
          credits
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        endCursor
      }
    }
    ... on Error {
      code
      message
    }
    ... on ValidationError {
      field
      issues {
        field
        message
      }
    }
  }
}
    `, {"hash":"sha256:269ade4e404290225e83338bd774596c1addba57fee8b110b0c9e61b12be9920"}) as unknown as TypedDocumentString<MessageActivityQuery, MessageActivityQueryVariables>;
export const ConsentChangesDocument = new TypedDocumentString(`
    query ConsentChanges($filter: ConsentChangesFilter!, $first: Int, $after: String) {
  consentChanges(filter: $filter, first: $first, after: $after) {
    __typename
    ... on QueryConsentChangesConnection {
      edges {
        cursor
        node {
          createdAt
          candidate {
            id
            name
          }
          channel
          fromState
          toState
          source
          actor {
            id
            name
          }
          evidence
          message
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    ... on Error {
      code
      message
    }
    ... on ValidationError {
      field
    }
  }
}
    `, {"hash":"sha256:45c4ac586edaf78a6aceeb47cba001b811e4232a0bf6bb8704e8e7a7b2899abc"}) as unknown as TypedDocumentString<ConsentChangesQuery, ConsentChangesQueryVariables>;
export const NumberUsageReportDocument = new TypedDocumentString(`
    query NumberUsageReport($fromMonth: String!, $toMonth: String!) {
  numberUsageReport(fromMonth: $fromMonth, toMonth: $toMonth) {
    __typename
    ... on QueryNumberUsageReportSuccess {
      data {
        sendingNumberId
        e164
        channel
        month
        allowance
        sent
        received
        used
      }
    }
    ... on Error {
      code
      message
    }
    ... on ValidationError {
      field
    }
  }
}
    `, {"hash":"sha256:36c8560be9ab726e70196281ac84b4c93e31ea371fe9a9a8c8f50d58a5ba6a15"}) as unknown as TypedDocumentString<NumberUsageReportQuery, NumberUsageReportQueryVariables>;
export const CreditLedgerPeriodDocument = new TypedDocumentString(`
    query CreditLedgerPeriod($from: DateTime, $to: DateTime, $first: Int) {
  tenant {
    id
    creditLedger(from: $from, to: $to, first: $first) {
      edges {
        node {
          kind
          amount
          createdAt
        }
      }
    }
  }
}
    `, {"hash":"sha256:0c86a0aff81b887e9d3d8a6bc54746c3eb4b8dc072b14a768f8be3382a7d735d"}) as unknown as TypedDocumentString<CreditLedgerPeriodQuery, CreditLedgerPeriodQueryVariables>;
export const SimulateInboundMessageDocument = new TypedDocumentString(`
    mutation SimulateInboundMessage($input: SimulateInboundMessageInput!) {
  simulateInboundMessage(input: $input) {
    __typename
    ... on SimulatedInboundMessage {
      providerMessageId
      to
      inboundMessage {
        ...MessageFields
      }
    }
    ... on Error {
      code
      message
    }
    ... on SimulationNotAvailableError {
      number
    }
    ... on ValidationError {
      field
      issues {
        field
        message
      }
    }
  }
}
    fragment MessageFields on Message {
  id
  direction
  channel
  kind
  customKind
  body
  status
  senderName
  segments
  encoding
  errorCode
  alert {
    code
    message
  }
  createdAt
  sentAt
  deliveredAt
}`, {"hash":"sha256:1b61c9ba54a2eb78c8d0fec58837d0c3916250314e29fda05ce0184e7b164a22"}) as unknown as TypedDocumentString<SimulateInboundMessageMutation, SimulateInboundMessageMutationVariables>;
export const ScheduleMessageDocument = new TypedDocumentString(`
    mutation ScheduleMessage($input: SendMessageInput!) {
  sendMessage(input: $input) {
    __typename
    ... on Message {
      id
      status
      scheduledFor
    }
    ... on QuietHoursError {
      nextAllowedAt
      timeZones
    }
    ... on Error {
      code
      message
    }
  }
}
    `, {"hash":"sha256:211ec555a0d6c830aacd82d9b302e89ca358b81c9029374456d411e6df3e4fc2"}) as unknown as TypedDocumentString<ScheduleMessageMutation, ScheduleMessageMutationVariables>;
export const CancelScheduledMessageDocument = new TypedDocumentString(`
    mutation CancelScheduledMessage($id: ID!) {
  cancelScheduledMessage(id: $id) {
    __typename
    ... on Message {
      id
      status
      errorMessage
    }
    ... on MessageNotScheduledError {
      status
    }
    ... on Error {
      code
      message
    }
  }
}
    `, {"hash":"sha256:39fa6ef01dbb2faf7076efdfe8e5eb4f3bfa2afc73e65b03000d4904b2b9002c"}) as unknown as TypedDocumentString<CancelScheduledMessageMutation, CancelScheduledMessageMutationVariables>;
export const ScheduledMessagesDocument = new TypedDocumentString(`
    query ScheduledMessages($first: Int, $after: String) {
  scheduledMessages(first: $first, after: $after) {
    edges {
      node {
        id
        body
        channel
        scheduledFor
        author {
          id
          name
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `, {"hash":"sha256:6d3f43851f8ce385fa9a86e4051ab309a7df732441fe9e91b59212f33eea9cd8"}) as unknown as TypedDocumentString<ScheduledMessagesQuery, ScheduledMessagesQueryVariables>;
export const SetQuietHoursDocument = new TypedDocumentString(`
    mutation SetQuietHours($quietHours: QuietHoursInput, $noSundays: Boolean) {
  updateTenantSettings(input: {quietHours: $quietHours, noSundays: $noSundays}) {
    __typename
    ... on Tenant {
      quietHours {
        enabled
        start
        end
        noSundays
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `, {"hash":"sha256:0650913be01de308174bdba5b59df45ee1884edf06f8d853bfee83403b376096"}) as unknown as TypedDocumentString<SetQuietHoursMutation, SetQuietHoursMutationVariables>;
export const PreviewQuietHoursDocument = new TypedDocumentString(`
    query PreviewQuietHours($input: PreviewMessageInput!) {
  previewMessage(input: $input) {
    allowed
    sendAt
    quietHours {
      timeZones
      timeZoneSource
      quiet
      nextAllowedAt
      localTimes {
        zone
        time
      }
    }
  }
}
    `, {"hash":"sha256:ad1a684cd48d81385bad2777b7b6ad621bb1b7f2e0c6f0435533135d1f6c74f2"}) as unknown as TypedDocumentString<PreviewQuietHoursQuery, PreviewQuietHoursQueryVariables>;
export const BuySeatsDocument = new TypedDocumentString(`
    mutation BuySeats($count: Int!) {
  buySeats(count: $count) {
    __typename
    ... on SeatSummary {
      purchased
      assigned
      available
    }
    ... on Error {
      code
      message
    }
  }
}
    `, {"hash":"sha256:08658315c1c4087f1aba9916631b15f3fc679fd2876fcc30ceb058a304ae5004"}) as unknown as TypedDocumentString<BuySeatsMutation, BuySeatsMutationVariables>;
export const ReleaseSeatsDocument = new TypedDocumentString(`
    mutation ReleaseSeats($count: Int!) {
  releaseSeats(count: $count) {
    __typename
    ... on SeatSummary {
      purchased
      assigned
      available
    }
    ... on SeatsInUseError {
      requested
      unassigned
    }
    ... on Error {
      code
      message
    }
  }
}
    `, {"hash":"sha256:455b6fba68cf89951a2d3b25170a47d2ce095598dddbf69a9693efbbd4fb0899"}) as unknown as TypedDocumentString<ReleaseSeatsMutation, ReleaseSeatsMutationVariables>;
export const AssignSeatDocument = new TypedDocumentString(`
    mutation AssignSeat($userId: ID!) {
  assignSeat(userId: $userId) {
    __typename
    ... on User {
      id
      seat {
        id
        assignedAt
      }
    }
    ... on SeatLimitReachedError {
      purchased
      assigned
    }
    ... on Error {
      code
      message
    }
  }
}
    `, {"hash":"sha256:d882aa1270b4ce2e1b26288023b701259e8d914814851c952007f580c889082c"}) as unknown as TypedDocumentString<AssignSeatMutation, AssignSeatMutationVariables>;
export const UnassignSeatDocument = new TypedDocumentString(`
    mutation UnassignSeat($userId: ID!) {
  unassignSeat(userId: $userId) {
    __typename
    ... on User {
      id
      seat {
        id
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `, {"hash":"sha256:2cf5b6269cb8cb4aaeba82a5f362e282b5e8051e445500ab000b6495eda85eb9"}) as unknown as TypedDocumentString<UnassignSeatMutation, UnassignSeatMutationVariables>;
export const ReassignSeatDocument = new TypedDocumentString(`
    mutation ReassignSeat($fromUserId: ID!, $toUserId: ID!) {
  reassignSeat(fromUserId: $fromUserId, toUserId: $toUserId) {
    __typename
    ... on Seat {
      id
      user {
        id
      }
      assignedAt
    }
    ... on Error {
      code
      message
    }
  }
}
    `, {"hash":"sha256:2c9db3b8a5a2865ec3ade14e76b2ccc20723fcea15b44e861940e300e041fd10"}) as unknown as TypedDocumentString<ReassignSeatMutation, ReassignSeatMutationVariables>;
export const MessageTemplatesDocument = new TypedDocumentString(`
    query MessageTemplates($channel: Channel, $first: Int, $after: String) {
  messageTemplates(channel: $channel, first: $first, after: $after) {
    edges {
      node {
        ...MessageTemplateFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment MessageTemplateFields on MessageTemplate {
  id
  name
  channel
  kind
  customKind
  body
  customFields
  sendFields
  whatsapp {
    name
    language
    parameters
    approval
    approvalUpdatedAt
  }
  updatedAt
}`, {"hash":"sha256:254d177df84d20320b6c45b0313901d9cd29b405aa7160b7ecfc2869818222d5"}) as unknown as TypedDocumentString<MessageTemplatesQuery, MessageTemplatesQueryVariables>;
export const MessageTemplateNodeDocument = new TypedDocumentString(`
    query MessageTemplateNode($id: ID!) {
  node(id: $id) {
    __typename
    ... on MessageTemplate {
      ...MessageTemplateFields
    }
  }
}
    fragment MessageTemplateFields on MessageTemplate {
  id
  name
  channel
  kind
  customKind
  body
  customFields
  sendFields
  whatsapp {
    name
    language
    parameters
    approval
    approvalUpdatedAt
  }
  updatedAt
}`, {"hash":"sha256:864aed23ed372b876cdc7176c72291d517925e478f29ab89e458e2a45b90817a"}) as unknown as TypedDocumentString<MessageTemplateNodeQuery, MessageTemplateNodeQueryVariables>;
export const CreateMessageTemplateDocument = new TypedDocumentString(`
    mutation CreateMessageTemplate($input: CreateMessageTemplateInput!) {
  createMessageTemplate(input: $input) {
    __typename
    ... on MessageTemplate {
      ...MessageTemplateFields
    }
    ... on Error {
      code
      message
    }
    ... on ValidationError {
      field
      issues {
        field
        message
      }
    }
  }
}
    fragment MessageTemplateFields on MessageTemplate {
  id
  name
  channel
  kind
  customKind
  body
  customFields
  sendFields
  whatsapp {
    name
    language
    parameters
    approval
    approvalUpdatedAt
  }
  updatedAt
}`, {"hash":"sha256:185331a4423fa19f6b16cce17d74cc759cbf9557be66f099d1ea595a66d473b7"}) as unknown as TypedDocumentString<CreateMessageTemplateMutation, CreateMessageTemplateMutationVariables>;
export const UpdateMessageTemplateDocument = new TypedDocumentString(`
    mutation UpdateMessageTemplate($input: UpdateMessageTemplateInput!) {
  updateMessageTemplate(input: $input) {
    __typename
    ... on MessageTemplate {
      ...MessageTemplateFields
    }
    ... on Error {
      code
      message
    }
    ... on ValidationError {
      field
      issues {
        field
        message
      }
    }
  }
}
    fragment MessageTemplateFields on MessageTemplate {
  id
  name
  channel
  kind
  customKind
  body
  customFields
  sendFields
  whatsapp {
    name
    language
    parameters
    approval
    approvalUpdatedAt
  }
  updatedAt
}`, {"hash":"sha256:94ecced24a8f5280b19241d9a4d696e2e90ed61b8bbdd939d620bef53f6fac4a"}) as unknown as TypedDocumentString<UpdateMessageTemplateMutation, UpdateMessageTemplateMutationVariables>;
export const DeleteMessageTemplateDocument = new TypedDocumentString(`
    mutation DeleteMessageTemplate($id: ID!) {
  deleteMessageTemplate(id: $id) {
    __typename
    ... on MutationDeleteMessageTemplateSuccess {
      data
    }
    ... on Error {
      code
      message
    }
  }
}
    `, {"hash":"sha256:77f7e7f9c6be3db02c92b4e7ed3175b7fd903253b75915944c1019045f95fd2a"}) as unknown as TypedDocumentString<DeleteMessageTemplateMutation, DeleteMessageTemplateMutationVariables>;
export const SendTemplatedMessageDocument = new TypedDocumentString(`
    mutation SendTemplatedMessage($input: SendMessageInput!) {
  sendMessage(input: $input) {
    __typename
    ... on Message {
      id
      channel
      kind
      body
      segments
      template {
        name
        language
        parameters
      }
    }
    ... on Error {
      code
      message
    }
    ... on ValidationError {
      field
      issues {
        field
        message
      }
    }
  }
}
    `, {"hash":"sha256:58c7dc13550e7041ecf09b88ad752f29d565c9b78340a2ac4b4bc18a1dc2a499"}) as unknown as TypedDocumentString<SendTemplatedMessageMutation, SendTemplatedMessageMutationVariables>;
export const PreviewTemplatedMessageDocument = new TypedDocumentString(`
    query PreviewTemplatedMessage($input: PreviewMessageInput!) {
  previewMessage(input: $input) {
    allowed
    body
    encoding
    segments
    characters
    credits
    refusals {
      code
      message
      field
    }
  }
}
    `, {"hash":"sha256:d0dfc447d2e858554714ce66bb355f8ae13a7b9c48ee260fc2ad43161e544f9c"}) as unknown as TypedDocumentString<PreviewTemplatedMessageQuery, PreviewTemplatedMessageQueryVariables>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    kind
    user {
      id
      name
      role
    }
    tenant {
      id
      name
    }
  }
}
    `, {"hash":"sha256:3dc5d82d7e413cd43f884e01b94e6ebff33637c6f5fd1089a6bd2abc65f98d27"}) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const TenantDocument = new TypedDocumentString(`
    query Tenant {
  tenant {
    id
    name
    enabledChannels
    requireTrustedDocuments
    sendPolicy {
      requireSeat
      requireSendPermission
      requireNumberAssignment
      maxUsersPerNumber
    }
    seats {
      purchased
      assigned
      available
    }
  }
}
    `, {"hash":"sha256:a420e3e820cf38a201cf934c3cce44dc903bb500e3cea8c8aaf815973ddfa8f2"}) as unknown as TypedDocumentString<TenantQuery, TenantQueryVariables>;
export const UpdateTenantSettingsDocument = new TypedDocumentString(`
    mutation UpdateTenantSettings($input: TenantSettingsInput!) {
  updateTenantSettings(input: $input) {
    __typename
    ... on Tenant {
      id
      name
      enabledChannels
      requireTrustedDocuments
      sendPolicy {
        requireSeat
        requireSendPermission
        requireNumberAssignment
        maxUsersPerNumber
      }
    }
    ... on Error {
      code
      message
    }
    ... on ValidationError {
      field
      issues {
        field
        message
      }
    }
  }
}
    `, {"hash":"sha256:e9360994fb422599d36246fd5b54941d60f03ee678b4f92772dc8cc57a772c3c"}) as unknown as TypedDocumentString<UpdateTenantSettingsMutation, UpdateTenantSettingsMutationVariables>;
export const TenantEventsDocument = new TypedDocumentString(`
    subscription TenantEvents($after: String) {
  tenantEvents(after: $after) {
    cursor
    type
    subjectId
    conversationId
    payload
    occurredAt
  }
}
    `, {"hash":"sha256:af118ec4e7047e9b5ad610b417b1c6a9fea26a57d3c08b036572a491b3dbad16"}) as unknown as TypedDocumentString<TenantEventsSubscription, TenantEventsSubscriptionVariables>;
export const EventCursorDocument = new TypedDocumentString(`
    query EventCursor {
  tenant {
    eventCursor
  }
}
    `, {"hash":"sha256:4f1a077196789a3854a61b9e76b60b4b7cde2f3d57a43f7510585e3edb64959d"}) as unknown as TypedDocumentString<EventCursorQuery, EventCursorQueryVariables>;
export const UsersDocument = new TypedDocumentString(`
    query Users($first: Int, $after: String, $includeDeactivated: Boolean) {
  tenant {
    users(first: $first, after: $after, includeDeactivated: $includeDeactivated) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...UserFields
        }
      }
    }
  }
}
    fragment UserFields on User {
  id
  externalId
  name
  email
  role
  canSend
  canViewReports
  active
  seat {
    id
    assignedAt
  }
}`, {"hash":"sha256:80ce820f9f35db647bf0bd77f318b1b670efb3d8e7f17643f64c561b33ba4938"}) as unknown as TypedDocumentString<UsersQuery, UsersQueryVariables>;
export const UserDocument = new TypedDocumentString(`
    query User($id: ID!) {
  user(id: $id) {
    ...UserFields
  }
}
    fragment UserFields on User {
  id
  externalId
  name
  email
  role
  canSend
  canViewReports
  active
  seat {
    id
    assignedAt
  }
}`, {"hash":"sha256:2395f09fdb3f86e10a8cd0dd4e5c2ba66e5fc458ed145aeb70a3a5d21bfc9e4e"}) as unknown as TypedDocumentString<UserQuery, UserQueryVariables>;
export const CreateUserDocument = new TypedDocumentString(`
    mutation CreateUser($input: CreateUserInput!) {
  createUser(input: $input) {
    __typename
    ... on User {
      ...UserFields
    }
    ... on Error {
      code
      message
    }
    ... on ValidationError {
      field
      issues {
        field
        message
      }
    }
    ... on ConflictError {
      field
    }
  }
}
    fragment UserFields on User {
  id
  externalId
  name
  email
  role
  canSend
  canViewReports
  active
  seat {
    id
    assignedAt
  }
}`, {"hash":"sha256:4e86ab6a504c10189d95e850d768623d2998009cc89b74b221cda25a2a023410"}) as unknown as TypedDocumentString<CreateUserMutation, CreateUserMutationVariables>;
export const UpdateUserDocument = new TypedDocumentString(`
    mutation UpdateUser($input: UpdateUserInput!) {
  updateUser(input: $input) {
    __typename
    ... on User {
      ...UserFields
    }
    ... on Error {
      code
      message
    }
    ... on ValidationError {
      field
    }
    ... on ConflictError {
      field
    }
  }
}
    fragment UserFields on User {
  id
  externalId
  name
  email
  role
  canSend
  canViewReports
  active
  seat {
    id
    assignedAt
  }
}`, {"hash":"sha256:9707c125215389c46836d2b1ff9a3c406acb8bf6ce3fbce1eba274a8d09a6a63"}) as unknown as TypedDocumentString<UpdateUserMutation, UpdateUserMutationVariables>;
export const CreateUserTokenDocument = new TypedDocumentString(`
    mutation CreateUserToken($userId: ID!, $ttlSeconds: Int) {
  createUserToken(userId: $userId, ttlSeconds: $ttlSeconds) {
    __typename
    ... on UserToken {
      token
      expiresAt
      user {
        id
      }
    }
    ... on Error {
      code
      message
    }
    ... on ValidationError {
      field
    }
  }
}
    `, {"hash":"sha256:19c7a3236e79e81bce052bc7b98ba3d8843a985409d7b3699cefd78260606373"}) as unknown as TypedDocumentString<CreateUserTokenMutation, CreateUserTokenMutationVariables>;
export const CreateWebhookEndpointDocument = new TypedDocumentString(`
    mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) {
    __typename
    ... on CreatedWebhookEndpoint {
      secret
      endpoint {
        ...WebhookEndpointFields
      }
    }
    ... on Error {
      code
      message
    }
    ... on ValidationError {
      field
    }
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  description
  eventTypes
  enabled
  status
  failingSince
  previousSecretExpiresAt
  createdAt
}`, {"hash":"sha256:0b05db49fd5f174c394db34076feae415c6e442f80bd46b52d39ab07570a0d89"}) as unknown as TypedDocumentString<CreateWebhookEndpointMutation, CreateWebhookEndpointMutationVariables>;
export const UpdateWebhookEndpointDocument = new TypedDocumentString(`
    mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {
  updateWebhookEndpoint(input: $input) {
    __typename
    ... on WebhookEndpoint {
      ...WebhookEndpointFields
    }
    ... on Error {
      code
      message
    }
    ... on ValidationError {
      field
    }
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  description
  eventTypes
  enabled
  status
  failingSince
  previousSecretExpiresAt
  createdAt
}`, {"hash":"sha256:87f1d51ecc01521ce41337ede3639734bd1696bfe24f9833482eb06f7bd76f5c"}) as unknown as TypedDocumentString<UpdateWebhookEndpointMutation, UpdateWebhookEndpointMutationVariables>;
export const DeleteWebhookEndpointDocument = new TypedDocumentString(`
    mutation DeleteWebhookEndpoint($id: ID!) {
  deleteWebhookEndpoint(id: $id) {
    __typename
    ... on DeletedWebhookEndpoint {
      id
    }
    ... on Error {
      code
      message
    }
  }
}
    `, {"hash":"sha256:5e4105df712d9b680ab6cb500d28165b2dbc38bb35841ce9a83f1a6ec72fff43"}) as unknown as TypedDocumentString<DeleteWebhookEndpointMutation, DeleteWebhookEndpointMutationVariables>;
export const RotateWebhookSecretDocument = new TypedDocumentString(`
    mutation RotateWebhookSecret($id: ID!, $overlapHours: Int) {
  rotateWebhookSecret(id: $id, overlapHours: $overlapHours) {
    __typename
    ... on RotatedWebhookSecret {
      secret
      endpoint {
        ...WebhookEndpointFields
      }
    }
    ... on Error {
      code
      message
    }
    ... on ValidationError {
      field
    }
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  description
  eventTypes
  enabled
  status
  failingSince
  previousSecretExpiresAt
  createdAt
}`, {"hash":"sha256:c979fdf48c03f8789a3f6baf1724eb2533a1e4c427f2e3b0abe75ea8bdecafb5"}) as unknown as TypedDocumentString<RotateWebhookSecretMutation, RotateWebhookSecretMutationVariables>;
export const WebhookEndpointsDocument = new TypedDocumentString(`
    query WebhookEndpoints($first: Int, $after: String) {
  webhookEndpoints(first: $first, after: $after) {
    edges {
      node {
        ...WebhookEndpointFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  description
  eventTypes
  enabled
  status
  failingSince
  previousSecretExpiresAt
  createdAt
}`, {"hash":"sha256:399a0415c783782c6e87031f59c829d372d00a33d25bce200c0f18cda4db8594"}) as unknown as TypedDocumentString<WebhookEndpointsQuery, WebhookEndpointsQueryVariables>;
export const WebhookEndpointDocument = new TypedDocumentString(`
    query WebhookEndpoint($id: ID!) {
  node(id: $id) {
    __typename
    ... on WebhookEndpoint {
      ...WebhookEndpointFields
    }
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  description
  eventTypes
  enabled
  status
  failingSince
  previousSecretExpiresAt
  createdAt
}`, {"hash":"sha256:c4a48aa9edeeee1f219575a9e8272c880d54e0ce81922ce8679609e4f5e06332"}) as unknown as TypedDocumentString<WebhookEndpointQuery, WebhookEndpointQueryVariables>;
export const WebhookDeliveriesDocument = new TypedDocumentString(`
    query WebhookDeliveries($id: ID!, $first: Int, $after: String) {
  node(id: $id) {
    __typename
    ... on WebhookEndpoint {
      ...WebhookEndpointFields
      deliveries(first: $first, after: $after) {
        edges {
          node {
            id
            webhookId
            eventType
            state
            attemptCount
            nextAttemptAt
            settledAt
            replayOf
            body
            attempts {
              at
              statusCode
              error
              latencyMs
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  description
  eventTypes
  enabled
  status
  failingSince
  previousSecretExpiresAt
  createdAt
}`, {"hash":"sha256:374286e6303487f894a70001e359e597fcb8b0476a4f31a8cddd7aed1fb51411"}) as unknown as TypedDocumentString<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>;
export const ReplayWebhookDeliveryDocument = new TypedDocumentString(`
    mutation ReplayWebhookDelivery($id: ID!) {
  replayWebhookDelivery(id: $id) {
    __typename
    ... on WebhookDelivery {
      id
      webhookId
      state
      replayOf
    }
    ... on Error {
      code
      message
    }
  }
}
    `, {"hash":"sha256:bd63b454a37233ec7b8db2f66524ec474738cd7b62a0fb7d243f1a38745da05c"}) as unknown as TypedDocumentString<ReplayWebhookDeliveryMutation, ReplayWebhookDeliveryMutationVariables>;
export const ReplayWebhookEventsDocument = new TypedDocumentString(`
    mutation ReplayWebhookEvents($endpointId: ID!, $from: DateTime!, $to: DateTime!) {
  replayWebhookEvents(endpointId: $endpointId, from: $from, to: $to) {
    __typename
    ... on ReplayedWebhookEvents {
      queued
      skipped
    }
    ... on Error {
      code
      message
    }
    ... on ValidationError {
      field
    }
  }
}
    `, {"hash":"sha256:bc21170776b7dd495ddb2d73d7636f5b6efd49d763edc3c85000f1971818def0"}) as unknown as TypedDocumentString<ReplayWebhookEventsMutation, ReplayWebhookEventsMutationVariables>;
export const ConversationChannelsDocument = new TypedDocumentString(`
    query ConversationChannels($id: ID!) {
  conversation(id: $id) {
    id
    smsNumber: sendingNumber(channel: SMS)
    whatsappNumber: sendingNumber(channel: WHATSAPP)
    locks {
      ...LockFields
    }
    messages(last: 100) {
      edges {
        node {
          id
          direction
          channel
          body
          status
          template {
            name
            language
            parameters
          }
        }
      }
    }
  }
}
    fragment LockFields on ConversationLock {
  channel
  locked
  reachable
  reason
  message
  consent
  optOutObservable
  notice
  sessionWindow {
    hours
    open
    lastInboundAt
    openUntil
    closedAt
  }
  reengagementTemplate {
    body
    name
    language
    parameters
  }
}`, {"hash":"sha256:4a173eeb4e719289560ab82631731fa0368d7a1ddc79a6498f399e428451d78b"}) as unknown as TypedDocumentString<ConversationChannelsQuery, ConversationChannelsQueryVariables>;
export const SendOnChannelDocument = new TypedDocumentString(`
    mutation SendOnChannel($input: SendMessageInput!) {
  sendMessage(input: $input) {
    __typename
    ... on Message {
      id
      channel
      body
    }
    ... on Error {
      code
      message
    }
    ... on SessionWindowClosedError {
      closedAt
      template {
        body
        name
        language
        parameters
      }
    }
  }
}
    `, {"hash":"sha256:c3dc0bcbcc81e78d3c004c8157be1d37cdc47708c3d4170d93ae64acf630911c"}) as unknown as TypedDocumentString<SendOnChannelMutation, SendOnChannelMutationVariables>;
export const SendReengagementTemplateDocument = new TypedDocumentString(`
    mutation SendReengagementTemplate($input: SendReengagementTemplateInput!) {
  sendReengagementTemplate(input: $input) {
    __typename
    ... on Message {
      id
      channel
      body
      template {
        name
        language
        parameters
      }
    }
    ... on Error {
      code
      message
    }
    ... on ConversationLockedError {
      lockReason: reason
    }
    ... on ReengagementPendingError {
      sentAt
      retryAt
    }
  }
}
    `, {"hash":"sha256:fba03f97f38aec76cd3d7308724a45a896d326bde37d99ee293dda0755030c2e"}) as unknown as TypedDocumentString<SendReengagementTemplateMutation, SendReengagementTemplateMutationVariables>;
export const SendConsentInviteOnDocument = new TypedDocumentString(`
    mutation SendConsentInviteOn($conversationId: ID!, $channel: Channel) {
  sendConsentInvite(conversationId: $conversationId, channel: $channel) {
    __typename
    ... on Error {
      code
      message
    }
    ... on ConsentInvitationNotAvailableError {
      channel
    }
  }
}
    `, {"hash":"sha256:23a99b3365ceb97de1489c8291166031bf376c3d8b35f1141fd5c5cc3429e07d"}) as unknown as TypedDocumentString<SendConsentInviteOnMutation, SendConsentInviteOnMutationVariables>;
export const PreviewOnChannelDocument = new TypedDocumentString(`
    query PreviewOnChannel($input: PreviewMessageInput!) {
  previewMessage(input: $input) {
    allowed
    sendingNumber
    refusals {
      code
      message
      lockReason
      sessionWindowClosedAt
      template {
        body
        name
      }
    }
    lock {
      ...LockFields
    }
  }
}
    fragment LockFields on ConversationLock {
  channel
  locked
  reachable
  reason
  message
  consent
  optOutObservable
  notice
  sessionWindow {
    hours
    open
    lastInboundAt
    openUntil
    closedAt
  }
  reengagementTemplate {
    body
    name
    language
    parameters
  }
}`, {"hash":"sha256:3ceec2523a1f2c8e04de89b6ba425f51005fae242be77ffb65dd376cb47e3fe0"}) as unknown as TypedDocumentString<PreviewOnChannelQuery, PreviewOnChannelQueryVariables>;
export const UpdateReengagementSettingsDocument = new TypedDocumentString(`
    mutation UpdateReengagementSettings($input: TenantSettingsInput!) {
  updateTenantSettings(input: $input) {
    __typename
    ... on Tenant {
      enabledChannels
      reengagementText
      reengagementTemplateName
      reengagementTemplateLanguage
    }
    ... on Error {
      code
      message
    }
    ... on ValidationError {
      field
      issues {
        field
        message
      }
    }
  }
}
    `, {"hash":"sha256:c508f125e68424070782cff03ccf6f7d1f2bad41fbaafb3ce385e535d0e13640"}) as unknown as TypedDocumentString<UpdateReengagementSettingsMutation, UpdateReengagementSettingsMutationVariables>;
export const WorkflowsDocument = new TypedDocumentString(`
    query Workflows($after: String) {
  workflows(first: 50, after: $after) {
    edges {
      node {
        ...WorkflowFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment WorkflowFields on Workflow {
  id
  name
  trigger
  toStatus
  fromStatus
  callToAction
  criteria {
    jobIds
    jobTitleContains
  }
  stopOnReply
  active
  pausedAt
  steps {
    position
    delayMinutes
    channel
    senderId
    templateId
  }
}`, {"hash":"sha256:db996bf86be548b91855d247bd59d85dac7ae03926c113c1609956b3fea9c5df"}) as unknown as TypedDocumentString<WorkflowsQuery, WorkflowsQueryVariables>;
export const WorkflowRunsDocument = new TypedDocumentString(`
    query WorkflowRuns($filter: WorkflowRunFilter, $after: String) {
  workflowRuns(first: 50, after: $after, filter: $filter) {
    edges {
      node {
        ...WorkflowRunFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment WorkflowRunFields on WorkflowRun {
  id
  trigger
  partnerEventId
  triggerData
  status
  createdAt
  finishedAt
  workflow {
    id
    name
  }
  conversation {
    id
  }
  steps {
    position
    channel
    dueAt
    outcome
    reason
    detail
    finishedAt
    message {
      id
      status
      body
      scheduledFor
    }
  }
}`, {"hash":"sha256:f5eb9740c2b327a6a0143525a5576b24d1c6777162572b5c9b66eaf9b5803171"}) as unknown as TypedDocumentString<WorkflowRunsQuery, WorkflowRunsQueryVariables>;
export const CreateWorkflowDocument = new TypedDocumentString(`
    mutation CreateWorkflow($input: WorkflowInput!) {
  createWorkflow(input: $input) {
    __typename
    ... on Workflow {
      ...WorkflowFields
    }
    ... on ValidationError {
      issues {
        field
        message
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    fragment WorkflowFields on Workflow {
  id
  name
  trigger
  toStatus
  fromStatus
  callToAction
  criteria {
    jobIds
    jobTitleContains
  }
  stopOnReply
  active
  pausedAt
  steps {
    position
    delayMinutes
    channel
    senderId
    templateId
  }
}`, {"hash":"sha256:f3fdae9357b446e97ea36b06581e5a8427321dcead0295d62677bdf9204548dc"}) as unknown as TypedDocumentString<CreateWorkflowMutation, CreateWorkflowMutationVariables>;
export const UpdateWorkflowDocument = new TypedDocumentString(`
    mutation UpdateWorkflow($id: ID!, $input: WorkflowInput!) {
  updateWorkflow(id: $id, input: $input) {
    __typename
    ... on Workflow {
      ...WorkflowFields
    }
    ... on ValidationError {
      issues {
        field
        message
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    fragment WorkflowFields on Workflow {
  id
  name
  trigger
  toStatus
  fromStatus
  callToAction
  criteria {
    jobIds
    jobTitleContains
  }
  stopOnReply
  active
  pausedAt
  steps {
    position
    delayMinutes
    channel
    senderId
    templateId
  }
}`, {"hash":"sha256:d32c8cee49db96b4e6124a9af9a4f52d844392b60e9178dd1248e14d4b3ea08c"}) as unknown as TypedDocumentString<UpdateWorkflowMutation, UpdateWorkflowMutationVariables>;
export const PauseWorkflowDocument = new TypedDocumentString(`
    mutation PauseWorkflow($id: ID!) {
  pauseWorkflow(id: $id) {
    __typename
    ... on Workflow {
      id
      active
      pausedAt
    }
    ... on Error {
      code
      message
    }
  }
}
    `, {"hash":"sha256:60f1bc59553bbb3b019887b27a2679cecd8af3f6309434b464c55b802a7a215a"}) as unknown as TypedDocumentString<PauseWorkflowMutation, PauseWorkflowMutationVariables>;
export const ResumeWorkflowDocument = new TypedDocumentString(`
    mutation ResumeWorkflow($id: ID!) {
  resumeWorkflow(id: $id) {
    __typename
    ... on Workflow {
      id
      active
      pausedAt
    }
    ... on Error {
      code
      message
    }
  }
}
    `, {"hash":"sha256:b5a171815506d5577d4d93bfcbb9196a4bb4b0d1963f21981b2ffc18b3cf2e4c"}) as unknown as TypedDocumentString<ResumeWorkflowMutation, ResumeWorkflowMutationVariables>;
export const DeleteWorkflowDocument = new TypedDocumentString(`
    mutation DeleteWorkflow($id: ID!) {
  deleteWorkflow(id: $id) {
    __typename
    ... on MutationDeleteWorkflowSuccess {
      data
    }
    ... on Error {
      code
      message
    }
  }
}
    `, {"hash":"sha256:d4423bfedc5e678fa5343ca59e8e63576ca908d80854b0731767726618372ee1"}) as unknown as TypedDocumentString<DeleteWorkflowMutation, DeleteWorkflowMutationVariables>;
export const ReportApplicationStatusChangedDocument = new TypedDocumentString(`
    mutation ReportApplicationStatusChanged($input: ApplicationStatusChangedInput!) {
  reportApplicationStatusChanged(input: $input) {
    __typename
    ... on WorkflowTriggerResult {
      ...WorkflowTriggerFields
    }
    ... on ValidationError {
      issues {
        field
        message
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    fragment WorkflowRunFields on WorkflowRun {
  id
  trigger
  partnerEventId
  triggerData
  status
  createdAt
  finishedAt
  workflow {
    id
    name
  }
  conversation {
    id
  }
  steps {
    position
    channel
    dueAt
    outcome
    reason
    detail
    finishedAt
    message {
      id
      status
      body
      scheduledFor
    }
  }
}
fragment WorkflowTriggerFields on WorkflowTriggerResult {
  runs {
    ...WorkflowRunFields
  }
  alreadyRecorded {
    id
    status
  }
  plan {
    workflow {
      id
      name
    }
    position
    delayMinutes
    channel
    sender {
      id
      name
    }
    conversation {
      id
    }
    verdict
    text
    to
    fromNumber
    sendAt
    reason
    detail
  }
}`, {"hash":"sha256:20744208df52fc665c546fa20b9e6e6e3f69d1d9c103ec642b275c389444c449"}) as unknown as TypedDocumentString<ReportApplicationStatusChangedMutation, ReportApplicationStatusChangedMutationVariables>;
export const ReportCallToActionCompletedDocument = new TypedDocumentString(`
    mutation ReportCallToActionCompleted($input: CallToActionCompletedInput!) {
  reportCallToActionCompleted(input: $input) {
    __typename
    ... on WorkflowTriggerResult {
      ...WorkflowTriggerFields
    }
    ... on ValidationError {
      issues {
        field
        message
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    fragment WorkflowRunFields on WorkflowRun {
  id
  trigger
  partnerEventId
  triggerData
  status
  createdAt
  finishedAt
  workflow {
    id
    name
  }
  conversation {
    id
  }
  steps {
    position
    channel
    dueAt
    outcome
    reason
    detail
    finishedAt
    message {
      id
      status
      body
      scheduledFor
    }
  }
}
fragment WorkflowTriggerFields on WorkflowTriggerResult {
  runs {
    ...WorkflowRunFields
  }
  alreadyRecorded {
    id
    status
  }
  plan {
    workflow {
      id
      name
    }
    position
    delayMinutes
    channel
    sender {
      id
      name
    }
    conversation {
      id
    }
    verdict
    text
    to
    fromNumber
    sendAt
    reason
    detail
  }
}`, {"hash":"sha256:d9e8747bb0fdd9bbd7aae2edebf3441248eb545e79b98bab1bd7e458c072c1d7"}) as unknown as TypedDocumentString<ReportCallToActionCompletedMutation, ReportCallToActionCompletedMutationVariables>;