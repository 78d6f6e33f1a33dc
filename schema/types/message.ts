import {
  AllowanceExhaustedError,
  AttachmentsNotSupportedError,
  ChannelUnavailableError,
  ConsentInvitationNotAvailableError,
  ConversationLockedError,
  IdempotencyKeyReusedError,
  InsufficientCreditsError,
  MessageKindNotAllowedError,
  MessageTooLongError,
  NoSendingNumberError,
  QuietHoursError,
  SendNotAllowedError,
  SessionWindowClosedError,
} from '../../api/domain/errors.ts';
import { sendConsentInvite } from '../../api/messaging/sending/consent-invite.ts';
import { sendMessage } from '../../api/messaging/sending/send-message.ts';
import { builder } from '../builder.ts';
import { describedValues } from '../described-values.ts';
import { tenantActor, tenantScope } from '../tenant-scope.ts';
import { Conversation } from './conversation.ts';
import { MessageKindEnum } from './message-kinds.ts';
import { SendTemplateInput, templateArg } from './message-template.ts';
import { ApprovedTemplateRef } from './session-window.ts';
import { ChannelEnum, MessageChannelEnum } from './tenant.ts';

export const DirectionEnum = builder.enumType('Direction', {
  description: 'Whether a message went to the candidate or came from them.',
  values: describedValues(['OUTBOUND', 'INBOUND'], {
    OUTBOUND: 'Sent to the candidate (by a user, the API key, a workflow or Parley itself).',
    INBOUND: 'Received from the candidate.',
  }),
});
export const MessageStatusEnum = builder.enumType('MessageStatus', {
  description:
    'Where a message is. Outbound: QUEUED, SENDING, SENT, DELIVERED, then READ when the candidate opened it (WhatsApp read receipts), or UNDELIVERED / FAILED; inbound: RECEIVED. A status never goes back. SCHEDULED: waiting for its send time (sendAt, or the end of quiet hours), then QUEUED onwards, or FAILED with the reason when the send policy refuses it when due; CANCELLED: a scheduled message cancelled before it went out. RECORDED: an email the ATS recorded (recordEmail), in either direction; it never changes.',
  values: describedValues(
    [
      'SCHEDULED',
      'QUEUED',
      'SENDING',
      'SENT',
      'DELIVERED',
      'READ',
      'UNDELIVERED',
      'FAILED',
      'RECEIVED',
      'RECORDED',
      'CANCELLED',
    ],
    {
      SCHEDULED: 'Waiting for its send time (sendAt, or the end of quiet hours).',
      QUEUED: 'Accepted, waiting for a worker to hand it to the provider.',
      SENDING: 'Being handed to the provider now.',
      SENT: 'The provider accepted it; delivery not confirmed yet.',
      DELIVERED: 'The carrier confirmed delivery to the handset.',
      READ: 'The candidate opened it (WhatsApp read receipts).',
      UNDELIVERED: 'The carrier could not deliver it; `errorCode` says why.',
      FAILED: 'It could not be sent (provider refusal, or the send policy when due); `errorCode` says why.',
      RECEIVED: 'An inbound message from the candidate.',
      RECORDED: 'An email the ATS recorded; it never changes.',
      CANCELLED: 'A scheduled message cancelled before it went out.',
    },
  ),
});

const alertCodes = new Set(['INVALID_RECIPIENT', 'UNREACHABLE', 'LANDLINE']);

const MessageAlert = builder.objectRef<{ code: string; message: string }>('MessageAlert').implement({
  description: "Something the recruiter should act on, e.g. the candidate's number is invalid.",
  fields: (t) => ({
    code: t.exposeString('code', {
      description: 'The provider’s failure code behind it: INVALID_RECIPIENT, UNREACHABLE or LANDLINE.',
    }),
    message: t.exposeString('message', { description: 'The warning in a sentence to show.' }),
  }),
});

export const Message = builder.prismaNode('Message', {
  id: { field: 'id' },
  nullable: true,
  description: 'A message in a conversation. Readable by those who may read its conversation, and by its author.',
  fields: (t) => ({
    direction: t.expose('direction', { description: 'To the candidate or from them.', type: DirectionEnum }),
    channel: t.expose('channel', { description: 'The channel it went on.', type: MessageChannelEnum }),
    subject: t.exposeString('subject', {
      nullable: true,
      description: "A recorded email's subject line; null for SMS and WhatsApp messages.",
    }),
    kind: t.expose('kind', { description: 'What the message is for (chat by default).', type: MessageKindEnum }),
    customKind: t.exposeString('customKind', {
      nullable: true,
      description: "The tenant's own kind, when kind is CUSTOM.",
    }),
    body: t.exposeString('body', { description: 'The text sent or received.' }),
    template: t.field({
      type: ApprovedTemplateRef,
      nullable: true,
      description: 'The approved template it was sent as (outside a session window); null: free text.',
      resolve: (m) => m.template as { name: string; language: string; parameters: string[] } | null,
    }),
    status: t.expose('status', { description: 'Where the message is now.', type: MessageStatusEnum }),
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
    segments: t.exposeInt('segments', {
      description: 'SMS segments it uses (each billed as one message by the carrier).',
    }),
    encoding: t.exposeString('encoding', {
      description:
        'How the text was encoded: GSM-7 or UCS-2 on SMS (which sets its segments), UTF-8 on other channels.',
    }),
    errorCode: t.exposeString('errorCode', {
      description: "Why it failed or was undelivered: the provider's code, or POLICY_REFUSED:<reason>; null otherwise.",
      nullable: true,
    }),
    errorMessage: t.exposeString('errorMessage', {
      description: 'The failure in words; null when it did not fail.',
      nullable: true,
    }),
    alert: t.field({
      description:
        "A failure that points at the candidate's phone number (invalid, unreachable, a landline), for the recruiter to check; null otherwise.",
      type: MessageAlert,
      nullable: true,
      resolve: (m) =>
        m.errorCode && alertCodes.has(m.errorCode)
          ? { code: m.errorCode, message: `Check the candidate's phone number: ${m.errorMessage ?? m.errorCode}` }
          : null,
    }),
    createdAt: t.expose('createdAt', {
      description: 'When it was sent, scheduled, received or recorded.',
      type: 'DateTime',
    }),
    sentAt: t.expose('sentAt', {
      description: 'When the provider accepted it; null until then.',
      type: 'DateTime',
      nullable: true,
    }),
    deliveredAt: t.expose('deliveredAt', {
      description: 'When the carrier confirmed delivery; null until then.',
      type: 'DateTime',
      nullable: true,
    }),
    readAt: t.expose('readAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the candidate opened it, for channels with read receipts (WhatsApp).',
    }),
    failedAt: t.expose('failedAt', {
      description: 'When it failed; null otherwise.',
      type: 'DateTime',
      nullable: true,
    }),
    scheduledFor: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'While SCHEDULED: when it is due to go out.',
      select: { outbox: { select: { nextAttemptAt: true } } },
      resolve: (m) => (m.status === 'SCHEDULED' ? (m.outbox?.nextAttemptAt ?? null) : null),
    }),
  }),
});

