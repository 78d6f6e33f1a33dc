import { queryFromInfo } from '@pothos/plugin-prisma';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { RequestContext } from '../../api/context.ts';
import { NotFoundError, ValidationError } from '../../api/domain/errors.ts';
import { pageSizes } from '../../api/http/page-sizes.ts';
import { batchLoader, executionOwner, requestLoader } from '../../api/inbox/batch.ts';
import {
  decodeInboxCursor,
  encodeInboxCursor,
  type InboxFilter as InboxFilterValue,
  inboxPage,
  MAX_SEARCH_LENGTH,
} from '../../api/inbox/inbox-page.ts';
import { changeInboxState, type InboxStateChange } from '../../api/inbox/inbox-state.ts';
import { markConversationRead } from '../../api/inbox/mark-read.ts';
import { type InboxReader, loadInboxReader } from '../../api/inbox/reader.ts';
import { type InboxRowFacts, inboxRowFacts, UNREAD_COUNT_CAP } from '../../api/inbox/row-facts.ts';
import { deliveredEventPosition } from '../../api/live/delivered-event.ts';
import { eventRows } from '../../api/live/event-rows.ts';
import { builder } from '../builder.ts';
import { tenantActor, tenantScope } from '../tenant-scope.ts';
import { Job } from './application.ts';
import { Conversation } from './conversation.ts';
import { SendingNumber } from './sending-number.ts';
import { MessageChannelEnum } from './tenant.ts';

function inboxReader(ctx: RequestContext, rootValue?: unknown): Promise<InboxReader> {
  return requestLoader(executionOwner(ctx, rootValue), 'inboxReader', () =>
    loadInboxReader(tenantScope(ctx), tenantActor(ctx)),
  );
}

function rowFacts(ctx: RequestContext, conversationId: string, rootValue: unknown): Promise<InboxRowFacts> {
  const load = requestLoader(executionOwner(ctx, rootValue), 'inboxRowFacts', () =>
    batchLoader(async (ids) => inboxRowFacts(tenantScope(ctx), await inboxReader(ctx, rootValue), ids)),
  );
  return load(conversationId).then((facts) => {
    if (!facts) throw new NotFoundError('Conversation', conversationId);
    return facts;
  });
}

builder.prismaObjectFields(Conversation, (t) => ({
  lastMessage: t.prismaField({
    type: 'Message',
    nullable: true,
    description: 'The newest message, in any channel (the inbox row shows it).',
    resolve: async (query, conversation, _args, ctx, info) => {
      const position = deliveredEventPosition(info.rootValue, conversation.id);
      if (position !== null) {
        // A live update: the newest message is the same for every subscriber the event reached, read once.
        return eventRows(ctx.services.prisma).lastMessage(
          tenantScope(ctx).db,
          tenantActor(ctx).tenantId,
          position,
          conversation.id,
          query,
        );
      }
      const { lastMessageId } = await rowFacts(ctx, conversation.id, info.rootValue);
      if (!lastMessageId) return null;
      // Loaded with the tenant's client: whoever reads the conversation reads its messages (checked once, above).
      const load = requestLoader(executionOwner(ctx, info.rootValue), `lastMessage:${JSON.stringify(query)}`, () =>
        batchLoader(async (ids) => {
          const rows = await tenantScope(ctx).db.message.findMany({ ...query, where: { id: { in: ids } } });
          return new Map(rows.map((m) => [m.id, m]));
        }),
      );
      return (await load(lastMessageId)) ?? null;
    },
  }),
  unreadCount: t.int({
    description: `Messages from the candidate after your read marker (markConversationRead), counted up to ${UNREAD_COUNT_CAP} (${UNREAD_COUNT_CAP} means that many or more). On the number-assignment model the marker is shared by the assignees of the conversation's number.`,
    resolve: async (c, _args, ctx, info) => (await rowFacts(ctx, c.id, info.rootValue)).unreadCount,
  }),
  readUpTo: t.id({
    nullable: true,
    description: 'The global id of the newest message marked read (yours, or your number’s); null: none yet.',
    resolve: async (c, _args, ctx, info) => {
      const id = (await rowFacts(ctx, c.id, info.rootValue)).readUpToMessageId;
      return id ? encodeGlobalID('Message', id) : null;
    },
  }),
  archived: t.boolean({
    description:
      'You archived it and the candidate has not written since (a reply brings it back to the inbox). Per user.',
    resolve: async (c, _args, ctx, info) => (await rowFacts(ctx, c.id, info.rootValue)).archived,
  }),
  snoozedUntil: t.field({
    type: 'DateTime',
    nullable: true,
    description:
      'While you have it snoozed: when it comes back. It also comes back as soon as the candidate writes. Per user; null when not snoozed.',
    resolve: async (c, _args, ctx, info) => (await rowFacts(ctx, c.id, info.rootValue)).snoozedUntil,
  }),
}));

