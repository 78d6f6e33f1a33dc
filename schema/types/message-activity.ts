import { encodeGlobalID } from '@pothos/plugin-relay';
import { NotAuthorizedError, ValidationError } from '../../api/domain/errors.ts';
import { resolveActivityFilter } from '../../api/reports/activity-filter.ts';
import { type ActivityRow, activityPage } from '../../api/reports/activity-sql.ts';
import { builder } from '../builder.ts';
import { tenantScope } from '../tenant-scope.ts';
import { DirectionEnum, MessageStatusEnum } from './message.ts';
import { MessageKindEnum } from './message-kinds.ts';
import { ReportRef, reportConnection, reportPage, viewReports } from './report-parts.ts';
import { SendingNumber } from './sending-number.ts';
import { MessageChannelEnum } from './tenant.ts';
import { User } from './user.ts';

const MessageActivity = builder.objectRef<ActivityRow>('MessageActivity').implement({
  description: 'One message of the activity report: who, to whom, from which number, on which channel, what it cost.',
  fields: (t) => ({
    message: t.id({
      description: 'The message (read it with node(id) if you may read its conversation).',
      resolve: (r) => encodeGlobalID('Message', r.id),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was written (sent or received).' }),
    direction: t.field({ type: DirectionEnum, description: 'Sent or received.', resolve: (r) => r.direction }),
    author: t.field({
      type: ReportRef,
      nullable: true,
      description:
        'The user who sent it; null for received messages and those sent by the partner backend or automatically.',
      resolve: (r) => (r.authorId ? { type: 'User' as const, id: r.authorId, name: r.authorName ?? '' } : null),
    }),
    candidate: t.field({
      type: ReportRef,
      description: 'The candidate of the conversation.',
      resolve: (r) => ({ type: 'Candidate' as const, id: r.candidateId, name: r.candidateName }),
    }),
    number: t.exposeString('number', {
      description: "Your side of it: the number (E.164) it was sent from or received on; an email's address for EMAIL.",
    }),
    channel: t.field({ type: MessageChannelEnum, description: 'SMS, WHATSAPP or EMAIL.', resolve: (r) => r.channel }),
    kind: t.field({ type: MessageKindEnum, description: 'What it is for.', resolve: (r) => r.kind as ActivityKind }),
    customKind: t.exposeString('customKind', {
      nullable: true,
      description: "Your own kind's key when kind is CUSTOM.",
    }),
    status: t.field({
      type: MessageStatusEnum,
      description: 'Where it is now.',
      resolve: (r) => r.status as ActivityStatus,
    }),
    segments: t.exposeInt('segments', { description: 'SMS segments it was billed as (1 for other channels).' }),
    credits: t.exposeInt('credits', {
      description: 'Credits charged for it, less refunds; 0 when nothing was charged.',
    }),
  }),
});

type ActivityKind = typeof MessageKindEnum.$inferType;
type ActivityStatus = typeof MessageStatusEnum.$inferType;

const MessageActivityFilter = builder.inputType('MessageActivityFilter', {
  description: 'Which messages the activity report lists; every filter given must hold.',
  fields: (t) => ({
    from: t.field({ type: 'DateTime', required: true, description: 'Messages written at or after this time.' }),
    to: t.field({ type: 'DateTime', required: true, description: 'Messages written before this time (after from).' }),
    sendingNumberId: t.globalID({
      for: SendingNumber,
      description: 'Only messages sent from or received on this number (on its channel).',
    }),
    userId: t.globalID({ for: User, description: 'Only messages this user sent.' }),
    channel: t.field({
      type: MessageChannelEnum,
      description: 'Only messages on this channel (EMAIL: recorded emails).',
    }),
    direction: t.field({ type: DirectionEnum, description: 'Only sent (OUTBOUND) or received (INBOUND) messages.' }),
  }),
});

builder.queryField('messageActivity', (t) =>
  t.connection({
    type: MessageActivity,
    description:
      'The activity report: every message of your tenant in a period (all conversations, not only those you may read), newest first. Admins, the partner backend and users with canViewReports. Page forward with first and after; a cursor stays valid while new messages arrive. The same report as CSV: GET /reports/message-activity.csv.',
    authScopes: viewReports,
    errors: { types: [NotAuthorizedError, ValidationError] },
    args: { filter: t.arg({ type: MessageActivityFilter, required: true, description: 'The period and filters.' }) },
    resolve: async (_root, args, ctx) => {
      const { first, after } = reportPage(args);
      const scope = tenantScope(ctx);
      const f = args.filter;
      const filter = await resolveActivityFilter(ctx.services.prisma, scope.tenantId, {
        from: f.from,
        to: f.to,
        sendingNumberId: f.sendingNumberId?.id,
        userId: f.userId?.id,
        channel: f.channel,
        direction: f.direction,
      });
      const rows = await activityPage(ctx.services.prisma, scope.tenantId, filter, after, first + 1);
      return reportConnection(rows, first, after);
    },
  }),
);
