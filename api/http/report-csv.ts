import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AuthenticationError, type Authenticator, bearerCredential } from '../auth/authenticate.ts';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import { ValidationError } from '../domain/errors.ts';
import type { Logger } from '../log.ts';
import { mayViewReports } from '../reports/access.ts';
import { activityCsv } from '../reports/activity-csv.ts';
import { resolveActivityFilter } from '../reports/activity-filter.ts';
import { activityFilterFromQuery } from '../reports/activity-params.ts';
import { createReportDownloadSlots, type ReportDownloadLimits } from './report-download-slots.ts';
import { isDatabaseUnavailable } from './service-unavailable.ts';

export const ACTIVITY_CSV_PATH = '/reports/message-activity.csv';
/** An open download looks its credential up again after this many batches, and ends if it no longer may. */
export const CSV_RECHECK_BATCHES = 10;
const RETRY_AFTER_SECONDS = 5;

class DownloadRevoked extends Error {}

/**
 * The chunks, yielding the event loop after each so other requests are served
 * between batches, and asking `stillAllowed` every CSV_RECHECK_BATCHES batches.
 */
async function* paced(chunks: AsyncGenerator<string>, stillAllowed: () => Promise<boolean>) {
  let sent = 0;
  for await (const chunk of chunks) {
    yield chunk;
    await new Promise((resolve) => setImmediate(resolve));
    if (++sent % CSV_RECHECK_BATCHES === 0 && !(await stillAllowed())) throw new DownloadRevoked();
  }
}

/** Report downloads: authenticated like /graphql, streamed, never held in memory whole. */
export function isReportPath(path: string) {
  return path.startsWith('/reports/');
}

function refuse(res: ServerResponse, status: number, code: string, message: string, extra: object = {}) {
  const retryAfter = status === 503 ? '1' : status === 429 ? String(RETRY_AFTER_SECONDS) : undefined;
  res
    .writeHead(status, { 'content-type': 'application/json', ...(retryAfter ? { 'retry-after': retryAfter } : {}) })
    .end(JSON.stringify({ errors: [{ message, extensions: { code, ...extra } }] }));
}

/**
 * GET /reports/message-activity.csv?from=…&to=…[&sendingNumberId=…&userId=…&channel=…&direction=…]
 * with `Authorization: Bearer <API key or user token>`: the activity report as a
 * CSV attachment, for the partner backend, admins and users with canViewReports.
 * Rows are read in keyset batches and written with backpressure: the next batch
 * is read only once the client has taken the last one, and a client that
 * disconnects stops the reads. At most `limits.perTenant` downloads of a
 * tenant and `limits.total` in all stream at once; a download whose
 * credential is revoked (or loses the permission) ends unfinished.
 */
export function createReportHandler(deps: {
  prisma: PrismaClient;
  authenticate: Authenticator;
  log: Logger;
  limits: ReportDownloadLimits;
}) {
  const { prisma, log, limits } = deps;
  const slots = createReportDownloadSlots(limits);
  const mayDownload = async (credential: string | null, tenantId: string) => {
    try {
      const actor = await deps.authenticate(credential);
      return (
        (actor.kind === 'apiKey' || actor.kind === 'user') &&
        actor.tenantId === tenantId &&
        (await mayViewReports(prisma, actor))
      );
    } catch (error) {
      if (error instanceof AuthenticationError) return false;
      throw error;
    }
  };
  return async (req: IncomingMessage, res: ServerResponse, path: string) => {
    if (path !== ACTIVITY_CSV_PATH) return refuse(res, 404, 'NOT_FOUND', `No report here; try ${ACTIVITY_CSV_PATH}.`);
    if (req.method !== 'GET') {
      res.setHeader('allow', 'GET');
      return refuse(res, 405, 'METHOD_NOT_ALLOWED', 'Reports are downloaded with GET.');
    }
    let actor: Awaited<ReturnType<Authenticator>>;
    try {
      actor = await deps.authenticate(bearerCredential(req.headers.authorization));
    } catch (error) {
      if (error instanceof AuthenticationError) return refuse(res, 401, 'UNAUTHENTICATED', error.message);
      throw error;
    }
    if (actor.kind === 'anonymous')
      return refuse(
        res,
        401,
        'UNAUTHENTICATED',
        'Authentication required: send "Authorization: Bearer <API key or user token>".',
      );
    if (actor.kind === 'operator' || !(await mayViewReports(prisma, actor)))
      return refuse(
        res,
        403,
        'NOT_AUTHORIZED',
        'Reports need an admin, the tenant API key, or a user with canViewReports.',
      );
    let filter: Awaited<ReturnType<typeof resolveActivityFilter>>;
    try {
      const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
      filter = await resolveActivityFilter(prisma, actor.tenantId, activityFilterFromQuery(query), '');
    } catch (error) {
      if (error instanceof ValidationError)
        return refuse(
          res,
          400,
          'VALIDATION',
          `Bad report filter: ${error.issues.map((i) => `${i.field} ${i.message}`).join('; ')}.`,
          { issues: error.issues },
        );
      if (isDatabaseUnavailable(error))
        return refuse(res, 503, 'SERVICE_UNAVAILABLE', 'The database is unavailable; retry shortly.', {
          retryable: true,
        });
      throw error;
    }
    const release = slots.claim(actor.tenantId);
    if (!release)
      return refuse(
        res,
        429,
        'LIMIT_EXCEEDED',
        `Too many report downloads at once (at most ${limits.perTenant} per tenant, ${limits.total} in all); wait for one to finish, then retry after ${RETRY_AFTER_SECONDS} s.`,
        { retryAfterSeconds: RETRY_AFTER_SECONDS },
      );
    const credential = bearerCredential(req.headers.authorization);
    const { tenantId } = actor;
    const day = (d: Date) => d.toISOString().slice(0, 10);
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="message-activity-${day(filter.from)}-to-${day(filter.to)}.csv"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    try {
      const chunks = paced(activityCsv(prisma, tenantId, filter), () => mayDownload(credential, tenantId));
      await pipeline(Readable.from(chunks, { highWaterMark: 1 }), res);
    } catch (error) {
      // A client that leaves early is routine; anything else ends the download unfinished (no final chunk).
      if (error instanceof DownloadRevoked) log.info({ path, tenantId }, 'report download ended: credential revoked');
      else if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE')
        log.warn({ err: error, path }, 'report download failed');
      res.destroy();
    } finally {
      release();
    }
  };
}
