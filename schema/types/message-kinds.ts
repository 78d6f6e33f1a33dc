import { NotFoundError, ValidationError } from '../../api/domain/errors.ts';
import { asSendChannel } from '../../api/domain/send-channels.ts';
import { defineMessageKind, removeMessageKind, setMessageKindRule } from '../../api/messaging/kinds/kind-settings.ts';
import { builder } from '../builder.ts';
import { tenantScope } from '../tenant-scope.ts';
import { ChannelEnum } from './tenant.ts';

export const MessageKindEnum = builder.enumType('MessageKind', {
  description: 'What a message is for. A tenant may forbid a kind on a channel (Tenant.messageKindRules).',
  values: {
    CHAT: { description: "A recruiter's or partner's message in the conversation (the default)." },
    CONSENT_INVITE: { description: 'The consent invitation (sendConsentInvite); the candidate answers YES.' },
    HELP_REPLY: { description: "The automatic answer to a candidate's HELP; never refused by a kind rule." },
    INTERVIEW_INVITATION: { description: 'An invitation to an interview.' },
    REJECTION: { description: 'Tells the candidate they were not selected; many teams forbid it by SMS.' },
    OFFER: { description: 'A job offer or news about one.' },
    CUSTOM: { description: "One of the tenant's own kinds, named by customKind (defineMessageKind)." },
  } as const,
});

builder.prismaObject('MessageKindName', {
  name: 'CustomMessageKind',
  description: 'A kind of message your company named for itself; send it with kind CUSTOM and customKind = key.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Its key, given as customKind when sending, e.g. offer-letter.' }),
    label: t.exposeString('label', { description: 'Its name for people.' }),
    createdAt: t.expose('createdAt', { description: 'When the kind was defined.', type: 'DateTime' }),
  }),
});

const MessageKindRule = builder.prismaObject('MessageKindRule', {
  description: 'A kind of message your company does not send on a channel: sendMessage refuses it there.',
  fields: (t) => ({
    channel: t.field({
      description: 'The channel the rule applies to.',
      type: ChannelEnum,
      resolve: (row) => asSendChannel(row.channel),
    }),
    kind: t.expose('kind', {
      description: 'The built-in kind it applies to; null for a custom kind.',
      type: MessageKindEnum,
    }),
    customKind: t.string({
      description: "The tenant's own kind it applies to; null for a built-in kind.",
      nullable: true,
      resolve: (rule) => rule.customKind || null,
    }),
  }),
});

builder.prismaObjectFields('Tenant', (t) => ({
  customMessageKinds: t.relation('messageKindNames', {
    description: "Your company's own kinds of message.",
    authScopes: { tenantMember: true },
    query: { orderBy: { key: 'asc' } },
  }),
  messageKindRules: t.relation('messageKindRules', {
    description: 'The kinds of message forbidden per channel.',
    authScopes: { tenantMember: true },
    query: { orderBy: [{ channel: 'asc' }, { kind: 'asc' }, { customKind: 'asc' }] },
  }),
}));

const DefineMessageKindInput = builder.inputType('DefineMessageKindInput', {
  description: 'A message kind of your own, to which kind rules may then apply.',
  fields: (t) => ({
    key: t.string({ required: true, description: 'Lowercase letters, digits and dashes, e.g. assessment-reminder.' }),
    label: t.string({ required: true, description: 'How people see it, e.g. "Assessment reminder".' }),
  }),
});

builder.mutationField('defineMessageKind', (t) =>
  t.prismaField({
    type: 'MessageKindName',
    description: 'Names one of your company’s own kinds of message, or renames it (admins).',
    authScopes: { tenantAdmin: true },
    args: { input: t.arg({ description: 'The kind to define.', type: DefineMessageKindInput, required: true }) },
    errors: { types: [ValidationError] },
    resolve: (_query, _root, { input }, ctx) => defineMessageKind(tenantScope(ctx), input),
  }),
);

builder.mutationField('removeMessageKind', (t) =>
  t.field({
    type: 'Boolean',
    description: 'Removes one of your own kinds and its rules; messages sent with it keep its key (admins).',
    authScopes: { tenantAdmin: true },
    args: { key: t.arg.string({ description: "The key of the tenant's own kind to remove.", required: true }) },
    errors: {
      types: [ValidationError, NotFoundError],
      directResult: false,
      dataField: { description: 'True: the kind and the rules naming it are removed.' },
    },
    resolve: async (_root, { key }, ctx) => {
      await removeMessageKind(tenantScope(ctx), key);
      return true;
    },
  }),
);

const MessageKindRuleInput = builder.inputType('MessageKindRuleInput', {
  description: 'Allow or forbid one kind of message on one channel.',
  fields: (t) => ({
    kind: t.field({ type: MessageKindEnum, required: true, description: 'Any kind but HELP_REPLY.' }),
    customKind: t.string({ required: false, description: 'The key of your own kind, with kind CUSTOM.' }),
    channel: t.field({ description: 'The channel the rule applies to.', type: ChannelEnum, required: true }),
    allowed: t.boolean({ required: true, description: 'False forbids the kind on the channel; true lifts the rule.' }),
  }),
});

builder.mutationField('setMessageKindRule', (t) =>
  t.field({
    type: [MessageKindRule],
    description:
      'Forbids a kind of message on a channel, or allows it again; answers every rule now in force (admins).',
    authScopes: { tenantAdmin: true },
    args: {
      input: t.arg({
        description: 'The kind, the channel and whether it is allowed.',
        type: MessageKindRuleInput,
        required: true,
      }),
    },
    errors: {
      types: [ValidationError],
      directResult: false,
      dataField: { description: 'The tenant’s kind rules after the change.' },
    },
    resolve: async (_root, { input }, ctx) => {
      const scope = tenantScope(ctx);
      await setMessageKindRule(scope, input);
      return scope.db.messageKindRule.findMany({
        orderBy: [{ channel: 'asc' }, { kind: 'asc' }, { customKind: 'asc' }],
      });
    },
  }),
);
