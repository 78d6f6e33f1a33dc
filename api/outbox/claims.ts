import { Prisma, type PrismaClient } from '../db/generated/prisma/client.ts';
import { rateSql } from './pacing.ts';

export type Claim = {
  id: string;
  messageId: string;
  tenantId: string;
  attempts: number;
  claimedAt: Date;
  /** Why the previous attempt did not settle (for the failure reason when attempts run out). */
  lastError: string | null;
  /** How long to wait before calling the provider: when the sending number's slot for this message starts. */
  waitMs: number;
  /** The provider account the call goes through (see `accountKey`): its calls in flight are capped per worker. */
  account: string;
};

/**
 * How many calls each provider account has in flight in this worker, and how
 * many it may have: a claim takes no more rows of an account than the
 * difference, none of an account at its cap (those stay for a later claim).
 */
export type AccountSlots = { busy: ReadonlyMap<string, number>; perAccount: number };

const noCap: AccountSlots = { busy: new Map(), perAccount: 2 ** 31 - 1 };

/**
 * The provider account a message is sent through, as `channels.providerFor`
 * resolves it: the channel account that owns its sending number, or else the
 * platform's account of its channel, counted per tenant (so one tenant's calls
 * cannot fill the slots through the platform's account either). `m` is the
 * message, `n` its sending number (LEFT JOINed: null when it is in no pool).
 */
const accountKey = Prisma.sql`coalesce(n."accountId"::text, 'platform:' || m.channel::text || ':' || m."tenantId"::text)`;

/** Each account's calls in flight, as a relation (key, n) for the claim statements. */
function busySql({ busy }: AccountSlots) {
  return Prisma.sql`SELECT * FROM unnest(${[...busy.keys()]}::text[], ${[...busy.values()]}::int[]) AS b(key, n)`;
}

type Sql = Pick<PrismaClient, '$queryRaw'>;

const secs = (ms: number) => Prisma.sql`make_interval(secs => ${ms / 1000})`;

/**
 * Claims due rows for this worker: marks them SENDING (committed before any
 * provider call) with a lease, in one statement that also paces each sending
 * number (shared by every copy of the service, since it lives in the database):
 *
 * - a row is claimable only when its number's slot (`nextSendAt`, or now) plus
 *   the segments of the rows ahead of it, at the number's rate, falls within
 *   `lookaheadMs`; the claim moves the slot on by the claimed segments / rate,
 *   and each claim says how long to wait before sending (`waitMs`). So a
 *   backlog on one number yields one or two rows per claim and the rest of the
 *   batch goes to other numbers, oldest first;
 * - a number is claimed by one claimer at a time (its row FOR UPDATE SKIP LOCKED)
 *   and only if its slot is what this statement's snapshot saw: otherwise another
 *   claim committed in between and what this statement saw of its rows is stale,
 *   so the number waits for the next claim;
 * - of identical texts (same from, to and body) only one is in flight at a time:
 *   none is claimed while another is SENDING (it may be an unclear send being
 *   reconciled), and only the oldest of several pending ones. A lookup for an
 *   unclear send therefore never has two candidates of Parley's own to tell apart.
 *
 * Messages whose number is not in any pool (`SendingNumber`) are not paced.
 */
