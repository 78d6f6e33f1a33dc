// npm run bench:report-csv — the activity report's CSV download (GET /reports/message-activity.csv) of a tenant with
// BENCH_MESSAGES (default 100,000) messages on PostgreSQL, from the service started as `npm start` starts it, in its
// own process. While each download runs, the service's resident memory (its process tree) is sampled every 50 ms:
// idle RSS before, peak RSS during. Beside it, in the same run, the same report's SQL exported by psql's \copy.
// A download of a tenth of the period shows whether memory grows with the report's size. Median (min–max) of 3.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { seedBigTenant, uuidV7LikeFunction } from '../inbox/big-tenant-seed.ts';
import { createTestDatabase, testRedisUrl } from '../test/databases.ts';
import { rawId, startTestServer } from '../test/harness.ts';
import { setUpHiring } from '../test/messaging-fixture.ts';
import { peakTreeRss, treeRssMb } from './process-tree-rss.ts';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 100_000);
const RUNS = 3;
const SAMPLE_MS = 50;
const root = join(import.meta.dirname, '..', '..');
const say = (text: string) => console.log(`[bench:report-csv] ${text}`);

const database = await createTestDatabase();
if (!database.url) throw new Error('the benchmark needs PostgreSQL: run it with PARLEY_TEST_MODE=postgres');

