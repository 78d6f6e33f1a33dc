import { encodeGlobalID } from '@pothos/plugin-relay';
import { NumberType } from '../../api/db/generated/prisma/enums.ts';
import {
  ChannelUnavailableError,
  ConflictError,
  NotAuthorizedError,
  NumberNotOwnedError,
  NumberOwnershipUnverifiedError,
  SettingNotAvailableError,
} from '../../api/domain/errors.ts';
import { asSendChannel } from '../../api/domain/send-channels.ts';
import { addSendingNumber } from '../../api/domain/sending-numbers.ts';
import { builder } from '../builder.ts';
import { describedValues } from '../described-values.ts';
import { poolOwner } from '../pool-owner.ts';
import { tenantScope } from '../tenant-scope.ts';
import { ChannelAccount } from './channel-account.ts';
import { ChannelEnum, Tenant } from './tenant.ts';

export const NumberTypeEnum = builder.enumType('NumberType', {
  values: describedValues(Object.values(NumberType), {
    LONG_CODE: 'An ordinary local or mobile number.',
    TOLL_FREE: 'A toll-free number.',
    SHORT_CODE: 'A 5–6 digit short code.',
    ALPHANUMERIC: 'A sender name instead of a number; refused today (candidates cannot answer it).',
  }),
  description: 'What kind of sender a number is; sets its default pace. ALPHANUMERIC (one-way) is refused as a sender.',
});

export const SendingNumber = builder.prismaNode('SendingNumber', {
  description: 'A number the tenant sends from on one channel, through one of its channel accounts.',
  id: { field: 'id' },
  nullable: true,
  authScopes: { tenantMember: true, operator: true },
  fields: (t) => ({
    e164: t.exposeString('e164', { description: 'The number, E.164.' }),
    country: t.exposeString('country', { description: 'Its country (ISO 3166), from the number.' }),
    channel: t.field({
      description: 'The channel it sends on.',
      type: ChannelEnum,
      resolve: (row) => asSendChannel(row.channel),
    }),
    channelAccountId: t.id({
      nullable: true,
      description: "The channel account that owns the number; null: the platform's account.",
      select: { accountId: true },
      resolve: (number) => (number.accountId ? encodeGlobalID('ChannelAccount', number.accountId) : null),
    }),
    label: t.exposeString('label', {
      description: 'A name for people, e.g. "Boston office"; null if none.',
      nullable: true,
    }),
    numberType: t.expose('numberType', {
      description: 'Its kind (long code, toll-free, short code).',
      type: NumberTypeEnum,
    }),
    segmentsPerSecond: t.exposeFloat('segmentsPerSecond', {
      nullable: true,
      description: "The carrier's rate the outbox paces this number at; null: its type's default.",
    }),
    retiredAt: t.expose('retiredAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Retired numbers are never routed; their conversations move on their next send.',
    }),
    ownershipProof: t.exposeString('ownershipProof', {
      description:
        "How ownership was proved when added: PROVIDER (the provider's API lists it for the account), RANGE (the plugin's own range, the sandbox), OPERATOR (the platform operator's word).",
    }),
  }),
});

builder.queryField('sendingNumbers', (t) =>
  t.prismaField({
    description: "Your tenant's sending numbers, by channel and number.",
    type: ['SendingNumber'],
    authScopes: { tenantMember: true },
    args: {
      includeRetired: t.arg.boolean({ description: 'Also list retired numbers (default false).', defaultValue: false }),
    },
    resolve: (query, _root, { includeRetired }, ctx) =>
      tenantScope(ctx).db.sendingNumber.findMany({
        ...query,
        where: includeRetired ? {} : { retiredAt: null },
        orderBy: { createdAt: 'asc' },
      }),
  }),
);

builder.mutationField('addSendingNumber', (t) =>
  t.prismaField({
    type: 'SendingNumber',
    description:
      "Adds a number (provisioned at the provider, its webhooks pointing at Parley: PUBLIC_URL/webhooks/<plugin id>/<channel account id, or 'platform'>/inbound) to a tenant's pool, owned by one of the tenant's channel accounts or by the platform's. " +
      "Whoever adds a number receives its inbound texts, so the account must prove it holds it (the provider's API lists it, or the plugin's own range); a number is in one tenant's pool at a time. " +
      'The platform operator names the tenant; tenant admins add numbers of their own accounts only where the operator allows it (allowAdminsToManageNumbers).',
    authScopes: { operator: true, tenantAdmin: true },
    args: {
      tenantId: t.arg.globalID({ required: false, for: Tenant, description: 'The operator names the tenant.' }),
      label: t.arg.string({ description: 'A name for people, e.g. "Boston office".', required: false }),
      numberType: t.arg({
        description: 'Its kind (default LONG_CODE); sets the default pace. ALPHANUMERIC is refused.',
        type: NumberTypeEnum,
        required: false,
      }),
      segmentsPerSecond: t.arg.float({
        description: "How many SMS segments per second it may send; omitted: its type's default.",
        required: false,
      }),
      e164: t.arg.string({
        description: "The number in E.164 (+14155550123); the account's provider must list it.",
        required: true,
      }),
      channel: t.arg({
        description: 'The channel the number sends on (default SMS).',
        type: ChannelEnum,
        required: false,
      }),
      channelAccountId: t.arg.globalID({
        required: false,
        for: ChannelAccount,
        description: "The tenant's channel account that owns the number; omitted: the platform's account.",
      }),
    },
    errors: {
      types: [
        ConflictError,
        ChannelUnavailableError,
        NotAuthorizedError,
        NumberNotOwnedError,
        NumberOwnershipUnverifiedError,
        SettingNotAvailableError,
      ],
    },
    resolve: async (query, _root, args, ctx) => {
      const { tenantId, byOperator } = poolOwner(ctx, args.tenantId?.id);
      const number = await addSendingNumber(
        ctx.services.prisma,
        ctx.services.channels,
        tenantId,
        {
          e164: args.e164,
          channel: args.channel ?? undefined,
          accountId: args.channelAccountId?.id,
          label: args.label,
          numberType: args.numberType ?? undefined,
          segmentsPerSecond: args.segmentsPerSecond,
        },
        { byOperator },
      );
      return ctx.services.prisma.sendingNumber.findUniqueOrThrow({ ...query, where: { id: number.id } });
    },
  }),
);

builder.prismaNode('UnmatchedInbound', {
  id: { field: 'id' },
  nullable: true,
  description:
    'A text from a number that matches no candidate. Kept, never dropped; readable by admins and partner backends (node(id) of an INBOUND_UNMATCHED event).',
  fields: (t) => ({
    fromNumber: t.exposeString('fromNumber', { description: 'The number that sent it, E.164.' }),
    toNumber: t.exposeString('toNumber', { description: "The tenant's number that received it, E.164." }),
    body: t.exposeString('body', { description: 'The text received.' }),
    createdAt: t.expose('createdAt', { description: 'When it arrived.', type: 'DateTime' }),
  }),
});

builder.queryField('unmatchedInboundMessages', (t) =>
  t.prismaConnection({
    type: 'UnmatchedInbound',
    cursor: 'id',
    description: 'Admins: texts that arrived from numbers matching no candidate, newest first.',
    authScopes: { tenantAdmin: true },
    resolve: (query, _root, _args, ctx) =>
      tenantScope(ctx).db.unmatchedInbound.findMany({ ...query, orderBy: { id: 'desc' } }),
  }),
);
