// npm run bench — sendMessage and inbound-webhook throughput on PostgreSQL + Redis, each
// beside baselines measured in the same run: the trivial query on the same server, and
// the exact statements of a send and of an inbound message run by pgbench (the limit
// PostgreSQL sets on this machine) and replayed by a Node `pg` client. Every row is run
// BENCH_REPETITIONS times (default 3), interleaved, and reported as median (min–max).
// Needs the same PostgreSQL and Redis as the tests (TEST_DATABASE_URL, TEST_REDIS_URL)
// and pgbench (PGBENCH, default /usr/bin/pgbench). BENCH_SECONDS sets the length of each
// run (default 10), BENCH_TENANTS the number of tenants (default 100).
import { randomBytes, randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { pino } from 'pino';
import twilio from 'twilio';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createTestDatabase } from '../test/databases.ts';
import { captureSql, createdValues, replayer, type Statement } from '../test/sql-capture.ts';
import { directLoad, type Figures, httpLoad, pacedLoad } from './load.ts';
import { pgbenchLoad } from './pgbench.ts';
import { parameterTypes, pgbenchScript } from './pgbench-script.ts';
import { figuresTable, formatSpread, type Spread, spread } from './report.ts';
import { seedTenants } from './seed.ts';
import { benchServiceEnv } from './service-env.ts';
import { spawnStartScript } from './spawn-service.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const REPETITIONS = Number(process.env.BENCH_REPETITIONS ?? 3);
const CONNECTIONS = 32;
const LOW_LOAD_RATE = 10;
const TENANTS = Number(process.env.BENCH_TENANTS ?? 100);
const say = (text: string) => console.log(`[bench] ${text}`);

const database = await createTestDatabase();
if (!database.url) throw new Error('the benchmark needs PostgreSQL: run it without PARLEY_TEST_MODE=embedded');
const port = 4700 + Math.floor(Math.random() * 200);
const twilioAuthToken = randomBytes(16).toString('hex');
const twilioSid = `AC${randomBytes(16).toString('hex')}`;
const operatorKey = randomBytes(24).toString('hex');
const env = benchServiceEnv({
  databaseUrl: database.url,
  dataDir: database.env.DATA_DIR as string,
  port,
  operatorKey,
  extra: {
    DATABASE_POOL_SIZE: String(CONNECTIONS),
    // Quiet hours would refuse every send at night: the bench measures sends, whatever the hour.
    QUIET_HOURS_DEFAULT: 'off',
    // The bench's tenants send through the platform's account.
    TWILIO_ACCOUNT_SID: twilioSid,
    TWILIO_AUTH_TOKEN: twilioAuthToken,
    CHANNEL_PLATFORM_DEFAULT: 'on',
  },
});
const url = `http://127.0.0.1:${port}/graphql`;
const inboundUrl = `http://127.0.0.1:${port}/webhooks/twilio/sms`;
const sendQuery =
  'mutation($input: SendMessageInput!) { sendMessage(input: $input) { __typename ... on Message { id status } ... on Error { code } } }';

function sendBody(conversationId: string) {
  return JSON.stringify({
    query: sendQuery,
    variables: {
      input: {
        conversationId,
        channel: 'SMS',
        body: 'Hi! Are you free for a call on Tuesday at 10?',
        idempotencyKey: randomUUID(),
      },
    },
  });
}

function inboundForm(from: string, to: string, sid: string) {
  const params = {
    MessageSid: sid,
    AccountSid: twilioSid,
    From: from,
    To: to,
    Body: 'Thanks, Tuesday works for me',
    NumMedia: '0',
  };
  return {
    body: new URLSearchParams(params).toString(),
    signature: twilio.getExpectedTwilioSignature(twilioAuthToken, inboundUrl, params),
  };
}