const InboxViewEnum = builder.enumType('InboxView', {
  description: 'Which of your conversations the inbox lists, by your own archive and snooze.',
  values: {
    ACTIVE: { description: 'Neither archived nor snoozed (the default).' },
    ARCHIVED: { description: 'Archived by you, with no reply from the candidate since.' },
    SNOOZED: { description: 'Snoozed by you until a later time, with no reply from the candidate since.' },
    ALL: { description: 'Everything, archived and snoozed included.' },
  } as const,
});

const InboxFilter = builder.inputType('InboxFilter', {
  description: 'Narrows the inbox; every filter given must hold.',
  fields: (t) => ({
    unread: t.boolean({ description: 'Only conversations with a message from the candidate you have not read.' }),
    channel: t.field({
      type: MessageChannelEnum,
      description:
        'Only conversations that keep a number on this channel (SMS, WHATSAPP), or, for EMAIL, that have a recorded email.',
    }),
    jobId: t.globalID({ for: Job, description: 'Only conversations about applications to this job.' }),
    sendingNumberId: t.globalID({
      for: SendingNumber,
      description: 'Only conversations that keep this sending number (on any channel).',
    }),
    mine: t.boolean({ description: 'Only conversations you took part in (you wrote a message there).' }),
    search: t.string({
      description: `Only candidates whose name contains this text (any case; at most ${MAX_SEARCH_LENGTH} characters).`,
    }),
    view: t.field({ type: InboxViewEnum, description: 'Archived and snoozed ones are hidden unless asked for.' }),
  }),
});

