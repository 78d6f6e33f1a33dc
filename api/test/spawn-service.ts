import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

export type SpawnedService = {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output: () => string;
  /** Waits until its output matches `pattern`; fails if it exits first or after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** SIGTERM, then its exit code. */
  stop(): Promise<number | null>;
};

/**
 * Runs the service from its sources (node with tsx, api/main.ts), on the embedded default, with
 * `env` on top; `as: 'npm start'` runs package.json's start script instead (the bundle,
 * api/start.mjs, with the script's flags), as a user's `npm start` does.
 */
export function spawnService(
  env: Record<string, string | undefined>,
  options: { as?: 'sources' | 'npm start' } = {},
): SpawnedService {
  const startScript = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.start as string;
  const [command, args] =
    options.as === 'npm start'
      ? ['sh', ['-c', startScript]] // the script execs node: the child is the service itself
      : [process.execPath, ['--import', 'tsx', 'api/main.ts']];
  const child = spawn(command, args, {
    cwd: root,
    env: Object.fromEntries(
      Object.entries({ ...process.env, NODE_ENV: 'development', DATABASE_URL: '', REDIS_URL: '', ...env }).filter(
        ([, value]) => value !== undefined,
      ),
    ),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  return {
    child,
    output: () => out,
    async waitFor(pattern, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = pattern.exec(out);
        if (match) return match;
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`service did not start:\n${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      return exited;
    },
  };
}
