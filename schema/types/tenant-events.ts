import { encodeGlobalID } from '@pothos/plugin-relay';
import { ValidationError } from '../../api/domain/errors.ts';
import { decodeCursor, encodeCursor } from '../../api/events/cursor.ts';
import { tenantEventStream } from '../../api/events/stream.ts';
import { type LoggedEvent as Event, tenantEventTypes } from '../../api/events/tenant-events.ts';
import { liveStream } from '../../api/live/live-stream.ts';
import { tenantEventUpdates } from '../../api/live/tenant-event-updates.ts';
import { builder } from '../builder.ts';
import { describedValues } from '../described-values.ts';
import { tenantActor, tenantScope } from '../tenant-scope.ts';

/** The GraphQL type of each event's subject, for its global id (webhook payloads use it too). */
export const subjectTypes: Record<Event['type'], string> = {
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
  CHANNEL_ACCOUNT_CREATED: 'ChannelAccount',
  CHANNEL_ACCOUNT_UPDATED: 'ChannelAccount',
  CREDITS_TOPPED_UP: 'Tenant',
  CREDITS_LOW: 'Tenant',
  MESSAGE_KINDS_CHANGED: 'Tenant',
  MESSAGE_TEMPLATE_CHANGED: 'MessageTemplate',
  ALLOWANCE_WARNING: 'SendingNumber',
  ALLOWANCE_REACHED: 'SendingNumber',
  NUMBER_ASSIGNED: 'SendingNumber',
  NUMBER_UNASSIGNED: 'SendingNumber',
  WEBHOOK_ENDPOINT_CREATED: 'WebhookEndpoint',
  WEBHOOK_ENDPOINT_UPDATED: 'WebhookEndpoint',
  WEBHOOK_ENDPOINT_DELETED: 'WebhookEndpoint',
  WEBHOOK_ENDPOINT_FAILING: 'WebhookEndpoint',
  WEBHOOK_ENDPOINT_RECOVERED: 'WebhookEndpoint',
  HIRING_TEAM_CHANGED: 'Application',
  COMMUNITY_TEAM_CHANGED: 'Community',
  CONVERSATION_READ: 'Conversation',
  CONVERSATION_INBOX_STATE_CHANGED: 'Conversation',
  NOTIFICATION_CREATED: 'Notification',
  NOTIFICATIONS_READ: 'User',
  WORKFLOW_CHANGED: 'Workflow',
  WORKFLOW_RUN_STARTED: 'WorkflowRun',
  WORKFLOW_RUN_STEP_DONE: 'WorkflowRun',
};

export const TenantEventType = builder.enumType('TenantEventType', {
  description: 'What a tenant event reports; `subjectId` names the row it is about.',
  values: describedValues(tenantEventTypes, {
    TENANT_UPDATED: "The tenant's name or settings changed.",
    USER_CREATED: 'A user was added (subjectId: the user).',
    USER_UPDATED: "A user's name, email, role, permissions or active state changed.",
    SEATS_CHANGED: 'Seats were bought or released.',
    SEAT_ASSIGNED: 'A seat was assigned to a user.',
    SEAT_UNASSIGNED: "A user's seat was taken back.",
    API_KEY_CREATED: 'An API key was created (never its secret).',
    API_KEY_REVOKED: 'An API key was revoked; requests with it are refused from now.',
    MESSAGE_CREATED: 'A message was sent, scheduled, received or recorded (subjectId: the message).',
    MESSAGE_STATUS_CHANGED: 'A message moved on (queued, sent, delivered, read, failed…).',
    CONSENT_CHANGED: "A candidate's consent on a channel changed (invited, opted in, opted out…).",
    INBOUND_UNMATCHED: 'A text arrived from a number that matches no candidate of the tenant.',
    CHANNEL_ACCOUNT_CREATED: 'A channel account (provider credentials) was added.',
    CHANNEL_ACCOUNT_UPDATED: "A channel account's credentials, label or status changed.",
    CREDITS_TOPPED_UP: 'The operator added credits.',
    CREDITS_LOW: "The credit balance fell below the tenant's low-credit threshold.",
    MESSAGE_KINDS_CHANGED: 'A custom message kind or a kind rule was defined, changed or removed.',
    MESSAGE_TEMPLATE_CHANGED: 'A message template was created, changed, deleted or its WhatsApp approval moved.',
    ALLOWANCE_WARNING: 'A sending number used most of its monthly allowance.',
    ALLOWANCE_REACHED: 'A sending number used all of its monthly allowance.',
    NUMBER_ASSIGNED: 'A user was assigned to a sending number.',
    NUMBER_UNASSIGNED: 'A user was unassigned from a sending number.',
    WEBHOOK_ENDPOINT_CREATED: 'A webhook endpoint was added.',
    WEBHOOK_ENDPOINT_UPDATED: "A webhook endpoint's URL, events, state or secret changed.",
    WEBHOOK_ENDPOINT_DELETED: 'A webhook endpoint was deleted.',
    WEBHOOK_ENDPOINT_FAILING: 'A webhook endpoint keeps refusing deliveries.',
    WEBHOOK_ENDPOINT_RECOVERED: 'A failing webhook endpoint accepted a delivery again.',
    HIRING_TEAM_CHANGED: "An application's hiring team changed (who may read and send).",
    COMMUNITY_TEAM_CHANGED: "A community's team changed (who may read and send to its prospects).",
    CONVERSATION_READ: "A user's read marker in a conversation moved.",
    CONVERSATION_INBOX_STATE_CHANGED: 'A conversation was archived, unarchived, snoozed or unsnoozed.',
    NOTIFICATION_CREATED: 'A notification was created for a user.',
    NOTIFICATIONS_READ: 'A user marked notifications read.',
    WORKFLOW_CHANGED: 'A workflow was created, changed, paused, resumed or deleted.',
    WORKFLOW_RUN_STARTED: 'A workflow started a run for a candidate.',
    WORKFLOW_RUN_STEP_DONE: 'A step of a workflow run was sent, refused or skipped.',
  }),
});

