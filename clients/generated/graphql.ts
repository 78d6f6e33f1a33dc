/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ActorKind =
  | 'ANONYMOUS'
  | 'API_KEY'
  | 'OPERATOR'
  | 'USER';

/** What the candidate ticked on the application form: one box for all texting, or one per channel. Nothing ticked means opted out. */
export type ApplicationConsentInput = {
  sms?: boolean | null | undefined;
  texting?: boolean | null | undefined;
  whatsapp?: boolean | null | undefined;
};

export type ApplicationInput = {
  candidateExternalId: string;
  consent?: ApplicationConsentInput | null | undefined;
  externalId: string;
  /** Replaces the hiring team; null or [] leaves the application without one. Omit it to keep the team. */
  hiringTeam?: Array<string | number> | null | undefined;
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

export type CandidateInput = {
  /** As `phone`. */
  alternatePhone?: string | null | undefined;
  /** ISO country for numbers without +; default: the tenant's. */
  country?: string | null | undefined;
  /** The ATS's id; upserting the same id updates the candidate. */
  externalId: string;
  name: string;
  /** Digits, spaces, dashes, dots, parentheses and a leading + are fine; letters and other symbols are refused. Null removes the number; omit it to keep the stored one. */
  phone?: string | null | undefined;
  /** Which number to text; omit it to keep the stored choice (MAIN for a new candidate). */
  preferredPhone?: PhoneChoice | null | undefined;
  /** The candidate's IANA time zone (Europe/Paris) for quiet hours; null clears it (then every zone of the number's country applies); omit it to keep the stored one. */
  timeZone?: string | null | undefined;
};

export type CandidateTimeZoneSource =
  /** The candidate's time zone as the ATS stated it. */
  | 'CANDIDATE'
  /** Every zone of the number's country: quiet hours must allow the message in each. */
  | 'COUNTRY'
  /** Nothing known: quiet hours do not apply. */
  | 'UNKNOWN';

/** A channel Parley sends, receives and locks on. Email is not one: the ATS records emails (recordEmail). */
export type Channel =
  | 'SMS'
  | 'WHATSAPP';

export type ChannelAccountStatus =
  | 'ACTIVE'
  | 'DISABLED';

export type CommunityInput = {
  externalId: string;
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
  | 'APPLICATION_OPT_IN'
  | 'DOUBLE_OPT_IN'
  | 'LEGITIMATE_INTEREST';

export type ConsentSource =
  | 'APPLICATION'
  | 'CARRIER'
  | 'INVITE'
  | 'KEYWORD'
  | 'RECRUITER';

export type ConsentState =
  | 'CONSENTED'
  | 'INVITED'
  | 'NONE'
  | 'OPTED_IN'
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

export type CreateTenantInput = {
  enabledChannels?: Array<Channel> | null | undefined;
  name: string;
};

export type CreateUserInput = {
  canSend?: boolean | null | undefined;
  /** May read the tenant's credit balance and ledger. */
  canViewCredits?: boolean | null | undefined;
  /** May read the tenant's reports: every message of the tenant, not only their own conversations'. */
  canViewReports?: boolean | null | undefined;
  email: string;
  /** The partner ATS's id for this user. */
  externalId?: string | null | undefined;
  name: string;
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
  | 'CHARGE'
  | 'REFUND'
  | 'RELEASE'
  | 'RESERVATION'
  | 'TOPUP';

export type DefineMessageKindInput = {
  /** Lowercase letters, digits and dashes, e.g. assessment-reminder. */
  key: string;
  /** How people see it, e.g. "Assessment reminder". */
  label: string;
};

export type Direction =
  | 'INBOUND'
  | 'OUTBOUND';

export type ErrorCode =
  | 'ALLOWANCE_EXHAUSTED'
  | 'ATTACHMENTS_NOT_SUPPORTED'
  | 'CHANNEL_UNAVAILABLE'
  | 'CONFLICT'
  | 'CONSENT_INVITATION_NOT_AVAILABLE'
  | 'CONVERSATION_LOCKED'
  | 'CURSOR_EXPIRED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'INSUFFICIENT_CREDITS'
  | 'MESSAGE_KIND_NOT_ALLOWED'
  | 'MESSAGE_NOT_SCHEDULED'
  | 'MESSAGE_TOO_LONG'
  | 'NOT_AUTHORIZED'
  | 'NOT_FOUND'
  | 'NO_SENDING_NUMBER'
  | 'NUMBER_ASSIGNMENT_LIMIT_REACHED'
  | 'NUMBER_NOT_OWNED'
  | 'NUMBER_OWNERSHIP_UNVERIFIED'
  | 'QUIET_HOURS'
  | 'REENGAGEMENT_PENDING'
  | 'SANDBOX_BUSY'
  | 'SANDBOX_NOT_ALLOWED'
  | 'SEATS_IN_USE'
  | 'SEAT_LIMIT_REACHED'
  | 'SEND_NOT_ALLOWED'
  | 'SESSION_WINDOW_CLOSED'
  | 'SETTING_NOT_AVAILABLE'
  | 'SIMULATION_NOT_AVAILABLE'
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

export type JobInput = {
  externalId: string;
  title: string;
};

export type LockReason =
  | 'CARRIER_BLOCKED'
  | 'CHANNEL_DISABLED'
  | 'CHANNEL_UNAVAILABLE'
  | 'INVALID_PHONE_NUMBER'
  | 'INVITATION_FAILED'
  | 'INVITED_WAITING'
  | 'NO_CONSENT'
  | 'NO_PHONE_NUMBER'
  | 'OPTED_OUT'
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
  | 'EMAIL'
  | 'SMS'
  | 'WHATSAPP';

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

export type MessageKindRuleInput = {
  /** False forbids the kind on the channel; true lifts the rule. */
  allowed: boolean;
  channel: Channel;
  /** The key of your own kind, with kind CUSTOM. */
  customKind?: string | null | undefined;
  /** Any kind but HELP_REPLY. */
  kind: MessageKind;
};

/** Where a message is. Outbound: QUEUED, SENDING, SENT, DELIVERED, then READ when the candidate opened it (WhatsApp read receipts), or UNDELIVERED / FAILED; inbound: RECEIVED. A status never goes back. SCHEDULED: waiting for its send time (sendAt, or the end of quiet hours), then QUEUED onwards, or FAILED with the reason when the send policy refuses it when due; CANCELLED: a scheduled message cancelled before it went out. RECORDED: an email the ATS recorded (recordEmail), in either direction; it never changes. */
export type MessageStatus =
  | 'CANCELLED'
  | 'DELIVERED'
  | 'FAILED'
  | 'QUEUED'
  | 'READ'
  | 'RECEIVED'
  | 'RECORDED'
  | 'SCHEDULED'
  | 'SENDING'
  | 'SENT'
  | 'UNDELIVERED';

/** What a notification is about. CANDIDATE_REPLIED: a candidate wrote in a conversation you took part in or were replied to in (the full text). OPTED_IN: a candidate answered your consent invitation. OPTED_OUT: a candidate you wrote to opted out (STOP or the carrier). ALLOWANCE_WARNING / ALLOWANCE_REACHED: a sending number of yours (or, unassigned, of your tenant, for admins) used 90 % / 100 % of its monthly allowance. CREDITS_LOW: the tenant’s credits fell below its alert threshold (admins). DELIVERY_FAILED: a message you wrote could not be delivered. */
export type NotificationKind =
  | 'ALLOWANCE_REACHED'
  | 'ALLOWANCE_WARNING'
  | 'CANDIDATE_REPLIED'
  | 'CREDITS_LOW'
  | 'DELIVERY_FAILED'
  | 'OPTED_IN'
  | 'OPTED_OUT'
  | 'WEBHOOK_ENDPOINT_FAILING';

/** Turns one kind of notification on or off for you. */
export type NotificationPreferenceInput = {
  /** False: stop receiving this kind; true: receive it again. */
  enabled: boolean;
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
  | 'ALPHANUMERIC'
  | 'LONG_CODE'
  | 'SHORT_CODE'
  | 'TOLL_FREE';

export type PhoneChoice =
  | 'ALTERNATE'
  | 'MAIN';

export type PreviewMessageInput = {
  attachments?: Array<string> | null | undefined;
  /** The text as typed so far; or `messageTemplate` instead. */
  body?: string | null | undefined;
  channel: Channel;
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

export type RecordConsentInput = {
  channel: Channel;
  conversationId: string | number;
  /** e.g. "Candidate agreed by phone on 2026-11-20, call ref 4411". */
  evidence?: string | null | undefined;
  /** true records consent (opted in); false withdraws it. */
  granted: boolean;
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

export type Role =
  | 'ADMIN'
  | 'RECRUITER';

export type SendMessageInput = {
  /** Attachment URLs; refused on SMS. */
  attachments?: Array<string> | null | undefined;
  /** The text; or `template` instead (exactly one of them). */
  body?: string | null | undefined;
  /** A message goes out on exactly this channel. */
  channel: Channel;
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

export type SendReengagementTemplateInput = {
  /** A channel with a session window (WhatsApp). */
  channel?: Channel | null | undefined;
  conversationId: string | number;
  /** Unique per message; a retry with the same key returns the first result. */
  idempotencyKey: string;
};

export type SendRefusal =
  | 'NOT_ASSIGNED_TO_NUMBER'
  | 'NOT_A_USER'
  | 'NOT_ON_HIRING_TEAM'
  | 'NO_SEAT'
  | 'NO_SEND_PERMISSION';

/** Send one of your templates instead of a body: rendered for the conversation with these values. */
export type SendTemplateInput = {
  /** The template. */
  templateId: string | number;
  /** A value for each field in the template’s sendFields, e.g. interview.bookingLink (an https URL). */
  values?: Array<TemplateValueInput> | null | undefined;
};

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

export type TenantEventType =
  | 'ALLOWANCE_REACHED'
  | 'ALLOWANCE_WARNING'
  | 'API_KEY_CREATED'
  | 'API_KEY_REVOKED'
  | 'CHANNEL_ACCOUNT_CREATED'
  | 'CHANNEL_ACCOUNT_UPDATED'
  | 'COMMUNITY_TEAM_CHANGED'
  | 'CONSENT_CHANGED'
  | 'CONVERSATION_INBOX_STATE_CHANGED'
  | 'CONVERSATION_READ'
  | 'CREDITS_LOW'
  | 'CREDITS_TOPPED_UP'
  | 'HIRING_TEAM_CHANGED'
  | 'INBOUND_UNMATCHED'
  | 'MESSAGE_CREATED'
  | 'MESSAGE_KINDS_CHANGED'
  | 'MESSAGE_STATUS_CHANGED'
  | 'MESSAGE_TEMPLATE_CHANGED'
  | 'NOTIFICATIONS_READ'
  | 'NOTIFICATION_CREATED'
  | 'NUMBER_ASSIGNED'
  | 'NUMBER_UNASSIGNED'
  | 'SEATS_CHANGED'
  | 'SEAT_ASSIGNED'
  | 'SEAT_UNASSIGNED'
  | 'TENANT_UPDATED'
  | 'USER_CREATED'
  | 'USER_UPDATED'
  | 'WEBHOOK_ENDPOINT_CREATED'
  | 'WEBHOOK_ENDPOINT_DELETED'
  | 'WEBHOOK_ENDPOINT_FAILING'
  | 'WEBHOOK_ENDPOINT_RECOVERED'
  | 'WEBHOOK_ENDPOINT_UPDATED'
  | 'WORKFLOW_CHANGED'
  | 'WORKFLOW_RUN_STARTED'
  | 'WORKFLOW_RUN_STEP_DONE';

export type TenantSettingsInput = {
  consentModel?: ConsentModel | null | undefined;
  /** ISO country assumed for candidate numbers without a leading +. */
  defaultCountry?: string | null | undefined;
  enabledChannels?: Array<Channel> | null | undefined;
  /** The answer to a candidate texting HELP; {company} is replaced. */
  helpText?: string | null | undefined;
  /** The consent invitation; must ask for YES; {company} is replaced. */
  inviteText?: string | null | undefined;
  /** Users per number under number assignment (1–100, default 3). Lower than a number already has is refused (ConflictError): unassign first. */
  maxUsersPerNumber?: number | null | undefined;
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
  requireSeat?: boolean | null | undefined;
  requireSendPermission?: boolean | null | undefined;
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
  /** A new name. */
  name?: string | null | undefined;
  /** A new mapping; null removes it. */
  whatsapp?: WhatsAppTemplateMappingInput | null | undefined;
  /** The provider’s review as you know it now. */
  whatsappApproval?: WhatsAppTemplateApproval | null | undefined;
};

export type UpdateUserInput = {
  canSend?: boolean | null | undefined;
  /** May read the tenant's credit balance and ledger. */
  canViewCredits?: boolean | null | undefined;
  /** May read the tenant's reports: every message of the tenant, not only their own conversations'. */
  canViewReports?: boolean | null | undefined;
  /** Deactivating a user also frees their seat. */
  deactivated?: boolean | null | undefined;
  email?: string | null | undefined;
  externalId?: string | null | undefined;
  id: string | number;
  name?: string | null | undefined;
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
  | 'APPROVED'
  | 'PENDING'
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
  | 'COMPLETED'
  | 'PAUSED'
  | 'RUNNING'
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
  | 'PAUSED'
  | 'PENDING'
  | 'REFUSED'
  | 'SCHEDULED'
  | 'SENT'
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
  | 'APPLICATION_STATUS_CHANGED'
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


export type TenantQuery = { tenant: { id: string, name: string, enabledChannels: Array<Channel>, sendPolicy: { requireSeat: boolean, requireSendPermission: boolean, requireNumberAssignment: boolean, maxUsersPerNumber: number }, seats: { purchased: number, assigned: number, available: number } } };

export type UpdateTenantSettingsMutationVariables = Exact<{
  input: TenantSettingsInput;
}>;


export type UpdateTenantSettingsMutation = { updateTenantSettings:
    | { __typename: 'ChannelUnavailableError', code: ErrorCode, message: string }
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'NotAuthorizedError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'SettingNotAvailableError', code: ErrorCode, message: string }
    | { __typename: 'Tenant', id: string, name: string, enabledChannels: Array<Channel>, sendPolicy: { requireSeat: boolean, requireSendPermission: boolean, requireNumberAssignment: boolean, maxUsersPerNumber: number } }
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
    `) as unknown as TypedDocumentString<AssignNumberMutation, AssignNumberMutationVariables>;
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
    `) as unknown as TypedDocumentString<UnassignNumberMutation, UnassignNumberMutationVariables>;
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
    `) as unknown as TypedDocumentString<SetNumberAllowanceMutation, SetNumberAllowanceMutationVariables>;
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
}`) as unknown as TypedDocumentString<NumberUsageQuery, NumberUsageQueryVariables>;
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
    `) as unknown as TypedDocumentString<NumberActivityQuery, NumberActivityQueryVariables>;
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
    `) as unknown as TypedDocumentString<NotificationsQuery, NotificationsQueryVariables>;
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
    `) as unknown as TypedDocumentString<MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables>;
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
    `) as unknown as TypedDocumentString<SendMessageWithinAllowanceMutation, SendMessageWithinAllowanceMutationVariables>;
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
    `) as unknown as TypedDocumentString<PreviewAllowanceQuery, PreviewAllowanceQueryVariables>;
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
    `) as unknown as TypedDocumentString<SetTenantTimeZoneMutation, SetTenantTimeZoneMutationVariables>;
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
    `) as unknown as TypedDocumentString<ApiKeysQuery, ApiKeysQueryVariables>;
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
    `) as unknown as TypedDocumentString<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
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
    `) as unknown as TypedDocumentString<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
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
}`) as unknown as TypedDocumentString<CreateChannelAccountMutation, CreateChannelAccountMutationVariables>;
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
}`) as unknown as TypedDocumentString<UpdateChannelAccountCredentialsMutation, UpdateChannelAccountCredentialsMutationVariables>;
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
}`) as unknown as TypedDocumentString<DisableChannelAccountMutation, DisableChannelAccountMutationVariables>;
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
    `) as unknown as TypedDocumentString<AllowPlatformAccountMutation, AllowPlatformAccountMutationVariables>;
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
}`) as unknown as TypedDocumentString<ChannelAccountsQuery, ChannelAccountsQueryVariables>;
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
}`) as unknown as TypedDocumentString<ConversationQuery, ConversationQueryVariables>;
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
}`) as unknown as TypedDocumentString<SendMessageMutation, SendMessageMutationVariables>;
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
}`) as unknown as TypedDocumentString<SendConsentInviteMutation, SendConsentInviteMutationVariables>;
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
    `) as unknown as TypedDocumentString<RecordConsentMutation, RecordConsentMutationVariables>;
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
    `) as unknown as TypedDocumentString<PreviewMessageQuery, PreviewMessageQueryVariables>;
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
    `) as unknown as TypedDocumentString<TopUpCreditsMutation, TopUpCreditsMutationVariables>;
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
    `) as unknown as TypedDocumentString<CreditsQuery, CreditsQueryVariables>;
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
    `) as unknown as TypedDocumentString<SetLowCreditThresholdMutation, SetLowCreditThresholdMutationVariables>;
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
}`) as unknown as TypedDocumentString<InboxQuery, InboxQueryVariables>;
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
    `) as unknown as TypedDocumentString<ConversationMessagesQuery, ConversationMessagesQueryVariables>;
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
    `) as unknown as TypedDocumentString<MarkConversationReadMutation, MarkConversationReadMutationVariables>;
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
    `) as unknown as TypedDocumentString<ArchiveConversationMutation, ArchiveConversationMutationVariables>;
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
    `) as unknown as TypedDocumentString<UnarchiveConversationMutation, UnarchiveConversationMutationVariables>;
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
    `) as unknown as TypedDocumentString<SnoozeConversationMutation, SnoozeConversationMutationVariables>;
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
    `) as unknown as TypedDocumentString<UnsnoozeConversationMutation, UnsnoozeConversationMutationVariables>;
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
    `) as unknown as TypedDocumentString<ConversationUpdatedSubscription, ConversationUpdatedSubscriptionVariables>;
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
    `) as unknown as TypedDocumentString<InboxUpdatedSubscription, InboxUpdatedSubscriptionVariables>;
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
    `) as unknown as TypedDocumentString<NotificationReceivedSubscription, NotificationReceivedSubscriptionVariables>;
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
    `) as unknown as TypedDocumentString<MessageKindsQuery, MessageKindsQueryVariables>;
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
    `) as unknown as TypedDocumentString<DefineMessageKindMutation, DefineMessageKindMutationVariables>;
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
    `) as unknown as TypedDocumentString<RemoveMessageKindMutation, RemoveMessageKindMutationVariables>;
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
    `) as unknown as TypedDocumentString<SetMessageKindRuleMutation, SetMessageKindRuleMutationVariables>;
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
    `) as unknown as TypedDocumentString<MyNotificationsQuery, MyNotificationsQueryVariables>;
export const UnreadNotificationCountDocument = new TypedDocumentString(`
    query UnreadNotificationCount {
  viewer {
    unreadNotificationCount
  }
}
    `) as unknown as TypedDocumentString<UnreadNotificationCountQuery, UnreadNotificationCountQueryVariables>;
export const NotificationPreferencesDocument = new TypedDocumentString(`
    query NotificationPreferences {
  viewer {
    notificationPreferences {
      kind
      enabled
    }
  }
}
    `) as unknown as TypedDocumentString<NotificationPreferencesQuery, NotificationPreferencesQueryVariables>;
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
    `) as unknown as TypedDocumentString<UpdateNotificationPreferencesMutation, UpdateNotificationPreferencesMutationVariables>;
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
}`) as unknown as TypedDocumentString<AddPoolNumberMutation, AddPoolNumberMutationVariables>;
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
}`) as unknown as TypedDocumentString<UpdateSendingNumberMutation, UpdateSendingNumberMutationVariables>;
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
}`) as unknown as TypedDocumentString<RetireSendingNumberMutation, RetireSendingNumberMutationVariables>;
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
    `) as unknown as TypedDocumentString<AllowAdminsToManageNumbersMutation, AllowAdminsToManageNumbersMutationVariables>;
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
}`) as unknown as TypedDocumentString<PoolNumbersQuery, PoolNumbersQueryVariables>;
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
    `) as unknown as TypedDocumentString<ConversationNumberRoutingQuery, ConversationNumberRoutingQueryVariables>;
