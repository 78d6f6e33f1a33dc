// npm run bench:cost — what a request costs in CPU, not how many fit in a second: on a shared
// machine throughput is noise, CPU time is not. Starts the service twice as `npm start` does, on
// one PostgreSQL database: once with DATABASE_PREPARED_STATEMENTS=off (every statement parsed and
// planned each time) and once with it on (the hot statements prepared per connection). For each
// kind of request (the trivial `{ viewer { kind } }`, a sendMessage, an inbound Twilio webhook) it
// sends COST_REQUESTS requests (default 400) at COST_CONCURRENCY (4) to each, and reads the CPU
// time they took: the service's (utime + stime of its process, /proc/<pid>/stat) and PostgreSQL's
// (the same for every backend connected to the database). Repeated COST_REPETITIONS times (3),
// interleaved; prints median (min–max) per request. Then, on one connection of its own, EXPLAIN
// (ANALYZE, SUMMARY) of the send's facts and write statements and of the inbound statements:
// planning and execution ms (minimum and median of 20), and which plan a prepared statement ends on.
// COST_ONLY=send|inbound|trivial runs one kind; COST_CPU_PROFILE=<dir> profiles both services.
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import pg from 'pg';
import { pino } from 'pino';
import twilio from 'twilio';
import { openDatabase } from '../db/database.ts';
import { scopeToTenant } from '../db/tenant-scope.ts';
import { createEventRelay } from '../events/relay.ts';
import { receiveInbound } from '../messaging/inbound/receive-inbound.ts';
import { routeInbound } from '../messaging/inbound/route-inbound.ts';
import { readSendFacts } from '../messaging/send-policy/facts.ts';
import { queueMessage } from '../messaging/sending/queue-message.ts';
import { createTestDatabase } from '../test/databases.ts';
import { captureSql, createdValues, type Statement } from '../test/sql-capture.ts';
import { parameterTypes, sqlLiteral } from './pgbench-script.ts';
import { formatSpread, spread } from './report.ts';
import { seedTenants } from './seed.ts';
import { benchServiceEnv } from './service-env.ts';
import { spawnStartScript } from './spawn-service.ts';

const REQUESTS = Number(process.env.COST_REQUESTS ?? 400);
const CONCURRENCY = Number(process.env.COST_CONCURRENCY ?? 4);
const REPETITIONS = Number(process.env.COST_REPETITIONS ?? 3);
const TENANTS = Number(process.env.COST_TENANTS ?? 20);
const say = (text: string) => console.log(`[cost] ${text}`);

const database = await createTestDatabase();
if (!database.url) throw new Error('bench:cost needs PostgreSQL: run it without PARLEY_TEST_MODE=embedded');
const dbUrl = database.url;
const operatorKey = randomBytes(24).toString('hex');
const twilioAuthToken = randomBytes(16).toString('hex');
const twilioSid = `AC${randomBytes(16).toString('hex')}`;
const basePort = 4900 + Math.floor(Math.random() * 100) * 2;

function envFor(port: number, prepared: boolean) {
  return benchServiceEnv({
    databaseUrl: `${dbUrl}?application_name=parley-cost-${port}`,
    dataDir: database.env.DATA_DIR as string,
    port,
    operatorKey,
    extra: {
      DATABASE_POOL_SIZE: String(CONCURRENCY * 2),
      DATABASE_PREPARED_STATEMENTS: prepared ? 'on' : 'off',
      TWILIO_ACCOUNT_SID: twilioSid,
      TWILIO_AUTH_TOKEN: twilioAuthToken,
      CHANNEL_PLATFORM_DEFAULT: 'on',
    },
  });
}

type Service = { name: string; port: number; pid: number; stop(): Promise<void> };