// 1. Seed through an in-process copy of the service, and capture the SQL of one request of each kind per tenant.
say(`seeding ${TENANTS} tenants on ${database.url.replace(/\/\/[^@]*@/, '//')} ...`);
// The in-process copy runs no background worker, so the capture holds the request's statements only.
const inProcess = await buildApp(loadConfig({ ...env, WEBHOOK_WORKER: 'off' }), pino({ level: 'warn' })).start();
const tenants = await seedTenants(
  url,
  operatorKey,
  TENANTS,
  1,
  (done) => done % 20 === 0 && say(`  ${done}/${TENANTS} tenants`),
);
const post = (path: string, headers: Record<string, string>, body: string) =>
  fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers, body }).then((r) => r.text());
say('capturing the SQL of one send and one inbound message per tenant ...');
await inProcess.notifier.stop();
await inProcess.services.relay.stop();
const captureStart = Date.now();
type Captured = { statements: Statement[]; key: string };
const sendSql: Captured[] = [];
const inboundSql: Captured[] = [];
const asUser = (token: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });
for (const t of tenants) {
  const conversation = t.conversations[0] as { id: string; candidatePhone: string };
  // A first send picks the conversation's number; capture a steady-state one.
  await post('/graphql', asUser(t.token), sendBody(conversation.id));
  const body = sendBody(conversation.id);
  const key = JSON.parse(body).variables.input.idempotencyKey as string;
  sendSql.push({ key, statements: await captureSql(async () => void (await post('/graphql', asUser(t.token), body))) });
  const sid = `SM${randomBytes(16).toString('hex')}`;
  const form = inboundForm(conversation.candidatePhone, t.sendingNumber, sid);
  const headers = { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': form.signature };
  inboundSql.push({
    key: sid,
    statements: await captureSql(async () => void (await post('/webhooks/twilio/sms', headers, form.body))),
  });
}
await inProcess.stop();
say(
  `one send runs ${sendSql[0]?.statements.length} statements; one inbound message ${inboundSql[0]?.statements.length}`,
);
if (process.env.BENCH_SHOW_SQL)
  for (const s of [...(sendSql[0]?.statements ?? []), ...(inboundSql[0]?.statements ?? [])])
    console.log(s.text.slice(0, 400), JSON.stringify(s.values).slice(0, 400));

// 2. The service under test, in its own process, started as `npm start` starts it.
const child = spawnStartScript(
  env,
  // BENCH_CPU_PROFILE=<dir> writes a V8 CPU profile of the service for the whole run.
  process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [],
);
for (let i = 0; ; i++) {
  const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
    (r) => r.ok,
    () => false,
  );
  if (ready) break;
  if (i > 600) throw new Error('the service did not become ready');
  await new Promise((r) => setTimeout(r, 100));
}
const pid = child.pid as number;
say(`service ready (pid ${pid}); ${REPETITIONS} repetitions of each row, ${CONNECTIONS} concurrent, ${SECONDS} s`);

// 3. The rows, each measured REPETITIONS times, interleaved so that drift hits every row alike.
const describer = new pg.Client({ connectionString: database.url });
await describer.connect();
const typesOf = new Map<Captured, string[][]>();
for (const c of [...sendSql, ...inboundSql]) typesOf.set(c, await parameterTypes(describer, c.statements));
await describer.end();
const scripts = (captured: Captured[]) => {
  const runTag = Date.now().toString(16);
  return captured.map((c) =>
    pgbenchScript(
      c.statements,
      typesOf.get(c) as string[][],
      createdValues(c.statements, captureStart, [c.key]),
      runTag,
    ),
  );
};
if (process.env.BENCH_SHOW_SQL) for (const c of [sendSql, inboundSql]) console.log(scripts(c.slice(0, 1))[0]);
const overPgbench = (captured: Captured[], mode?: 'prepared') => () =>
  pgbenchLoad({
    name: '',
    databaseUrl: database.url as string,
    scripts: scripts(captured),
    clients: CONNECTIONS,
    threads: 2,
    seconds: SECONDS,
    mode,
  });
