import { encodeGlobalID } from '@pothos/plugin-relay';
import { upsertCandidate } from '../../api/domain/ats-records.ts';
import { textingNumber } from '../../api/domain/conversations.ts';
import { phoneIssue } from '../../api/domain/phone.ts';
import { asSendChannel } from '../../api/domain/send-channels.ts';
import { builder } from '../builder.ts';
import { tenantScope } from '../tenant-scope.ts';
import { ChannelEnum } from './tenant.ts';

export const PhoneChoiceEnum = builder.enumType('PhoneChoice', { values: ['MAIN', 'ALTERNATE'] as const });
export const ConsentStateEnum = builder.enumType('ConsentState', {
  values: ['NONE', 'CONSENTED', 'INVITED', 'OPTED_IN', 'OPTED_OUT'] as const,
});
export const ConsentSourceEnum = builder.enumType('ConsentSource', {
  values: ['APPLICATION', 'INVITE', 'KEYWORD', 'RECRUITER', 'CARRIER'] as const,
});

builder.prismaObject('Consent', {
  fields: (t) => ({
    channel: t.field({ type: ChannelEnum, resolve: (row) => asSendChannel(row.channel) }),
    state: t.expose('state', { type: ConsentStateEnum }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.prismaObject('ConsentEvent', {
  description: 'One change of consent, with who or what made it and the evidence. Append-only.',
  fields: (t) => ({
    id: t.exposeID('id'),
    channel: t.field({ type: ChannelEnum, resolve: (row) => asSendChannel(row.channel) }),
    from: t.expose('fromState', { type: ConsentStateEnum }),
    to: t.expose('toState', { type: ConsentStateEnum }),
    source: t.expose('source', { type: ConsentSourceEnum }),
    actorUserId: t.id({
      nullable: true,
      description: 'The user who made the change, when a person did.',
      resolve: (e) => (e.actorUserId ? encodeGlobalID('User', e.actorUserId) : null),
    }),

    evidence: t.exposeString('evidence', { nullable: true }),
    messageId: t.id({
      nullable: true,
      description: "The message that carried the change (the candidate's keyword, the invitation).",
      resolve: (e) => (e.messageId ? encodeGlobalID('Message', e.messageId) : null),
    }),

    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

export const Candidate = builder.prismaNode('Candidate', {
  id: { field: 'id' },
  nullable: true,
  fields: (t) => ({
    externalId: t.exposeString('externalId'),
    name: t.exposeString('name'),
    phone: t.exposeString('phone', { nullable: true, description: 'E.164.' }),
    alternatePhone: t.exposeString('alternatePhone', { nullable: true, description: 'E.164.' }),
    preferredPhone: t.expose('preferredPhone', { type: PhoneChoiceEnum }),
    timeZone: t.exposeString('timeZone', {
      nullable: true,
      description:
        "The candidate's IANA time zone as the ATS stated it; null: quiet hours use every zone of their number's country.",
    }),
    phoneIssue: t.string({
      nullable: true,
      description:
        'Why the number the candidate is texted on cannot receive texts (it is not valid for its country), or null. Texting stays locked until the ATS corrects it.',
      resolve: (c) => {
        const number = textingNumber(c);
        return number ? phoneIssue(number) : null;
      },
    }),
    consents: t.relation('consents', { description: 'Current consent per channel; a channel not listed is NONE.' }),
    consentHistory: t.relation('consentEvents', { query: { orderBy: { createdAt: 'asc' } } }),
  }),
});

const CandidateInput = builder.inputType('CandidateInput', {
  fields: (t) => ({
    externalId: t.string({ required: true, description: "The ATS's id; upserting the same id updates the candidate." }),
    name: t.string({ required: true }),
    phone: t.string({
      required: false,
      description:
        'Digits, spaces, dashes, dots, parentheses and a leading + are fine; letters and other symbols are refused. Null removes the number; omit it to keep the stored one.',
    }),
    alternatePhone: t.string({ required: false, description: 'As `phone`.' }),
    preferredPhone: t.field({
      type: PhoneChoiceEnum,
      required: false,
      description: 'Which number to text; omit it to keep the stored choice (MAIN for a new candidate).',
    }),
    country: t.string({ required: false, description: "ISO country for numbers without +; default: the tenant's." }),
    timeZone: t.string({
      required: false,
      description:
        "The candidate's IANA time zone (Europe/Paris) for quiet hours; null clears it (then every zone of the number's country applies); omit it to keep the stored one.",
    }),
  }),
});

builder.mutationField('upsertCandidate', (t) =>
  t.prismaField({
    type: 'Candidate',
    authScopes: { partnerBackend: true },
    args: { input: t.arg({ type: CandidateInput, required: true }) },
    errors: {},
    resolve: async (query, _root, { input }, ctx) => {
      const candidate = await upsertCandidate(tenantScope(ctx), {
        ...input,
        preferredPhone: input.preferredPhone ?? undefined,
      });
      return tenantScope(ctx).db.candidate.findUniqueOrThrow({ ...query, where: { id: candidate.id } });
    },
  }),
);