async function startService(name: string, port: number, prepared: boolean): Promise<Service> {
  // COST_CPU_PROFILE=<dir>: a V8 CPU profile of each service for the whole run.
  const dir = process.env.COST_CPU_PROFILE;
  const child = spawnStartScript(envFor(port, prepared), dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}/${name}`] : []);
  for (let i = 0; ; i++) {
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (i > 1200) throw new Error(`${name}: the service did not become ready`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    name,
    port,
    pid: child.pid as number,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const TICK_MS = 1000 / 100; // USER_HZ
/** utime + stime of a process, ms; null once it has exited. */
function cpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}

const monitor = new pg.Client({ connectionString: dbUrl });
await monitor.connect();
/** The CPU ms of every backend of the service's pool, by pid. */
async function backendsCpu(service: Service): Promise<Map<number, number>> {
  const { rows } = await monitor.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1',
    [`parley-cost-${service.port}`],
  );
  const byPid = new Map<number, number>();
  for (const { pid } of rows) {
    const ms = cpuMs(pid);
    if (ms !== null) byPid.set(pid, ms);
  }
  return byPid;
}

say(`two services (prepared statements off, on) on ${dbUrl.replace(/\/\/[^@]*@/, '//')} ...`);
const unprepared = await startService('unprepared', basePort, false);
const preparedService = await startService('prepared', basePort + 1, true);
const services = [unprepared, preparedService];
say(`seeding ${TENANTS} tenants ...`);
const tenants = await seedTenants(`http://127.0.0.1:${basePort}/graphql`, operatorKey, TENANTS, 1, () => {});
// Sends measured at any hour: quiet hours would refuse them at night.
await monitor.query('UPDATE "Tenant" SET "quietHoursStart" = NULL, "quietHoursEnd" = NULL, "noSundays" = false');

const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)] as T;
const sendQuery =
  'mutation($input: SendMessageInput!) { sendMessage(input: $input) { __typename ... on Message { id status } ... on Error { code } } }';
type Request = { path: string; headers: Record<string, string>; body: string };
const allKinds: Record<string, (port: number) => Request> = {
  'trivial `{ viewer { kind } }`': () => {
    const t = pick(tenants);
    return {
      path: '/graphql',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.token}` },
      body: '{"query":"{ viewer { kind } }"}',
    };
  },
  sendMessage: () => {
    const t = pick(tenants);
    return {
      path: '/graphql',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.token}` },
      body: JSON.stringify({
        query: sendQuery,
        variables: {
          input: {
            conversationId: t.conversations[0]?.id,
            channel: 'SMS',
            body: 'Hi! Are you free for a call on Tuesday at 10?',
            idempotencyKey: randomUUID(),
          },
        },
      }),
    };
  },
  'inbound webhook': (port) => {
    const t = pick(tenants);
    const params = {
      MessageSid: `SM${randomBytes(16).toString('hex')}`,
      AccountSid: twilioSid,
      From: t.conversations[0]?.candidatePhone as string,
      To: t.sendingNumber,
      Body: 'Thanks, Tuesday works for me',
      NumMedia: '0',
    };
    const signature = twilio.getExpectedTwilioSignature(
      twilioAuthToken,
      `http://127.0.0.1:${port}/webhooks/twilio/sms`,
      params,
    );
    return {
      path: '/webhooks/twilio/sms',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: new URLSearchParams(params).toString(),
    };
  },
};

// COST_ONLY=send|inbound|trivial: that kind of request only.
const kinds = Object.fromEntries(
  Object.entries(allKinds).filter(([k]) => !process.env.COST_ONLY || k.toLowerCase().includes(process.env.COST_ONLY)),
);

