import { asSendChannel } from '../../api/domain/send-channels.ts';
import { askSendPolicy } from '../../api/messaging/send-policy/index.ts';
import { internationalWarning, type RoutedNumber } from '../../api/messaging/send-policy/routing.ts';
import { builder } from '../builder.ts';
import { tenantActor, tenantScope } from '../tenant-scope.ts';
import { Conversation } from './conversation.ts';
import { ChannelEnum } from './tenant.ts';

export const NumberReasonEnum = builder.enumType('NumberReason', {
  description: 'Why this number sends the message.',
  values: {
    CONVERSATION: { description: 'The conversation keeps the number it started with.' },
    CANDIDATE_COUNTRY: { description: "A number from the candidate's country (the least used this month of them)." },
    US_FALLBACK: { description: "No number from the candidate's country: a US number." },
    ANY_NUMBER: { description: "No number from the candidate's country nor the US: delivery is not guaranteed." },
  } as const,
});

const NumberRouting = builder.objectRef<RoutedNumber>('NumberRouting').implement({
  description: "The number a conversation's next message on a channel goes out from, and why.",
  fields: (t) => ({
    e164: t.exposeString('e164', { description: 'The number that would send, E.164.' }),
    numberCountry: t.exposeString('country', { description: "The sending number's country (ISO 3166)." }),
    sendingNumber: t.prismaField({
      description: 'The number that would send; null when none can.',
      type: 'SendingNumber',
      nullable: true,
      resolve: (query, n, _args, ctx) => tenantScope(ctx).db.sendingNumber.findFirst({ ...query, where: { id: n.id } }),
    }),
    reason: t.field({ description: 'Why this number was chosen.', type: NumberReasonEnum, resolve: (n) => n.reason }),
    candidateCountry: t.string({
      nullable: true,
      description: "The candidate's country from their number (libphonenumber: +1 tells Canada from the US).",
      resolve: (n) => n.candidateCountry,
    }),
    noLocalNumber: t.boolean({
      description:
        "The number is not from the candidate's country: international delivery and replies are not guaranteed.",
      resolve: (n) => n.noLocalNumber,
    }),
    internationalWarning: t.string({
      nullable: true,
      description: 'A sentence for the recruiter when noLocalNumber is true; null otherwise.',
      resolve: (n) => internationalWarning(n),
    }),
    movesFromRetiredNumber: t.boolean({
      description:
        'The conversation kept a number that was retired: its next message moves it to this one (recorded in numberChanges).',
      resolve: (n) => n.replaces !== null,
    }),
  }),
});

builder.prismaObjectField(Conversation, 'numberRouting', (t) =>
  t.field({
    type: NumberRouting,
    nullable: true,
    description:
      'The number the next message on `channel` goes out from and why (the one the conversation keeps, or the one routing would pick); null when the pool has none that can send.',
    args: {
      channel: t.arg({ description: 'The channel to route (SMS by default).', type: ChannelEnum, defaultValue: 'SMS' }),
    },
    resolve: async (conversation, { channel }, ctx) => {
      const answer = await askSendPolicy(tenantScope(ctx), ctx.services.channels, tenantActor(ctx), {
        conversationId: conversation.id,
        channel: channel ?? 'SMS',
        kind: 'CHAT',
        body: '',
        attachments: [],
        idempotencyKey: null,
      });
      return answer.replay ? null : answer.decision.number;
    },
  }),
);

builder.prismaObject('ConversationNumberChange', {
  description: 'A conversation moved to another sending number because its number was retired.',
  fields: (t) => ({
    channel: t.field({
      description: 'The channel of the two numbers.',
      type: ChannelEnum,
      resolve: (row) => asSendChannel(row.channel),
    }),
    reason: t.exposeString('reason', { description: 'Why it moved: NUMBER_RETIRED (its old number was retired).' }),
    from: t.relation('fromNumber', { description: 'The number it used before.' }),
    to: t.relation('toNumber', { description: 'The number it uses from now.' }),
    at: t.expose('createdAt', { description: 'When the conversation moved to the new number.', type: 'DateTime' }),
  }),
});

builder.prismaObjectField(Conversation, 'numberChanges', (t) =>
  t.relation('numberChanges', {
    description: 'Every move from a retired sending number to another, oldest first.',
    query: { orderBy: { createdAt: 'asc' } },
  }),
);
