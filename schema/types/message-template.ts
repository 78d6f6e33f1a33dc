import { encodeGlobalID } from '@pothos/plugin-relay';
import { WhatsAppTemplateApproval } from '../../api/db/generated/prisma/enums.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../api/domain/errors.ts';
import { asSendChannel } from '../../api/domain/send-channels.ts';
import { isRowField, placeholders, rowFields, sendFields } from '../../api/templates/merge-fields.ts';
import {
  createMessageTemplate,
  deleteMessageTemplate,
  updateMessageTemplate,
} from '../../api/templates/template-settings.ts';
import { builder } from '../builder.ts';
import { describedValues } from '../described-values.ts';
import { tenantScope } from '../tenant-scope.ts';
import { MessageKindEnum } from './message-kinds.ts';
import { ChannelEnum } from './tenant.ts';

const ApprovalEnum = builder.enumType('WhatsAppTemplateApproval', {
  values: describedValues(Object.values(WhatsAppTemplateApproval), {
    PENDING: 'Submitted; WhatsApp has not decided yet. It cannot be sent.',
    APPROVED: 'WhatsApp approved it: it may open a conversation outside the session window.',
    REJECTED: 'WhatsApp refused it; change it and submit again.',
  }),
  description:
    "Where the provider's review of a WhatsApp template stands, as your tenant reports it: Parley cannot ask the provider, so it never sets APPROVED itself.",
});

type MappingShape = {
  name: string;
  language: string;
  parameters: string[];
  approval: WhatsAppTemplateApproval;
  approvalUpdatedAt: Date | null;
};

const WhatsAppMapping = builder.objectRef<MappingShape>('WhatsAppTemplateMapping').implement({
  description:
    'The provider-approved WhatsApp template this template is sent as (when APPROVED): outside the 24-hour window, the only kind of message WhatsApp delivers.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The template’s name at the provider.' }),
    language: t.exposeString('language', { description: 'Its language code at the provider, e.g. en_US.' }),
    parameters: t.exposeStringList('parameters', {
      description: 'The merge fields that fill its parameters {{1}}, {{2}}, … in order, e.g. candidate.firstName.',
    }),
    approval: t.field({
      type: ApprovalEnum,
      description:
        'As reported by your tenant. Only APPROVED is sent as the provider template; otherwise the rendered text goes as free text, which WhatsApp allows only inside the window.',
      resolve: (m) => m.approval,
    }),
    approvalUpdatedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the approval was last set (or reset to PENDING by a change of body or mapping).',
      resolve: (m) => m.approvalUpdatedAt,
    }),
  }),
});

export const MessageTemplate = builder.prismaNode('MessageTemplate', {
  id: { field: 'id' },
  nullable: true,
  description:
    'A message template of your company: a body with merge fields, rendered per conversation by sendMessage(template) and previewMessage(messageTemplate). Every member may read templates; admins and API keys manage them.',
  authScopes: { tenantMember: true },
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Unique in your tenant.' }),
    channel: t.field({
      type: ChannelEnum,
      nullable: true,
      description: 'The only channel it may be sent on; null: any channel.',
      resolve: (row) => (row.channel ? asSendChannel(row.channel) : null),
    }),
    kind: t.expose('kind', {
      type: MessageKindEnum,
      description: 'The kind its messages get unless the send names one.',
    }),
    customKind: t.exposeString('customKind', { nullable: true, description: "With kind CUSTOM: your own kind's key." }),
    body: t.exposeString('body', {
      description: 'The text with merge fields in braces, e.g. Hi {candidate.firstName}.',
    }),
    customFields: t.exposeStringList('customFields', {
      description: 'Your own merge fields, used in the body as {custom.<name>} and passed at send.',
    }),
    sendFields: t.stringList({
      description:
        'The merge fields a send must pass in `values` (by name, e.g. interview.bookingLink, custom.salary); the others come from the conversation.',
      resolve: (row) => [...new Set(placeholders(row.body))].filter((f) => !isRowField(f)),
    }),
    whatsapp: t.field({
      type: WhatsAppMapping,
      nullable: true,
      description: 'The provider template it is sent as on WhatsApp; null: none (sent as free text).',
      resolve: (row) =>
        row.whatsappName && row.whatsappLanguage
          ? {
              name: row.whatsappName,
              language: row.whatsappLanguage,
              parameters: row.whatsappParameters,
              approval: row.whatsappApproval ?? 'PENDING',
              approvalUpdatedAt: row.whatsappApprovalAt,
            }
          : null,
    }),
    createdAt: t.expose('createdAt', { description: 'When the template was created.', type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { description: 'When it last changed.', type: 'DateTime' }),
  }),
});

