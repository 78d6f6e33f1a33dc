import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

/**
 * Starts the service as `npm start` does: package.json's `prestart` (if any)
 * first, then its `start` script, run by `sh -c`. The script `exec`s node, so
 * the child's pid is the service's own process (the one to measure).
 * `nodeFlags` go right after `node` (e.g. --cpu-prof).
 */
export function spawnStartScript(env: Record<string, string>, nodeFlags: string[] = []): ChildProcess {
  const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
  const fullEnv = { ...process.env, ...env };
  if (scripts.prestart) execFileSync('npm', ['run', 'prestart'], { cwd: root, env: fullEnv, stdio: 'inherit' });
  const start = scripts.start ?? '';
  if (!/\bexec node /.test(start))
    throw new Error(`the benchmark runs a start script that execs node ("… exec node …"), not: ${start}`);
  const command = start.replace(/\bexec node /, `exec node ${nodeFlags.map((f) => `'${f}'`).join(' ')} `);
  return spawn('sh', ['-c', command], { cwd: root, env: fullEnv, stdio: ['ignore', 'inherit', 'inherit'] });
}
