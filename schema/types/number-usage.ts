import { encodeGlobalID } from '@pothos/plugin-relay';
import { type NumberActivity, numberActivity } from '../../api/allowances/activity.ts';
import { setNumberAllowance } from '../../api/allowances/settings.ts';
import { type MonthUsage, monthUsage, usageHistory } from '../../api/allowances/usage.ts';
import { NotFoundError } from '../../api/domain/errors.ts';
import { builder } from '../builder.ts';
import { tenantScope } from '../tenant-scope.ts';
import { SendingNumber } from './sending-number.ts';

const NumberUsage = builder.objectRef<MonthUsage>('NumberUsage').implement({
  description: "A sending number's messages in one calendar month of the tenant's time zone.",
  fields: (t) => ({
    month: t.exposeString('month', { description: 'YYYY-MM in the tenant’s time zone.' }),
    sent: t.exposeInt('sent', { description: 'Messages sent from it this month.' }),
    received: t.exposeInt('received', { description: 'Messages received on the number this month.' }),
    used: t.exposeInt('used', { description: 'sent + received: what the allowance counts.' }),
    allowance: t.exposeInt('allowance', {
      nullable: true,
      description: "The number's allowance now; null: unlimited.",
    }),
    remaining: t.int({
      description: 'Messages it may still carry this month; null without an allowance.',
      nullable: true,
      resolve: (u) => (u.allowance === null ? null : Math.max(0, u.allowance - u.used)),
    }),
    resetsAt: t.expose('resetsAt', {
      type: 'DateTime',
      description: 'When the month ends in the tenant’s time zone (this month: when usage starts again from zero).',
    }),
  }),
});

builder.prismaObjectFields('SendingNumber', (t) => ({
  monthlyAllowance: t.exposeInt('monthlyAllowance', {
    nullable: true,
    description:
      "Messages (sent and received) per calendar month in the tenant's time zone, shared by the number's users; sends are refused at it. Null: unlimited.",
  }),
  usage: t.field({
    type: NumberUsage,
    nullable: true,
    description: 'This month’s usage. Admins, the partner backend and the operator.',
    authScopes: { tenantAdmin: true, operator: true },
    select: { tenantId: true },
    resolve: (number, _args, ctx) => monthUsage(ctx.services.prisma, number.tenantId, number.id),
  }),
  usageHistory: t.field({
    type: [NumberUsage],
    description: 'Usage per month, newest first (this month included). Admins, the partner backend and the operator.',
    authScopes: { tenantAdmin: true, operator: true },
    args: {
      months: t.arg.int({
        description: 'How many months back, this one included (1 to 120).',
        required: true,
        defaultValue: 12,
      }),
    },
    select: { tenantId: true },
    resolve: (number, { months }, ctx) =>
      usageHistory(ctx.services.prisma, number.tenantId, number.id, Math.min(Math.max(months, 1), 120)),
  }),
}));

builder.mutationField('setNumberAllowance', (t) =>
  t.prismaField({
    type: 'SendingNumber',
    description:
      "Platform operator only (part of what the tenant buys, like credits): the number's monthly allowance of sent and received messages; null: unlimited.",
    authScopes: { operator: true },
    args: {
      numberId: t.arg.globalID({ description: 'The sending number to limit.', required: true, for: SendingNumber }),
      monthlyAllowance: t.arg.int({
        description: "Messages (sent and received) per month of the tenant's time zone; null: no limit.",
        required: false,
      }),
    },
    errors: { types: [NotFoundError] },
    resolve: async (query, _root, { numberId, monthlyAllowance }, ctx) => {
      await setNumberAllowance(ctx.services.prisma, numberId.id, monthlyAllowance ?? null);
      return ctx.services.prisma.sendingNumber.findUniqueOrThrow({ ...query, where: { id: numberId.id } });
    },
  }),
);

const ActivityRow = builder.objectRef<NumberActivity['rows'][number]>('NumberActivityRow').implement({
  description: 'How many messages of one direction reached one status.',
  fields: (t) => ({
    userId: t.id({
      nullable: true,
      description: 'Who sent them; null for received messages and automatic ones (HELP answers).',
      resolve: (r) => (r.userId ? encodeGlobalID('User', r.userId) : null),
    }),
    direction: t.exposeString('direction', { description: 'Sent or received.' }),
    status: t.exposeString('status', { description: 'Their status now.' }),
    count: t.exposeInt('count', { description: 'Messages with that direction and status.' }),
  }),
});

const NumberActivityRef = builder.objectRef<NumberActivity>('NumberActivity').implement({
  description: 'Counts of a number’s messages in a month, per user, direction and status; no bodies, no candidates.',
  fields: (t) => ({
    sendingNumberId: t.id({
      description: "The sending number's global id.",
      resolve: (a) => encodeGlobalID('SendingNumber', a.sendingNumberId),
    }),
    e164: t.exposeString('e164', { description: 'The number, E.164.' }),
    month: t.exposeString('month', { description: "The month counted, YYYY-MM in the tenant's time zone." }),
    rows: t.field({ description: 'The counts by direction and status.', type: [ActivityRow], resolve: (a) => a.rows }),
    sent: t.int({ description: 'Messages sent from it that month.', resolve: (a) => sum(a, 'OUTBOUND') }),
    received: t.int({ description: 'Messages received on it that month.', resolve: (a) => sum(a, 'INBOUND') }),
  }),
});

function sum(a: NumberActivity, direction: string) {
  return a.rows.filter((r) => r.direction === direction).reduce((n, r) => n + r.count, 0);
}

builder.queryField('numberActivity', (t) =>
  t.field({
    type: NumberActivityRef,
    description:
      "Admins: the activity report of a sending number for a month (YYYY-MM in the tenant's time zone; default this month). With number assignment it is how an admin not assigned to the number reviews it.",
    authScopes: { tenantAdmin: true },
    args: {
      numberId: t.arg.globalID({ description: 'The sending number.', required: true, for: SendingNumber }),
      month: t.arg.string({
        description: "The month, YYYY-MM in the tenant's time zone; omitted: this month.",
        required: false,
      }),
    },
    resolve: (_root, { numberId, month }, ctx) => numberActivity(tenantScope(ctx), numberId.id, month),
  }),
);
