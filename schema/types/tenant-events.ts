import { encodeGlobalID } from '@pothos/plugin-relay';
import { type TenantEvent as Event, tenantEventTypes } from '../../api/events/tenant-events.ts';
import { builder } from '../builder.ts';
import { tenantScope } from '../tenant-scope.ts';

const subjectTypes: Record<Event['type'], string> = {
  MESSAGE_CREATED: 'Message',
  MESSAGE_STATUS_CHANGED: 'Message',
  CONSENT_CHANGED: 'Candidate',
  INBOUND_UNMATCHED: 'UnmatchedInbound',

  TENANT_UPDATED: 'Tenant',
  SEATS_CHANGED: 'Tenant',
  USER_CREATED: 'User',
  USER_UPDATED: 'User',
  SEAT_ASSIGNED: 'Seat',
  SEAT_UNASSIGNED: 'Seat',
  API_KEY_CREATED: 'ApiKey',
  API_KEY_REVOKED: 'ApiKey',
};

const TenantEventType = builder.enumType('TenantEventType', { values: tenantEventTypes });

const TenantEvent = builder.objectRef<Event>('TenantEvent').implement({
  description: 'Something changed in your tenant. Re-read the subject by id to see its new state.',
  fields: (t) => ({
    type: t.field({ type: TenantEventType, resolve: (e) => e.type }),
    subjectId: t.id({
      description: 'The global id of the changed user, seat, API key or tenant; read it with node(id).',
      resolve: (e) => encodeGlobalID(subjectTypes[e.type], e.subjectId),
    }),

    occurredAt: t.field({ type: 'DateTime', resolve: (e) => new Date(e.occurredAt) }),
  }),
});

builder.subscriptionField('tenantEvents', (t) =>
  t.field({
    type: TenantEvent,
    description: 'Live changes to users, seats, API keys and settings of your tenant (admins and partner backends).',
    authScopes: { tenantAdmin: true },
    subscribe: (_root, _args, ctx) => ctx.services.events.pubsub.subscribe('tenant', tenantScope(ctx).tenantId),
    resolve: (event) => event,
  }),
);