export function claimDue(
  sql: Sql,
  limit: number,
  leaseMs: number,
  lookaheadMs: number,
  slots: AccountSlots = noCap,
): Promise<Claim[]> {
  return sql.$queryRaw<Claim[]>`
    WITH busy AS MATERIALIZED (${busySql(slots)}),
    due AS MATERIALIZED (
      SELECT o.id, o."nextAttemptAt", m.segments, m."fromNumber", m."toNumber", m.body,
        n.id AS "numberId", n."nextSendAt", ${rateSql('n')} AS rate, ${accountKey} AS account
      FROM "OutboxEntry" o
      JOIN "Message" m ON m.id = o."messageId"
      LEFT JOIN "SendingNumber" n ON n.e164 = m."fromNumber" AND n.channel = m.channel AND n."tenantId" = m."tenantId"
      WHERE o.state = 'PENDING' AND o."nextAttemptAt" <= now()
        AND ${accountKey} NOT IN (SELECT key FROM busy WHERE n >= ${slots.perAccount})
        AND NOT EXISTS (
          SELECT 1 FROM "OutboxEntry" so JOIN "Message" sm ON sm.id = so."messageId"
          WHERE so.state = 'SENDING' AND sm."fromNumber" = m."fromNumber" AND sm."toNumber" = m."toNumber"
            AND sm.body = m.body)),
    firsts AS (
      SELECT * FROM (
        SELECT due.*, row_number() OVER (PARTITION BY "fromNumber", "toNumber", body ORDER BY "nextAttemptAt", id) AS twin
        FROM due) d
      WHERE twin = 1),
    slotted AS (
      SELECT id, "numberId", "nextAttemptAt", segments, account,
        greatest("nextSendAt", now()) + make_interval(secs => (sum(segments) OVER w - segments) / rate) AS "slotAt"
      FROM firsts
      WINDOW w AS (PARTITION BY "numberId" ORDER BY "nextAttemptAt", id)),
    ready AS (
      SELECT id, "numberId", "nextAttemptAt", segments, account,
        row_number() OVER (PARTITION BY account ORDER BY "nextAttemptAt", id) AS nth
      FROM slotted
      WHERE "numberId" IS NULL OR "slotAt" <= now() + ${secs(lookaheadMs)}),
    picked AS MATERIALIZED (
      SELECT r.id, r."numberId", r."nextAttemptAt", r.segments, r.account FROM ready r
      LEFT JOIN busy b ON b.key = r.account
      WHERE r.nth + coalesce(b.n, 0) <= ${slots.perAccount}
      ORDER BY r."nextAttemptAt", r.id LIMIT ${limit}),
    locked_numbers AS MATERIALIZED (
      SELECT n.id, n."nextSendAt", ${rateSql('n')} AS rate FROM "SendingNumber" n
      WHERE n.id IN (SELECT "numberId" FROM picked)
      FOR UPDATE SKIP LOCKED),
    free_numbers AS MATERIALIZED (
      SELECT l.* FROM locked_numbers l
      JOIN "SendingNumber" seen ON seen.id = l.id AND seen."nextSendAt" = l."nextSendAt"),
    locked_rows AS MATERIALIZED (
      SELECT o.id FROM "OutboxEntry" o
      WHERE o.id IN (
          SELECT id FROM picked WHERE "numberId" IS NULL OR "numberId" IN (SELECT id FROM free_numbers))
        AND o.state = 'PENDING'
      FOR UPDATE SKIP LOCKED),
    slots AS MATERIALIZED (
      SELECT p.id, p."numberId", p.segments, p.account,
        CASE WHEN f.id IS NULL THEN now()
          ELSE greatest(f."nextSendAt", now()) + make_interval(secs => (sum(p.segments) OVER w - p.segments) / f.rate)
        END AS "sendAt"
      FROM locked_rows r JOIN picked p ON p.id = r.id LEFT JOIN free_numbers f ON f.id = p."numberId"
      WINDOW w AS (PARTITION BY p."numberId" ORDER BY p."nextAttemptAt", p.id)),
    claimed AS (
      UPDATE "OutboxEntry" o SET state = 'SENDING', attempts = o.attempts + 1, "claimedAt" = now(),
        "leaseUntil" = s."sendAt" + ${secs(leaseMs)}
      FROM slots s WHERE o.id = s.id
      RETURNING o.id, o."messageId", o."tenantId", o.attempts, o."claimedAt", o."lastError", s."sendAt", s.account),
    paced AS (
      UPDATE "SendingNumber" n
      SET "nextSendAt" = greatest(f."nextSendAt", now()) + make_interval(secs => t.segments / f.rate)
      FROM free_numbers f JOIN (SELECT "numberId", sum(segments) AS segments FROM slots GROUP BY "numberId") t
        ON t."numberId" = f.id
      WHERE n.id = f.id)
    SELECT id, "messageId", "tenantId", attempts, "claimedAt", "lastError",
      greatest(0, extract(epoch FROM "sendAt" - now()) * 1000)::float8 AS "waitMs", account
    FROM claimed ORDER BY "sendAt"`;
}

