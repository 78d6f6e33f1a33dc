import type { z } from 'zod';

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
  /** Whether the carrier or provider itself answers STOP/HELP keywords. */
  carrierHandlesKeywords: boolean;
};

/** Where a message is in its delivery, in the core's words. Providers map their own statuses onto these. */
export type DeliveryStatus = 'QUEUED' | 'SENT' | 'DELIVERED' | 'UNDELIVERED' | 'FAILED';

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
 * A send the provider definitely did not accept. `transient` errors may be
 * retried with the same message; the others never succeed on retry. Any other
 * exception from `send` means the outcome is unknown, and the core reconciles
 * with `findSent` instead of sending again.
 */
export class ChannelError extends Error {
  override name = 'ChannelError';
  constructor(
    readonly code: ChannelErrorCode,
    message: string,
    readonly transient: boolean,
    readonly providerCode?: string,
  ) {
    super(message);
  }
}

export type OutboundMessage = {
  from: string;
  to: string;
  body: string;
  /** Where the provider should report status changes; it carries Parley's message id. */
  statusCallbackUrl: string;
};

export type SendResult = { providerMessageId: string; status: DeliveryStatus };

/** An HTTP request from the provider, exactly as received. */
export type WebhookRequest = {
  /** The full public URL the provider called, including the query string. */
  url: string;
  headers: Record<string, string | undefined>;
  rawBody: string;
};

export type InboundMessage = { providerMessageId: string; from: string; to: string; body: string; mediaCount: number };

export type StatusUpdate = {
  providerMessageId: string;
  status: DeliveryStatus;
  error?: { code: ChannelErrorCode; providerCode: string; message: string };
};

/** One provider instance, built for one set of credentials. Holds no state shared with other instances. */
export interface ChannelProvider {
  send(message: OutboundMessage): Promise<SendResult>;
  /**
   * Looks for a message this account sent from `from` to `to` with `body` at or
   * after `since`, skipping ids in `exclude`: how the core settles an attempt
   * whose outcome it does not know (a crash or timeout mid-send).
   */
  findSent(query: {
    from: string;
    to: string;
    body: string;
    since: Date;
    exclude: string[];
  }): Promise<SendResult | null>;
  /** True only when the request provably comes from the provider. Called before anything is parsed. */
  verifyWebhook(request: WebhookRequest): boolean;
  parseInbound(request: WebhookRequest): InboundMessage;
  parseStatus(request: WebhookRequest): StatusUpdate;
  /** What to answer the provider's webhook with (e.g. empty TwiML). */
  webhookReply: { contentType: string; body: string };
}

export type ProviderDeps = {
  /** Overrides the provider's API address (a loopback fake in tests, a regional edge in production). */
  apiBaseUrl?: string;
};

/** A channel plugin's manifest: what the core loads by module name. */
export type ChannelPlugin<Credentials extends Record<string, string>> = {
  id: string;
  channel: ChannelKind;
  capabilities: ChannelCapabilities;
  credentials: z.ZodType<Credentials>;
  /** Credential fields that are secrets: never logged, never returned by the API. */
  secretKeys: (keyof Credentials & string)[];
  /** A fresh provider for one tenant's (or the platform's) credentials. */
  create(credentials: Credentials, deps: ProviderDeps): ChannelProvider;
};

export function defineChannelPlugin<Credentials extends Record<string, string>>(
  plugin: ChannelPlugin<Credentials>,
): ChannelPlugin<Credentials> {
  return plugin;
}
