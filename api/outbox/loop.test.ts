import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createClaimLoop } from './loop.ts';

describe('outbox: the claim loop', () => {
  it('keeps claiming while a job hangs, up to its concurrency, and sleeps when a claim comes back short', async () => {
    const queue = Array.from({ length: 20 }, (_, i) => i);
    let claims = 0;
    const done: number[] = [];
    let releaseHung: () => void = () => {};
    const loop = createClaimLoop<number>({
      log: pino({ level: 'silent' }),
      batchSize: 4,
      concurrency: 3,
      pollMs: 10_000,
      async claim(limit) {
        claims++;
        return queue.splice(0, limit);
      },
      async handle(job) {
        if (job === 0) await new Promise<void>((r) => (releaseHung = r));
        done.push(job);
      },
      describe: (job) => ({ job }),
    });
    loop.start();
    // Job 0 hangs: the other 19 go through the two other slots.
    await new Promise((r) => setTimeout(r, 200));
    expect(done).toHaveLength(19);
    expect(done).not.toContain(0);
    const claimsSoFar = claims;
    // The queue is empty: the loop sleeps (pollMs) rather than spinning.
    await new Promise((r) => setTimeout(r, 100));
    expect(claims).toBe(claimsSoFar);
    // wake() claims at once.
    queue.push(99);
    loop.wake();
    await new Promise((r) => setTimeout(r, 50));
    expect(done).toContain(99);
    releaseHung();
    await loop.stop();
    expect(done).toContain(0);
  });

  it('logs a job that crashed and carries on', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'error' }, { write: (line: string) => lines.push(line) });
    const loop = createClaimLoop<number>({
      log,
      batchSize: 2,
      concurrency: 2,
      pollMs: 10,
      claim: async () => [1, 2],
      async handle(job) {
        if (job === 1) throw new Error('boom');
      },
      describe: (job) => ({ job }),
    });
    expect(await loop.runOnce()).toBe(2);
    expect(lines.some((l) => l.includes('"job":1') && l.includes('boom'))).toBe(true);
  });
});
