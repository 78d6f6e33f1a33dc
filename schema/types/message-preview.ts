import {
  AllowanceExhaustedError,
  ConversationLockedError,
  type DomainError,
  InsufficientCreditsError,
  MessageTooLongError,
  NotFoundError,
  SendNotAllowedError,
  SessionWindowClosedError,
  ValidationError,
} from '../../api/domain/errors.ts';
import { lockView, type SendDecision } from '../../api/messaging/send-policy/index.ts';
import { internationalWarning } from '../../api/messaging/send-policy/routing.ts';
import { previewMessage } from '../../api/messaging/sending/preview-message.ts';
import { builder } from '../builder.ts';
import { tenantActor, tenantScope } from '../tenant-scope.ts';
import { Conversation, ConversationLock } from './conversation.ts';
import { ErrorCodeEnum, LockReasonEnum, SendRefusalEnum } from './errors.ts';
import { MessageKindEnum } from './message-kinds.ts';
import { SendTemplateInput, templateArg } from './message-template.ts';
import { NumberReasonEnum } from './number-routing.ts';
import { QuietHoursCheck } from './quiet-hours.ts';
import { ReengagementTemplate } from './session-window.ts';
import { ChannelEnum } from './tenant.ts';

const EncodingEnum = builder.enumType('MessageEncoding', {
  description:
    'How a message’s text is encoded: on SMS, GSM-7 fits 160 characters in one segment, UCS-2 (any character outside GSM-7) only 70; UTF-8 on other channels.',
  values: {
    GSM_7: { value: 'GSM-7', description: '160 characters in one SMS, 153 per part beyond.' },
    UCS_2: { value: 'UCS-2', description: '70 characters in one SMS, 67 per part beyond.' },
    UTF_8: { value: 'UTF-8', description: 'Not SMS: sent as one message.' },
  } as const,
});

/** A refusal as a value: graphql-js throws any Error returned as data, so the fields are copied out. */
const Refusal = builder.objectRef<{ error: DomainError }>('SendRefusalReason').implement({
  description:
    'One reason the send policy refuses a message: the code and message of the error sendMessage would return, and its details.',
  fields: (t) => ({
    code: t.field({
      description: "The refusal's code (the same as the error that sendMessage would return).",
      type: ErrorCodeEnum,
      resolve: ({ error }) => error.code,
    }),
    message: t.string({
      description: 'What refuses it and what to do, in a sentence to show.',
      resolve: ({ error }) => error.message,
    }),
    lockReason: t.field({
      description: 'With CONVERSATION_LOCKED: why it is locked.',
      type: LockReasonEnum,
      nullable: true,
      resolve: ({ error }) => (error instanceof ConversationLockedError ? error.reason : null),
    }),
    sendRefusal: t.field({
      description: 'With SEND_NOT_ALLOWED: the rule.',
      type: SendRefusalEnum,
      nullable: true,
      resolve: ({ error }) => (error instanceof SendNotAllowedError ? error.reason : null),
    }),
    field: t.string({
      description: 'With VALIDATION: the input field refused.',
      nullable: true,
      resolve: ({ error }) => (error instanceof ValidationError ? error.field : null),
    }),
    maxLength: t.int({
      description: 'With MESSAGE_TOO_LONG: the longest body accepted.',
      nullable: true,
      resolve: ({ error }) => (error instanceof MessageTooLongError ? error.maxLength : null),
    }),
    creditBalance: t.int({
      nullable: true,
      description: 'With INSUFFICIENT_CREDITS: the credits available now.',
      resolve: ({ error }) => (error instanceof InsufficientCreditsError ? error.balance : null),
    }),
    creditCost: t.int({
      nullable: true,
      description: 'With INSUFFICIENT_CREDITS: what the message costs.',
      resolve: ({ error }) => (error instanceof InsufficientCreditsError ? error.cost : null),
    }),
    allowance: t.int({
      nullable: true,
      description: "With ALLOWANCE_EXHAUSTED: the number's monthly allowance.",
      resolve: ({ error }) => (error instanceof AllowanceExhaustedError ? error.allowance : null),
    }),
    allowanceUsed: t.int({
      nullable: true,
      description: 'With ALLOWANCE_EXHAUSTED: messages sent and received this month.',
      resolve: ({ error }) => (error instanceof AllowanceExhaustedError ? error.used : null),
    }),
    allowanceResetsAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'With ALLOWANCE_EXHAUSTED: when the next month starts and sending resumes.',
      resolve: ({ error }) => (error instanceof AllowanceExhaustedError ? error.resetsAt : null),
    }),
    sessionWindowClosedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'SESSION_WINDOW_CLOSED: when the window closed (null also when the candidate never wrote).',
      resolve: ({ error }) => (error instanceof SessionWindowClosedError ? error.closedAt : null),
    }),
    template: t.field({
      type: ReengagementTemplate,
      nullable: true,
      description: 'SESSION_WINDOW_CLOSED: the re-engagement template to send instead.',
      resolve: ({ error }) => (error instanceof SessionWindowClosedError ? error.template : null),
    }),
  }),
});