const SendMessageInput = builder.inputType('SendMessageInput', {
  description: 'A message to send in a conversation, now or at sendAt.',
  fields: (t) => ({
    conversationId: t.globalID({ description: 'The conversation to send in.', required: true, for: Conversation }),
    channel: t.field({ type: ChannelEnum, required: true, description: 'A message goes out on exactly this channel.' }),
    body: t.string({ required: false, description: 'The text; or `template` instead (exactly one of them).' }),
    template: t.field({
      type: SendTemplateInput,
      required: false,
      description:
        'Send one of your templates, rendered for this conversation, instead of `body`; its kind applies unless `kind` is given. A missing value is a ValidationError naming the fields.',
    }),
    idempotencyKey: t.string({
      required: true,
      description: 'Unique per message; a retry with the same key returns the first result.',
    }),
    attachments: t.stringList({ required: false, description: 'Attachment URLs; refused on SMS.' }),
    kind: t.field({
      type: MessageKindEnum,
      required: false,
      description: 'What the message is for (default CHAT); the tenant may forbid a kind on a channel.',
    }),
    customKind: t.string({
      required: false,
      description: "With kind CUSTOM: the key of one of the tenant's own kinds.",
    }),
    sendAt: t.field({
      type: 'DateTime',
      required: false,
      description:
        'Send it at this time (at least a minute, at most 30 days ahead): the message is SCHEDULED until then, and the whole send policy is asked again when it is due.',
    }),
    holdUntilAllowed: t.boolean({
      required: false,
      description:
        "Inside the candidate's quiet hours (now, or at sendAt), schedule it for their end instead of refusing it with QuietHoursError.",
    }),
  }),
});

export const sendErrors = [
  MessageKindNotAllowedError,
  ConversationLockedError,
  SessionWindowClosedError,
  SendNotAllowedError,
  MessageTooLongError,
  AttachmentsNotSupportedError,
  IdempotencyKeyReusedError,
  NoSendingNumberError,
  ChannelUnavailableError,
  InsufficientCreditsError,
  QuietHoursError,
  AllowanceExhaustedError,
];

builder.mutationField('sendMessage', (t) =>
  t.prismaField({
    type: 'Message',
    description: 'Queues a message to the candidate; delivery status follows in Message.status and live events.',
    authScopes: { tenantMember: true },
    args: { input: t.arg({ description: 'The message to send.', type: SendMessageInput, required: true }) },
    errors: { types: sendErrors },
    resolve: async (query, _root, { input }, ctx) => {
      const { messageId, message } = await sendMessage(tenantScope(ctx), ctx.services, tenantActor(ctx), {
        ...input,
        conversationId: input.conversationId.id,
        attachments: input.attachments ?? [],
        template: input.template && templateArg(input.template),
      });
      // A selection of the message's own fields is answered from the row as written, without reading it back.
      if (message && !query.include && !query.select) return message;
      return tenantScope(ctx).db.message.findUniqueOrThrow({ ...query, where: { id: messageId } });
    },
  }),
);

builder.mutationField('sendConsentInvite', (t) =>
  t.prismaField({
    type: 'Message',
    description:
      'Texts the consent invitation to a candidate who consented at application; may be re-sent until they answer. SMS only: WhatsApp has no invitation (ConsentInvitationNotAvailableError).',
    authScopes: { tenantMember: true },
    args: {
      conversationId: t.arg.globalID({
        description: "The candidate's conversation.",
        required: true,
        for: Conversation,
      }),
      channel: t.arg({
        description: 'The channel to invite on (default SMS).',
        type: ChannelEnum,
        defaultValue: 'SMS',
      }),
    },
    errors: { types: [...sendErrors, ConsentInvitationNotAvailableError] },
    resolve: async (query, _root, { conversationId, channel }, ctx) => {
      const { messageId } = await sendConsentInvite(
        tenantScope(ctx),
        ctx.services,
        tenantActor(ctx),
        conversationId.id,
        channel ?? 'SMS',
      );
      return tenantScope(ctx).db.message.findUniqueOrThrow({ ...query, where: { id: messageId } });
    },
  }),
);