/**
 * Claims SENDING rows whose lease ran out: their worker died or hung mid-send,
 * so whether the provider has the message is unknown until it is looked up.
 * The lookup calls the provider too, so each account's cap (`slots`) applies.
 */
export function claimExpired(sql: Sql, limit: number, leaseMs: number, slots: AccountSlots = noCap): Promise<Claim[]> {
  return sql.$queryRaw<Claim[]>`
    WITH busy AS MATERIALIZED (${busySql(slots)}),
    expired AS MATERIALIZED (
      SELECT o.id, o."leaseUntil", ${accountKey} AS account,
        row_number() OVER (PARTITION BY ${accountKey} ORDER BY o."leaseUntil", o.id) AS nth
      FROM "OutboxEntry" o
      JOIN "Message" m ON m.id = o."messageId"
      LEFT JOIN "SendingNumber" n ON n.e164 = m."fromNumber" AND n.channel = m.channel AND n."tenantId" = m."tenantId"
      WHERE o.state = 'SENDING' AND o."leaseUntil" < now()),
    picked AS MATERIALIZED (
      SELECT e.id, e.account FROM expired e LEFT JOIN busy b ON b.key = e.account
      WHERE e.nth + coalesce(b.n, 0) <= ${slots.perAccount}
      ORDER BY e."leaseUntil", e.id LIMIT ${limit}),
    locked AS MATERIALIZED (
      SELECT o.id FROM "OutboxEntry" o
      WHERE o.id IN (SELECT id FROM picked) AND o.state = 'SENDING' AND o."leaseUntil" < now()
      FOR UPDATE SKIP LOCKED)
    UPDATE "OutboxEntry" o SET "leaseUntil" = now() + ${secs(leaseMs)}
    FROM picked p WHERE o.id = p.id AND o.id IN (SELECT id FROM locked)
    RETURNING o.id, o."messageId", o."tenantId", o.attempts, o."claimedAt", o."lastError", 0::float8 AS "waitMs",
      p.account`;
}

/**
 * A fresh attempt on a row this worker holds, after reconciliation found nothing.
 * It takes the next slot of the message's number like any send (waiting for a
 * claimer that holds the number, never long). `claimedAt` stays where the first
 * unclear attempt began, so the next reconciliation also covers an earlier
 * attempt the provider listed late.
 */
export function restartAttempt(sql: Sql, claim: Claim, leaseMs: number): Promise<Claim[]> {
  return sql.$queryRaw<Claim[]>`
    WITH num AS MATERIALIZED (
      SELECT n.id, greatest(n."nextSendAt", now()) AS "sendAt", m.segments / ${rateSql('n')} AS seconds
      FROM "Message" m JOIN "SendingNumber" n ON n.e164 = m."fromNumber" AND n.channel = m.channel AND n."tenantId" = m."tenantId"
      WHERE m.id = ${claim.messageId}::uuid
      FOR UPDATE OF n),
    o AS (
      UPDATE "OutboxEntry" SET attempts = attempts + 1,
        "leaseUntil" = coalesce((SELECT "sendAt" FROM num), now()) + ${secs(leaseMs)}
      WHERE id = ${claim.id}::uuid AND state = 'SENDING'
      RETURNING id, "messageId", "tenantId", attempts, "claimedAt", "lastError",
        coalesce((SELECT "sendAt" FROM num), now()) AS "sendAt"),
    paced AS (
      UPDATE "SendingNumber" n SET "nextSendAt" = num."sendAt" + make_interval(secs => num.seconds)
      FROM num WHERE n.id = num.id AND EXISTS (SELECT 1 FROM o))
    SELECT id, "messageId", "tenantId", attempts, "claimedAt", "lastError",
      greatest(0, extract(epoch FROM "sendAt" - now()) * 1000)::float8 AS "waitMs", ${claim.account}::text AS account
    FROM o`;
}
