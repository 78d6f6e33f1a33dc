// npm run bench:fanout [-- --n 1000,5000 --m 20 --reps 3] — live fan-out on PostgreSQL + Redis:
// N graphql-ws subscribers of `tenantEvents`, split over two service processes sharing Redis,
// receive the events of M inbound text messages sent through process A; beside them, in the same
// run, two bare `ws` servers send the same events (same frames, same timing, through Redis) to
// N plain sockets. Latency is measured from the moment the event reached Redis subscribers (taken
// by an observer process) to each subscriber's receipt; memory is the service's heapUsed and RSS
// after garbage collection with N idle subscribers open, minus the same with none.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import twilio from 'twilio';
import { createTestDatabase, testRedisUrl } from '../test/databases.ts';
import { now, openSubscribers, type Subscribers } from './fanout-clients.ts';
import { type Measured, spawnMeasured, waitUntil } from './fanout-processes.ts';
import { seedTenants } from './seed.ts';
import { benchServiceEnv } from './service-env.ts';

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '1000,5000' },
    m: { type: 'string', default: '20' },
    reps: { type: 'string', default: '3' },
    subscription: { type: 'string', default: 'tenantEvents' },
    query: {
      type: 'string',
      default: 'subscription { tenantEvents { cursor type subjectId conversationId payload occurredAt } }',
    },
  },
});
const sizes = String(args.n).split(',').map(Number);
const M = Number(args.m);
const REPS = Number(args.reps);
const say = (text: string) => console.log(`[fanout] ${text}`);
/** Recruiter views (a user token, each event checked against their rights): the seeded conversation, or their inbox. */
const recruiterQueries: Record<string, string> = {
  conversationUpdated:
    'subscription($id: ID!) { conversationUpdated(id: $id) { cursor type occurredAt message { id direction body status } } }',
  inboxUpdated:
    'subscription { inboxUpdated { cursor type occurredAt conversation { id lastMessageAt lastMessage { id body } } } }',
};
const recruiterView = args.subscription in recruiterQueries;
if (!recruiterView && args.subscription !== 'tenantEvents')
  throw new Error('--subscription: tenantEvents, conversationUpdated or inboxUpdated');
const subscriptionQuery = recruiterQueries[String(args.subscription)] ?? String(args.query);

const database = await createTestDatabase();
if (!database.url) throw new Error('the benchmark needs PostgreSQL: run it with PARLEY_TEST_MODE=postgres');
const base = 4900 + Math.floor(Math.random() * 50) * 4;
const [portA, portB, bareX, bareY] = [base, base + 1, base + 2, base + 3];
const twilioAuthToken = randomBytes(16).toString('hex');
const twilioSid = `AC${randomBytes(16).toString('hex')}`;
const operatorKey = randomBytes(24).toString('hex');
const serviceEnv = (port: number) =>
  benchServiceEnv({
    databaseUrl: database.url as string,
    dataDir: database.env.DATA_DIR as string,
    port,
    operatorKey,
    extra: {
      DATABASE_POOL_SIZE: '10',
      TWILIO_ACCOUNT_SID: twilioSid,
      TWILIO_AUTH_TOKEN: twilioAuthToken,
      CHANNEL_PLATFORM_DEFAULT: 'on',
      GRAPHQL_MAX_CONNECTIONS_PER_CREDENTIAL: '100000',
    },
  });
const envA = serviceEnv(portA);
const envB = { ...serviceEnv(portB), CHANNEL_CREDENTIALS_KEYS: envA.CHANNEL_CREDENTIALS_KEYS as string };

say(`starting two service processes (:${portA}, :${portB}) on PostgreSQL + Redis ...`);
const services = [spawnMeasured('api/main.ts', envA), spawnMeasured('api/main.ts', envB)];
const ready = (port: number) =>
  fetch(`http://127.0.0.1:${port}/readyz`).then(
    (r) => r.ok,
    () => false,
  );
await waitUntil('service A', () => ready(portA));
await waitUntil('service B', () => ready(portB));
const [tenant] = await seedTenants(`http://127.0.0.1:${portA}/graphql`, operatorKey, 1, 1, () => {});
if (!tenant) throw new Error('no tenant seeded');
const tenantId = (
  await fetch(`http://127.0.0.1:${portA}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tenant.apiKey}` },
    body: JSON.stringify({ query: '{ tenant { id } }' }),
  }).then((r) => r.json())
).data.tenant.id as string;
const { decodeGlobalID } = await import('@pothos/plugin-relay');
const tenantUuid = decodeGlobalID(tenantId).id;
const tenantChannel = `tenant:${tenantUuid}`;
const bareChannel = `bench:bare:${randomBytes(4).toString('hex')}`;

