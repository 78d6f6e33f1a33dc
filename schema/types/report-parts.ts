import { encodeGlobalID } from '@pothos/plugin-relay';
import type { RequestContext } from '../../api/context.ts';
import { ValidationError } from '../../api/domain/errors.ts';
import { pageSizes } from '../../api/http/page-sizes.ts';
import { mayViewReports } from '../../api/reports/access.ts';
import { decodeReportCursor, encodeReportCursor, type ReportKey } from '../../api/reports/keyset-cursor.ts';
import { builder } from '../builder.ts';

/** Reports: the partner backend, admins and users with canViewReports (they cover the whole tenant). */
export const viewReports = (_parent: unknown, _args: unknown, ctx: RequestContext) =>
  mayViewReports(ctx.services.prisma, ctx.actor);

export type ReportRefShape = { type: 'User' | 'Candidate'; id: string; name: string };

export const ReportRef = builder.objectRef<ReportRefShape>('ReportRef').implement({
  description: 'A user or candidate as a report names them, without loading them.',
  fields: (t) => ({
    id: t.id({
      description: 'Their global id (read more with node(id)).',
      resolve: (r) => encodeGlobalID(r.type, r.id),
    }),
    name: t.exposeString('name', { description: 'Their name when the report was read.' }),
  }),
});

/** The page a report connection asks for: forward only, at most the schema's maximum page. */
export function reportPage(args: {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}) {
  if (args.last != null || args.before != null)
    throw ValidationError.of('last', 'reports page forward only: use first and after');
  const first = Math.min(args.first ?? pageSizes.default, pageSizes.max);
  if (first < 1) throw ValidationError.of('first', 'must be at least 1');
  const after = args.after ? decodeReportCursor(args.after) : null;
  if (args.after && !after) throw ValidationError.of('after', 'is not a cursor of this report');
  return { first, after };
}

/** A connection from one page read with one row more than asked (the extra row says there is a next page). */
export function reportConnection<R extends ReportKey>(rows: R[], first: number, after: ReportKey | null) {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ cursor: encodeReportCursor(node), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
