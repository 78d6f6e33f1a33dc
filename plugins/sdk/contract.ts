import type { z } from 'zod';
import { SDK_VERSION } from './version.ts';

/** A channel Parley sends on. */
export type ChannelKind = 'SMS' | 'WHATSAPP';

/** What a channel can carry; the core refuses what a channel cannot do before anything is written. */
export type ChannelCapabilities = {
  /** The longest body accepted, in characters. */
  maxLength: number;
  /** Whether attachments (media) may be sent. */
  media: boolean;
  /** Whether bodies are billed per SMS segment (GSM-7 / UCS-2). */
  segmented: boolean;
  /** Hours after the candidate's last message during which free text may be sent; null when unlimited. */
  sessionWindowHours: number | null;
  /**
   * Whether the carrier or provider acts on STOP/START itself: after a STOP it refuses every send to
   * that number until the candidate texts START, whatever consent Parley has recorded since.
   */
  carrierHandlesKeywords: boolean;
  /**
   * Whether Parley learns that a candidate no longer wants messages (a STOP text, a carrier opt-out report).
   * False for WhatsApp: blocking a business is silent, so the API says reachability cannot be known.
   */
  optOutObservable: boolean;
  /** Whether an SMS-style consent invitation (the candidate replies YES) can be sent on this channel. */
  consentInvitations: boolean;
};

/**
 * Where a message is in its delivery, in the core's words. Providers map their own statuses onto these.
 * READ (the recipient opened it) comes after DELIVERED, for providers with read receipts (WhatsApp).
 */
export type DeliveryStatus = 'QUEUED' | 'SENT' | 'DELIVERED' | 'READ' | 'UNDELIVERED' | 'FAILED';

/**
 * One error vocabulary for every provider: a plugin maps its vendor's codes
 * onto these in one place, so the core and the API never see vendor codes as
 * meaning (they are kept as `providerCode` for support).
 */
export type ChannelErrorCode =
  | 'RECIPIENT_OPTED_OUT'
  | 'INVALID_RECIPIENT'
  | 'UNREACHABLE'
  | 'LANDLINE'
  | 'CARRIER_FILTERED'
  | 'RATE_LIMITED'
  | 'PROVIDER_UNAVAILABLE'
  | 'AUTHENTICATION_FAILED'
  | 'REJECTED';

/**
 * How sure a failed send is that the provider does not have the message.
 * - `refused`: the provider answered and did not accept it (4xx; 429 is a refusal worth retrying).
 * - `unclear`: no answer proves refusal (5xx, timeout, connection reset): the provider may have
 *   created the message, so the core asks `findSent` before any new attempt, never resends blindly.
 */
export type SendOutcome = 'refused' | 'unclear';

/**
 * A send that failed. `transient` errors may be retried with the same message;
 * the others never succeed on retry. `outcome` says whether the provider
 * certainly did not accept it (`refused`) or may have (`unclear`). Any other
 * exception from `send` is treated as `unclear` too.
 */
export class ChannelError extends Error {
  override name = 'ChannelError';
  constructor(
    readonly code: ChannelErrorCode,
    message: string,
    readonly transient: boolean,
    readonly providerCode?: string,
    readonly outcome: SendOutcome = 'refused',
  ) {
    super(message);
  }

  /** A failure after which the provider may have the message: reconcile before retrying. */
  static unclear(message: string, providerCode?: string): ChannelError {
    return new ChannelError('PROVIDER_UNAVAILABLE', message, true, providerCode, 'unclear');
  }
}

/** A message template the provider has approved (WhatsApp), with its parameters in order. */
export type ApprovedTemplate = { name: string; language: string; parameters: string[] };

export type OutboundMessage = {
  from: string;
  to: string;
  /** The text; for a template message, the text as rendered (kept in the history, used to reconcile). */
  body: string;
  /** Send this approved template instead of free text (outside a session window). */
  template?: ApprovedTemplate;
  /** Where the provider should report status changes; it carries Parley's message id. */
  statusCallbackUrl: string;
  /**
   * Parley's message id, for providers that echo a value of the sender's in their status webhooks
   * (Meta's `biz_opaque_callback_data`) rather than calling a per-message URL.
   */
  correlationId?: string;
};

export type SendResult = { providerMessageId: string; status: DeliveryStatus };

/** An HTTP request from the provider, exactly as received. */
export type WebhookRequest = {
  /** The full public URL the provider called, including the query string. */
  url: string;
  headers: Record<string, string | undefined>;
  rawBody: string;
};

export type InboundMessage = {
  providerMessageId: string;
  from: string;
  to: string;
  body: string;
  mediaCount: number;
  /**
   * When the candidate sent it, where the provider says so (Meta's timestamp): a webhook retried hours later
   * is filed at that time, so a session window runs from when the candidate wrote, not from when Parley heard.
   */
  sentAt?: Date;
};

export type StatusUpdate = {
  providerMessageId: string;
  status: DeliveryStatus;
  error?: { code: ChannelErrorCode; providerCode: string; message: string };
  /** The `correlationId` the message was sent with, when the provider echoes it (signed like the rest). */
  correlationId?: string;
};

/** One event of a webhook that carries several (Meta posts inbound messages and statuses together). */
export type WebhookEvent = { type: 'inbound'; message: InboundMessage } | { type: 'status'; update: StatusUpdate };

