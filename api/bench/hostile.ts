// npm run bench:hostile — issue 6's aim: a trivial query stays under 50 ms while hostile GraphQL documents
// arrive. The service runs in its own process, started as `npm start` starts it (PostgreSQL + Redis). One
// loop sends `{ viewer { __typename } }` and another GET /healthz, each at BENCH_RATE per second (default 10),
// one at a time, latency counted from when each was due (a slow answer also charges the ones it delayed).
// Beside them, in turn: nothing ("quiet"); ordinary queries (a page of users) at BENCH_HOSTILE_RATE per second
// (default 20), the baseline for the same amount of traffic; hostile documents at that rate (the shapes the
// review measured: 1,000 aliased user lists, 10,000 aliases without credentials, fragment doubling, 50,000
// operations, 100,000 and 200 levels deep, 5,000 node ids, a page of 10,000, a 2 MB body), each refused
// (400/413) before any resolver runs; and one field repeated 495 times in a selection set (under the token
// limit; graphql's own validation compares every pair, so it is refused as repeated fields). Every background
// document is made unique (a comment with a counter), as an attacker would, so Yoga's parse and validation
// caches do not answer it. Background requests are sent on schedule, at most 32 in flight, not waiting for
// each other. Each row BENCH_SECONDS long (default 10), BENCH_REPETITIONS times (default 3), interleaved;
// median (min–max). BENCH_PORT (default 4721).
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { CreateTenantDocument } from '../../clients/generated/graphql.ts';
import { createParleyClient } from '../../clients/parley-client.ts';
import { createTestDatabase } from '../test/databases.ts';
import { type Figures, pacedLoad, peakRss } from './load.ts';
import { figuresTable, formatSpread, spread } from './report.ts';
import { benchServiceEnv } from './service-env.ts';
import { spawnStartScript } from './spawn-service.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const REPETITIONS = Number(process.env.BENCH_REPETITIONS ?? 3);
const RATE = Number(process.env.BENCH_RATE ?? 10);
const HOSTILE_RATE = Number(process.env.BENCH_HOSTILE_RATE ?? 20);
const IN_FLIGHT = 32;
const port = Number(process.env.BENCH_PORT ?? 4721);
const say = (text: string) => console.log(`[bench:hostile] ${text}`);

const database = await createTestDatabase();
if (!database.url) throw new Error('the benchmark needs PostgreSQL: run it with PARLEY_TEST_MODE=postgres');
const operatorKey = randomBytes(24).toString('hex');
const env = benchServiceEnv({
  databaseUrl: database.url,
  dataDir: database.env.DATA_DIR as string,
  port,
  operatorKey,
});
const url = `http://127.0.0.1:${port}/graphql`;
const healthUrl = `http://127.0.0.1:${port}/healthz`;

const child = spawnStartScript(env);
for (let i = 0; ; i++) {
  if (
    await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  if (i > 600 || child.exitCode !== null) throw new Error('the service did not become ready');
  await new Promise((r) => setTimeout(r, 100));
}
const pid = child.pid as number;
const created = (
  await createParleyClient({ url, credential: operatorKey }).request(CreateTenantDocument, {
    input: { name: 'Bench hostile' },
  })
).createTenant;
if (created.__typename !== 'CreatedTenant') throw new Error(`createTenant: ${JSON.stringify(created)}`);
const auth = { authorization: `Bearer ${created.apiKeySecret}` };
say(
  `service ready (pid ${pid}); ${REPETITIONS} repetitions, ${SECONDS} s each, probes at ${RATE}/s, background at ${HOSTILE_RATE}/s`,
);

/** A document to send; `body(n)` makes the n-th copy unique (a comment), so no cache of Yoga's answers it. */
type Hostile = { name: string; body: (n: number) => string; headers: Record<string, string> };
const json = (query: string, variables?: unknown, anonymous = false): Omit<Hostile, 'name'> => {
  // The JSON once; the comment goes in where the query ends.
  const whole = JSON.stringify({ query, variables });
  const end = JSON.stringify({ query }).length - 2;
  return {
    body: (n) => `${whole.slice(0, end)}\\n# ${n}${whole.slice(end)}`,
    headers: { 'content-type': 'application/json', ...(anonymous ? {} : auth) },
  };
};
const refused: Hostile[] = [
  {
    name: '1,000 aliased user lists',
    ...json(
      `{ tenant { ${Array.from({ length: 1000 }, (_, i) => `u${i}: users(first: 100) { edges { node { id name email } } }`).join(' ')} } }`,
    ),
  },
  {
    name: '10,000 aliases, no credentials',
    ...json(`{ ${Array.from({ length: 10_000 }, (_, i) => `v${i}: viewer { kind }`).join(' ')} }`, undefined, true),
  },
  {
    name: 'fragment doubling',
    ...json(
      `query Doubling { ...F0 }\n${Array.from(
        { length: 40 },
        (_, i) => `fragment F${i} on Query { a${i}: viewer { __typename } ...F${i + 1} ...F${i + 1} }`,
      ).join('\n')}\nfragment F40 on Query { viewer { kind } }`,
    ),
  },
  { name: '50,000 operations', ...json(Array.from({ length: 50_000 }, (_, i) => `query Q${i}{kind}`).join('\n')) },
  { name: '100,000 deep', ...json(`{${'viewer{'.repeat(100_000)}kind${'}'.repeat(100_000)}}`) },
  {
    name: '200 deep',
    ...json(`{ tenant { ${'users(first: 1) { edges { node { tenant { '.repeat(50)} id ${'} } } } '.repeat(50)} } }`),
  },
  {
    name: '5,000 node ids',
    ...json('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
      ids: Array.from({ length: 5000 }, (_, i) => `id${i}`),
    }),
  },
  { name: 'a page of 10,000', ...json('{ tenant { users(first: 10000) { edges { node { id name email } } } } }') },
  {
    name: '2 MB body',
    ...json('query($padding: String) { viewer { kind } }', { padding: 'x'.repeat(2 * 1024 * 1024) }),
  },
];
const repeatedFields: Hostile[] = [{ name: 'one field 495 times', ...json(`{ ${'viewer { kind } '.repeat(495)} }`) }];
const ordinary: Hostile[] = [
  { name: 'a page of users', ...json('{ tenant { users(first: 20) { edges { node { id name email } } } } }') },
];

