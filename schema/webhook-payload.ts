import { encodeGlobalID } from '@pothos/plugin-relay';
import { encodeCursor } from '../api/events/cursor.ts';
import type { LoggedEvent } from '../api/events/tenant-events.ts';
import { subjectTypes } from './types/tenant-events.ts';

/** An event as the tenantEvents subscription's TenantEvent has it (global ids, cursor): webhooks' `data`. */
export function presentTenantEvent(event: LoggedEvent): Record<string, unknown> {
  return {
    cursor: encodeCursor(BigInt(event.position)),
    type: event.type,
    subjectId: encodeGlobalID(subjectTypes[event.type], event.subjectId),
    conversationId: event.conversationId ? encodeGlobalID('Conversation', event.conversationId) : null,
    payload: event.payload,
    occurredAt: event.occurredAt,
  };
}