say('starting two bare ws servers and the Redis observer ...');
const bare = [
  spawnMeasured('api/bench/fanout-bare-server.ts', {
    PORT: String(bareX),
    BENCH_CHANNEL: bareChannel,
    REDIS_URL: testRedisUrl,
  }),
  spawnMeasured('api/bench/fanout-bare-server.ts', {
    PORT: String(bareY),
    BENCH_CHANNEL: bareChannel,
    REDIS_URL: testRedisUrl,
  }),
];
type Seen = { channel: string; at: number; message: string; position: bigint };
const seen: Seen[] = [];
const observer = spawnMeasured('api/bench/fanout-observer.ts', { REDIS_URL: testRedisUrl }, [
  tenantChannel,
  bareChannel,
]);
let observerReady = false;
observer.onLine((line) => {
  const parsed = JSON.parse(line);
  if (parsed.ready) observerReady = true;
  else seen.push({ ...parsed, position: BigInt(JSON.parse(parsed.message).position) });
});
await waitUntil('the observer', () => observerReady);
const publisher = new Redis(testRedisUrl);

const inboundUrl = `http://127.0.0.1:${portA}/webhooks/twilio/sms`;
let inboundCount = 0;
async function sendInbound() {
  const params = {
    MessageSid: `SM${randomBytes(16).toString('hex')}`,
    AccountSid: twilioSid,
    From: tenant?.conversations[0]?.candidatePhone as string,
    To: tenant?.sendingNumber as string,
    Body: `Thanks, Tuesday works for me (${inboundCount++})`,
    NumMedia: '0',
  };
  const response = await fetch(inboundUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilio.getExpectedTwilioSignature(twilioAuthToken, inboundUrl, params),
    },
    body: new URLSearchParams(params).toString(),
  });
  if (!response.ok) throw new Error(`inbound webhook: ${response.status} ${await response.text()}`);
}

type Figures = { p50: number; p99: number; perSecond: number; heapPerSub: number; rssPerSub: number; missing: number };

const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? NaN;

/** Events the observer saw on `channel` from index `from` on, once none has come for `quietMs`. */
async function settledEvents(channel: string, from: number, quietMs = 1_000) {
  let count = -1;
  while (count !== seen.length) {
    count = seen.length;
    await new Promise((r) => setTimeout(r, quietMs));
  }
  return seen.slice(from).filter((s) => s.channel === channel);
}

/** The events of the last service run, replayed to the bare servers with the same timing. */
let recorded: Seen[] = [];

async function measure(kind: 'service' | 'bare', n: number): Promise<Figures> {
  const processes: Measured[] = kind === 'service' ? services : bare;
  const before = await Promise.all(processes.map((p) => p.memory()));
  const started = Date.now();
  const subscribers: Subscribers = await openSubscribers({
    urls:
      kind === 'service'
        ? [`ws://127.0.0.1:${portA}/graphql`, `ws://127.0.0.1:${portB}/graphql`]
        : [`ws://127.0.0.1:${bareX}`, `ws://127.0.0.1:${bareY}`],
    n,
    protocol:
      kind === 'service'
        ? {
            kind: 'graphql-ws',
            credential: (recruiterView ? tenant?.token : tenant?.apiKey) as string,
            query: subscriptionQuery,
            variables: args.subscription === 'conversationUpdated' ? { id: tenant?.conversations[0]?.id } : {},
          }
        : { kind: 'bare' },
    onProgress: (open) => say(`  ${kind}: ${open}/${n} sockets open (${((Date.now() - started) / 1000).toFixed(1)} s)`),
  });
  // Subscriptions are live once each has received an event: warm up until all have.
  const warm = recorded[0]?.message;
  await waitUntil(
    `${n} live ${kind} subscribers`,
    async () => {
      if (kind === 'service') await sendInbound();
      else await publisher.publish(bareChannel, warm as string);
      await new Promise((r) => setTimeout(r, 500));
      return subscribers.reached() === n;
    },
    120_000,
  );
  // Warm-up events still on their way are not part of the measured burst.
  await settledEvents(kind === 'service' ? tenantChannel : bareChannel, seen.length, 1_500);
  const after = await Promise.all(processes.map((p) => p.memory()));
  subscribers.reset();
  const mark = seen.length;
  const sendStart = now();
  if (kind === 'service') {
    let sent = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (sent < M) {
          sent++;
          await sendInbound();
        }
      }),
    );
  } else {
    const t0 = recorded[0]?.at ?? 0;
    await Promise.all(
      recorded.map(
        (r) =>
          new Promise<void>((resolve) =>
            setTimeout(
              () => void publisher.publish(bareChannel, r.message).then(() => resolve()),
              Math.max(0, r.at - t0 - (now() - sendStart)),
            ),
          ),
      ),
    );
  }
  const published = await settledEvents(kind === 'service' ? tenantChannel : bareChannel, mark);
  // Every subscriber gets an event or none does (conversationUpdated leaves out events of other
  // conversations): wait until each event has reached all or none, and nothing has come for 3 s.
  const received = () => published.reduce((sum, e) => sum + (subscribers.receipts.get(e.position)?.length ?? 0), 0);
  let seenCount = -1;
  let quietSince = Date.now();
  await waitUntil(
    `${kind} deliveries`,
    () => {
      const count = received();
      if (count !== seenCount) [seenCount, quietSince] = [count, Date.now()];
      const settled = published.every((e) => [0, n].includes(subscribers.receipts.get(e.position)?.length ?? 0));
      return settled && count > 0 && Date.now() - quietSince > 3_000;
    },
    60_000,
  ).catch((error) => say(`  ${(error as Error).message}`));
  const events = published.filter((e) => subscribers.receipts.has(e.position));
  const notForThem = published.length - events.length;
  if (notForThem)
    say(`  ${notForThem} of ${published.length} events reached no subscriber (not for this subscription)`);
  if (kind === 'service') recorded = events;
  const latencies: number[] = [];
  let last = 0;
  let missing = 0;
  for (const e of events) {
    const times = subscribers.receipts.get(e.position) ?? [];
    missing += n - times.length;
    for (const t of times) {
      latencies.push(t - e.at);
      last = Math.max(last, t);
    }
  }
  latencies.sort((a, b) => a - b);
  if (kind === 'service') {
    // What delivery asked of the database during the burst (api/live/live-counts.ts), summed over both processes.
    const end = await Promise.all(processes.map((p) => p.memory()));
    const counted = (readings: { live?: Record<string, number> }[], name: string) =>
      readings.reduce((total, r) => total + (r.live?.[name] ?? 0), 0);
    const names = ['accessHits', 'accessAsked', 'rowsRead', 'rowsShared'];
    if (end.some((r) => r.live))
      say(
        `  live counts during the burst: ${names.map((k) => `${k} ${counted(end, k) - counted(after, k)}`).join(', ')}`,
      );
  }
  const first = Math.min(...events.map((e) => e.at));
  await subscribers.close();
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const figures = {
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    perSecond: (latencies.length / (last - first)) * 1000,
    heapPerSub: (sum(after.map((m) => m.heapUsed)) - sum(before.map((m) => m.heapUsed))) / n,
    rssPerSub: (sum(after.map((m) => m.rss)) - sum(before.map((m) => m.rss))) / n,
    missing,
  };
  say(
    `  ${kind}, ${n} subscribers, ${events.length} events: p50 ${figures.p50.toFixed(1)} ms, p99 ${figures.p99.toFixed(1)} ms, ` +
      `${Math.round(figures.perSecond)} deliveries/s, heap ${(figures.heapPerSub / 1024).toFixed(1)} KB and RSS ${(figures.rssPerSub / 1024).toFixed(1)} KB per idle subscriber${missing ? `, ${missing} MISSING` : ''}`,
  );
  // Let closed subscriptions release before the next run's baseline.
  await new Promise((r) => setTimeout(r, 2_000));
  return figures;
}

