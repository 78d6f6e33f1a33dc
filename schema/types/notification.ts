import type { RequestContext } from '../../api/context.ts';
import { NotificationKind } from '../../api/db/generated/prisma/enums.ts';
import { NotAuthorizedError, ValidationError } from '../../api/domain/errors.ts';
import {
  markNotificationsRead,
  type NotificationPreferenceView,
  notificationPreferences,
  unreadNotificationCount,
  updateNotificationPreferences,
} from '../../api/domain/notifications.ts';
import { batchLoader, requestLoader } from '../../api/inbox/batch.ts';
import { builder } from '../builder.ts';
import { describedValues } from '../described-values.ts';
import { tenantScope } from '../tenant-scope.ts';
import { Viewer } from './viewer.ts';

const NotificationKindEnum = builder.enumType('NotificationKind', {
  values: describedValues(Object.values(NotificationKind), {
    CANDIDATE_REPLIED: 'A candidate answered in a conversation you may read.',
    DELIVERY_FAILED: 'A message you sent could not be delivered.',
    OPTED_IN: 'A candidate agreed to messages (YES or START).',
    OPTED_OUT: 'A candidate texted STOP: the channel is locked for them.',
    CREDITS_LOW: "The tenant's credits fell below its low-credit threshold (admins).",
    ALLOWANCE_WARNING: 'A sending number used most of its monthly allowance.',
    ALLOWANCE_REACHED:
      'A sending number used all its monthly allowance: sends from it are refused until the month ends.',
    WEBHOOK_ENDPOINT_FAILING: 'A webhook endpoint keeps failing to accept deliveries (admins).',
  }),
  description:
    'What a notification is about. CANDIDATE_REPLIED: a candidate wrote in a conversation you took part in or were replied to in (the full text). OPTED_IN: a candidate answered your consent invitation. OPTED_OUT: a candidate you wrote to opted out (STOP or the carrier). ALLOWANCE_WARNING / ALLOWANCE_REACHED: a sending number of yours (or, unassigned, of your tenant, for admins) used 90 % / 100 % of its monthly allowance. CREDITS_LOW: the tenant’s credits fell below its alert threshold (admins). DELIVERY_FAILED: a message you wrote could not be delivered.',
});

const UNREADABLE = 'This is about a conversation you can no longer read.';

/** Whether the viewer may still read the conversation; one statement for all the notifications of a page. */
function readableConversation(ctx: RequestContext, conversationId: string): Promise<boolean> {
  const load = requestLoader(ctx, 'readableNotificationConversations', () =>
    batchLoader(async (ids) => {
      const readable = ctx.reader
        ? await ctx.reader.conversation.findMany({ where: { id: { in: ids } }, select: { id: true } })
        : [];
      return new Map(readable.map((c) => [c.id, true]));
    }),
  );
  return load(conversationId).then(Boolean);
}

export const Notification = builder.prismaNode('Notification', {
  id: { field: 'id' },
  nullable: true,
  description: 'Something you should know; yours only. See NotificationKind for who receives which.',
  fields: (t) => ({
    kind: t.field({ description: 'What happened.', type: NotificationKindEnum, resolve: (n) => n.kind }),
    text: t.string({
      description: `What to show: for CANDIDATE_REPLIED the candidate’s whole message, otherwise a sentence. "${UNREADABLE}" when the notification is about a conversation you may no longer read (off its hiring team).`,
      resolve: async (n, _args, ctx) =>
        !n.conversationId || (await readableConversation(ctx, n.conversationId)) ? n.text : UNREADABLE,
    }),
    payload: t.field({
      type: 'JSONObject',
      description: 'Small facts (ids, counts, a channel) for links and badges; never message bodies.',
      resolve: (n) => n.payload as Record<string, unknown>,
    }),
    conversation: t.prismaField({
      type: 'Conversation',
      nullable: true,
      description: 'The conversation it is about; null when there is none or you may no longer read it.',
      resolve: (query, n, _args, ctx) =>
        n.conversationId && ctx.reader
          ? ctx.reader.conversation.findFirst({ ...query, where: { id: n.conversationId } })
          : null,
    }),
    message: t.prismaField({
      type: 'Message',
      nullable: true,
      description:
        'The message it is about (the reply, the invitation answered, the failed message); null when none or unreadable.',
      resolve: (query, n, _args, ctx) =>
        n.messageId && ctx.reader ? ctx.reader.message.findFirst({ ...query, where: { id: n.messageId } }) : null,
    }),
    createdAt: t.expose('createdAt', { description: 'When it was created.', type: 'DateTime' }),
    readAt: t.expose('readAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When you marked it read; null while unread.',
    }),
  }),
});

