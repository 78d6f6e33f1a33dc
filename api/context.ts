import type { Actor } from './auth/actor.ts';
import type { CredentialFeed } from './auth/credential-feed.ts';
import type { ChannelRegistry } from './channels/registry.ts';
import type { PrismaClient } from './db/generated/prisma/client.ts';
import type { TenantDb } from './db/tenant-scope.ts';
import type { TenantScope } from './domain/scope.ts';
import type { EventBus } from './events/pubsub.ts';
import type { EventRelay } from './events/relay.ts';
import type { WebhookServices } from './webhooks-out/services.ts';

/** Long-lived parts of the service that every request may use. */
export type Services = {
  prisma: PrismaClient;
  events: EventBus;
  /** Revocations and user changes, heard by every copy. */
  credentials: CredentialFeed;
  /** Publishes committed events of the event log. */
  relay: EventRelay;
  signingKey: Uint8Array;
  channels: ChannelRegistry;
  /** Nudges the outbox workers after a message is queued. */
  wakeOutbox: () => void;
  /** What a new tenant starts with (QUIET_HOURS_DEFAULT). */
  tenantDefaults: { quietHours: boolean };
  /** Outbound webhooks: where they may go, their payload, replay limits. */
  webhooks: WebhookServices;
};

/** What every resolver sees: who is calling and, for tenant actors, a scope that only reaches their tenant. */
export type RequestContext = {
  requestId: string;
  actor: Actor;
  /** Set for API-key and user actors; null for the operator and anonymous callers. */
  scope: TenantScope | null;
  /** What GraphQL reads through: the tenant's rows this caller may read (a recruiter sees only their conversations' candidates). */
  reader: TenantDb | null;
  services: Services;
};
