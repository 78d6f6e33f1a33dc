import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Figures } from './load.ts';

const PGBENCH = process.env.PGBENCH ?? '/usr/bin/pgbench';

/**
 * Runs pgbench for `seconds` with `clients` connections over `scripts` (each
 * transaction picks one at random, equal weights) and reads its throughput
 * and, from the per-transaction log, its latency percentiles. By default in
 * the extended query protocol without named statements, as the `pg` driver
 * uses it (each statement parsed and planned every time); `prepared` parses
 * and plans each statement once per connection.
 */
export async function pgbenchLoad(options: {
  name: string;
  databaseUrl: string;
  scripts: string[];
  clients: number;
  threads: number;
  seconds: number;
  mode?: 'extended' | 'prepared';
}): Promise<Figures> {
  const dir = await mkdtemp(join(tmpdir(), 'parley-pgbench-'));
  try {
    const files = await Promise.all(
      options.scripts.map(async (text, i) => {
        const file = join(dir, `script-${i}.sql`);
        await writeFile(file, text);
        return `${file}@1`;
      }),
    );
    const args = [
      '-n',
      '-M',
      options.mode ?? 'extended',
      '-c',
      String(options.clients),
      '-j',
      String(options.threads),
      '-T',
      String(options.seconds),
      '-D',
      'seq=0',
      '-l',
      `--log-prefix=${join(dir, 'log')}`,
      ...files.flatMap((f) => ['-f', f]),
      options.databaseUrl,
    ];
    const { stdout, stderr, failed } = await promisify(execFile)(PGBENCH, args, { maxBuffer: 64 << 20 }).then(
      (r) => ({ ...r, failed: false }),
      (e: { stdout: string; stderr: string }) => ({ stdout: e.stdout ?? '', stderr: e.stderr ?? '', failed: true }),
    );
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout);
    if (!tps) throw new Error(`pgbench printed no tps:\n${stdout}\n${stderr}`);
    const aborted = stderr.split('\n').filter((l) => /aborted/.test(l));
    if (failed || aborted.length)
      console.error(`[bench] ${options.name}: pgbench: ${aborted[0] ?? stderr.slice(0, 500)}`);
    const latencies: number[] = [];
    let failedTransactions = 0;
    for (const log of (await readdir(dir)).filter((f) => f.startsWith('log'))) {
      for (const line of (await readFile(join(dir, log), 'utf8')).split('\n')) {
        const time = line.split(' ')[2];
        if (time === undefined) continue;
        if (/^\d+$/.test(time)) latencies.push(Number(time) / 1000);
        else failedTransactions++;
      }
    }
    latencies.sort((a, b) => a - b);
    const at = (q: number) =>
      Math.round((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0) * 10) / 10;
    return {
      name: options.name,
      rps: Math.round(Number(tps[1])),
      p50: at(0.5),
      p99: at(0.99),
      errors: failedTransactions + aborted.length,
      non2xx: 0,
      maxRssMb: null,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