export const PreviewRoutingDocument = new TypedDocumentString(`
    query PreviewRouting($input: PreviewMessageInput!) {
  previewMessage(input: $input) {
    sendingNumber
    sendingNumberReason
    noLocalNumber
    internationalWarning
  }
}
    `) as unknown as TypedDocumentString<PreviewRoutingQuery, PreviewRoutingQueryVariables>;
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
    `) as unknown as TypedDocumentString<CreateTenantMutation, CreateTenantMutationVariables>;
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
    `) as unknown as TypedDocumentString<TenantsQuery, TenantsQueryVariables>;
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
    `) as unknown as TypedDocumentString<UpsertCandidateMutation, UpsertCandidateMutationVariables>;
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
    `) as unknown as TypedDocumentString<UpsertJobMutation, UpsertJobMutationVariables>;
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
    `) as unknown as TypedDocumentString<UpsertApplicationMutation, UpsertApplicationMutationVariables>;
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
    `) as unknown as TypedDocumentString<AddSendingNumberMutation, AddSendingNumberMutationVariables>;
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
    `) as unknown as TypedDocumentString<UnmatchedInboundQuery, UnmatchedInboundQueryVariables>;
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
    `) as unknown as TypedDocumentString<UpsertCommunityMutation, UpsertCommunityMutationVariables>;
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
    `) as unknown as TypedDocumentString<AddProspectMutation, AddProspectMutationVariables>;
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
    `) as unknown as TypedDocumentString<RecordEmailMutation, RecordEmailMutationVariables>;
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
    `) as unknown as TypedDocumentString<MessageActivityQuery, MessageActivityQueryVariables>;
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
    `) as unknown as TypedDocumentString<ConsentChangesQuery, ConsentChangesQueryVariables>;
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
    `) as unknown as TypedDocumentString<NumberUsageReportQuery, NumberUsageReportQueryVariables>;
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
    `) as unknown as TypedDocumentString<CreditLedgerPeriodQuery, CreditLedgerPeriodQueryVariables>;
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
}`) as unknown as TypedDocumentString<SimulateInboundMessageMutation, SimulateInboundMessageMutationVariables>;
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
    `) as unknown as TypedDocumentString<ScheduleMessageMutation, ScheduleMessageMutationVariables>;
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
    `) as unknown as TypedDocumentString<CancelScheduledMessageMutation, CancelScheduledMessageMutationVariables>;
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
    `) as unknown as TypedDocumentString<ScheduledMessagesQuery, ScheduledMessagesQueryVariables>;
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
    `) as unknown as TypedDocumentString<SetQuietHoursMutation, SetQuietHoursMutationVariables>;
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
    `) as unknown as TypedDocumentString<PreviewQuietHoursQuery, PreviewQuietHoursQueryVariables>;
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
    `) as unknown as TypedDocumentString<BuySeatsMutation, BuySeatsMutationVariables>;
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
    `) as unknown as TypedDocumentString<ReleaseSeatsMutation, ReleaseSeatsMutationVariables>;
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
    `) as unknown as TypedDocumentString<AssignSeatMutation, AssignSeatMutationVariables>;
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
    `) as unknown as TypedDocumentString<UnassignSeatMutation, UnassignSeatMutationVariables>;
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
    `) as unknown as TypedDocumentString<ReassignSeatMutation, ReassignSeatMutationVariables>;
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
}`) as unknown as TypedDocumentString<MessageTemplatesQuery, MessageTemplatesQueryVariables>;
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
}`) as unknown as TypedDocumentString<MessageTemplateNodeQuery, MessageTemplateNodeQueryVariables>;
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
}`) as unknown as TypedDocumentString<CreateMessageTemplateMutation, CreateMessageTemplateMutationVariables>;
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
}`) as unknown as TypedDocumentString<UpdateMessageTemplateMutation, UpdateMessageTemplateMutationVariables>;
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
    `) as unknown as TypedDocumentString<DeleteMessageTemplateMutation, DeleteMessageTemplateMutationVariables>;
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
    `) as unknown as TypedDocumentString<SendTemplatedMessageMutation, SendTemplatedMessageMutationVariables>;
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
    `) as unknown as TypedDocumentString<PreviewTemplatedMessageQuery, PreviewTemplatedMessageQueryVariables>;
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
    `) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const TenantDocument = new TypedDocumentString(`
    query Tenant {
  tenant {
    id
    name
    enabledChannels
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
    `) as unknown as TypedDocumentString<TenantQuery, TenantQueryVariables>;
export const UpdateTenantSettingsDocument = new TypedDocumentString(`
    mutation UpdateTenantSettings($input: TenantSettingsInput!) {
  updateTenantSettings(input: $input) {
    __typename
    ... on Tenant {
      id
      name
      enabledChannels
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
    `) as unknown as TypedDocumentString<UpdateTenantSettingsMutation, UpdateTenantSettingsMutationVariables>;
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
    `) as unknown as TypedDocumentString<TenantEventsSubscription, TenantEventsSubscriptionVariables>;
export const EventCursorDocument = new TypedDocumentString(`
    query EventCursor {
  tenant {
    eventCursor
  }
}
    `) as unknown as TypedDocumentString<EventCursorQuery, EventCursorQueryVariables>;
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
}`) as unknown as TypedDocumentString<UsersQuery, UsersQueryVariables>;
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
}`) as unknown as TypedDocumentString<UserQuery, UserQueryVariables>;
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
}`) as unknown as TypedDocumentString<CreateUserMutation, CreateUserMutationVariables>;
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
}`) as unknown as TypedDocumentString<UpdateUserMutation, UpdateUserMutationVariables>;
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
    `) as unknown as TypedDocumentString<CreateUserTokenMutation, CreateUserTokenMutationVariables>;
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
}`) as unknown as TypedDocumentString<CreateWebhookEndpointMutation, CreateWebhookEndpointMutationVariables>;
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
}`) as unknown as TypedDocumentString<UpdateWebhookEndpointMutation, UpdateWebhookEndpointMutationVariables>;
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
    `) as unknown as TypedDocumentString<DeleteWebhookEndpointMutation, DeleteWebhookEndpointMutationVariables>;
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
}`) as unknown as TypedDocumentString<RotateWebhookSecretMutation, RotateWebhookSecretMutationVariables>;
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
}`) as unknown as TypedDocumentString<WebhookEndpointsQuery, WebhookEndpointsQueryVariables>;
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
}`) as unknown as TypedDocumentString<WebhookEndpointQuery, WebhookEndpointQueryVariables>;
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
}`) as unknown as TypedDocumentString<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>;
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
    `) as unknown as TypedDocumentString<ReplayWebhookDeliveryMutation, ReplayWebhookDeliveryMutationVariables>;
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
    `) as unknown as TypedDocumentString<ReplayWebhookEventsMutation, ReplayWebhookEventsMutationVariables>;
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
}`) as unknown as TypedDocumentString<ConversationChannelsQuery, ConversationChannelsQueryVariables>;
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
    `) as unknown as TypedDocumentString<SendOnChannelMutation, SendOnChannelMutationVariables>;
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
    `) as unknown as TypedDocumentString<SendReengagementTemplateMutation, SendReengagementTemplateMutationVariables>;
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
    `) as unknown as TypedDocumentString<SendConsentInviteOnMutation, SendConsentInviteOnMutationVariables>;
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
}`) as unknown as TypedDocumentString<PreviewOnChannelQuery, PreviewOnChannelQueryVariables>;
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
    `) as unknown as TypedDocumentString<UpdateReengagementSettingsMutation, UpdateReengagementSettingsMutationVariables>;
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
}`) as unknown as TypedDocumentString<WorkflowsQuery, WorkflowsQueryVariables>;
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
}`) as unknown as TypedDocumentString<WorkflowRunsQuery, WorkflowRunsQueryVariables>;
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
}`) as unknown as TypedDocumentString<CreateWorkflowMutation, CreateWorkflowMutationVariables>;
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
}`) as unknown as TypedDocumentString<UpdateWorkflowMutation, UpdateWorkflowMutationVariables>;
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
    `) as unknown as TypedDocumentString<PauseWorkflowMutation, PauseWorkflowMutationVariables>;
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
    `) as unknown as TypedDocumentString<ResumeWorkflowMutation, ResumeWorkflowMutationVariables>;
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
    `) as unknown as TypedDocumentString<DeleteWorkflowMutation, DeleteWorkflowMutationVariables>;
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
}`) as unknown as TypedDocumentString<ReportApplicationStatusChangedMutation, ReportApplicationStatusChangedMutationVariables>;
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
}`) as unknown as TypedDocumentString<ReportCallToActionCompletedMutation, ReportCallToActionCompletedMutationVariables>;