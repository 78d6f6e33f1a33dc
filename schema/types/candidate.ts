import { encodeGlobalID } from '@pothos/plugin-relay';
import { upsertCandidate } from '../../api/domain/ats-records.ts';
import { textingNumber } from '../../api/domain/conversations.ts';
import { phoneIssue } from '../../api/domain/phone.ts';
import { asSendChannel } from '../../api/domain/send-channels.ts';
import { builder } from '../builder.ts';
import { describedValues } from '../described-values.ts';
import { tenantScope } from '../tenant-scope.ts';
import { ChannelEnum } from './tenant.ts';

export const PhoneChoiceEnum = builder.enumType('PhoneChoice', {
  description: "Which of the candidate's two numbers messages go to.",
  values: describedValues(['MAIN', 'ALTERNATE'], {
    MAIN: "The candidate's main phone number.",
    ALTERNATE: "The candidate's alternate phone number (used when the main one is missing or refused).",
  }),
});
export const ConsentStateEnum = builder.enumType('ConsentState', {
  description: 'Whether a candidate agreed to messages on a channel.',
  values: describedValues(['NONE', 'CONSENTED', 'INVITED', 'OPTED_IN', 'OPTED_OUT'], {
    NONE: 'No consent on record: nothing may be sent (except an invitation where the model allows).',
    CONSENTED: "Agreed on the application form; under DOUBLE_OPT_IN an invitation's YES is still needed.",
    INVITED: "An invitation went out; waiting for the candidate's YES.",
    OPTED_IN: 'The candidate agreed (YES, START, or consent recorded with evidence): messages may go out.',
    OPTED_OUT: 'The candidate texted STOP: nothing more is sent until they text START.',
  }),
});
export const ConsentSourceEnum = builder.enumType('ConsentSource', {
  description: "What changed a candidate's consent.",
  values: describedValues(['APPLICATION', 'INVITE', 'KEYWORD', 'RECRUITER', 'CARRIER'], {
    APPLICATION: 'The candidate agreed on the application form (reported by the ATS).',
    INVITE: 'The candidate answered YES to a consent invitation.',
    KEYWORD: 'The candidate texted a keyword (START or STOP).',
    RECRUITER: 'A recruiter recorded it with evidence (recordConsent).',
    CARRIER: "The carrier reported it, e.g. the number blocked by the candidate's carrier.",
  }),
});

builder.prismaObject('Consent', {
  description: "The candidate's consent to messages on one channel, now.",
  fields: (t) => ({
    channel: t.field({
      description: 'The channel it applies to.',
      type: ChannelEnum,
      resolve: (row) => asSendChannel(row.channel),
    }),
    state: t.expose('state', { description: 'Whether messages may go out on this channel.', type: ConsentStateEnum }),
    updatedAt: t.expose('updatedAt', { description: 'When it last changed.', type: 'DateTime' }),
  }),
});

builder.prismaObject('ConsentEvent', {
  description: 'One change of consent, with who or what made it and the evidence. Append-only.',
  fields: (t) => ({
    id: t.exposeID('id', { description: "The event's id." }),
    channel: t.field({
      description: 'The channel whose consent changed.',
      type: ChannelEnum,
      resolve: (row) => asSendChannel(row.channel),
    }),
    from: t.expose('fromState', { description: 'The consent before.', type: ConsentStateEnum }),
    to: t.expose('toState', { description: 'The consent after.', type: ConsentStateEnum }),
    source: t.expose('source', { description: 'What changed it.', type: ConsentSourceEnum }),
    actorUserId: t.id({
      nullable: true,
      description: 'The user who made the change, when a person did.',
      resolve: (e) => (e.actorUserId ? encodeGlobalID('User', e.actorUserId) : null),
    }),

    evidence: t.exposeString('evidence', {
      description:
        "What proves it: the recruiter's note, the keyword texted, the form; null when the source speaks for itself.",
      nullable: true,
    }),
    messageId: t.id({
      nullable: true,
      description: "The message that carried the change (the candidate's keyword, the invitation).",
      resolve: (e) => (e.messageId ? encodeGlobalID('Message', e.messageId) : null),
    }),

    createdAt: t.expose('createdAt', { description: 'When it changed.', type: 'DateTime' }),
  }),
});

export const Candidate = builder.prismaNode('Candidate', {
  description:
    'A person the tenant may message, as the ATS reports them (upsertCandidate). Has one conversation per tenant.',
  id: { field: 'id' },
  nullable: true,
  fields: (t) => ({
    externalId: t.exposeString('externalId', { description: "The ATS's id for this candidate." }),
    name: t.exposeString('name', { description: "The candidate's name, as the ATS reports it." }),
    phone: t.exposeString('phone', {
      nullable: true,
      description: 'The main phone number, E.164 (+14155550123); null if the ATS has none.',
    }),
    alternatePhone: t.exposeString('alternatePhone', {
      nullable: true,
      description: 'A second phone number, E.164; null if none.',
    }),
    preferredPhone: t.expose('preferredPhone', {
      description: 'Which of the two numbers messages go to.',
      type: PhoneChoiceEnum,
    }),
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
    consentHistory: t.relation('consentEvents', {
      description:
        'Every consent change of the candidate, on every channel, oldest first: who or what changed it and the evidence.',
      query: { orderBy: { createdAt: 'asc' } },
    }),
  }),
});

const CandidateInput = builder.inputType('CandidateInput', {
  description: 'A candidate as the ATS knows them: created or updated by externalId.',
  fields: (t) => ({
    externalId: t.string({ required: true, description: "The ATS's id; upserting the same id updates the candidate." }),
    name: t.string({ description: "The candidate's full name.", required: true }),
    phone: t.string({
      required: false,
      description:
        'Digits, spaces, dashes, dots, parentheses and a leading + are fine; letters and other symbols are refused. Null removes the number; omit it to keep the stored one.',
    }),
    alternatePhone: t.string({
      required: false,
      description: 'A second phone number, in the same formats as `phone`; null clears it.',
    }),
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
    description:
      "Creates or updates a candidate by the ATS's id (the partner backend). Phone numbers are checked and stored E.164.",
    type: 'Candidate',
    authScopes: { partnerBackend: true },
    args: {
      input: t.arg({ description: 'The candidate as the ATS knows them.', type: CandidateInput, required: true }),
    },
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
