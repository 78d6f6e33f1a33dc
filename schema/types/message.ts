import {
  AttachmentsNotSupportedError,
  ChannelUnavailableError,
  ConversationLockedError,
  IdempotencyKeyReusedError,
  MessageTooLongError,
  NoSendingNumberError,
  SendNotAllowedError,
} from '../../api/domain/errors.ts';
import { sendConsentInvite } from '../../api/messaging/sending/consent-invite.ts';
import { sendMessage } from '../../api/messaging/sending/send-message.ts';
import { builder } from '../builder.ts';
import { tenantActor, tenantScope } from '../tenant-scope.ts';
import { Conversation } from './conversation.ts';
import { ChannelEnum } from './tenant.ts';

const DirectionEnum = builder.enumType('Direction', { values: ['OUTBOUND', 'INBOUND'] as const });
const MessageStatusEnum = builder.enumType('MessageStatus', {
  values: ['QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'UNDELIVERED', 'FAILED', 'RECEIVED'] as const,
});
const MessageKindEnum = builder.enumType('MessageKind', { values: ['CHAT', 'CONSENT_INVITE', 'HELP_REPLY'] as const });

const alertCodes = new Set(['INVALID_RECIPIENT', 'UNREACHABLE', 'LANDLINE']);

const MessageAlert = builder.objectRef<{ code: string; message: string }>('MessageAlert').implement({
  description: "Something the recruiter should act on, e.g. the candidate's number is invalid.",
  fields: (t) => ({ code: t.exposeString('code'), message: t.exposeString('message') }),
});

export const Message = builder.prismaNode('Message', {
  id: { field: 'id' },
  nullable: true,
  description: 'A message in a conversation. Readable by those who may read its conversation, and by its author.',
  fields: (t) => ({
    direction: t.expose('direction', { type: DirectionEnum }),
    channel: t.expose('channel', { type: ChannelEnum }),
    kind: t.expose('kind', { type: MessageKindEnum }),
    body: t.exposeString('body'),
    status: t.expose('status', { type: MessageStatusEnum }),
    author: t.relation('author', { nullable: true, description: 'The recruiter who wrote it (outbound chat only).' }),
    senderName: t.string({
      description:
        'Who the team sees as the sender: the recruiter, the company for automatic messages, or the candidate.',
      select: {
        author: { select: { name: true } },
        conversation: { select: { candidate: { select: { name: true } }, tenant: { select: { name: true } } } },
      },
      resolve: (m) =>
        m.direction === 'INBOUND' ? m.conversation.candidate.name : (m.author?.name ?? m.conversation.tenant.name),
    }),
    segments: t.exposeInt('segments'),
    encoding: t.exposeString('encoding'),
    errorCode: t.exposeString('errorCode', { nullable: true }),
    errorMessage: t.exposeString('errorMessage', { nullable: true }),
    alert: t.field({
      type: MessageAlert,
      nullable: true,
      resolve: (m) =>
        m.errorCode && alertCodes.has(m.errorCode)
          ? { code: m.errorCode, message: `Check the candidate's phone number: ${m.errorMessage ?? m.errorCode}` }
          : null,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    sentAt: t.expose('sentAt', { type: 'DateTime', nullable: true }),
    deliveredAt: t.expose('deliveredAt', { type: 'DateTime', nullable: true }),
    failedAt: t.expose('failedAt', { type: 'DateTime', nullable: true }),
  }),
});

const SendMessageInput = builder.inputType('SendMessageInput', {
  fields: (t) => ({
    conversationId: t.globalID({ required: true, for: Conversation }),
    channel: t.field({ type: ChannelEnum, required: true, description: 'A message goes out on exactly this channel.' }),
    body: t.string({ required: true }),
    idempotencyKey: t.string({
      required: true,
      description: 'Unique per message; a retry with the same key returns the first result.',
    }),
    attachments: t.stringList({ required: false, description: 'Attachment URLs; refused on SMS.' }),
  }),
});

const sendErrors = [
  ConversationLockedError,
  SendNotAllowedError,
  MessageTooLongError,
  AttachmentsNotSupportedError,
  IdempotencyKeyReusedError,
  NoSendingNumberError,
  ChannelUnavailableError,
];

builder.mutationField('sendMessage', (t) =>
  t.prismaField({
    type: 'Message',
    description: 'Queues a message to the candidate; delivery status follows in Message.status and live events.',
    authScopes: { tenantMember: true },
    args: { input: t.arg({ type: SendMessageInput, required: true }) },
    errors: { types: sendErrors },
    resolve: async (query, _root, { input }, ctx) => {
      const { messageId } = await sendMessage(tenantScope(ctx), ctx.services, tenantActor(ctx), {
        ...input,
        conversationId: input.conversationId.id,
        attachments: input.attachments ?? [],
      });
      return tenantScope(ctx).db.message.findUniqueOrThrow({ ...query, where: { id: messageId } });
    },
  }),
);

builder.mutationField('sendConsentInvite', (t) =>
  t.prismaField({
    type: 'Message',
    description:
      'Texts the consent invitation to a candidate who consented at application; may be re-sent until they answer.',
    authScopes: { tenantMember: true },
    args: { conversationId: t.arg.globalID({ required: true, for: Conversation }) },
    errors: { types: sendErrors },
    resolve: async (query, _root, { conversationId }, ctx) => {
      const { messageId } = await sendConsentInvite(
        tenantScope(ctx),
        ctx.services,
        tenantActor(ctx),
        conversationId.id,
      );
      return tenantScope(ctx).db.message.findUniqueOrThrow({ ...query, where: { id: messageId } });
    },
  }),
);
