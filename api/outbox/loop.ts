import type { Logger } from '../log.ts';
import { createWakeableSleep } from '../wakeable-sleep.ts';

export type LoopOptions<Job> = {
  /** Claims up to `limit` jobs. */
  claim(limit: number): Promise<Job[]>;
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
 * until `wake()` or a freed slot, when a claim came back short.
 */
export function createClaimLoop<Job>(options: LoopOptions<Job>) {
  const { log, batchSize, concurrency, pollMs } = options;
  let running = false;
  const pause = createWakeableSleep();
  let loop: Promise<void> | null = null;
  const inFlight = new Set<Promise<void>>();

  function track(job: Job) {
    const work = options
      .handle(job)
      .catch((error: Error) =>
        log.error({ err: error, ...options.describe(job) }, 'outbox: delivery crashed; the lease will bring it back'),
      )
      .finally(() => {
        inFlight.delete(work);
        // A slot is free: a loop that was full may claim again.
        if (inFlight.size === concurrency - 1) pause.wake();
      });
    inFlight.add(work);
    return work;
  }

  async function claim(limit: number): Promise<Promise<void>[]> {
    return (await options.claim(limit)).map(track);
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