async function drive(service: Service, make: (port: number) => Request, count: number): Promise<number> {
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next++ < count) {
      const r = make(service.port);
      const response = await fetch(`http://127.0.0.1:${service.port}${r.path}`, {
        method: 'POST',
        headers: r.headers,
        body: r.body,
      });
      const text = await response.text();
      if (!response.ok || text.includes('"errors"') || text.includes('"code"')) {
        if (!failed++) say(`${service.name}: ${response.status} ${text.slice(0, 300)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return failed;
}

type Cost = { service: number; postgres: number };
const costs = new Map<string, Cost[]>();
const loadBefore = loadavg();
for (const make of Object.values(kinds)) {
  for (const s of services) await drive(s, make, Math.ceil(REQUESTS / 4)); // warm: JIT, connections, plans
}
for (let rep = 1; rep <= REPETITIONS; rep++) {
  for (const [kind, make] of Object.entries(kinds)) {
    for (const s of services) {
      // Its pool closed connections idle for 10 s while the other service ran: open them again first.
      await drive(s, make, CONCURRENCY * 5);
      const [serviceBefore, pgBefore] = [cpuMs(s.pid) as number, await backendsCpu(s)];
      const failed = await drive(s, make, REQUESTS);
      const [serviceAfter, pgAfter] = [cpuMs(s.pid) as number, await backendsCpu(s)];
      let postgres = 0;
      for (const [pid, ms] of pgAfter) postgres += ms - (pgBefore.get(pid) ?? 0);
      const lost = [...pgBefore.keys()].filter((pid) => !pgAfter.has(pid)).length;
      const opened = [...pgAfter.keys()].filter((pid) => !pgBefore.has(pid)).length;
      const cost = { service: (serviceAfter - serviceBefore) / REQUESTS, postgres: postgres / REQUESTS };
      const key = `${kind}|${s.name}`;
      costs.set(key, [...(costs.get(key) ?? []), cost]);
      say(
        `${rep}/${REPETITIONS} ${kind}, ${s.name}: service ${cost.service.toFixed(2)} ms, PostgreSQL ${cost.postgres.toFixed(2)} ms per request${failed ? `, ${failed} failed` : ''}${lost ? `, ${lost} backends exited (their CPU is not counted)` : ''}${opened ? `, ${opened} backends opened` : ''}`,
      );
    }
  }
}
const loadAfter = loadavg();
for (const s of services) await s.stop();
await monitor.end();

const of = (kind: string, service: string, pickCost: (c: Cost) => number) =>
  formatSpread(spread((costs.get(`${kind}|${service}`) ?? []).map(pickCost)), 2);
const table = [
  '| request | service CPU ms, unprepared | service CPU ms, prepared | PostgreSQL CPU ms, unprepared | PostgreSQL CPU ms, prepared |',
  '|---|---:|---:|---:|---:|',
  ...Object.keys(kinds).map(
    (kind) =>
      `| ${kind} | ${of(kind, 'unprepared', (c) => c.service)} | ${of(kind, 'prepared', (c) => c.service)} | ${of(kind, 'unprepared', (c) => c.postgres)} | ${of(kind, 'prepared', (c) => c.postgres)} |`,
  ),
];

// EXPLAIN of the hot statements, captured from the functions that run them, on one connection.
say('EXPLAIN (ANALYZE, SUMMARY) of the hot statements ...');
const explainer = new pg.Client({ connectionString: dbUrl });
await explainer.connect();
const db = await openDatabase({ url: dbUrl, poolSize: 1, preparedStatements: false });
const [ids] = await db.prisma.$queryRaw<
  { tenantId: string; userId: string; conversationId: string; numberId: string; e164: string; phone: string }[]
>`SELECT c."tenantId", u.id AS "userId", c.id AS "conversationId", sn.id AS "numberId", sn.e164, cand.phone
  FROM "Conversation" c JOIN "User" u ON u."tenantId" = c."tenantId" JOIN "Candidate" cand ON cand.id = c."candidateId"
  JOIN "SendingNumber" sn ON sn."tenantId" = c."tenantId" ORDER BY c."createdAt" LIMIT 1`;
if (!ids) throw new Error('nothing seeded');
const scope = {
  tenantId: ids.tenantId,
  db: scopeToTenant(db.prisma, ids.tenantId),
  events: { relayNow() {}, credentialsChanged: async () => {} },
};
const actor = { kind: 'user' as const, tenantId: ids.tenantId, userId: ids.userId, role: 'RECRUITER' as const };
const captureStart = Date.now();
const inboundSid = `SM${randomBytes(16).toString('hex')}`;
const captured = (filter: string) => async (work: () => Promise<unknown>) => {
  const [statement] = (await captureSql(async () => void (await work()))).filter((s) => s.text.includes(filter));
  if (!statement) throw new Error(`no statement with ${filter} captured`);
  return statement;
};
const captureOne = captured('parley-prepared');
const statements: [string, Statement][] = [
  [
    'send facts (SMS)',
    await captureOne(() =>
      readSendFacts(scope, actor, ids.conversationId, 'SMS', randomUUID(), { kind: 'CHAT', customKind: null }, false),
    ),
  ],
  [
    'send facts (WhatsApp: window reads)',
    await captureOne(() =>
      readSendFacts(scope, actor, ids.conversationId, 'WHATSAPP', null, { kind: 'CHAT', customKind: null }, true),
    ),
  ],
  [
    'send write',
    await captureOne(() =>
      scope.db
        .$transaction(async (tx) => {
          await queueMessage(ids.tenantId, tx, {
            conversationId: ids.conversationId,
            sendingNumber: { id: ids.numberId, e164: ids.e164 },
            authorId: ids.userId,
            channel: 'SMS',
            kind: 'CHAT',
            to: ids.phone,
            body: 'EXPLAIN me',
            cost: { encoding: 'GSM-7', segments: 1 },
            idempotencyKey: randomUUID(),
            requestHash: null,
          });
          throw new Error('rolled back');
        })
        .catch(() => {}),
    ),
  ],
  ['inbound route', await captureOne(() => routeInbound(db.prisma, ids.e164, ids.phone, null, 'SMS'))],
  [
    'inbound write',
    await captured('INSERT INTO "Message"')(() =>
      receiveInbound({ prisma: db.prisma, relay: { wake() {} }, wakeOutbox() {} }, 'twilio-sms', {
        providerMessageId: inboundSid,
        from: ids.phone,
        to: ids.e164,
        body: 'EXPLAIN me',
        mediaCount: 0,
      }),
    ),
  ],
];
// The event relay's pass that a send or an inbound message wakes (the inbound write above left it an event).
const relay = createEventRelay({
  prisma: db.prisma,
  pubsub: { publish() {} } as unknown as Parameters<typeof createEventRelay>[0]['pubsub'],
  log: pino({ level: 'silent' }),
  retentionDays: 30,
});
const pass = await captureSql(async () => void (await relay.runOnce()));
for (const [name, filter] of [
  ['relay: positions', 'WITH batch AS MATERIALIZED'],
  ['relay: published', 'SET "publishedAt"'],
  ['relay: unpublished', 'AND "publishedAt" IS NULL'],
] as const) {
  const statement = pass.find((s) => s.text.includes(filter));
  if (statement) statements.push([name, statement]);
}
await db.close();

const RUNS = 20;
const explainLines = [
  '| statement | planning ms, min / median | execution ms, min / median | prepared: plan after 10 runs | generic vs custom plan | memory kept per connection, KB |',
  '|---|---:|---:|---|---|---:|',
];
for (const [name, s] of statements) {
  const planning: number[] = [];
  const execution: number[] = [];
  // What the request created (ids, the provider's message id) is made fresh in each run, as in a real request.
  const created = createdValues([s], captureStart, [inboundSid]);
  const fresh = () =>
    s.values.map((v) => (created.has(v) ? (String(v).startsWith('SM') ? `SM${randomUUID()}` : randomUUID()) : v));
  for (let i = 0; i < RUNS; i++) {
    await explainer.query('BEGIN');
    const { rows } = await explainer.query(`EXPLAIN (ANALYZE, SUMMARY, FORMAT JSON) ${s.text}`, fresh());
    await explainer.query('ROLLBACK');
    const plan = (rows[0] as { 'QUERY PLAN': { 'Planning Time': number; 'Execution Time': number }[] })[
      'QUERY PLAN'
    ][0];
    planning.push(plan?.['Planning Time'] ?? Number.NaN);
    execution.push(plan?.['Execution Time'] ?? Number.NaN);
  }
  // The plan PostgreSQL settles on for the prepared statement: generic (planned once) or custom (planned each time).
  const [types] = await parameterTypes(explainer, [s]);
  const literals = fresh().map((v, i) => sqlLiteral(v, types?.[i] ?? 'text'));
  const execute = literals.length ? `parley_cost(${literals.join(', ')})` : 'parley_cost';
  await explainer.query(`PREPARE parley_cost AS ${s.text}`);
  for (let i = 0; i < 10; i++) {
    await explainer.query('BEGIN');
    await explainer.query(`EXPLAIN (ANALYZE) EXECUTE ${execute}`);
    await explainer.query('ROLLBACK');
  }
  const settled = await explainer.query<{ generic_plans: string; custom_plans: string }>(
    "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = 'parley_cost'",
  );
  // What keeping it costs the connection's backend: the statement's parse and plan trees (its generic plan included).
  const kept = await explainer.query<{ kb: string }>(
    `SELECT round(sum(total_bytes) / 1024.0) AS kb FROM pg_backend_memory_contexts
     WHERE name IN ('CachedPlan', 'CachedPlanSource', 'CachedPlanQuery') AND ident LIKE '%parley-prepared%'`,
  );
  // A generic plan is planned without the parameters' values: it must read through the same indexes as a custom one.
  const indexesOf = async (mode: string) => {
    await explainer.query(`SET plan_cache_mode = ${mode}`);
    const { rows } = await explainer.query(`EXPLAIN (FORMAT JSON) EXECUTE ${execute}`);
    const names = [...JSON.stringify(rows[0]).matchAll(/"Index Name":"([^"]+)"/g)].map((m) => m[1] as string);
    return [...new Set(names)].sort();
  };
  const [generic, custom] = [await indexesOf('force_generic_plan'), await indexesOf('force_custom_plan')];
  await explainer.query('RESET plan_cache_mode');
  await explainer.query('DEALLOCATE ALL');
  const onlyGeneric = generic.filter((n) => !custom.includes(n));
  const onlyCustom = custom.filter((n) => !generic.includes(n));
  const sameIndexes =
    onlyGeneric.length + onlyCustom.length === 0
      ? `same ${generic.length} indexes`
      : `generic only: ${onlyGeneric.join(', ') || '–'}; custom only: ${onlyCustom.join(', ') || '–'}`;
  const settledRow = settled.rows[0];
  const ms = (xs: number[]) => `${Math.min(...xs).toFixed(2)} / ${spread(xs).median.toFixed(2)}`;
  explainLines.push(
    `| ${name} | ${ms(planning)} | ${ms(execution)} | ${settledRow?.generic_plans} generic, ${settledRow?.custom_plans} custom | ${sameIndexes} | ${kept.rows[0]?.kb ?? '?'} |`,
  );
}
await explainer.end();
await database.drop();

console.log(
  [
    '',
    `CPU per request, median (min–max) of ${REPETITIONS} runs of ${REQUESTS} requests at ${CONCURRENCY} concurrent (load average ${loadBefore.map((l) => l.toFixed(1)).join(' ')} before, ${loadAfter.map((l) => l.toFixed(1)).join(' ')} after):`,
    '',
    ...table,
    '',
    `EXPLAIN (ANALYZE, SUMMARY), one warm connection, ${RUNS} runs each:`,
    '',
    ...explainLines,
  ].join('\n'),
);
