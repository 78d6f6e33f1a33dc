import type { Logger } from '../log.ts';
import { createWakeableSleep } from '../wakeable-sleep.ts';

export type LoopOptions<Job> = {
  /**
   * Claims up to `limit` jobs, and of each key (see `key`) no more than `perKey`
   * less those `busy` says are in flight: a key at its cap gets none.
   */
  claim(limit: number, busy: ReadonlyMap<string, number>): Promise<Job[]>;
  /** What a job shares with others in a limited way (the provider account it calls); none: no per-key cap. */
  key?(job: Job): string;
  /** Jobs of one key in flight at once, so one key's hanging calls cannot hold every slot (default: `concurrency`). */
  perKey?: number;
  /** Does one job; a rejection is logged (the job's lease brings it back). */
  handle(job: Job): Promise<void>;
  /** What to log about a job whose handling crashed. */
  describe(job: Job): Record<string, unknown>;
  log: Logger;
  /** Jobs claimed per query. */
  batchSize: number;
  /** Jobs in flight at once; the loop keeps claiming while earlier ones are still running. */
  concurrency: number;
  /** How long the loop sleeps when nothing more was due. */
  pollMs: number;
};

/**
 * The claim loop: claims while there is room, starts each job without waiting
 * for it (a slow job holds one slot, not the loop), and sleeps `pollMs`, or
 * until `wake()` or a freed slot, when a claim came back short. Jobs of one
 * key (a provider account) hold at most `perKey` slots: the claim is told how
 * many of each key are in flight and leaves the rest of a key at its cap
 * unclaimed, so the free slots go to other keys' jobs.
 */
export function createClaimLoop<Job>(options: LoopOptions<Job>) {
  const { log, batchSize, concurrency, pollMs } = options;
  let running = false;
  const pause = createWakeableSleep();
  let loop: Promise<void> | null = null;
  const inFlight = new Set<Promise<void>>();
  /** Jobs in flight per key (only keys with some). */
  const busy = new Map<string, number>();
  const perKey = options.perKey ?? concurrency;

  function track(job: Job) {
    const key = options.key?.(job);
    if (key !== undefined) busy.set(key, (busy.get(key) ?? 0) + 1);
    const work = options
      .handle(job)
      .catch((error: Error) =>
        log.error({ err: error, ...options.describe(job) }, 'outbox: delivery crashed; the lease will bring it back'),
      )
      .finally(() => {
        inFlight.delete(work);
        // A slot is free: a loop that was full may claim again.
        if (inFlight.size === concurrency - 1) pause.wake();
        if (key !== undefined) {
          const left = (busy.get(key) ?? 1) - 1;
          if (left > 0) busy.set(key, left);
          else busy.delete(key);
          // The key was at its cap: its rows that were left for later may be claimed now.
          if (left === perKey - 1) pause.wake();
        }
      });
    inFlight.add(work);
    return work;
  }

  async function claim(limit: number): Promise<Promise<void>[]> {
    return (await options.claim(limit, busy)).map(track);
  }

  async function run() {
    while (running) {
      const room = Math.min(batchSize, concurrency - inFlight.size);
      let claimed = 0;
      if (room > 0) {
        try {
          claimed = (await claim(room)).length;
        } catch (error) {
          log.error({ err: error }, 'outbox: claiming failed; retrying');
        }
      }
      // A full batch means more may be due: claim again at once while there is room.
      if (!running || (claimed > 0 && claimed === room && inFlight.size < concurrency)) continue;
      await pause.sleep(pollMs);
    }
  }

  return {
    /** One pass: claims a batch and waits for its jobs (tests and tools; the loop does not wait). */
    async runOnce(): Promise<number> {
      const started = await claim(batchSize);
      await Promise.all(started);
      return started.length;
    },
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    /** Something became due: look now rather than at the next poll. */
    wake: pause.wake,
    async stop() {
      running = false;
      pause.wake();
      await loop;
      await Promise.all([...inFlight]);
    },
  };
}
