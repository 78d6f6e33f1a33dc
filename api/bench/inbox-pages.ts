// npm run bench:inbox — inbox and message pages on a tenant with 100,000 conversations and 2,000,000 messages
// (PostgreSQL), through the real HTTP server in its own process, beside the same SQL run directly (pg) in the
// same run. Each figure is the median of 3 runs (min–max beside it). BENCH_SECONDS sets one run's length
// (default 5), BENCH_CONNECTIONS the concurrency (default 16), BENCH_CONVERSATIONS / BENCH_MESSAGES the size.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { formatPrismaCursor } from '@pothos/plugin-prisma';
import pg from 'pg';
import { seedBigTenant, uuidV7LikeFunction } from '../inbox/big-tenant-seed.ts';
import { encodeInboxCursor } from '../inbox/inbox-page.ts';
import { createTestDatabase, testRedisUrl } from '../test/databases.ts';
import { rawId, startTestServer } from '../test/harness.ts';
import { setUpHiring } from '../test/messaging-fixture.ts';
import { captureSql, type Statement } from '../test/sql-capture.ts';
import { directLoad, type Figures, httpLoad } from './load.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 2_000_000);
const LONG_THREAD = 50_000;
const RUNS = 3;
const root = join(import.meta.dirname, '..', '..');
const say = (text: string) => console.log(`[bench:inbox] ${text}`);

const database = await createTestDatabase();
if (!database.url) throw new Error('the benchmark needs PostgreSQL: run it with PARLEY_TEST_MODE=postgres');

// 1. A tenant made through the API, then made big with set-based SQL.
const server = await startTestServer({ database, env: { OUTBOX_WORKER: 'off', LOG_LEVEL: 'warn' } });
const h = await setUpHiring(server);
await h.candidateTexts('Hello');
const db = new pg.Client({ connectionString: database.url });
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
const seedStart = Date.now();
say(`seeding ${CONVERSATIONS} conversations, ${MESSAGES} messages and a ${LONG_THREAD}-message conversation ...`);
await seedBigTenant(
  db,
  {
    tenantId: c.tenantId,
    recruiterId: rawId(h.recruiter.user.id),
    candidateId: c.candidateId,
    jobId: c.jobId,
    sendingNumberId: c.sendingNumberId,
    longConversationId: conversationId,
    conversations: CONVERSATIONS,
    messages: MESSAGES,
    longConversationMessages: LONG_THREAD,
  },
  (what) => say(`  ${what} (${Math.round((Date.now() - seedStart) / 1000)} s)`),
);
say(`seeded in ${Math.round((Date.now() - seedStart) / 1000)} s`);

const {
  rows: [deep],
} = await db.query(
  `SELECT id, "lastMessageAt" AS at FROM "Conversation" WHERE "tenantId" = $1 AND "lastMessageAt" IS NOT NULL
   ORDER BY "lastMessageAt" DESC, id DESC OFFSET $2 LIMIT 1`,
  [c.tenantId, Math.floor(CONVERSATIONS * 0.75)],
);
const deepCursor = encodeInboxCursor({ at: deep.at, id: deep.id });
const {
  rows: [middle],
} = await db.query(`SELECT id FROM "Message" WHERE "conversationId" = $1 ORDER BY id OFFSET $2 LIMIT 1`, [
  conversationId,
  LONG_THREAD / 2,
]);

const inboxQuery = `query($first: Int, $after: String, $filter: InboxFilter) {
  inbox(first: $first, after: $after, filter: $filter) {
    edges { cursor node { id lastMessageAt unreadCount archived snoozedUntil candidate { name }
      lastMessage { id direction body status createdAt } } }
    pageInfo { hasNextPage endCursor } } }`;
const messagesQuery = `query($id: ID!, $before: String) {
  conversation(id: $id) { id messages(last: 20, before: $before) {
    edges { cursor node { id direction body status senderName createdAt author { name } } }
    pageInfo { hasPreviousPage startCursor } } } }`;

