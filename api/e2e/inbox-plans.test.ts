import { formatPrismaCursor } from '@pothos/plugin-prisma';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationMessagesDocument, InboxDocument, type InboxFilter } from '../../clients/generated/graphql.ts';
import { seedBigTenant, uuidV7LikeFunction } from '../inbox/big-tenant-seed.ts';
import { encodeInboxCursor } from '../inbox/inbox-page.ts';
import { testMode } from '../test/databases.ts';
import { rawId, startTestServer, type TestServer } from '../test/harness.ts';
import { type Hiring, setUpHiring } from '../test/messaging-fixture.ts';
import { captureSql, type Statement } from '../test/sql-capture.ts';

type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  Plans?: PlanNode[];
};

function walk(node: PlanNode, visit: (n: PlanNode) => void) {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

const big = new Set(['Message', 'Conversation']);

/** What a plan reads: scans, their indexes, the rows they touch (of every table), and sorts. */
function planFacts(plan: PlanNode) {
  const scans: { table: string; type: string; index?: string; rows: number }[] = [];
  const sorts: number[] = [];
  walk(plan, (n) => {
    if (n['Relation Name'])
      scans.push({
        table: n['Relation Name'],
        type: n['Node Type'],
        ...(n['Index Name'] ? { index: n['Index Name'] } : {}),
        rows: n['Actual Rows'] * n['Actual Loops'],
      });
    if (n['Node Type'] === 'Sort') sorts.push(n['Actual Rows'] * n['Actual Loops']);
  });
  return { scans, sorts };
}

const CONVERSATIONS = 20_000;
const LONG_THREAD = 50_000;

/**
 * The inbox and a conversation's message page run a bounded amount of work whatever the size: every statement
 * the GraphQL request runs is replayed with EXPLAIN ANALYZE against a tenant with 20,000 conversations and a
 * conversation with 50,000 messages. Plans, not timings. PostgreSQL only: the statements are captured at the `pg`
 * driver, which the embedded PGlite database does not use.
 */
describe.skipIf(testMode === 'embedded')('inbox and message pages at size (EXPLAIN)', () => {
  let server: TestServer;
  let h: Hiring;
  let db: pg.Client;
  let deepCursor: string;

  beforeAll(async () => {
    server = await startTestServer({ env: { OUTBOX_WORKER: 'off' } });
    h = await setUpHiring(server);
    await h.candidateTexts('Hello');
    db = new pg.Client({ connectionString: server.database.url });
    await db.connect();
    await db.query(uuidV7LikeFunction);
    const conversationId = rawId(h.conversationId);
    const {
      rows: [c],
    } = await db.query(
      `SELECT c."tenantId", c."candidateId", a."jobId", cn."sendingNumberId" FROM "Conversation" c
       JOIN "Application" a ON a.id = c."applicationId" JOIN "ConversationNumber" cn ON cn."conversationId" = c.id
       WHERE c.id = $1`,
      [conversationId],
    );
    await seedBigTenant(db, {
      tenantId: c.tenantId,
      recruiterId: rawId(h.recruiter.user.id),
      candidateId: c.candidateId,
      jobId: c.jobId,
      sendingNumberId: c.sendingNumberId,
      longConversationId: conversationId,
      conversations: CONVERSATIONS,
      messages: 10 * CONVERSATIONS,
      longConversationMessages: LONG_THREAD,
    });
    const {
      rows: [deep],
    } = await db.query(
      `SELECT id, "lastMessageAt" AS at FROM "Conversation" WHERE "tenantId" = $1 AND "lastMessageAt" IS NOT NULL
       ORDER BY "lastMessageAt" DESC, id DESC OFFSET 15000 LIMIT 1`,
      [c.tenantId],
    );
    deepCursor = encodeInboxCursor({ at: deep.at, id: deep.id });
  }, 240_000);
  afterAll(async () => {
    await db?.end();
    await server?.stop();
  });

  async function explainEach(statements: Statement[]) {
    const reads = statements.filter(
      (s) => /^\s*(WITH|SELECT)/i.test(s.text) && /"(Message|Conversation)"/.test(s.text),
    );
    expect(reads.length).toBeGreaterThan(0);
    const results = [];
    for (const s of reads) {
      const { rows } = await db.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${s.text}`, s.values);
      const plan = (rows[0]['QUERY PLAN'] as { Plan: PlanNode }[])[0]?.Plan as PlanNode;
      results.push({ sql: s.text.replace(/\s+/g, ' '), ...planFacts(plan) });
      if (process.env.SHOW_TEXT_PLANS && /"Message" AS "t0"/.test(s.text))
        console.log((await db.query(`EXPLAIN ${s.text}`, s.values)).rows.map((r) => r['QUERY PLAN']).join('\n'));
      if (process.env.SHOW_PLANS) console.log(s.text, JSON.stringify(s.values), JSON.stringify(planFacts(plan)));
    }
    return results;
  }

  function expectBounded(results: Awaited<ReturnType<typeof explainEach>>, maxRows: number) {
    for (const r of results) {
      const context = JSON.stringify(r, null, 1);
      for (const scan of r.scans) {
        if (big.has(scan.table)) expect(scan.type, context).not.toBe('Seq Scan');
        expect(scan.rows, context).toBeLessThanOrEqual(maxRows);
      }
      for (const sorted of r.sorts) expect(sorted, context).toBeLessThanOrEqual(maxRows);
    }
  }

  const inboxAs = async (client: Hiring['admin']['client'], filter: InboxFilter, after: string | null = null) => {
    let edges = 0;
    const statements = await captureSql(async () => {
      const { inbox } = await client.request(InboxDocument, { first: 20, after, filter });
      edges = inbox.edges.length;
    });
    return { edges, results: await explainEach(statements) };
  };

  it('pages the inbox over its index, first page and deep, for a recruiter and an admin', async () => {
    for (const [client, filter, after] of [
      [h.admin.client, {}, null],
      [h.admin.client, {}, deepCursor],
      [h.recruiter.client, {}, null],
      [h.recruiter.client, {}, deepCursor],
      [h.tenant.client, {}, deepCursor],
      [h.recruiter.client, { mine: true }, null],
      [h.recruiter.client, { unread: true }, null],
    ] as const) {
      const { edges, results } = await inboxAs(client, filter, after);
      expect(edges).toBe(20);
      expectBounded(results, 2_000);
      const page = results.find((r) => r.sql.includes('ORDER BY c."lastMessageAt" DESC'));
      expect(page?.scans.find((s) => s.table === 'Conversation')?.index).toBe(
        'Conversation_tenantId_lastMessageAt_id_idx',
      );
    }
  });

  it('reads a page of a 50,000-message conversation over (conversationId, id), newest page and an older one', async () => {
    const {
      rows: [middle],
    } = await db.query(`SELECT id FROM "Message" WHERE "conversationId" = $1 ORDER BY id OFFSET 25000 LIMIT 1`, [
      rawId(h.conversationId),
    ]);
    for (const before of [null, formatPrismaCursor(middle, 'id')]) {
      const statements = await captureSql(async () => {
        const { conversation } = await h.recruiter.client.request(ConversationMessagesDocument, {
          id: h.conversationId,
          last: 20,
          before,
        });
        expect(conversation?.messages.edges).toHaveLength(20);
      });
      const results = await explainEach(statements);
      expectBounded(results, 500);
      const messageScans = results.flatMap((r) => r.scans.filter((s) => s.table === 'Message'));
      expect(messageScans.map((s) => s.index)).toContain('Message_conversationId_id_idx');
    }
  });
});
