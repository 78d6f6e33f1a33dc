import { ReengagementPendingError } from '../../api/domain/errors.ts';
import { sendReengagementTemplate } from '../../api/messaging/sending/send-reengagement.ts';
import { builder } from '../builder.ts';
import { tenantActor, tenantScope } from '../tenant-scope.ts';
import { Conversation } from './conversation.ts';
import { sendErrors } from './message.ts';
import { ChannelEnum } from './tenant.ts';

const SendReengagementTemplateInput = builder.inputType('SendReengagementTemplateInput', {
  description: "Re-open a WhatsApp conversation whose session window closed, with the tenant's approved template.",
  fields: (t) => ({
    conversationId: t.globalID({ description: 'The conversation to re-engage.', required: true, for: Conversation }),
    channel: t.field({
      type: ChannelEnum,
      defaultValue: 'WHATSAPP',
      description: 'A channel with a session window (WhatsApp).',
    }),
    idempotencyKey: t.string({
      required: true,
      description: 'Unique per message; a retry with the same key returns the first result.',
    }),
  }),
});

builder.mutationField('sendReengagementTemplate', (t) =>
  t.prismaField({
    type: 'Message',
    description:
      "Sends your company's re-engagement template (ConversationLock.reengagementTemplate), the one message allowed outside the session window; the candidate's reply opens the window for free text. Consent rules apply as to any message.",
    authScopes: { tenantMember: true },
    args: {
      input: t.arg({
        description: 'The conversation to re-engage.',
        type: SendReengagementTemplateInput,
        required: true,
      }),
    },
    errors: { types: [...sendErrors, ReengagementPendingError] },
    resolve: async (query, _root, { input }, ctx) => {
      const { messageId } = await sendReengagementTemplate(tenantScope(ctx), ctx.services, tenantActor(ctx), {
        conversationId: input.conversationId.id,
        channel: input.channel ?? 'WHATSAPP',
        idempotencyKey: input.idempotencyKey,
      });
      return tenantScope(ctx).db.message.findUniqueOrThrow({ ...query, where: { id: messageId } });
    },
  }),
);