/** Everything but the database's creation and removal, so that a failed run still drops it. */
async function bench() {
  // 1. A tenant made through the API, then given MESSAGES messages over the last 100 days with set-based SQL.
  const server = await startTestServer({ database, env: { OUTBOX_WORKER: 'off', LOG_LEVEL: 'warn' } });
  const h = await setUpHiring(server);
  await h.candidateTexts('Hello'); // the conversation keeps its number from its first message
  await server.stop({ keepDatabase: true });
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  await db.query(uuidV7LikeFunction);
  const {
    rows: [c],
  } = await db.query(
    `SELECT c."tenantId", c."candidateId", a."jobId", cn."sendingNumberId" FROM "Conversation" c
     JOIN "Application" a ON a.id = c."applicationId" JOIN "ConversationNumber" cn ON cn."conversationId" = c.id
     WHERE c.id = $1`,
    [rawId(h.conversationId)],
  );
  const seedStart = Date.now();
  await seedBigTenant(db, {
    tenantId: c.tenantId,
    recruiterId: rawId(h.recruiter.user.id),
    candidateId: c.candidateId,
    jobId: c.jobId,
    sendingNumberId: c.sendingNumberId,
    longConversationId: rawId(h.conversationId),
    conversations: 2_000,
    messages: MESSAGES,
    longConversationMessages: 0,
  });
  // Credits charged for sent messages, and a candidate name that needs quoting and formula neutralising.
  await db.query(
    `INSERT INTO "CreditEntry" (id, "tenantId", kind, amount, "messageId", actor)
     SELECT gen_random_uuid(), $1, 'CHARGE', m.segments, m.id, 'outbox' FROM "Message" m
     WHERE m."tenantId" = $1 AND m.direction = 'OUTBOUND'`,
    [c.tenantId],
  );
  await db.query(`UPDATE "Candidate" SET name = '=SUM(1,2) "Cara", Candidate' WHERE id = $1`, [c.candidateId]);
  await db.query('VACUUM ANALYZE "Message", "CreditEntry", "Candidate"');
  say(`seeded ${MESSAGES} messages in ${Math.round((Date.now() - seedStart) / 1000)} s`);

  // 2. The service as `npm start` runs it (package.json's start script), in its own process.
  const port = 4900 + Math.floor(Math.random() * 200);
  const startScript = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.start as string;
  const child: ChildProcess = spawn('sh', ['-c', startScript], {
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
      WEBHOOK_WORKER: 'off',
      REDIS_URL: testRedisUrl,
      DATABASE_POOL_SIZE: '4',
      CHANNEL_CREDENTIALS_KEYS: `test:${Buffer.alloc(32, 7).toString('base64')}`,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  // Stopped however this script ends, so a failed run leaves no service behind.
  process.on('exit', () => child.kill('SIGTERM'));
  const base = `http://127.0.0.1:${port}`;
  for (
    let i = 0;
    !(await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    ));
    i++
  ) {
    if (i > 3000 || child.exitCode !== null) throw new Error('the service did not start in 5 minutes');
    await new Promise((r) => setTimeout(r, 100));
  }
  const pid = child.pid as number;

  const now = Date.now();
  const day = 86_400_000;
  const periods = {
    // The seed writes one message a second back from its start: the last 10,000 seconds hold a tenth of them.
    tenth: { from: new Date(now - MESSAGES * 100), to: new Date(now + day) },
    all: { from: new Date(now - 200 * day), to: new Date(now + day) },
  };

  type Run = { rows: number; bytes: number; seconds: number; idleMb: number; peakMb: number };

  /** Downloads the CSV, counting rows and bytes as they arrive (nothing kept), while sampling the service's RSS. */
  async function download(period: { from: Date; to: Date }): Promise<Run> {
    const idleMb = treeRssMb(pid);
    const started = performance.now();
    const { result, peakMb } = await peakTreeRss(pid, SAMPLE_MS, async () => {
      const query = new URLSearchParams({ from: period.from.toISOString(), to: period.to.toISOString() });
      const response = await fetch(`${base}/reports/message-activity.csv?${query}`, {
        headers: { authorization: `Bearer ${h.tenant.apiKey}` },
      });
      if (response.status !== 200 || !response.body) throw new Error(`download answered ${response.status}`);
      let bytes = 0;
      let lines = 0;
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.length;
        for (const b of chunk) if (b === 10) lines++;
      }
      return { bytes, rows: lines - 1 };
    });
    return { ...result, seconds: (performance.now() - started) / 1000, idleMb, peakMb };
  }

  /** The same report's SQL, exported by psql's \copy: what the database alone takes. */
  function psqlCopy(period: { from: Date; to: Date }): Promise<{ rows: number; bytes: number; seconds: number }> {
    const sql = `SELECT m."createdAt", m.direction, m."authorId", u.name, c."candidateId", cand.name,
        CASE WHEN m.direction = 'OUTBOUND' THEN m."fromNumber" ELSE m."toNumber" END, m.channel, m.kind, m."customKind",
        m.status, m.segments, coalesce((SELECT sum(CASE WHEN ce.kind = 'CHARGE' THEN ce.amount ELSE -ce.amount END)
          FROM "CreditEntry" ce WHERE ce."messageId" = m.id AND ce.kind IN ('CHARGE', 'REFUND')), 0), m.id
      FROM "Message" m JOIN "Conversation" c ON c.id = m."conversationId" JOIN "Candidate" cand ON cand.id = c."candidateId"
      LEFT JOIN "User" u ON u.id = m."authorId"
      WHERE m."tenantId" = '${c.tenantId}' AND m."createdAt" >= '${period.from.toISOString()}'
        AND m."createdAt" < '${period.to.toISOString()}'
      ORDER BY m."createdAt" DESC, m.id DESC`.replace(/\s+/g, ' ');
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const psql = spawn('psql', [database.url as string, '-c', `\\copy (${sql}) to stdout csv header`]);
      let bytes = 0;
      let lines = 0;
      psql.stdout.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        for (const b of chunk) if (b === 10) lines++;
      });
      psql.stderr.pipe(process.stderr);
      psql.on('error', reject);
      psql.on('exit', (code) =>
        code === 0
          ? resolve({ rows: lines - 1, bytes, seconds: (performance.now() - started) / 1000 })
          : reject(new Error(`psql exited ${code}`)),
      );
    });
  }

  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const spread = (xs: number[], digits = 0) => {
    const s = sorted(xs);
    const f = (n: number) => n.toFixed(digits);
    return `${f(s[Math.floor(s.length / 2)] as number)} (${f(s[0] as number)}–${f(s.at(-1) as number)})`;
  };

  await download(periods.tenth); // warm-up (first-use compilation), not counted
  const lines: string[] = [];
  for (const [name, period] of Object.entries(periods)) {
    const service: Run[] = [];
    const baseline: Awaited<ReturnType<typeof psqlCopy>>[] = [];
    for (let run = 0; run < RUNS; run++) {
      service.push(await download(period));
      baseline.push(await psqlCopy(period));
      await new Promise((r) => setTimeout(r, 500));
    }
    const rows = service[0]?.rows ?? 0;
    if (service.some((r) => r.rows !== baseline[0]?.rows))
      throw new Error(`the CSV has ${service.map((r) => r.rows)} rows, psql ${baseline[0]?.rows}`);
    lines.push(
      [
        `${name === 'all' ? 'whole period' : 'a tenth of it'}: ${rows} rows`,
        `service ${spread(
          service.map((r) => r.bytes / 1e6),
          1,
        )} MB in ${spread(
          service.map((r) => r.seconds),
          2,
        )} s`,
        `= ${spread(service.map((r) => r.rows / r.seconds))} rows/s`,
        `RSS idle ${spread(service.map((r) => r.idleMb))} MiB, peak ${spread(service.map((r) => r.peakMb))} MiB`,
        `(growth ${spread(service.map((r) => r.peakMb - r.idleMb))} MiB)`,
        `| psql \\copy ${spread(
          baseline.map((r) => r.seconds),
          2,
        )} s = ${spread(baseline.map((r) => r.rows / r.seconds))} rows/s`,
      ].join('  '),
    );
  }
  console.log(`\n${MESSAGES} messages, RSS sampled every ${SAMPLE_MS} ms, ${RUNS} runs; median (min–max)`);
  for (const l of lines) console.log(l);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  await db.end();
}

try {
  await bench();
} finally {
  await database.drop();
}
process.exit(0);
