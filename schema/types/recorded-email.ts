import { IdempotencyKeyReusedError } from '../../api/domain/errors.ts';
import {
  MAX_EMAIL_BODY_LENGTH,
  MAX_SUBJECT_LENGTH,
  recordEmail,
} from '../../api/messaging/recorded-email/record-email.ts';
import { builder } from '../builder.ts';
import { tenantScope } from '../tenant-scope.ts';
import { Conversation } from './conversation.ts';
import { DirectionEnum } from './message.ts';
import { User } from './user.ts';

const RecordEmailInput = builder.inputType('RecordEmailInput', {
  description: 'An email your ATS sent to or received from the candidate, to show in the conversation.',
  fields: (t) => ({
    conversationId: t.globalID({ required: true, for: Conversation, description: 'The conversation it belongs to.' }),
    direction: t.field({
      type: DirectionEnum,
      required: true,
      description: 'INBOUND: the candidate wrote it; OUTBOUND: your team did.',
    }),
    subject: t.string({
      required: true,
      description: `The subject line: at most ${MAX_SUBJECT_LENGTH} characters, no line breaks (may be empty).`,
    }),
    body: t.string({
      required: true,
      description: `The body as plain text, at most ${MAX_EMAIL_BODY_LENGTH} characters.`,
    }),
    sentAt: t.field({
      type: 'DateTime',
      required: true,
      description:
        'When it was sent: from 2000 on, not in the future (5 minutes of clock skew allowed). It places the email in the history; the conversation moves up the inbox only if this is its newest activity.',
    }),
    authorId: t.globalID({
      required: false,
      for: User,
      description: 'The user of your company who wrote it (outbound); must be a user of this tenant.',
    }),
    idempotencyKey: t.string({
      required: false,
      description:
        'Unique per email (8 to 200 characters): a retry with the same key and the same input returns the first message; the same key with other input is IdempotencyKeyReusedError.',
    }),
  }),
});

builder.mutationField('recordEmail', (t) =>
  t.prismaField({
    type: 'Message',
    description:
      "Records an email your ATS sent or received in the conversation's history (channel EMAIL, status RECORDED). Parley sends nothing: it opens no SMS or WhatsApp window, uses no allowance or credits, and an inbound email notifies the conversation's participants like a reply. Partner backends (API keys) only.",
    authScopes: { partnerBackend: true },
    args: {
      input: t.arg({ description: 'The email the ATS sent or received.', type: RecordEmailInput, required: true }),
    },
    errors: { types: [IdempotencyKeyReusedError] },
    resolve: async (query, _root, { input }, ctx) => {
      const { messageId } = await recordEmail(tenantScope(ctx), {
        ...input,
        conversationId: input.conversationId.id,
        authorId: input.authorId?.id ?? null,
      });
      return tenantScope(ctx).db.message.findUniqueOrThrow({ ...query, where: { id: messageId } });
    },
  }),
);
