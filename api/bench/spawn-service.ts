import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

/**
 * Starts the service as `npm start` does: package.json's `prestart` (if any)
 * first, then its `start` script's command without the leading `exec`, run
 * directly so the child is the service's own process (its pid is the one to
 * measure). `nodeFlags` go right after `node` (e.g. --cpu-prof).
 */
export function spawnStartScript(env: Record<string, string>, nodeFlags: string[] = []): ChildProcess {
  const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
  const fullEnv = { ...process.env, ...env };
  if (scripts.prestart) execFileSync('npm', ['run', 'prestart'], { cwd: root, env: fullEnv, stdio: 'inherit' });
  const words = (scripts.start ?? '').trim().split(/\s+/);
  if (words[0] === 'exec') words.shift();
  const assignments: Record<string, string> = {};
  while (words[0] && /^[A-Z_][A-Z0-9_]*=/.test(words[0])) {
    const [name, ...value] = (words.shift() as string).split('=');
    assignments[name as string] = value.join('=');
  }
  if (words[0] !== 'node' || words.some((w) => /["'$&|;<>]/.test(w)))
    throw new Error(
      `the benchmark runs a start script of the form "[exec] [VAR=value ...] node ...", not: ${scripts.start}`,
    );
  return spawn(process.execPath, [...nodeFlags, ...words.slice(1)], {
    cwd: root,
    env: { ...fullEnv, ...assignments },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}
