import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

export type Measured = {
  child: ChildProcess;
  /** Garbage-collects and returns heapUsed and RSS in bytes (api/bench/memory-probe.ts). */
  memory(): Promise<ProbeReading>;
  /** Lines it printed on stdout, as they come. */
  onLine(listener: (line: string) => void): void;
  stop(): Promise<void>;
};

/** What the memory probe prints: heap and RSS in bytes, and the service's live delivery counts if it has them. */
export type ProbeReading = { heapUsed: number; rss: number; live?: Record<string, number> };

/** A Node process running `script` with tsx, the memory probe preloaded and garbage collection exposed. */
export function spawnMeasured(script: string, env: Record<string, string>, args: string[] = []): Measured {
  const child = spawn(
    process.execPath,
    [
      '--expose-gc',
      // BENCH_CPU_PROFILE=<dir> writes a V8 CPU profile of every measured process.
      ...(process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : []),
      '--import',
      'tsx',
      '--import',
      './api/bench/memory-probe.ts',
      script,
      ...args,
    ],
    { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const memoryWaiters: ((m: ProbeReading) => void)[] = [];
  const lineListeners: ((line: string) => void)[] = [];
  const lines = (stream: NodeJS.ReadableStream, onLine: (line: string) => void) => {
    let rest = '';
    stream.on('data', (chunk) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) onLine(line);
    });
  };
  lines(child.stderr as NodeJS.ReadableStream, (line) => {
    if (line.startsWith('[memory] ')) memoryWaiters.shift()?.(JSON.parse(line.slice(9)));
    else process.stderr.write(`[${script} ${child.pid}] ${line}\n`);
  });
  lines(child.stdout as NodeJS.ReadableStream, (line) => {
    for (const listener of lineListeners) listener(line);
  });
  return {
    child,
    memory: () =>
      new Promise((resolve) => {
        memoryWaiters.push(resolve);
        child.kill('SIGUSR2');
      }),
    onLine: (listener) => void lineListeners.push(listener),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
