import { encodeGlobalID } from '@pothos/plugin-relay';
import { ChannelUnavailableError, ConflictError } from '../../api/domain/errors.ts';
import { addSendingNumber } from '../../api/domain/sending-numbers.ts';
import { builder } from '../builder.ts';
import { tenantScope } from '../tenant-scope.ts';
import { ChannelAccount } from './channel-account.ts';
import { ChannelEnum, Tenant } from './tenant.ts';

builder.prismaNode('SendingNumber', {
  id: { field: 'id' },
  nullable: true,
  authScopes: { tenantMember: true, operator: true },
  fields: (t) => ({
    e164: t.exposeString('e164'),
    country: t.exposeString('country'),
    channel: t.expose('channel', { type: ChannelEnum }),
    channelAccountId: t.id({
      nullable: true,
      description: "The channel account that owns the number; null: the platform's account.",
      select: { accountId: true },
      resolve: (number) => (number.accountId ? encodeGlobalID('ChannelAccount', number.accountId) : null),
    }),
  }),
});

builder.queryField('sendingNumbers', (t) =>
  t.prismaField({
    type: ['SendingNumber'],
    authScopes: { tenantMember: true },
    resolve: (query, _root, _args, ctx) =>
      tenantScope(ctx).db.sendingNumber.findMany({ ...query, orderBy: { createdAt: 'asc' } }),
  }),
);

builder.mutationField('addSendingNumber', (t) =>
  t.prismaField({
    type: 'SendingNumber',
    description:
      "Platform operator only: adds a number (provisioned at the provider, its webhooks pointing at Parley: PUBLIC_URL/webhooks/<plugin id>/<channel account id, or 'platform'>/inbound) to a tenant's pool, owned by one of the tenant's channel accounts or by the platform's. " +
      'Whoever adds a number receives its inbound texts, so tenants cannot add numbers themselves until a number can be verified against the provider account that owns it.',
    authScopes: { operator: true },
    args: {
      tenantId: t.arg.globalID({ required: true, for: Tenant }),
      e164: t.arg.string({ required: true }),
      channel: t.arg({ type: ChannelEnum, required: false }),
      channelAccountId: t.arg.globalID({
        required: false,
        for: ChannelAccount,
        description: "The tenant's channel account that owns the number; omitted: the platform's account.",
      }),
    },
    errors: { types: [ConflictError, ChannelUnavailableError] },
    resolve: async (query, _root, { tenantId, e164, channel, channelAccountId }, ctx) => {
      const number = await addSendingNumber(ctx.services.prisma, ctx.services.channels, tenantId.id, {
        e164,
        channel: channel ?? undefined,
        accountId: channelAccountId?.id,
      });
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
    fromNumber: t.exposeString('fromNumber'),
    toNumber: t.exposeString('toNumber'),
    body: t.exposeString('body'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
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