const overNodePg = (captured: Captured[]) => async () => {
  const replays = captured.map((c) => replayer(c.statements, captureStart, [c.key]));
  const pool = new pg.Pool({ connectionString: database.url, max: CONNECTIONS });
  try {
    return await directLoad('', CONNECTIONS, SECONDS, async () => {
      const client = await pool.connect();
      try {
        await pick(replays)(client);
      } finally {
        client.release();
      }
    });
  } finally {
    await pool.end();
  }
};
const overHttp =
  (
    request: Parameters<typeof httpLoad>[0]['request'],
    overallRate?: number,
    connections = CONNECTIONS,
    accept?: (body: string) => boolean,
  ) =>
  () =>
    httpLoad({ name: '', url, connections, seconds: SECONDS, serverPid: pid, request, overallRate, accept });
/** A send answered with the message (not a refusal). */
const sent = (body: string) => body.includes('"__typename":"Message"');
const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)] as T;
const json = (token: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });
const token0 = tenants[0]?.token as string;
const busiest = tenants[0]?.conversations[0]?.id as string;
const aSend = () => {
  const t = pick(tenants);
  return { path: '/graphql', headers: json(t.token), body: sendBody(t.conversations[0]?.id as string) };
};
const recentSids: string[] = [];
const anInbound = () => {
  const t = pick(tenants);
  // One in ten is a retry of an earlier message, as Twilio retries: stored once.
  const sid = recentSids.length && Math.random() < 0.1 ? pick(recentSids) : `SM${randomBytes(16).toString('hex')}`;
  if (recentSids.push(sid) > 1000) recentSids.shift();
  const form = inboundForm(t.conversations[0]?.candidatePhone as string, t.sendingNumber, sid);
  return {
    path: '/webhooks/twilio/sms',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': form.signature },
    body: form.body,
  };
};
const sends = sendSql[0]?.statements.length;
const inbounds = inboundSql[0]?.statements.length;
const rows = {
  trivial: {
    name: 'trivial query `{ viewer }`',
    measure: overHttp(() => ({ path: '/graphql', headers: json(token0), body: '{"query":"{ viewer { kind } }"}' })),
  },
  send: { name: `\`sendMessage\`, ${TENANTS} tenants`, measure: overHttp(aSend, undefined, CONNECTIONS, sent) },
  pgbenchSend: { name: `pgbench: a send's ${sends} statements, ${TENANTS} tenants`, measure: overPgbench(sendSql) },
  nodeSend: { name: `Node \`pg\` replay of a send, ${TENANTS} tenants`, measure: overNodePg(sendSql) },
  sendOne: {
    name: '`sendMessage`, one tenant, one conversation',
    measure: overHttp(
      () => ({ path: '/graphql', headers: json(token0), body: sendBody(busiest) }),
      undefined,
      CONNECTIONS,
      sent,
    ),
  },
  pgbenchSendOne: { name: "pgbench: a send's statements, one tenant", measure: overPgbench(sendSql.slice(0, 1)) },
  // Each statement parsed and planned once per connection: what planning costs PostgreSQL in the rows above.
  pgbenchSendOnePrepared: {
    name: "pgbench `-M prepared`: a send's statements, one tenant",
    measure: overPgbench(sendSql.slice(0, 1), 'prepared'),
  },
  inbound: { name: `inbound webhook (10 % retries), ${TENANTS} tenants`, measure: overHttp(anInbound) },
  pgbenchInbound: {
    name: `pgbench: an inbound message's ${inbounds} statements, ${TENANTS} tenants`,
    measure: overPgbench(inboundSql),
  },
  nodeInbound: {
    name: `Node \`pg\` replay of an inbound message, ${TENANTS} tenants`,
    measure: overNodePg(inboundSql),
  },
  lowLoad: { name: '`sendMessage` at 10/s (low load)', measure: overHttp(aSend, LOW_LOAD_RATE, 4, sent) },
  // The same pace from a plain fetch loop, one request at a time: tells the service's spikes from autocannon's pacing.
  lowLoadFetch: {
    name: '`sendMessage` at 10/s, one at a time (fetch loop)',
    measure: () =>
      pacedLoad('', LOW_LOAD_RATE, SECONDS, async () => {
        const { headers, body } = aSend();
        const answer = await (await fetch(url, { method: 'POST', headers, body })).text();
        if (!sent(answer)) throw new Error(answer.slice(0, 200));
      }),
  },
};
type RowName = keyof typeof rows;
const runs = Object.fromEntries(Object.keys(rows).map((k) => [k, [] as Figures[]])) as Record<RowName, Figures[]>;
const loadBefore = loadavg();
for (let rep = 1; rep <= REPETITIONS; rep++) {
  for (const [key, row] of Object.entries(rows) as [RowName, (typeof rows)[RowName]][]) {
    const f = { ...(await row.measure()), name: row.name };
    say(
      `  ${rep}/${REPETITIONS} ${f.name}: ${f.rps}/s, p50 ${f.p50} ms, p99 ${f.p99} ms, errors ${f.errors + f.non2xx}`,
    );
    runs[key].push(f);
  }
}
const loadAfter = loadavg();

