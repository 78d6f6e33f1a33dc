import type { PrismaClient } from '../db/generated/prisma/client.ts';

/**
 * Event payloads are small facts, never a message body or a secret (README,
 * **The event log**). Looks through every payload a test file's database
 * holds for any text of a message, an unmatched inbound text or a template
 * (6 characters or more, so "Yes" or "STOP" are not mistaken for one), and
 * for any of `secrets` (API keys, user tokens, provider tokens the test
 * minted). Payload values that are a status, an id, a time or a number are
 * not compared. Says which event types carry one, never the text itself.
 */
export async function eventPayloadLeaks(prisma: PrismaClient, secrets: string[]): Promise<string[]> {
  const found = await prisma.$queryRaw<{ type: string; what: string }[]>`
    WITH vals AS (
      SELECT DISTINCT e.type, j.value AS v FROM "Event" e, jsonb_each_text(e.payload) j
      -- Not the facts a payload is made of (a status, an id, a time, a number), which a short test text may equal.
      WHERE length(j.value) >= 6 AND j.value !~ '^([A-Z_]+|[0-9a-f-]{36}|[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z?|-?[0-9.]+)$'),
    needles AS (
      SELECT DISTINCT body AS n, 'a message body' AS what FROM "Message" WHERE length(body) >= 6
      UNION SELECT DISTINCT body, 'an unmatched inbound text' FROM "UnmatchedInbound" WHERE length(body) >= 6
      UNION SELECT DISTINCT body, 'a template body' FROM "MessageTemplate" WHERE length(body) >= 6
      UNION SELECT s, 'a secret' FROM unnest(${secrets.filter((s) => s.length >= 6)}::text[]) s)
    SELECT DISTINCT vals.type, needles.what FROM vals JOIN needles ON strpos(vals.v, needles.n) > 0
    ORDER BY 1, 2 LIMIT 20`;
  return found.map((f) => `${f.type} carries ${f.what}`);
}
