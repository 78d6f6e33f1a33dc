import type pg from 'pg';

/**
 * Seeds an existing tenant with `conversations` conversations (each on its own application, the recruiter on the
 * hiring team of every other one, all keeping the tenant's sending number) and `messages` messages spread over
 * them, plus `longConversationMessages` messages in `longConversationId`. Set-based INSERT … SELECT
 * generate_series statements, then ANALYZE, so the planner sees the real sizes.
 */
export async function seedBigTenant(
  db: pg.Client | pg.PoolClient,
  t: {
    tenantId: string;
    recruiterId: string;
    candidateId: string;
    jobId: string;
    sendingNumberId: string;
    longConversationId: string;
    conversations: number;
    messages: number;
    longConversationMessages: number;
  },
  progress: (what: string) => void = () => {},
) {
  const base = [t.tenantId, t.conversations];
  await db.query(
    `INSERT INTO "Application" (id, "tenantId", "externalId", "candidateId", "jobId", "updatedAt")
     SELECT gen_random_uuid(), $1, 'seed-app-' || g, $3, $4, now() FROM generate_series(1, $2) g`,
    [...base, t.candidateId, t.jobId],
  );
  progress(`${t.conversations} applications`);
  await db.query(
    `INSERT INTO "HiringTeamMember" ("tenantId", "applicationId", "userId")
     SELECT $1, a.id, $2 FROM "Application" a
     WHERE a."tenantId" = $1 AND a."externalId" LIKE 'seed-app-%' AND substr(a."externalId", 10)::int % 2 = 0`,
    [t.tenantId, t.recruiterId],
  );
  // Conversation ids are UUIDv7-like and time-ordered; activity spreads over the last 100 days.
  await db.query(
    `INSERT INTO "Conversation" (id, "tenantId", "candidateId", "applicationId", "lastMessageAt", "createdAt")
     SELECT gen_random_uuid(), $1, $2, a.id,
       now() - (substr(a."externalId", 10)::int * interval '86 seconds'), now() - interval '200 days'
     FROM "Application" a WHERE a."tenantId" = $1 AND a."externalId" LIKE 'seed-app-%'`,
    [t.tenantId, t.candidateId],
  );
  await db.query(
    `INSERT INTO "ConversationNumber" ("tenantId", "conversationId", channel, "sendingNumberId")
     SELECT $1, c.id, 'SMS', $2 FROM "Conversation" c
     WHERE c."tenantId" = $1 AND c.id <> $3 ON CONFLICT DO NOTHING`,
    [t.tenantId, t.sendingNumberId, t.longConversationId],
  );
  progress(`${t.conversations} conversations`);
  const batch = 250_000;
  for (let done = 0; done < t.messages; done += batch) {
    const n = Math.min(batch, t.messages - done);
    await db.query(
      `WITH convs AS (SELECT id, row_number() OVER () AS k FROM "Conversation" WHERE "tenantId" = $1 AND id <> $4),
            total AS (SELECT count(*) AS n FROM convs)
       INSERT INTO "Message" (id, "tenantId", "conversationId", direction, channel, body, "fromNumber", "toNumber",
         status, "authorId", "createdAt")
       SELECT uuid_generate_v7_like(now() - ((g % 8640000) * interval '1 second'), g), $1, c.id,
         CASE WHEN g % 3 = 0 THEN 'INBOUND'::"Direction" ELSE 'OUTBOUND'::"Direction" END, 'SMS',
         'Seeded message ' || g, '+14155550100', '+14155550199',
         CASE WHEN g % 3 = 0 THEN 'RECEIVED'::"MessageStatus" ELSE 'DELIVERED'::"MessageStatus" END,
         CASE WHEN g % 7 = 0 THEN $5::uuid END, now() - ((g % 8640000) * interval '1 second')
       FROM generate_series($2::int + 1, $2::int + $3::int) g
       JOIN convs c ON c.k = 1 + (g % (SELECT n FROM total))`,
      [t.tenantId, done, n, t.longConversationId, t.recruiterId],
    );
    progress(`${done + n} / ${t.messages} messages`);
  }
  await db.query(
    `INSERT INTO "Message" (id, "tenantId", "conversationId", direction, channel, body, "fromNumber", "toNumber",
       status, "createdAt")
     SELECT uuid_generate_v7_like(now() - (g * interval '170 seconds'), -g), $1, $2,
       CASE WHEN g % 2 = 0 THEN 'INBOUND'::"Direction" ELSE 'OUTBOUND'::"Direction" END, 'SMS',
       'Long thread message ' || g, '+14155550100', '+14155550199',
       CASE WHEN g % 2 = 0 THEN 'RECEIVED'::"MessageStatus" ELSE 'DELIVERED'::"MessageStatus" END,
       now() - (g * interval '170 seconds')
     FROM generate_series(1, $3::int) g`,
    [t.tenantId, t.longConversationId, t.longConversationMessages],
  );
  progress(`${t.longConversationMessages} messages in one conversation`);
  await db.query('VACUUM ANALYZE "Conversation", "Message", "Application", "HiringTeamMember", "ConversationNumber"');
}

/** A UUIDv7-shaped id for `at` (messages are ordered by id, as the service's own UUIDv7 ids are). */
export const uuidV7LikeFunction = `
CREATE OR REPLACE FUNCTION uuid_generate_v7_like(at timestamptz, seq bigint) RETURNS uuid LANGUAGE sql AS $$
  SELECT (lpad(to_hex((extract(epoch FROM at) * 1000)::bigint), 12, '0') || '7' ||
    substr(md5(seq::text), 1, 3) || '8' || substr(md5(seq::text), 4, 15))::uuid
$$`;