// 4. Ratios per repetition, and the aims.
const ratio = (a: RowName, b: RowName) => spread(runs[a].map((f, i) => f.rps / (runs[b][i]?.rps || Number.NaN)));
const p99 = (row: RowName) => spread(runs[row].map((f) => f.p99));
const x = (s: Spread) => formatSpread(s, 2, 'x');
const met = (ok: boolean) => (ok ? 'met' : 'not met');
const sendVsTrivial = ratio('send', 'trivial');
const inboundVsTrivial = ratio('inbound', 'trivial');
// The aim is read on the fetch loop: autocannon's paced row adds spikes of its own (README, Benchmarks).
const lowLoadP99 = p99('lowLoadFetch');
const notes = [
  `| send / trivial query | ${x(sendVsTrivial)} | aim ≥ 0.3x with p99 < 50 ms: ${met(sendVsTrivial.median >= 0.3 && p99('send').median < 50)} (p99 ${formatSpread(p99('send'))} ms) |`,
  `| send / pgbench send, ${TENANTS} tenants | ${x(ratio('send', 'pgbenchSend'))} | |`,
  `| send / pgbench send, one tenant | ${x(ratio('sendOne', 'pgbenchSendOne'))} | |`,
  `| pgbench send, one tenant: prepared / unnamed | ${x(ratio('pgbenchSendOnePrepared', 'pgbenchSendOne'))} | |`,
  `| inbound / trivial query | ${x(inboundVsTrivial)} | aim ≥ 0.5x: ${met(inboundVsTrivial.median >= 0.5)} |`,
  `| inbound / pgbench inbound | ${x(ratio('inbound', 'pgbenchInbound'))} | |`,
  `| Node \`pg\` replay / pgbench, send | ${x(ratio('nodeSend', 'pgbenchSend'))} | |`,
  `| Node \`pg\` replay / pgbench, inbound | ${x(ratio('nodeInbound', 'pgbenchInbound'))} | |`,
  `| one send at ${LOW_LOAD_RATE}/s (fetch loop), p99 | ${formatSpread(lowLoadP99, 1)} ms | aim < 20 ms: ${met(lowLoadP99.median < 20)} |`,
];
const machine = `${cpus().length} cores, Node ${process.version}, ${(await import('node:os')).release()}; load average ${loadBefore.map((l) => l.toFixed(1)).join(' ')} before, ${loadAfter.map((l) => l.toFixed(1)).join(' ')} after`;
console.log(
  [
    '',
    `Median (min–max) of ${REPETITIONS} repetitions, ${SECONDS} s each, ${CONNECTIONS} concurrent (${machine}):`,
    '',
    figuresTable(Object.entries(rows).map(([key, row]) => ({ name: row.name, runs: runs[key as RowName] }))),
    '',
    '| ratio | median (min–max) of the repetitions | aim |',
    '|---|---:|---|',
    ...notes,
  ].join('\n'),
);

const exited = new Promise((r) => child.once('exit', r));
child.kill('SIGTERM');
await exited;
await database.drop();