/** One provider instance, built for one set of credentials. Holds no state shared with other instances. */
export interface ChannelProvider {
  send(message: OutboundMessage): Promise<SendResult>;
  /**
   * Looks for a message this account sent from `from` to `to` with `body`,
   * created between `since` and `until`, skipping ids in `exclude`: how the core
   * settles an attempt whose outcome it does not know (a crash, a timeout, a 5xx
   * or a reset mid-send). It must find the message however many others the two
   * numbers exchanged after it (page through the provider's list), and should
   * match `correlationId` (Parley's message id, also in the status-callback URL)
   * where the provider keeps it. Null means the provider has no such message (the core may send
   * again), so return null only when absence is proved. Not called when `reconciliation` is
   * 'status-webhook'.
   */
  findSent(query: {
    from: string;
    to: string;
    body: string;
    since: Date;
    until: Date;
    exclude: string[];
    correlationId?: string;
  }): Promise<SendResult | null>;
  /**
   * How the core settles a send whose outcome is unclear. 'find-sent' (the default): it asks
   * `findSent`. 'status-webhook': the provider keeps nothing to look a message up in (Meta's Cloud
   * API lists no sent messages), so absence can never be proved; the core waits for the status
   * webhook that carries the message's `correlationId` (which attaches the provider's id) and, after
   * a bounded wait, fails the message as OUTCOME_UNKNOWN: it is never sent twice.
   */
  reconciliation?: 'find-sent' | 'status-webhook';
  /** True only when the request provably comes from the provider. Called before anything is parsed. */
  verifyWebhook(request: WebhookRequest): boolean;
  parseInbound(request: WebhookRequest): InboundMessage;
  parseStatus(request: WebhookRequest): StatusUpdate;
  /**
   * Providers that post inbound messages and statuses to one address, several per request (Meta):
   * every event of a verified request, in order, or a ChannelError when any part is malformed (the
   * core then stores nothing of it). When present, the core calls it for every POST on the
   * account's webhook paths instead of `parseInbound` / `parseStatus`.
   */
  parseEvents?(request: WebhookRequest): WebhookEvent[];
  /**
   * Providers that confirm a webhook address with a GET handshake (Meta's hub.mode, hub.verify_token,
   * hub.challenge): given the query, the text to answer with 200, or null to refuse (403).
   */
  verifySubscription?(query: URLSearchParams): string | null;
  /**
   * Whether this account holds `e164` (E.164) at the provider, asked before a number joins a
   * tenant's pool (the account then receives its inbound messages). True only when the provider's
   * API lists the number for this account; false when it answers that it does not. A provider
   * that cannot be asked throws a ChannelError (`PROVIDER_UNAVAILABLE`, `AUTHENTICATION_FAILED`).
   * Absent: the provider cannot prove ownership, and only the platform operator may add its
   * numbers. Since SDK 1.1.0.
   */
  ownsNumber?(e164: string): Promise<boolean>;
  /** What to answer the provider's webhook with (e.g. empty TwiML). */
  webhookReply: { contentType: string; body: string };
  /**
   * Simulators only (the sandbox): the "candidate" texts `to`. The provider
   * posts its own signed inbound webhook to `inboundWebhookUrl`, so the message
   * takes exactly the path a real provider's does; resolves once the core has
   * answered it (rejects when the core refused it).
   */
  simulateInbound?(
    message: { from: string; to: string; body: string },
    inboundWebhookUrl: string,
  ): Promise<{ providerMessageId: string }>;
}

export type ProviderDeps = {
  /** Overrides the provider's API address (a loopback fake in tests, a regional edge in production). */
  apiBaseUrl?: string;
  /** Plugin-specific settings from the service's configuration (e.g. the sandbox's delivery delay). */
  options?: Record<string, string>;
};

/** A channel plugin's manifest: what the core loads by module name. */
export type ChannelPlugin<Credentials extends Record<string, string>> = {
  id: string;
  /**
   * The plugin SDK version (MAJOR.MINOR.PATCH) this plugin was built and tested
   * against; the core refuses to load one of another major version, or newer
   * than its own (`SDK_VERSION`, CHANGELOG.md).
   */
  sdkVersion: string;
  channel: ChannelKind;
  capabilities: ChannelCapabilities;
  credentials: z.ZodType<Credentials>;
  /** Credential fields that are secrets: never logged, never returned by the API. */
  secretKeys: (keyof Credentials & string)[];
  /**
   * Where this plugin's webhooks lived before per-account webhooks
   * (`/webhooks/<route>/sms` and `/webhooks/<route>/sms/status`): still accepted
   * for the platform's account, so numbers configured then keep working.
   */
  legacyWebhookRoute?: string;
  /**
   * A simulator that reaches no real phone (the sandbox): an account of it is
   * refused for a tenant in production unless the operator allows it.
   */
  simulated?: boolean;
  /**
   * The numbers this plugin's accounts may send from, when the plugin owns its
   * own range (the sandbox): `addSendingNumber` refuses others for its accounts.
   */
  sendingNumbers?: { owns(e164: string): boolean; description: string };
  /**
   * A credit-billed provider: every segment sent through one of its accounts costs the tenant
   * `creditsPerSegment` credits from its Parley ledger (reserved at send, charged on acceptance,
   * released on failure). Absent: sending through it costs no credits.
   */
  billing?: { creditsPerSegment: number };
  /** A fresh provider for one tenant's (or the platform's) credentials. */
  create(credentials: Credentials, deps: ProviderDeps): ChannelProvider;
};

/** A manifest; without `sdkVersion`, it records the version of the SDK that `defineChannelPlugin` comes from. */
export function defineChannelPlugin<Credentials extends Record<string, string>>(
  plugin: Omit<ChannelPlugin<Credentials>, 'sdkVersion'> & { sdkVersion?: string },
): ChannelPlugin<Credentials> {
  return { ...plugin, sdkVersion: plugin.sdkVersion ?? SDK_VERSION };
}