const results: { n: number; service: Figures[]; bare: Figures[] }[] = [];
for (const n of sizes) {
  const row = { n, service: [] as Figures[], bare: [] as Figures[] };
  for (let rep = 1; rep <= REPS; rep++) {
    say(`N = ${n}, repetition ${rep}/${REPS}`);
    row.service.push(await measure('service', n));
    row.bare.push(await measure('bare', n));
  }
  results.push(row);
}

const summary = (values: number[], digits: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  const f = (v: number) => v.toFixed(digits);
  return `${f(sorted[Math.floor(sorted.length / 2)] as number)} (${f(sorted[0] as number)}–${f(sorted[sorted.length - 1] as number)})`;
};
const lines = [
  '',
  `Fan-out of ${M} inbound messages' events to N ${args.subscription} subscribers over 2 processes + Redis; median (min–max) of ${REPS}`,
  '| N | figure | graphql-ws over Yoga (service) | bare ws | service / bare |',
  '|---:|---|---:|---:|---:|',
];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
for (const { n, service, bare: plain } of results) {
  const row = (label: string, pick: (f: Figures) => number, digits: number) =>
    lines.push(
      `| ${n} | ${label} | ${summary(service.map(pick), digits)} | ${summary(plain.map(pick), digits)} | ${(median(service.map(pick)) / median(plain.map(pick))).toFixed(2)}x |`,
    );
  row('fan-out p50, ms', (f) => f.p50, 1);
  row('fan-out p99, ms', (f) => f.p99, 1);
  row('deliveries per second', (f) => f.perSecond, 0);
  row('heap per idle subscriber, KB', (f) => f.heapPerSub / 1024, 1);
  row('RSS per idle subscriber, KB', (f) => f.rssPerSub / 1024, 1);
  const missing = [...service, ...plain].reduce((a, f) => a + f.missing, 0);
  if (missing) lines.push(`| ${n} | deliveries missing | ${missing} | | |`);
}
lines.push(
  `machine: ${(await import('node:os')).cpus().length} cores, Node ${process.version}; clients, servers, Redis and PostgreSQL share it`,
);
console.log(lines.join('\n'));

await Promise.all([...services, ...bare, observer].map((p) => p.stop()));
publisher.disconnect();
await database.drop();
