import { encodeGlobalID } from '@pothos/plugin-relay';
import type { RequestContext } from '../../api/context.ts';
import { readableBy } from '../../api/domain/conversations.ts';
import { NotFoundError } from '../../api/domain/errors.ts';
import { type ConversationUpdateItem, conversationUpdates } from '../../api/live/conversation-updates.ts';
import { eventRows } from '../../api/live/event-rows.ts';
import { type InboxUpdateItem, inboxUpdates } from '../../api/live/inbox-updates.ts';
import { type Delivered, liveStream, startPosition } from '../../api/live/live-stream.ts';
import { type NotificationUpdateItem, notificationUpdates } from '../../api/live/notification-updates.ts';
import { builder } from '../builder.ts';
import { tenantActor, tenantScope } from '../tenant-scope.ts';
import { Conversation } from './conversation.ts';
import { TenantEventType } from './tenant-events.ts';

const afterDescription =
  'The `cursor` of the last update you processed: what you missed since is replayed from the event log first. A cursor older than the log keeps is refused with CURSOR_EXPIRED.';

function reader(ctx: RequestContext) {
  if (!ctx.reader) throw new Error('live updates need a tenant reader');
  return ctx.reader;
}

function stream<T extends object>(
  ctx: RequestContext,
  after: string | null | undefined,
  select: Parameters<typeof liveStream<T>>[4],
) {
  return liveStream(ctx.services, tenantActor(ctx), tenantScope(ctx).db, startPosition(after), select);
}

/**
 * The conversation of an update, read once per event for every subscriber of
 * the tenant the update reached: its selector let the update through only
 * after this subscriber's access check for the conversation.
 */
function sharedConversation(
  ctx: RequestContext,
  u: { conversationId: string; event: { position: string } },
  query: Record<string, unknown>,
) {
  return eventRows(ctx.services.prisma).conversation(
    tenantScope(ctx).db,
    tenantActor(ctx).tenantId,
    u.event.position,
    u.conversationId,
    query,
  );
}

const cursorField = {
  description: 'Pass it as `after` to resume right after this update.',
};

const ConversationUpdate = builder.objectRef<Delivered<ConversationUpdateItem>>('ConversationUpdate').implement({
  description:
    'A change to a conversation you are watching, with the conversation as you may read it now (its messages, locks, numbers).',
  fields: (t) => ({
    cursor: t.string({ ...cursorField, resolve: (u) => u.cursor }),
    type: t.field({
      type: TenantEventType,
      description:
        'What happened: MESSAGE_CREATED, MESSAGE_STATUS_CHANGED, CONSENT_CHANGED (locks), CONVERSATION_READ, …',
      resolve: (u) => u.event.type,
    }),
    occurredAt: t.field({
      type: 'DateTime',
      description: 'When the change happened.',
      resolve: (u) => new Date(u.event.occurredAt),
    }),
    conversation: t.prismaField({
      type: 'Conversation',
      nullable: true,
      description: 'The conversation now; null if you lost access between the event and its delivery.',
      resolve: (query, u, _args, ctx) => sharedConversation(ctx, u, query),
    }),
    message: t.prismaField({
      type: 'Message',
      nullable: true,
      description: 'The new or changed message (MESSAGE_CREATED, MESSAGE_STATUS_CHANGED); null for other updates.',
      resolve: (query, u, _args, ctx) => {
        // Read even for an update without a message (a STOP): Pothos's unused-query check fails it otherwise.
        const selection = { ...query };
        return u.messageId
          ? eventRows(ctx.services.prisma).message(
              tenantScope(ctx).db,
              tenantActor(ctx).tenantId,
              u.event.position,
              { id: u.messageId, conversationId: u.conversationId },
              selection,
            )
          : null;
      },
    }),
  }),
});