const scenarios: { name: string; token: string; body: string }[] = [
  {
    name: 'inbox, first page (admin)',
    token: h.admin.token,
    body: JSON.stringify({ query: inboxQuery, variables: { first: 20 } }),
  },
  {
    name: 'inbox, page at 75% (admin)',
    token: h.admin.token,
    body: JSON.stringify({ query: inboxQuery, variables: { first: 20, after: deepCursor } }),
  },
  {
    name: 'inbox, first page (recruiter)',
    token: h.recruiter.token,
    body: JSON.stringify({ query: inboxQuery, variables: { first: 20 } }),
  },
  {
    name: 'inbox, unread (recruiter)',
    token: h.recruiter.token,
    body: JSON.stringify({ query: inboxQuery, variables: { first: 20, filter: { unread: true } } }),
  },
  {
    name: 'inbox, mine (recruiter)',
    token: h.recruiter.token,
    body: JSON.stringify({ query: inboxQuery, variables: { first: 20, filter: { mine: true } } }),
  },
  {
    name: '50k-message thread, newest page',
    token: h.recruiter.token,
    body: JSON.stringify({ query: messagesQuery, variables: { id: h.conversationId } }),
  },
  {
    name: '50k-message thread, middle page',
    token: h.recruiter.token,
    body: JSON.stringify({
      query: messagesQuery,
      variables: { id: h.conversationId, before: formatPrismaCursor(middle, 'id') },
    }),
  },
];

// 2. The SQL each request runs, captured from the in-process copy, to replay directly.
await server.app.services.relay.stop();
const captured: Statement[][] = [];
for (const s of scenarios) {
  captured.push(
    await captureSql(async () => {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${s.token}` },
        body: s.body,
      });
      const json = (await response.json()) as { errors?: unknown };
      if (json.errors) throw new Error(`${s.name}: ${JSON.stringify(json.errors)}`);
    }),
  );
}
for (const [i, s] of scenarios.entries()) say(`${s.name}: ${captured[i]?.length} statements`);
await server.stop({ keepDatabase: true });

// 3. The service in its own process, as in production.
const port = 4900 + Math.floor(Math.random() * 200);
const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'api/main.ts'], {
  cwd: root,
  env: {
    ...process.env,
    ...database.env,
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    OPERATOR_KEY: randomBytes(24).toString('hex'),
    LOG_LEVEL: 'warn',
    OUTBOX_WORKER: 'off',
    REDIS_URL: testRedisUrl,
    DATABASE_POOL_SIZE: String(CONNECTIONS),
    CHANNEL_CREDENTIALS_KEYS: `test:${Buffer.alloc(32, 7).toString('base64')}`,
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const url = `http://127.0.0.1:${port}/graphql`;
for (let i = 0; ; i++) {
  const up = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"query":"{__typename}"}',
  })
    .then((r) => r.ok)
    .catch(() => false);
  if (up) break;
  if (i > 300) throw new Error('the service did not start');
  await new Promise((r) => setTimeout(r, 100));
}

const pool = new pg.Pool({ connectionString: database.url, max: CONNECTIONS });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const spread = (xs: number[]) => `${median(xs)} (${Math.min(...xs)}–${Math.max(...xs)})`;
const lines: string[] = [];
for (const [i, s] of scenarios.entries()) {
  const http: Figures[] = [];
  const direct: Figures[] = [];
  const statements = captured[i] as Statement[];
  for (let run = 0; run < RUNS; run++) {
    http.push(
      await httpLoad({
        name: s.name,
        url,
        connections: CONNECTIONS,
        seconds: SECONDS,
        serverPid: child.pid as number,
        request: () => ({
          path: '/graphql',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${s.token}` },
          body: s.body,
        }),
      }),
    );
    direct.push(
      await directLoad(`${s.name} (SQL)`, CONNECTIONS, SECONDS, async () => {
        const client = await pool.connect();
        try {
          for (const st of statements) await client.query(st.text, st.values);
        } finally {
          client.release();
        }
      }),
    );
  }
  const line = [
    s.name.padEnd(34),
    `HTTP p50 ${spread(http.map((f) => f.p50))} ms`,
    `p99 ${spread(http.map((f) => f.p99))} ms`,
    `${spread(http.map((f) => f.rps))} req/s`,
    `errors ${http.reduce((n, f) => n + f.errors + f.non2xx, 0)}`,
    `| SQL p50 ${spread(direct.map((f) => f.p50))} ms`,
    `p99 ${spread(direct.map((f) => f.p99))} ms`,
    `${spread(direct.map((f) => f.rps))} /s`,
  ].join('  ');
  say(line);
  lines.push(line);
}
console.log(
  `\n${CONVERSATIONS} conversations, ${MESSAGES + LONG_THREAD} messages, ${CONNECTIONS} connections, ${SECONDS} s x ${RUNS} runs; median (min–max)`,
);
for (const l of lines) console.log(l);
child.kill('SIGTERM');
await pool.end();
await db.end();
await database.drop();
process.exit(0);
