// npm run bench:footprint: start time and idle memory of the service as `npm start` runs it,
// beside a Yoga hello world and a bare Node HTTP server started the same way, in the same run.
// `-- --reps 3 --idle-ms 5000`. Each start is timed from spawn to the first answer of
// `{ viewer { kind } }`; memory is the process's VmRSS after it has idled.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createTestDatabase, testMode } from '../test/databases.ts';

if (testMode !== 'postgres') throw new Error('run with PARLEY_TEST_MODE=postgres (npm run bench:footprint)');

const { values } = parseArgs({
  options: { reps: { type: 'string', default: '3' }, 'idle-ms': { type: 'string', default: '5000' } },
});
const reps = Number(values.reps);
const idleMs = Number(values['idle-ms']);
const root = new URL('../..', import.meta.url).pathname;
const port = 4700 + (process.pid % 200);
const url = `http://127.0.0.1:${port}/graphql`;

/** The start script of package.json, run by a shell that execs it, so the pid is the service's. */
const startScript: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.start;

const yogaHello = `import { createServer } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';
const yoga = createYoga({ schema: createSchema({
  typeDefs: 'enum Kind { ANONYMOUS } type Viewer { kind: Kind! } type Query { viewer: Viewer! }',
  resolvers: { Query: { viewer: () => ({ kind: 'ANONYMOUS' }) } } }) });
createServer(yoga).listen(Number(process.env.PORT));`;

const bareNode = `require('node:http').createServer((q, s) => { q.resume(); q.on('end', () =>
  s.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"viewer":{"kind":"ANONYMOUS"}}}')); })
  .listen(Number(process.env.PORT));`;

type Subject = { name: string; command: string; env: Record<string, string> };

function startProcess(subject: Subject): ChildProcess {
  const child = spawn('sh', ['-c', subject.command], {
    cwd: root,
    env: {
      ...process.env,
      PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      ...subject.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  child.on('exit', (code) => {
    if (code && code !== 0 && code !== 143) process.stderr.write(`${subject.name} exited ${code}:\n${output}\n`);
  });
  return child;
}

async function answered(): Promise<boolean> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ viewer { kind } }"}',
      signal: AbortSignal.timeout(2000),
    });
    return (await res.json())?.data?.viewer?.kind === 'ANONYMOUS';
  } catch {
    return false;
  }
}

async function rssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]) / 1024;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(15_000).then(() => child.kill('SIGKILL'))]);
  await exited;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One start: milliseconds to the first answer, then VmRSS after idling. */
async function measureStart(subject: Subject): Promise<{ startMs: number; rss: number }> {
  const began = performance.now();
  const child = startProcess(subject);
  try {
    while (!(await answered())) {
      if (child.exitCode !== null) throw new Error(`${subject.name} exited before answering`);
      if (performance.now() - began > 180_000) throw new Error(`${subject.name} did not answer in 180 s`);
      await sleep(20);
    }
    const startMs = performance.now() - began;
    await sleep(idleMs);
    const rss = await rssMiB(child.pid as number);
    return { startMs, rss };
  } finally {
    await stop(child);
  }
}

const figures = new Map<string, number[]>();
function record(name: string, value: number) {
  figures.set(name, [...(figures.get(name) ?? []), value]);
  process.stdout.write(`  ${name}: ${Math.round(value)}\n`);
}

/** A start on a fresh database, then a restart on the same one. */
async function firstAndRestart(label: string, subject: Subject) {
  const first = await measureStart(subject);
  record(`${label}: first start to first answer, ms`, first.startMs);
  record(`${label}: idle RSS after first start, MiB`, first.rss);
  const again = await measureStart(subject);
  record(`${label}: restart to first answer, ms`, again.startMs);
  record(`${label}: idle RSS after restart, MiB`, again.rss);
}

const service = (env: Record<string, string>): Subject => ({ name: 'service', command: startScript, env });

for (let rep = 1; rep <= reps; rep++) {
  process.stdout.write(`repetition ${rep} of ${reps} (load average ${loadAverage()})\n`);
  const dataDir = await mkdtemp(join(tmpdir(), 'parley-footprint-'));
  try {
    await firstAndRestart('embedded (PGlite)', service({ DATA_DIR: dataDir }));
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  const db = await createTestDatabase();
  try {
    await firstAndRestart('PostgreSQL + Redis', service(db.env));
  } finally {
    await db.drop();
  }
  for (const [label, command] of [
    ['baseline: Yoga hello world', `exec node --input-type=module -e "${yogaHello.replaceAll('"', '\\"')}"`],
    ['baseline: bare node -e', `exec node -e "${bareNode.replaceAll('"', '\\"')}"`],
  ] as const) {
    const { startMs, rss } = await measureStart({ name: label, command, env: {} });
    record(`${label}: start to first answer, ms`, startMs);
    record(`${label}: idle RSS, MiB`, rss);
  }
}

function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(', ');
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] as number;
const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
process.stdout.write(
  `\n\`${startScript}\`, ${reps} repetitions, ${idleMs / 1000} s idle before each RSS reading, load average ${loadAverage()} at the end\n\n`,
);
process.stdout.write('| figure | median (min–max) |\n|---|---:|\n');
for (const [name, xs] of figures) {
  process.stdout.write(`| ${name} | ${fmt(median(xs))} (${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))}) |\n`);
}
