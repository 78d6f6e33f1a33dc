import type { LoggedEvent } from '../events/tenant-events.ts';
import type { TargetPolicy } from './endpoint-url.ts';

/** An event as integrators receive it in `data`: the tenantEvents subscription's TenantEvent shape (global ids, cursor). */
export type PresentEvent = (event: LoggedEvent) => Record<string, unknown>;

/** What the webhook mutations need from the running service. */
export type WebhookServices = {
  targets: TargetPolicy;
  present: PresentEvent;
  /** How long a new delivery is retried. */
  retryWindowMs: number;
  /** How far back the event log keeps events (replay ranges must fall inside). */
  retentionDays: number;
  /** Endpoints one tenant may register. */
  maxEndpointsPerTenant: number;
  /** Unsettled deliveries one endpoint may have before a replay is refused. */
  maxPendingPerEndpoint: number;
  /** New deliveries were queued: the sender looks now. */
  wake(): void;
};

/** The JSON body of a delivery (Standard Webhooks: type, timestamp, data). */
export function deliveryBody(present: PresentEvent, event: LoggedEvent): string {
  return JSON.stringify({ type: event.type, timestamp: event.occurredAt, data: present(event) });
}
