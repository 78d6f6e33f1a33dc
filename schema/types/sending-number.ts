import { ConflictError } from '../../api/domain/errors.ts';
import { addSendingNumber } from '../../api/domain/sending-numbers.ts';
import { builder } from '../builder.ts';
import { tenantScope } from '../tenant-scope.ts';
import { ChannelEnum } from './tenant.ts';

builder.prismaNode('SendingNumber', {
  id: { field: 'id' },
  nullable: true,
  authScopes: { tenantMember: true },
  fields: (t) => ({
    e164: t.exposeString('e164'),
    country: t.exposeString('country'),
    channel: t.expose('channel', { type: ChannelEnum }),
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
      'Adds a number (already provisioned at the provider, with its webhooks pointing at Parley) to the pool.',
    authScopes: { tenantAdmin: true },
    args: { e164: t.arg.string({ required: true }), channel: t.arg({ type: ChannelEnum, required: false }) },
    errors: { types: [ConflictError] },
    resolve: async (query, _root, { e164, channel }, ctx) => {
      const number = await addSendingNumber(tenantScope(ctx), { e164, channel: channel ?? undefined });
      return tenantScope(ctx).db.sendingNumber.findUniqueOrThrow({ ...query, where: { id: number.id } });
    },
  }),
);

builder.prismaObject('UnmatchedInbound', {
  description: 'A text from a number that matches no candidate. Kept, never dropped.',
  fields: (t) => ({
    id: t.exposeID('id'),
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