builder.queryField('messageTemplates', (t) =>
  t.prismaConnection({
    type: 'MessageTemplate',
    cursor: 'id',
    description: 'Your company’s message templates by name (every member).',
    authScopes: { tenantMember: true },
    args: {
      channel: t.arg({
        type: ChannelEnum,
        required: false,
        description: 'Only those that may be sent on this channel (its own and any-channel templates).',
      }),
    },
    resolve: (query, _root, { channel }, ctx) =>
      tenantScope(ctx).db.messageTemplate.findMany({
        ...query,
        where: channel ? { OR: [{ channel }, { channel: null }] } : {},
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
      }),
  }),
);

const mergeFieldsHelp = `Merge fields: ${[...rowFields, ...sendFields].map((f) => `{${f}}`).join(', ')} and {custom.<name>} for each declared custom field.`;

const WhatsAppMappingInput = builder.inputType('WhatsAppTemplateMappingInput', {
  description: 'The provider-approved WhatsApp template a template is sent as.',
  fields: (t) => ({
    name: t.string({
      required: true,
      description: 'Its name at the provider: lowercase letters, digits and underscores.',
    }),
    language: t.string({ required: true, description: 'Its language code, e.g. en, en_US, pt_BR.' }),
    parameters: t.stringList({
      required: false,
      description:
        'The merge fields (used in the body) that fill {{1}}, {{2}}, … in order, e.g. ["candidate.firstName", "job.title"].',
    }),
  }),
});

const CreateMessageTemplateInput = builder.inputType('CreateMessageTemplateInput', {
  description: 'A new message template.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Unique in your tenant, at most 100 characters.' }),
    channel: t.field({ type: ChannelEnum, required: false, description: 'Only this channel; leave out for any.' }),
    kind: t.field({ type: MessageKindEnum, required: false, description: 'Its messages’ kind (default CHAT).' }),
    customKind: t.string({ required: false, description: "With kind CUSTOM: your own kind's key." }),
    body: t.string({
      required: true,
      description: `At most 1600 characters. ${mergeFieldsHelp} {interview.bookingLink} stands alone between spaces or line breaks.`,
    }),
    customFields: t.stringList({
      required: false,
      description:
        'Your own merge fields, by name (a letter, then letters, digits, underscores); each must be used as {custom.<name>}.',
    }),
    whatsapp: t.field({
      type: WhatsAppMappingInput,
      required: false,
      description: 'The provider template it is sent as on WhatsApp.',
    }),
    whatsappApproval: t.field({
      type: ApprovalEnum,
      required: false,
      description: 'With whatsapp: its review at the provider as you know it (default PENDING).',
    }),
  }),
});

const UpdateMessageTemplateInput = builder.inputType('UpdateMessageTemplateInput', {
  description:
    'Changes to a template; what is left out stays. A new body or mapping is PENDING again unless whatsappApproval is given too.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: MessageTemplate, description: 'The template to change.' }),
    name: t.string({ required: false, description: 'A new name, unique in your tenant; omitted: unchanged.' }),
    channel: t.field({ type: ChannelEnum, required: false, description: 'A new channel; null: any channel.' }),
    kind: t.field({ type: MessageKindEnum, required: false, description: 'A new kind (with customKind for CUSTOM).' }),
    customKind: t.string({ required: false, description: "With kind CUSTOM: your own kind's key." }),
    body: t.string({ required: false, description: `A new body. ${mergeFieldsHelp}` }),
    customFields: t.stringList({ required: false, description: 'The custom fields from now on.' }),
    whatsapp: t.field({ type: WhatsAppMappingInput, required: false, description: 'A new mapping; null removes it.' }),
    whatsappApproval: t.field({
      type: ApprovalEnum,
      required: false,
      description: 'The provider’s review as you know it now.',
    }),
  }),
});