/** `documents` in turn at HOSTILE_RATE per second, on schedule (at most IN_FLIGHT at once), until `stop()`. */
function sendInBackground(documents: Hostile[]) {
  let stopped = false;
  let skipped = 0;
  const statuses = new Map<string, number>();
  const times: number[] = [];
  const inFlight = new Set<Promise<void>>();
  const send = async (doc: Hostile, n: number) => {
    const started = performance.now();
    let status: string;
    try {
      const res = await fetch(url, { method: 'POST', headers: doc.headers, body: doc.body(n) });
      await res.arrayBuffer();
      status = String(res.status);
    } catch {
      status = 'reset';
    }
    times.push(performance.now() - started);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  };
  const loop = (async () => {
    const started = performance.now();
    for (let n = 0; !stopped; n++) {
      const wait = started + (n * 1000) / HOSTILE_RATE - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (stopped) break;
      // Behind by more than a slot (this process starved) or too many waiting: not sent, counted, no burst.
      if (inFlight.size >= IN_FLIGHT || wait < -1000 / HOSTILE_RATE) {
        skipped++;
        continue;
      }
      const p = send(documents[n % documents.length] as Hostile, n).finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    await Promise.all(inFlight);
    times.sort((a, b) => a - b);
    return {
      statuses: Object.fromEntries(statuses),
      p50: times[Math.floor(times.length / 2)] ?? 0,
      n: times.length,
      skipped,
    };
  };
}

async function viewer() {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body: '{"query":"{ viewer { __typename } }"}',
  });
  const body = await res.text();
  if (res.status !== 200 || !body.includes('"Viewer"')) throw new Error(`viewer: ${res.status} ${body.slice(0, 200)}`);
}
async function health() {
  const res = await fetch(healthUrl);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`healthz: ${res.status}`);
}

type Background = { name: string; documents: Hostile[] | null };
const backgrounds: Background[] = [
  { name: 'quiet', documents: null },
  { name: 'ordinary queries', documents: ordinary },
  { name: 'hostile documents (refused)', documents: refused },
  { name: 'repeated fields', documents: repeatedFields },
];
const rows = new Map<string, Figures[]>();
const hostileNotes = new Map<string, string[]>();
const push = (name: string, f: Figures) => rows.set(name, [...(rows.get(name) ?? []), f]);

// Warm-up: the probes and every hostile shape once.
for (let i = 0; i < 20; i++) await viewer();
for (const d of [...refused, ...repeatedFields, ...ordinary]) {
  await fetch(url, { method: 'POST', headers: d.headers, body: d.body(-1) }).then((r) => r.arrayBuffer());
}

for (let rep = 0; rep < REPETITIONS; rep++) {
  for (const background of backgrounds) {
    const stop = background.documents ? sendInBackground(background.documents) : null;
    const { result, maxRssMb } = await peakRss(pid, () =>
      Promise.all([
        pacedLoad(`{ viewer { __typename } }, ${background.name}`, RATE, SECONDS, viewer),
        pacedLoad(`GET /healthz, ${background.name}`, RATE, SECONDS, health),
      ]),
    );
    const traffic = await stop?.();
    for (const f of result) push(f.name, { ...f, maxRssMb });
    if (traffic) {
      hostileNotes.set(background.name, [
        ...(hostileNotes.get(background.name) ?? []),
        `${Math.round(traffic.n / SECONDS)}/s answered (${JSON.stringify(traffic.statuses)}${traffic.skipped ? `, ${traffic.skipped} not sent: behind or ${IN_FLIGHT} in flight` : ''}), each in ${Math.round(traffic.p50)} ms (p50)`,
      ]);
    }
    say(`rep ${rep + 1}: ${background.name} done`);
  }
}

const exited = new Promise((r) => child.once('exit', r));
child.kill('SIGTERM');
await exited;
await database.drop();

const ordered = [...rows.entries()].sort(([a], [b]) => Number(a.startsWith('GET')) - Number(b.startsWith('GET')));
console.log(
  [
    '',
    `npm run bench:hostile — ${cpus().length} cores, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(
        ' ',
      )}; probes at ${RATE}/s each, one at a time, latency from when each was due; background at ${HOSTILE_RATE}/s`,
    '',
    figuresTable(ordered.map(([name, runs]) => ({ name, runs }))),
    '',
    ...[...hostileNotes.entries()].map(([name, notes]) => `- ${name}: ${notes.join('; ')}`),
    '',
    '| ratio | median (min–max) | aim |',
    '|---|---:|---|',
    ...(['quiet', 'ordinary queries'] as const).map(
      (base) =>
        `| { viewer } p99 while hostile / ${base} | ${formatSpread(
          spread(
            (rows.get('{ viewer { __typename } }, hostile documents (refused)') ?? []).map(
              (f, i) => f.p99 / ((rows.get(`{ viewer { __typename } }, ${base}`) ?? [])[i]?.p99 || 1),
            ),
          ),
          2,
          'x',
        )} | p99 under 50 ms |`,
    ),
  ].join('\n'),
);