const TenantEvent = builder.objectRef<Event>('TenantEvent').implement({
  description:
    'Something changed in your tenant. Re-read the subject by id to see its new state. Events come in the order of your tenant’s log; keep the last `cursor` to resume after a disconnect.',
  fields: (t) => ({
    cursor: t.string({
      description: 'This event’s place in the log: pass it as `after` to resume right after it.',
      resolve: (e) => encodeCursor(BigInt(e.position)),
    }),
    type: t.field({ description: 'What happened.', type: TenantEventType, resolve: (e) => e.type }),
    subjectId: t.id({
      description:
        'The global id of the changed message, candidate, user, seat, API key or tenant; read it with node(id).',
      resolve: (e) => encodeGlobalID(subjectTypes[e.type], e.subjectId),
    }),
    conversationId: t.id({
      nullable: true,
      description: 'The conversation the event belongs to, when there is one.',
      resolve: (e) => (e.conversationId ? encodeGlobalID('Conversation', e.conversationId) : null),
    }),
    payload: t.field({
      type: 'JSONObject',
      description: 'Small facts about the change (a status, a channel); never message bodies or secrets.',
      resolve: (e) => e.payload,
    }),
    occurredAt: t.field({ description: 'When it happened.', type: 'DateTime', resolve: (e) => new Date(e.occurredAt) }),
  }),
});

builder.subscriptionField('tenantEvents', (t) =>
  t.field({
    type: TenantEvent,
    description:
      'Every event of your tenant (admins and partner backends), in log order. With `after`, first what you missed since that cursor, then live, with no gap and no repeat. A cursor older than the log keeps (EVENT_RETENTION_DAYS) is refused with CURSOR_EXPIRED. An admin’s user token receives only what the admin may read, checked at delivery: not the events of a conversation they may not read (with requireNumberAssignment, of a number they are not assigned to), nor other users’ notifications, read markers or archive and snooze; its cursors are the log’s, so skipped events leave holes in them.',
    authScopes: { tenantAdmin: true },
    args: { after: t.arg.string({ required: false, description: 'The `cursor` of the last event you processed.' }) },
    subscribe: (_root, { after }, ctx) => {
      const position = after == null ? null : decodeCursor(after);
      if (after != null && position === null) throw ValidationError.of('after', 'is not an event cursor');
      const actor = tenantActor(ctx);
      // An admin's user token gets only what the admin may read (checked at delivery); an API key, the whole log.
      if (actor.kind === 'user')
        return liveStream(ctx.services, actor, tenantScope(ctx).db, position, tenantEventUpdates);
      return tenantEventStream(
        { prisma: ctx.services.prisma, pubsub: ctx.services.events.pubsub },
        tenantScope(ctx).tenantId,
        position,
      );
    },
    resolve: (event) => event,
  }),
);
