import { SettingNotAvailableError } from '../../api/domain/errors.ts';
import {
  allowAdminsToManageNumbers,
  retireSendingNumber,
  updateSendingNumber,
} from '../../api/domain/sending-numbers.ts';
import { builder } from '../builder.ts';
import { poolOwner } from '../pool-owner.ts';
import { NumberTypeEnum, SendingNumber } from './sending-number.ts';
import { Tenant } from './tenant.ts';

/** The number's tenant: the operator may act on any, a tenant admin only on its own (others are not found). */
async function numberTenant(ctx: Parameters<typeof poolOwner>[0], id: string) {
  if (ctx.actor.kind !== 'operator') return poolOwner(ctx, undefined);
  const row = await ctx.services.prisma.sendingNumber.findUnique({ where: { id }, select: { tenantId: true } });
  return { tenantId: row?.tenantId ?? '00000000-0000-0000-0000-000000000000', byOperator: true };
}

builder.mutationField('updateSendingNumber', (t) =>
  t.prismaField({
    type: 'SendingNumber',
    description:
      "Label a number, set its type or the carrier's rate the outbox paces it at (null: its type's default). The operator, or tenant admins where the operator allows it.",
    authScopes: { operator: true, tenantAdmin: true },
    args: {
      id: t.arg.globalID({ description: 'The sending number to change.', required: true, for: SendingNumber }),
      label: t.arg.string({ required: false, description: 'Omitted: unchanged; null: none.' }),
      numberType: t.arg({ description: 'Its kind; omitted: unchanged.', type: NumberTypeEnum, required: false }),
      segmentsPerSecond: t.arg.float({ required: false, description: "Omitted: unchanged; null: the type's default." }),
    },
    errors: { types: [SettingNotAvailableError] },
    resolve: async (query, _root, { id, ...settings }, ctx) => {
      const owner = await numberTenant(ctx, id.id);
      const number = await updateSendingNumber(
        ctx.services.prisma,
        owner.tenantId,
        id.id,
        {
          label: settings.label,
          numberType: settings.numberType ?? undefined,
          segmentsPerSecond: settings.segmentsPerSecond,
        },
        owner,
      );
      return ctx.services.prisma.sendingNumber.findUniqueOrThrow({ ...query, where: { id: number.id } });
    },
  }),
);

builder.mutationField('retireSendingNumber', (t) =>
  t.prismaField({
    type: 'SendingNumber',
    description:
      'Takes a number out of service: never routed again; each of its conversations moves to another number on its next send (Conversation.numberChanges), and the number is released for whoever holds it next at the provider. The operator, or tenant admins where the operator allows it.',
    authScopes: { operator: true, tenantAdmin: true },
    args: {
      id: t.arg.globalID({
        description: 'The sending number to retire; its conversations move to another number.',
        required: true,
        for: SendingNumber,
      }),
    },
    errors: {},
    resolve: async (query, _root, { id }, ctx) => {
      const owner = await numberTenant(ctx, id.id);
      const number = await retireSendingNumber(ctx.services.prisma, owner.tenantId, id.id, owner);
      return ctx.services.prisma.sendingNumber.findUniqueOrThrow({ ...query, where: { id: number.id } });
    },
  }),
);

builder.mutationField('allowAdminsToManageNumbers', (t) =>
  t.prismaField({
    type: 'Tenant',
    description:
      "Platform operator only: lets the tenant's admins (and its partner backend) add numbers of the tenant's own channel accounts, with the provider's proof of ownership, and label and retire its numbers.",
    authScopes: { operator: true },
    args: {
      tenantId: t.arg.globalID({ description: 'The tenant to change.', required: true, for: Tenant }),
      allowed: t.arg.boolean({
        description: "True lets the tenant's admins add, label and retire numbers; false takes it back.",
        required: true,
      }),
    },
    errors: {},
    resolve: async (query, _root, { tenantId, allowed }, ctx) => {
      await allowAdminsToManageNumbers(ctx.services.prisma, tenantId.id, allowed);
      return ctx.services.prisma.tenant.findUniqueOrThrow({ ...query, where: { id: tenantId.id } });
    },
  }),
);

builder.prismaObjectField(Tenant, 'adminsManageNumbers', (t) =>
  t.exposeBoolean('adminsManageNumbers', {
    description:
      'The operator lets the tenant’s admins add, label and retire its numbers (allowAdminsToManageNumbers).',
  }),
);