builder.queryField('inbox', (t) =>
  t.connection({
    type: Conversation,
    description:
      'Every conversation you may read (hiring and community teams, number assignment, admin rules; a partner backend: all of the tenant), newest activity first, with its last message and your unread count. A conversation appears once it has a message. Page forward with `first` and `after`; a cursor stays valid while new messages arrive (a conversation that gets a new message moves to the top of the first page).',
    authScopes: { tenantMember: true },
    args: {
      filter: t.arg({ type: InboxFilter, required: false, description: 'Narrows the list; none: your active inbox.' }),
    },
    resolve: async (_root, args, ctx, info) => {
      if (args.last != null || args.before != null)
        throw ValidationError.of('last', 'the inbox pages forward only: use first and after');
      const first = Math.min(args.first ?? pageSizes.default, pageSizes.max);
      if (first < 1) throw ValidationError.of('first', 'must be at least 1');
      const scope = tenantScope(ctx);
      const f = args.filter ?? {};
      const filter: InboxFilterValue = {
        unread: f.unread,
        channel: f.channel,
        jobId: f.jobId?.id,
        sendingNumberId: f.sendingNumberId?.id,
        mine: f.mine,
        search: f.search,
        view: f.view,
      };
      const after = args.after ? decodeInboxCursor(args.after) : null;
      const page = await inboxPage(scope, await inboxReader(ctx), { first, after, filter });
      const ids = page.rows.map((r) => r.id);
      const query = queryFromInfo({ context: ctx, info, path: ['edges', 'node'] });
      // Rights were checked by the page's statement; the rows' relations are joined for these ids only.
      const found = ids.length ? await scope.db.conversation.findMany({ ...query, where: { id: { in: ids } } }) : [];
      const byId = new Map(found.map((c) => [c.id, c]));
      const edges = page.rows.flatMap((r) => {
        const node = byId.get(r.id);
        return node ? [{ cursor: encodeInboxCursor(r), node }] : [];
      });
      return {
        edges,
        pageInfo: {
          hasNextPage: page.hasNextPage,
          hasPreviousPage: after !== null,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
      };
    },
  }),
);

async function changeState(ctx: RequestContext, conversationId: string, change: InboxStateChange) {
  await changeInboxState(tenantScope(ctx), await inboxReader(ctx), conversationId, change);
}

for (const [name, description, change] of [
  [
    'archiveConversation',
    'Archives the conversation in your own inbox (others keep theirs); it comes back when the candidate writes again.',
    { kind: 'archive' },
  ],
  ['unarchiveConversation', 'Puts an archived conversation back in your inbox.', { kind: 'unarchive' }],
  ['unsnoozeConversation', 'Ends your snooze of the conversation now.', { kind: 'unsnooze' }],
] as const) {
  builder.mutationField(name, (t) =>
    t.prismaField({
      type: 'Conversation',
      description,
      authScopes: { tenantMember: true },
      args: {
        conversationId: t.arg.globalID({
          required: true,
          for: Conversation,
          description: 'The conversation, one you may read; the change applies to your inbox only.',
        }),
      },
      errors: { types: [ValidationError, NotFoundError] },
      resolve: async (query, _root, { conversationId }, ctx) => {
        await changeState(ctx, conversationId.id, change);
        return tenantScope(ctx).db.conversation.findUniqueOrThrow({ ...query, where: { id: conversationId.id } });
      },
    }),
  );
}

builder.mutationField('snoozeConversation', (t) =>
  t.prismaField({
    type: 'Conversation',
    description:
      'Hides the conversation from your own inbox until `until` (in the future, at most a year ahead), or until the candidate writes, whichever comes first.',
    authScopes: { tenantMember: true },
    args: {
      conversationId: t.arg.globalID({
        required: true,
        for: Conversation,
        description: 'A conversation you may read.',
      }),
      until: t.arg({ type: 'DateTime', required: true, description: 'When it comes back to the inbox.' }),
    },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: async (query, _root, { conversationId, until }, ctx) => {
      await changeState(ctx, conversationId.id, { kind: 'snooze', until });
      return tenantScope(ctx).db.conversation.findUniqueOrThrow({ ...query, where: { id: conversationId.id } });
    },
  }),
);

builder.mutationField('markConversationRead', (t) =>
  t.prismaField({
    type: 'Conversation',
    description:
      'Marks the conversation read up to a message of it (usually the newest you showed). The marker only moves forward: an older message changes nothing. Yours, or on the number-assignment model shared by the assignees of the conversation’s number.',
    authScopes: { tenantMember: true },
    args: {
      conversationId: t.arg.globalID({
        required: true,
        for: Conversation,
        description: 'A conversation you may read.',
      }),
      // Typed here, not with `for:`: a wrong id that equals conversationId must be reported as `upTo`.
      upTo: t.arg.globalID({ required: true, description: 'A message of this conversation.' }),
    },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: async (query, _root, { conversationId, upTo }, ctx) => {
      if (upTo.typename !== 'Message') throw ValidationError.of('upTo', 'is not the id of a Message');
      await markConversationRead(tenantScope(ctx), await inboxReader(ctx), conversationId.id, upTo.id);
      return tenantScope(ctx).db.conversation.findUniqueOrThrow({ ...query, where: { id: conversationId.id } });
    },
  }),
);
