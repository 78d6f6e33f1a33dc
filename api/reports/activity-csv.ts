import { encodeGlobalID } from '@pothos/plugin-relay';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import type { ActivityFilter } from './activity-filter.ts';
import { type ActivityRow, activityPage } from './activity-sql.ts';
import { csvRecord } from './csv.ts';
import type { ReportKey } from './keyset-cursor.ts';

export const ACTIVITY_CSV_BATCH = 1000;

const header = csvRecord([
  'time',
  'direction',
  'user_id',
  'user_name',
  'candidate_id',
  'candidate_name',
  'number',
  'channel',
  'kind',
  'custom_kind',
  'status',
  'segments',
  'credits',
  'message_id',
]);

const gid = (type: string, id: string | null) => (id ? encodeGlobalID(type, id) : null);

function record(r: ActivityRow) {
  return csvRecord([
    r.createdAt.toISOString(),
    r.direction,
    gid('User', r.authorId),
    r.authorName,
    gid('Candidate', r.candidateId),
    r.candidateName,
    r.number,
    r.channel,
    r.kind,
    r.customKind,
    r.status,
    r.segments,
    r.credits,
    gid('Message', r.id),
  ]);
}

/**
 * The activity report as CSV text, one chunk per batch of rows (the header
 * first). Each batch is one keyset statement of `batch` rows, read only when
 * the consumer asks for the next chunk, so memory holds one batch whatever the
 * report's size, and a consumer that stops (a client that disconnects) stops
 * the reads.
 */
export async function* activityCsv(
  db: Pick<PrismaClient, '$queryRaw'>,
  tenantId: string,
  filter: ActivityFilter,
  batch = ACTIVITY_CSV_BATCH,
): AsyncGenerator<string> {
  yield header;
  let after: ReportKey | null = null;
  for (;;) {
    const rows = await activityPage(db, tenantId, filter, after, batch);
    if (rows.length) yield rows.map(record).join('');
    const last = rows.at(-1);
    if (!last || rows.length < batch) return;
    after = { createdAt: last.createdAt, id: last.id };
  }
}
