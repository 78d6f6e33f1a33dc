// npm run bench — sendMessage and inbound-webhook throughput on PostgreSQL + Redis,
// each beside baselines measured in the same run. Needs the same PostgreSQL and
// Redis as the tests (TEST_DATABASE_URL, TEST_REDIS_URL). BENCH_SECONDS sets the
// length of each run (default 10).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import twilio from 'twilio';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createTestDatabase, testRedisUrl } from '../test/databases.ts';
import { captureSql, replayer, type Statement } from '../test/sql-capture.ts';
import { directLoad, type Figures, httpLoad, printTable } from './load.ts';
import { seedTenants } from './seed.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 32;
const TENANTS = Number(process.env.BENCH_TENANTS ?? 100);
const root = join(import.meta.dirname, '..', '..');
const say = (text: string) => console.log(`[bench] ${text}`);

const database = await createTestDatabase();
if (!database.url) throw new Error('the benchmark needs PostgreSQL: run it without PARLEY_TEST_MODE=embedded');
const port = 4700 + Math.floor(Math.random() * 200);
const twilioAuthToken = randomBytes(16).toString('hex');
const operatorKey = randomBytes(24).toString('hex');
const env = {
  NODE_ENV: 'production',
  DATABASE_URL: database.url,
  DATABASE_POOL_SIZE: String(CONNECTIONS),
  REDIS_URL: testRedisUrl,

  PORT: String(port),
  HOST: '127.0.0.1',
  PUBLIC_URL: `http://127.0.0.1:${port}`,
  OPERATOR_KEY: operatorKey,
  LOG_LEVEL: 'warn',
  OUTBOX_WORKER: 'off',
  TWILIO_ACCOUNT_SID: `AC${randomBytes(16).toString('hex')}`,
  TWILIO_AUTH_TOKEN: twilioAuthToken,
  // Production requires the channel-credentials key; the bench's tenants send through the platform's account.
  CHANNEL_CREDENTIALS_KEYS: `bench:${randomBytes(32).toString('base64')}`,
  CHANNEL_PLATFORM_DEFAULT: 'on',
  DATA_DIR: database.env.DATA_DIR as string,
};
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
    AccountSid: env.TWILIO_ACCOUNT_SID,
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
const inProcess = await buildApp(loadConfig(env), pino({ level: 'warn' })).start();
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
// The event relay runs beside requests; what it runs is not the request's SQL.
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
    console.log(s.text.slice(0, 160), JSON.stringify(s.values).slice(0, 200));

// 2. The service under test, in its own process.
const child: ChildProcess = spawn(
  process.execPath,
  // BENCH_CPU_PROFILE=<dir> writes a V8 CPU profile of the service for the whole run.
  [
    ...(process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : []),
    '--import',
    'tsx',
    'api/main.ts',
  ],
  {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  },
);
for (let i = 0; ; i++) {
  const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
    (r) => r.ok,
    () => false,
  );
  if (ready) break;
  if (i > 200) throw new Error('the service did not become ready');
  await new Promise((r) => setTimeout(r, 100));
}
const pid = child.pid as number;
say(`service ready (pid ${pid}); each run: ${CONNECTIONS} concurrent, ${SECONDS} s`);

const pool = new pg.Pool({ connectionString: database.url, max: CONNECTIONS });
const replays = (captured: Captured[]) => captured.map((c) => replayer(c.statements, captureStart, [c.key]));
const sendReplays = replays(sendSql);
const inboundReplays = replays(inboundSql);
const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)] as T;
const onConnection = (replay: (c: pg.PoolClient) => Promise<void>) => async () => {
  const client = await pool.connect();
  try {
    await replay(client);
  } finally {
    client.release();
  }
};

const results: Figures[] = [];
const run = async (figures: Promise<Figures>) => {
  const f = await figures;
  say(`  ${f.name}: ${f.rps} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms`);
  results.push(f);
};
const token0 = tenants[0]?.token as string;
const json = (token: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });

const overHttp = (name: string, request: Parameters<typeof httpLoad>[0]['request']) =>
  run(httpLoad({ name, url, connections: CONNECTIONS, seconds: SECONDS, serverPid: pid, request }));
const overSql = (name: string, once: () => Promise<void>) => run(directLoad(name, CONNECTIONS, SECONDS, once));

await overHttp('trivial query { viewer }', () => ({
  path: '/graphql',
  headers: json(token0),
  body: '{"query":"{ viewer { kind } }"}',
}));
await overHttp(`sendMessage, ${TENANTS} tenants`, () => {
  const t = pick(tenants);
  return { path: '/graphql', headers: json(t.token), body: sendBody(t.conversations[0]?.id as string) };
});
await overSql(`direct SQL of a send, ${TENANTS} tenants`, () => onConnection(pick(sendReplays))());
const busiest = tenants[0]?.conversations[0]?.id as string;
await overHttp('sendMessage, one tenant', () => ({ path: '/graphql', headers: json(token0), body: sendBody(busiest) }));
await overSql('direct SQL of a send, one tenant', onConnection(sendReplays[0] as (c: pg.PoolClient) => Promise<void>));
const recentSids: string[] = [];
await overHttp(`inbound webhook, ${TENANTS} tenants`, () => {
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
});
await overSql(`direct SQL of an inbound message, ${TENANTS} tenants`, () => onConnection(pick(inboundReplays))());

const [trivial, spread, spreadSql, one, oneSql, inbound, inboundDirect] = results as [
  Figures,
  Figures,
  Figures,
  Figures,
  Figures,
  Figures,
  Figures,
];
printTable(results, [
  '',
  `sendMessage / direct SQL, ${TENANTS} tenants: ${(spread.rps / spreadSql.rps).toFixed(2)}x   (aim >= 0.35x, >= 1500/s, p99 < 50 ms)`,
  `sendMessage / direct SQL, one tenant:   ${(one.rps / oneSql.rps).toFixed(2)}x   (aim >= 0.8x)`,
  `sendMessage / trivial query:            ${(spread.rps / trivial.rps).toFixed(2)}x`,
  `inbound webhook / direct SQL:           ${(inbound.rps / inboundDirect.rps).toFixed(2)}x   (aim >= 2000/s)`,
  `machine: ${(await import('node:os')).cpus().length} cores, Node ${process.version}; the load generator shares the machine`,
]);

await pool.end();
child.kill('SIGTERM');
await new Promise((r) => child.once('exit', r));
await database.drop();
