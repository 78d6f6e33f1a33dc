import type { ApprovedTemplate, ChannelErrorCode, ChannelPlugin, DeliveryStatus, WebhookRequest } from '../contract.ts';

/** A vendor error the fake can answer a send with, and what the plugin must make of it. */
export type VendorErrorCase = {
  /** The vendor's own code, as `refuseNextSend` takes it (e.g. Twilio's `21211`). */
  vendorCode: string;
  expected: ChannelErrorCode;
  /** Whether the same message may succeed on retry (a rate limit), or never will. */
  transient: boolean;
};

/**
 * What a plugin's own test supplies so the kit can drive the plugin against its
 * vendor's fake (a loopback HTTP server that answers as the vendor's API does,
 * and signs webhooks as the vendor does). See plugins/sdk/README.md.
 */
export type ConformanceHarness<Credentials extends Record<string, string> = Record<string, string>> = {
  plugin: ChannelPlugin<Credentials>;
  credentials: Credentials;
  /**
   * Credentials the schema accepts but the fake refuses (a wrong token): a send
   * with them must fail as AUTHENTICATION_FAILED. Null only for a simulator
   * (`simulated: true`) that has no vendor to refuse anything.
   */
  badCredentials: Credentials | null;
  /** Where the fake vendor API listens (passed to `create` as `deps.apiBaseUrl`); none for a simulator. */
  apiBaseUrl?: string;
  from: string;
  to: string;
  /** A webhook request for a new inbound message, signed as the vendor signs it. */
  signedInbound(input: { url: string; from: string; to: string; body: string }): WebhookRequest;
  /** A webhook request for a status change, signed as the vendor signs it. */
  signedStatus(input: {
    url: string;
    providerMessageId: string;
    vendorStatus: string;
    vendorErrorCode?: string;
    /** The `correlationId` the message was sent with, for vendors that echo it. */
    correlationId?: string;
  }): WebhookRequest;
  /** The vendor's statuses for a message that is delivered, in the order it reports them, with the core's words for each. */
  statusSequence: { vendorStatus: string; expected: DeliveryStatus }[];
  /** A status that reports a message not delivered, with the vendor's error code and what the plugin must make of it. */
  statusFailure: {
    vendorStatus: string;
    vendorErrorCode: string;
    expected: { status: 'UNDELIVERED' | 'FAILED'; code: ChannelErrorCode };
  };
  /** Vendor refusals at send time and their mapping: at least one transient and one permanent. */
  vendorErrors: VendorErrorCase[];
  /**
   * Arranges that the vendor refuses the next send with `vendorCode` (creating
   * nothing), and returns the recipient to send it to: usually `to`; a simulator
   * may name the magic number that always fails so.
   */
  refuseNextSend(vendorCode: string): string;
  /**
   * The vendor creates the next message to `to`, then the answer is lost: a 5xx,
   * or the connection drops. Null only for a simulator, which has no network in between.
   */
  loseNextAnswer: ((to: string, how: 'server-error' | 'reset') => void) | null;
  /**
   * What the vendor's signature covers: the URL called and the body (Twilio, the default), or the
   * body alone (Meta's X-Hub-Signature-256), when a request replayed to another URL cannot be told apart.
   */
  signatureCovers?: 'url-and-body' | 'body';
  /** Where the plugin's status callbacks and webhooks point (default https://parley.example.com/…); a simulator posts to it. */
  webhookUrl?: string;
  /** For plugins with a session window: a template the fake accepts outside the window. */
  approvedTemplate?: ApprovedTemplate;
  close(): Promise<void>;
};
