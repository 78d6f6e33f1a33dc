import { encodeGlobalID } from '@pothos/plugin-relay';
import { NotAuthorizedError, ValidationError } from '../../api/domain/errors.ts';
import { MAX_REPORT_MONTHS, type NumberMonthRow, numberUsageReport } from '../../api/reports/number-usage-report.ts';
import { builder } from '../builder.ts';
import { tenantScope } from '../tenant-scope.ts';
import { viewReports } from './report-parts.ts';
import { MessageChannelEnum } from './tenant.ts';

const NumberMonthUsage = builder.objectRef<NumberMonthRow>('NumberMonthUsage').implement({
  description: "One sending number's messages in one month of the tenant's time zone.",
  fields: (t) => ({
    sendingNumberId: t.id({
      description: 'The sending number’s global id.',
      resolve: (r) => encodeGlobalID('SendingNumber', r.sendingNumberId),
    }),
    e164: t.exposeString('e164', { description: 'The number, E.164.' }),
    channel: t.field({ type: MessageChannelEnum, description: 'Its channel.', resolve: (r) => r.channel as 'SMS' }),
    month: t.exposeString('month', { description: 'YYYY-MM in the tenant’s time zone.' }),
    allowance: t.exposeInt('allowance', {
      nullable: true,
      description: "The number's monthly allowance now (allowances keep no history); null: unlimited.",
    }),
    sent: t.exposeInt('sent', { description: 'Messages sent from it that month.' }),
    received: t.exposeInt('received', { description: 'Messages received on it that month.' }),
    used: t.int({ description: 'sent + received: what the allowance counts.', resolve: (r) => r.sent + r.received }),
  }),
});

builder.queryField('numberUsageReport', (t) =>
  t.field({
    type: [NumberMonthUsage],
    description: `Usage of every sending number per month from fromMonth to toMonth (both included, at most ${MAX_REPORT_MONTHS} months), months without messages as zeros; by month, then number. Admins, the partner backend and users with canViewReports.`,
    authScopes: viewReports,
    errors: {
      types: [NotAuthorizedError, ValidationError],
      dataField: { description: 'One row per sending number and month of the period.' },
    },
    args: {
      fromMonth: t.arg.string({ required: true, description: 'First month, YYYY-MM.' }),
      toMonth: t.arg.string({ required: true, description: 'Last month, YYYY-MM.' }),
    },
    resolve: (_root, { fromMonth, toMonth }, ctx) =>
      numberUsageReport(ctx.services.prisma, tenantScope(ctx).tenantId, fromMonth, toMonth),
  }),
);