builder.mutationField('createMessageTemplate', (t) =>
  t.prismaField({
    type: 'MessageTemplate',
    description:
      'Saves a message template (admins and API keys). An unknown merge field is a ValidationError listing the allowed ones.',
    authScopes: { tenantAdmin: true },
    args: {
      input: t.arg({ description: 'The template to create.', type: CreateMessageTemplateInput, required: true }),
    },
    errors: { types: [ValidationError, ConflictError] },
    resolve: async (query, _root, { input }, ctx) => {
      const { whatsapp, whatsappApproval, ...rest } = input;
      if (whatsappApproval && !whatsapp)
        throw ValidationError.of('whatsappApproval', 'needs a WhatsApp template mapping');
      const saved = await createMessageTemplate(tenantScope(ctx), {
        ...rest,
        whatsapp: whatsapp && { ...whatsapp, approval: whatsappApproval },
      });
      return tenantScope(ctx).db.messageTemplate.findUniqueOrThrow({ ...query, where: { id: saved.id } });
    },
  }),
);

builder.mutationField('updateMessageTemplate', (t) =>
  t.prismaField({
    type: 'MessageTemplate',
    description: 'Changes a message template (admins and API keys), checked as a new one.',
    authScopes: { tenantAdmin: true },
    args: {
      input: t.arg({ description: 'The template and the changes.', type: UpdateMessageTemplateInput, required: true }),
    },
    errors: { types: [ValidationError, ConflictError, NotFoundError] },
    resolve: async (query, _root, { input }, ctx) => {
      const saved = await updateMessageTemplate(tenantScope(ctx), { ...input, id: input.id.id });
      return tenantScope(ctx).db.messageTemplate.findUniqueOrThrow({ ...query, where: { id: saved.id } });
    },
  }),
);

builder.mutationField('deleteMessageTemplate', (t) =>
  t.field({
    type: 'ID',
    description:
      'Deletes a message template (admins and API keys); answers its global id. Messages sent with it keep their text. A template a workflow step (or a run’s step still due) sends is ConflictError naming the workflows.',
    authScopes: { tenantAdmin: true },
    args: { id: t.arg.globalID({ required: true, for: MessageTemplate, description: 'The template to delete.' }) },
    errors: {
      types: [NotFoundError, ConflictError],
      directResult: false,
      dataField: { description: 'The global id of the deleted template.' },
    },
    resolve: async (_root, { id }, ctx) => {
      await deleteMessageTemplate(tenantScope(ctx), id.id);
      return encodeGlobalID('MessageTemplate', id.id);
    },
  }),
);

const TemplateValueInput = builder.inputType('TemplateValueInput', {
  description: 'A merge field’s value passed at send.',
  fields: (t) => ({
    name: t.string({
      required: true,
      description: 'The field without braces: interview.bookingLink, interview.time or custom.<name>.',
    }),
    value: t.string({ required: true, description: 'Its text, at most 500 characters.' }),
  }),
});

/** A template and the values a send passes, as sendMessage and previewMessage take it. */
export const SendTemplateInput = builder.inputType('SendTemplateInput', {
  description: 'Send one of your templates instead of a body: rendered for the conversation with these values.',
  fields: (t) => ({
    templateId: t.globalID({
      required: true,
      for: MessageTemplate,
      description: 'The tenant’s template to send, rendered for the conversation.',
    }),
    values: t.field({
      type: [TemplateValueInput],
      required: false,
      description: 'A value for each field in the template’s sendFields, e.g. interview.bookingLink (an https URL).',
    }),
  }),
});

/** What the domain takes from a SendTemplateInput. */
export const templateArg = (input: {
  templateId: { id: string };
  values?: { name: string; value: string }[] | null;
}) => ({
  templateId: input.templateId.id,
  values: input.values ?? [],
});