const MessagePreview = builder.objectRef<SendDecision & { channel: 'SMS' | 'WHATSAPP' }>('MessagePreview').implement({
  description: 'What sending this message now would do, as the send policy decides it. Nothing is written.',
  fields: (t) => ({
    allowed: t.boolean({ description: 'True when nothing refuses it.', resolve: (d) => d.refusals.length === 0 }),
    refusals: t.field({
      type: [Refusal],
      description:
        'Every reason it may not go out, most fundamental first: sendMessage returns the first as its typed error.',
      resolve: (d) => d.refusals.map((error) => ({ error })),
    }),
    body: t.string({
      description:
        'The text that would go out: the body given, or the template rendered for this conversation (a field still without a value stays in braces, and is a refusal).',
      resolve: (d) => d.body,
    }),
    encoding: t.field({
      description:
        'The encoding the body needs: GSM-7, or UCS-2 when a character is outside it, on SMS; UTF-8 on other channels.',
      type: EncodingEnum,
      resolve: (d) => d.cost.encoding,
    }),
    segments: t.int({ description: 'How many SMS parts it is billed as.', resolve: (d) => d.cost.segments }),
    credits: t.int({
      description:
        'What it costs in credits through the number that would send it: segments × its provider’s credits per segment; 0 when that provider is not credit-billed.',
      resolve: (d) => d.credits,
    }),
    characters: t.int({ description: "The body's length in characters.", resolve: (d) => d.cost.characters }),
    ucs2Characters: t.stringList({
      description: 'The characters that force UCS-2; replacing them makes each part hold more than twice as much.',
      resolve: (d) => d.cost.ucs2Characters,
    }),
    sendingNumber: t.string({
      nullable: true,
      description: 'E.164 of the number that would send it.',
      resolve: (d) => d.number?.e164 ?? null,
    }),
    sendingNumberReason: t.field({
      description: 'Why that sending number would be used; null when none would.',
      type: NumberReasonEnum,
      nullable: true,
      resolve: (d) => d.number?.reason ?? null,
    }),
    noLocalNumber: t.boolean({
      description: "The sending number is not from the candidate's country (as Conversation.numberRouting says).",
      resolve: (d) => d.number?.noLocalNumber ?? false,
    }),
    internationalWarning: t.string({
      nullable: true,
      description: 'When noLocalNumber: that international delivery and replies are not guaranteed; null otherwise.',
      resolve: (d) => internationalWarning(d.number),
    }),
    lock: t.field({
      type: ConversationLock,
      description: "The channel's lock, as the conversation shows it.",
      resolve: (d) => lockView(d, d.channel),
    }),
    sendAt: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        'When it would go out: the sendAt asked for, or with holdUntilAllowed the end of quiet hours; null means now.',
      resolve: (d) => d.sendAt,
    }),
    quietHours: t.field({
      type: QuietHoursCheck,
      description: "The candidate's time zones and local time when it would go, and whether quiet hours hold then.",
      resolve: (d) => d.quiet,
    }),
  }),
});

const PreviewMessageInput = builder.inputType('PreviewMessageInput', {
  description: 'A message as you would send it, to see whether it would go and what it would cost, without sending.',
  fields: (t) => ({
    conversationId: t.globalID({
      description: 'The conversation you would send in.',
      required: true,
      for: Conversation,
    }),
    channel: t.field({
      description: "The channel you would send on (the conversation's default when omitted).",
      type: ChannelEnum,
      required: true,
    }),
    body: t.string({ required: false, description: 'The text as typed so far; or `messageTemplate` instead.' }),
    messageTemplate: t.field({
      type: SendTemplateInput,
      required: false,
      description:
        'Preview one of your templates as sendMessage(template) would send it: `body` shows the rendered text. A missing value is a ValidationError.',
    }),
    attachments: t.stringList({ description: 'Attachment URLs you would send (refused on SMS).', required: false }),
    template: t.boolean({
      required: false,
      description:
        'Preview sendReengagementTemplate instead: the re-engagement template (its text replaces `body`), allowed outside the session window.',
    }),
    kind: t.field({ type: MessageKindEnum, required: false, description: 'What the message is for (default CHAT).' }),
    customKind: t.string({
      required: false,
      description: "With kind CUSTOM: the key of one of the tenant's own kinds.",
    }),
    sendAt: t.field({ type: 'DateTime', required: false, description: 'As sendMessage: preview a scheduled send.' }),
    holdUntilAllowed: t.boolean({ required: false, description: 'As sendMessage: hold it past quiet hours.' }),
  }),
});

builder.queryField('previewMessage', (t) =>
  t.field({
    type: MessagePreview,
    nullable: true,
    description:
      'Asks the send policy about a message without sending it: cost, number, every refusal and the lock. Cheap enough for every keystroke. Null when the conversation is not readable.',
    authScopes: { tenantMember: true },
    args: {
      input: t.arg({ description: 'The message as you would send it.', type: PreviewMessageInput, required: true }),
    },
    resolve: async (_root, { input }, ctx) => {
      try {
        const decision = await previewMessage(tenantScope(ctx), ctx.services, tenantActor(ctx), {
          ...input,
          conversationId: input.conversationId.id,
          attachments: input.attachments ?? [],
          messageTemplate: input.messageTemplate && templateArg(input.messageTemplate),
        });
        return { ...decision, channel: input.channel };
      } catch (error) {
        if (error instanceof NotFoundError) return null;
        throw error;
      }
    },
  }),
);
