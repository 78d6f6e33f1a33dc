import { v7 as uuidv7 } from 'uuid';
import type { LoggedEvent } from '../events/tenant-events.ts';
import { deliveryBody, type PresentEvent } from './services.ts';

/** An event as read from the "Event" table. */
export type EventRow = {
  id: string;
  tenantId: string;
  type: string;
  subjectId: string;
  conversationId: string | null;
  payload: Record<string, unknown>;
  position: bigint;
  createdAt: Date;
};

export function toLogged(row: EventRow): LoggedEvent {
  return {
    id: row.id,
    tenantId: row.tenantId,
    type: row.type as LoggedEvent['type'],
    subjectId: row.subjectId,
    conversationId: row.conversationId,
    payload: row.payload,
    position: String(row.position),
    occurredAt: row.createdAt.toISOString(),
  };
}

/** Whether an endpoint subscribed to an event type (an empty list: every type). */
export function wants(eventTypes: string[], type: string): boolean {
  return eventTypes.length === 0 || eventTypes.includes(type);
}

/** Delivery rows for one endpoint, with their bodies fixed now: every retry and replay sends the same bytes. */
export function deliveryRows(
  endpoint: { id: string; tenantId: string },
  events: EventRow[],
  options: { present: PresentEvent; retryWindowMs: number; replayOfId?: string | null },
) {
  const retryUntil = new Date(Date.now() + options.retryWindowMs);
  return events.map((e) => ({
    id: uuidv7(),
    tenantId: endpoint.tenantId,
    endpointId: endpoint.id,
    eventId: e.id,
    eventType: e.type,
    position: e.position,
    body: deliveryBody(options.present, toLogged(e)),
    retryUntil,
    replayOfId: options.replayOfId ?? null,
  }));
}