builder.subscriptionField('conversationUpdated', (t) =>
  t.field({
    type: ConversationUpdate,
    description:
      'Live changes to one conversation: new messages, status changes, consent and lock changes of its candidate (a STOP), and your read marker. Each is checked against what you may read when it is delivered: removed from the hiring team, you receive nothing more. A conversation you may not read is NOT_FOUND, as a missing one is.',
    authScopes: { tenantMember: true },
    args: {
      id: t.arg.globalID({ required: true, for: Conversation, description: 'The conversation to watch.' }),
      after: t.arg.string({ required: false, description: afterDescription }),
    },
    subscribe: async (_root, { id, after }, ctx) => {
      const from = startPosition(after);
      const readable = await tenantScope(ctx).db.conversation.findFirst({
        where: { id: id.id, ...readableBy(tenantActor(ctx)) },
        select: { candidateId: true },
      });
      if (!readable) throw new NotFoundError('Conversation', encodeGlobalID('Conversation', id.id));
      return liveStream(
        ctx.services,
        tenantActor(ctx),
        tenantScope(ctx).db,
        from,
        conversationUpdates(id.id, readable.candidateId),
      );
    },
    resolve: (update) => update,
  }),
);

const InboxUpdate = builder.objectRef<Delivered<InboxUpdateItem>>('InboxUpdate').implement({
  description: 'An inbox row that changed: replace the row of `conversation.id` with this one and re-sort.',
  fields: (t) => ({
    cursor: t.string({ ...cursorField, resolve: (u) => u.cursor }),
    type: t.field({ type: TenantEventType, description: 'What changed the row.', resolve: (u) => u.event.type }),
    occurredAt: t.field({
      type: 'DateTime',
      description: 'When the change happened.',
      resolve: (u) => new Date(u.event.occurredAt),
    }),
    conversationId: t.id({
      description: 'The global id of the conversation whose row changed.',
      resolve: (u) => encodeGlobalID('Conversation', u.conversationId),
    }),
    conversation: t.prismaField({
      type: 'Conversation',
      nullable: true,
      description: 'The row as you may read it now; null if you lost access between the event and its delivery.',
      resolve: (query, u, _args, ctx) => sharedConversation(ctx, u, query),
    }),
  }),
});

builder.subscriptionField('inboxUpdated', (t) =>
  t.field({
    type: InboxUpdate,
    description:
      'Your inbox rows as they change (users only): new messages and status changes in conversations you may read, consent changes of their candidates, your read markers (on the number-assignment model, those of your numbers) and your archive/snooze. Checked against what you may read when delivered.',
    authScopes: (_root, _args, ctx) => ctx.actor.kind === 'user',
    args: { after: t.arg.string({ required: false, description: afterDescription }) },
    subscribe: (_root, { after }, ctx) => stream(ctx, after, inboxUpdates),
    resolve: (update) => update,
  }),
);

const NotificationUpdate = builder.objectRef<Delivered<NotificationUpdateItem>>('NotificationUpdate').implement({
  description:
    'Your bell changed: a new notification (`notification` set), or notifications marked read, here or in another tab (`notification` null). `unreadCount` is the count to show.',
  fields: (t) => ({
    cursor: t.string({ ...cursorField, resolve: (u) => u.cursor }),
    type: t.field({
      type: TenantEventType,
      description: 'NOTIFICATION_CREATED or NOTIFICATIONS_READ.',
      resolve: (u) => u.event.type,
    }),
    notification: t.prismaField({
      type: 'Notification',
      nullable: true,
      description: 'The new notification; null when notifications were marked read.',
      resolve: (query, u, _args, ctx) =>
        u.notificationId ? reader(ctx).notification.findFirst({ ...query, where: { id: u.notificationId } }) : null,
    }),
    unreadCount: t.int({
      description: 'Your unread notifications now.',
      resolve: (u, _args, ctx) => reader(ctx).notification.count({ where: { userId: u.userId, readAt: null } }),
    }),
  }),
});

builder.subscriptionField('notificationReceived', (t) =>
  t.field({
    type: NotificationUpdate,
    description:
      'Your notifications as they are created, and your unread count whenever it changes (users only), so every open bell stays in step.',
    authScopes: (_root, _args, ctx) => ctx.actor.kind === 'user',
    args: { after: t.arg.string({ required: false, description: afterDescription }) },
    subscribe: (_root, { after }, ctx) => stream(ctx, after, notificationUpdates),
    resolve: (update) => update,
  }),
);