builder.objectField(Viewer, 'notifications', (t) =>
  t.prismaConnection({
    type: 'Notification',
    cursor: 'id',
    description: 'Your notifications, newest first (users only; empty for API keys).',
    args: { unreadOnly: t.arg.boolean({ defaultValue: false, description: 'Only those not marked read yet.' }) },
    resolve: (query, actor, { unreadOnly }, ctx) =>
      actor.kind === 'user' && ctx.scope
        ? ctx.scope.db.notification.findMany({
            ...query,
            where: { userId: actor.userId, ...(unreadOnly ? { readAt: null } : {}) },
            orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          })
        : [],
  }),
);

builder.objectField(Viewer, 'unreadNotificationCount', (t) =>
  t.int({
    description: 'How many of your notifications are unread: the number on the bell (0 for API keys).',
    resolve: (actor, _args, ctx) =>
      actor.kind === 'user' && ctx.scope ? unreadNotificationCount(ctx.scope, actor.userId) : 0,
  }),
);

const NotificationPreference = builder.objectRef<NotificationPreferenceView>('NotificationPreference').implement({
  description: 'Whether you receive one kind of notification.',
  fields: (t) => ({
    kind: t.field({
      description: 'The kind of notification this preference is for.',
      type: NotificationKindEnum,
      resolve: (p) => p.kind,
    }),
    enabled: t.exposeBoolean('enabled', {
      description: 'True: you receive this kind (the default). False: it is not stored for you.',
    }),
  }),
});

builder.objectField(Viewer, 'notificationPreferences', (t) =>
  t.field({
    type: [NotificationPreference],
    description: 'Every notification kind and whether you receive it (users only; empty for API keys).',
    resolve: (actor, _args, ctx) =>
      actor.kind === 'user' && ctx.scope ? notificationPreferences(ctx.scope, actor.userId) : [],
  }),
);

const NotificationPreferenceInput = builder.inputType('NotificationPreferenceInput', {
  description: 'Turns one kind of notification on or off for you.',
  fields: (t) => ({
    kind: t.field({ description: 'The kind of notification to set.', type: NotificationKindEnum, required: true }),
    enabled: t.boolean({ required: true, description: 'False: stop receiving this kind; true: receive it again.' }),
  }),
});

builder.mutationField('updateNotificationPreferences', (t) =>
  t.field({
    type: [NotificationPreference],
    description:
      'Turns kinds of notification on or off for you (users only); kinds not named keep their setting. Returns every kind. Each kind at most once.',
    authScopes: { tenantMember: true },
    args: {
      input: t.arg({
        description: 'One preference per kind to change; kinds left out keep theirs.',
        type: [NotificationPreferenceInput],
        required: true,
      }),
    },
    errors: {
      types: [ValidationError, NotAuthorizedError],
      directResult: false,
      dataField: { description: 'Your preferences after the change, one per notification kind.' },
    },
    resolve: (_root, { input }, ctx) => {
      if (ctx.actor.kind !== 'user') {
        throw new NotAuthorizedError('Notification preferences belong to users: use a user token.');
      }
      return updateNotificationPreferences(tenantScope(ctx), ctx.actor.userId, input);
    },
  }),
);

builder.mutationField('markNotificationsRead', (t) =>
  t.int({
    description:
      'Marks your notifications read (those named, or all); returns how many changed. Ids that are not your unread notifications change nothing.',
    authScopes: { tenantMember: true },
    args: {
      ids: t.arg.globalIDList({
        description: 'The notifications to mark; omitted: all of yours.',
        required: false,
        for: Notification,
      }),
    },
    errors: {
      types: [ValidationError],
      directResult: false,
      dataField: { description: 'How many notifications changed from unread to read.' },
    },
    resolve: (_root, { ids }, ctx) =>
      ctx.actor.kind === 'user'
        ? markNotificationsRead(tenantScope(ctx), ctx.actor.userId, ids ? ids.map((i) => i.id) : null)
        : 0,
  }),
);
