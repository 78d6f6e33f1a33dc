import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export type Figures = {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  maxRssMb: number | null;
};

/** The peak resident memory of a process while `work` runs (Linux /proc), in MiB. */
export async function peakRss<T>(
  pid: number | null,
  work: () => Promise<T>,
): Promise<{ result: T; maxRssMb: number | null }> {
  if (pid === null) return { result: await work(), maxRssMb: null };
  let max = 0;
  const sample = () => {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (match) max = Math.max(max, Number(match[1]) / 1024);
  };
  const timer = setInterval(sample, 200);
  try {
    return { result: await work(), maxRssMb: Math.round(max) };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Drives HTTP requests at a fixed concurrency for `seconds` and reports throughput and latency;
 * with `overallRate`, at that many requests per second in all (latency corrected for coordinated omission).
 */
export async function httpLoad(options: {
  name: string;
  url: string;
  connections: number;
  seconds: number;
  serverPid: number;
  overallRate?: number;
  /** Whether an answer is what was asked for; any other 2xx answer counts as an error (a refused send is no send). */
  accept?: (body: string) => boolean;
  request: () => { method?: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: string };
}): Promise<Figures> {
  let refused = 0;
  const { result, maxRssMb } = await peakRss(options.serverPid, () =>
    autocannon({
      url: options.url,
      connections: options.connections,
      duration: options.seconds,
      ...(options.overallRate ? { overallRate: options.overallRate } : {}),
      requests: [
        {
          setupRequest: (req) => {
            const next = options.request();
            return { ...req, method: next.method ?? 'POST', path: next.path, headers: next.headers, body: next.body };
          },
          ...(options.accept
            ? {
                onResponse: (status: number, body: string) => {
                  if (status < 300 && !options.accept?.(body)) refused += 1;
                },
              }
            : {}),
        },
      ],
    }),
  );
  return {
    name: options.name,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + refused,
    non2xx: result.non2xx,
    maxRssMb,
  };
}

/**
 * Runs `once` at `rate` per second, one at a time, for `seconds`: each latency counted from when the
 * request was due, so a slow one also charges the ones it delayed (no coordinated omission).
 */
export async function pacedLoad(name: string, rate: number, seconds: number, once: () => Promise<void>) {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  for (let i = 0; i < rate * seconds; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    try {
      await once();
    } catch (error) {
      if (errors++ === 0) console.error(`[bench] ${name}: first error: ${(error as Error).message}`);
    }
    latencies.push(performance.now() - due);
  }
  return figuresOf(name, latencies, seconds, errors);
}

function figuresOf(name: string, latencies: number[], seconds: number, errors: number): Figures {
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0) * 10) / 10;
  return {
    name,
    rps: Math.round(latencies.length / seconds),
    p50: at(0.5),
    p99: at(0.99),
    errors,
    non2xx: 0,
    maxRssMb: null,
  };
}

/** Runs `once` back to back on `concurrency` lanes for `seconds`, as a baseline measured the same way. */
export async function directLoad(
  name: string,
  concurrency: number,
  seconds: number,
  once: () => Promise<void>,
): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) {
        const started = process.hrtime.bigint();
        try {
          await once();
        } catch (error) {
          if (errors++ === 0) console.error(`[bench] ${name}: first error: ${(error as Error).message}`);
        }

        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
    }),
  );
  return figuresOf(name, latencies, seconds, errors);
}
