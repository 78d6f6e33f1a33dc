import { encodeGlobalID } from '@pothos/plugin-relay';
import { NotAuthorizedError, ValidationError } from '../../api/domain/errors.ts';
import { type ConsentChangeRow, consentChangesPage } from '../../api/reports/consent-changes-sql.ts';
import { builder } from '../builder.ts';
import { tenantScope } from '../tenant-scope.ts';
import { ConsentSourceEnum, ConsentStateEnum } from './candidate.ts';
import { ReportRef, reportConnection, reportPage, viewReports } from './report-parts.ts';
import { ChannelEnum } from './tenant.ts';

type State = typeof ConsentStateEnum.$inferType;

const ConsentChange = builder.objectRef<ConsentChangeRow>('ConsentChange').implement({
  description: "One change of a candidate's consent on a channel, with what proves it.",
  fields: (t) => ({
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it changed.' }),
    candidate: t.field({
      type: ReportRef,
      description: 'Whose consent it is.',
      resolve: (r) => ({ type: 'Candidate' as const, id: r.candidateId, name: r.candidateName }),
    }),
    channel: t.field({ type: ChannelEnum, description: 'The channel it is for.', resolve: (r) => r.channel as 'SMS' }),
    fromState: t.field({
      type: ConsentStateEnum,
      description: 'The consent before the change.',
      resolve: (r) => r.fromState as State,
    }),
    toState: t.field({
      type: ConsentStateEnum,
      description: 'The consent after the change.',
      resolve: (r) => r.toState as State,
    }),
    source: t.field({
      type: ConsentSourceEnum,
      description: 'What changed it: the application form, the invitation, a keyword, a recruiter, the carrier.',
      resolve: (r) => r.source as typeof ConsentSourceEnum.$inferType,
    }),
    actor: t.field({
      type: ReportRef,
      nullable: true,
      description: 'The user who recorded it (source RECRUITER); null otherwise.',
      resolve: (r) => (r.actorUserId ? { type: 'User' as const, id: r.actorUserId, name: r.actorName ?? '' } : null),
    }),
    evidence: t.exposeString('evidence', {
      nullable: true,
      description: "What proves it: the keyword message's text, the recruiter's reason, the application's form.",
    }),
    message: t.id({
      nullable: true,
      description: 'The message that changed it (a keyword or YES reply), if any.',
      resolve: (r) => (r.messageId ? encodeGlobalID('Message', r.messageId) : null),
    }),
  }),
});

const ConsentChangesFilter = builder.inputType('ConsentChangesFilter', {
  description: 'The period of the consent changes report.',
  fields: (t) => ({
    from: t.field({ type: 'DateTime', required: true, description: 'Changes at or after this time.' }),
    to: t.field({ type: 'DateTime', required: true, description: 'Changes before this time (after from).' }),
  }),
});

builder.queryField('consentChanges', (t) =>
  t.connection({
    type: ConsentChange,
    description:
      "Every consent change of your tenant's candidates in a period, newest first, with its evidence. Admins, the partner backend and users with canViewReports.",
    authScopes: viewReports,
    errors: { types: [NotAuthorizedError, ValidationError] },
    args: {
      filter: t.arg({
        type: ConsentChangesFilter,
        required: true,
        description: 'The period to report: changes at or after `from` and before `to`.',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const { first, after } = reportPage(args);
      const { from, to } = args.filter;
      if (to <= from) throw ValidationError.of('filter.to', 'must be after from');
      const rows = await consentChangesPage(
        ctx.services.prisma,
        tenantScope(ctx).tenantId,
        { from, to },
        after,
        first + 1,
      );
      return reportConnection(rows, first, after);
    },
  }),
);
