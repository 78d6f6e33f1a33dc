import type { RequestContext } from '../../api/context.ts';
import { mayViewCredits } from '../../api/credits/access.ts';
import { type CreditSummary, creditSummary } from '../../api/credits/balance.ts';
import { setLowCreditThreshold } from '../../api/credits/threshold.ts';
import { topUpCredits } from '../../api/credits/top-up.ts';
import { CreditEntryKind } from '../../api/db/generated/prisma/enums.ts';
import { IdempotencyKeyReusedError, ValidationError } from '../../api/domain/errors.ts';
import { builder } from '../builder.ts';
import { describedValues } from '../described-values.ts';
import { tenantScope } from '../tenant-scope.ts';
import { Tenant } from './tenant.ts';

const CreditEntryKindEnum = builder.enumType('CreditEntryKind', {
  values: describedValues(Object.values(CreditEntryKind), {
    TOPUP: 'Credits added by the operator (topUpCredits).',
    RESERVATION: "Credits held for a queued message's cost.",
    CHARGE: 'Credits spent when the provider accepted the message.',
    RELEASE: 'A reservation given back when the message failed or was withdrawn.',
    REFUND: 'A charge given back.',
  }),
  description:
    'TOPUP adds credits; RESERVATION holds a queued message’s cost; CHARGE spends it when the provider accepts the message; RELEASE gives it back when the message fails or is withdrawn; REFUND gives back a charge.',
});

builder.prismaObject('CreditEntry', {
  description: 'One entry of the tenant’s credit ledger. Entries are never changed or removed.',
  fields: (t) => ({
    kind: t.field({ description: 'What moved the balance.', type: CreditEntryKindEnum, resolve: (e) => e.kind }),
    amount: t.exposeInt('amount', { description: 'Credits, always positive; `kind` says which way they move.' }),
    message: t.globalID({
      nullable: true,
      description: 'The message it is for (read it with node(id)); null for a top-up.',
      resolve: (e) => (e.messageId ? { type: 'Message', id: e.messageId } : null),
    }),
    actor: t.exposeString('actor', { description: '`operator`, `outbox`, or `user:<id>` / `apiKey:<id>` for a send.' }),
    note: t.exposeString('note', { description: "The operator's note on a top-up; null otherwise.", nullable: true }),
    createdAt: t.expose('createdAt', { description: 'When the entry was written.', type: 'DateTime' }),
  }),
});

type Balance = CreditSummary & { lowCreditThreshold: number | null };

const CreditBalance = builder.objectRef<Balance>('CreditBalance').implement({
  description: 'The tenant’s credits, derived from its ledger.',
  fields: (t) => ({
    available: t.exposeInt('available', { description: 'What new messages may reserve; never negative.' }),
    reserved: t.exposeInt('reserved', { description: 'Held by queued messages, neither charged nor released yet.' }),
    spent: t.exposeInt('spent', { description: 'Charged for messages the provider accepted, less refunds.' }),
    lowCreditThreshold: t.int({
      nullable: true,
      description: 'Below this, CREDITS_LOW is raised (once per crossing); null: no alert.',
      resolve: (b) => b.lowCreditThreshold,
    }),
  }),
});

const viewCredits = (_parent: unknown, _args: unknown, ctx: RequestContext) => mayViewCredits(ctx.scope, ctx.actor);

builder.prismaObjectFields('Tenant', (t) => ({
  lowCreditThreshold: t.exposeInt('lowCreditThreshold', {
    description: 'Below this balance a CREDITS_LOW notification and event go out; null: never.',
    nullable: true,
    authScopes: viewCredits,
  }),
  creditBalance: t.field({
    type: CreditBalance,
    nullable: true,
    description: 'Your credits. Admins, the partner backend and users with canViewCredits only.',
    authScopes: viewCredits,
    select: { lowCreditThreshold: true },
    resolve: async (tenant, _args, ctx) => ({
      ...(await creditSummary(ctx.services.prisma, tenant.id)),
      lowCreditThreshold: tenant.lowCreditThreshold,
    }),
  }),
  // Its own statement (not a relation of the tenant's): a bad period is an error on this field, not on the tenant.
  creditLedger: t.prismaConnection({
    type: 'CreditEntry',
    cursor: 'id',
    nullable: true,
    description:
      'Your credit ledger, newest first, optionally of a period (from, to). Admins, the partner backend and users with canViewCredits only.',
    authScopes: viewCredits,
    args: {
      from: t.arg({ type: 'DateTime', required: false, description: 'Only entries at or after this time.' }),
      to: t.arg({ type: 'DateTime', required: false, description: 'Only entries before this time (after from).' }),
    },
    resolve: (query, tenant, { from, to }, ctx) => {
      if (from && to && to <= from) throw ValidationError.of('to', 'must be after from');
      return tenantScope(ctx).db.creditEntry.findMany({
        ...query,
        where: {
          tenantId: tenant.id,
          ...(from || to ? { createdAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {}),
        },
        orderBy: { id: 'desc' },
      });
    },
  }),
}));

builder.mutationField('topUpCredits', (t) =>
  t.field({
    type: CreditBalance,
    description:
      'Platform operator only: adds credits to a tenant. With an idempotencyKey it is applied once however often it is sent.',
    authScopes: { operator: true },
    args: {
      tenantId: t.arg.globalID({ description: 'The tenant to credit.', required: true, for: Tenant }),
      credits: t.arg.int({ description: 'How many credits to add, at least 1.', required: true }),
      note: t.arg.string({ description: 'Why, kept on the ledger entry (e.g. the invoice number).', required: false }),
      idempotencyKey: t.arg.string({
        description: 'A key of yours for this top-up: retrying with it adds nothing twice.',
        required: false,
      }),
    },
    errors: { types: [IdempotencyKeyReusedError] },
    resolve: async (_root, { tenantId, credits, note, idempotencyKey }, ctx) => {
      const { prisma } = ctx.services;
      await topUpCredits(prisma, tenantId.id, { credits, note, idempotencyKey });
      ctx.services.relay.wake();
      const tenant = await prisma.tenant.findUniqueOrThrow({
        where: { id: tenantId.id },
        select: { lowCreditThreshold: true },
      });
      return { ...(await creditSummary(prisma, tenantId.id)), lowCreditThreshold: tenant.lowCreditThreshold };
    },
  }),
);

builder.mutationField('setLowCreditThreshold', (t) =>
  t.prismaField({
    type: 'Tenant',
    description:
      'Tenant admins: below this many available credits, CREDITS_LOW is raised (once each time a send takes the balance below it); null turns it off.',
    authScopes: { tenantAdmin: true },
    args: {
      lowCreditThreshold: t.arg.int({
        description: 'Credits below which CREDITS_LOW goes out; null: never.',
        required: false,
      }),
    },
    errors: {},
    resolve: async (query, _root, { lowCreditThreshold }, ctx) => {
      const scope = tenantScope(ctx);
      await setLowCreditThreshold(scope, { lowCreditThreshold: lowCreditThreshold ?? null });
      return scope.db.tenant.findUniqueOrThrow({ ...query, where: { id: scope.tenantId } });
    },
  }),
);
