import type { Logger } from './log.ts';
import { createWakeableSleep } from './wakeable-sleep.ts';

const HOUR_MS = 3_600_000;

/**
 * A background worker's loop (event relay, notifier, webhook dispatcher): runs
 * `pass` until stopped, again at once while it reports more to do, otherwise
 * after `pollMs` or a `wake()`. A failed pass is logged and retried after the
 * pause. `hourly` (pruning) runs after a pass at most once an hour.
 */
export function createPollingLoop(options: {
  name: string;
  log: Logger;
  pollMs: number;
  /** One pass; resolves true when more is waiting. */
  pass: () => Promise<boolean>;
  hourly?: () => Promise<unknown>;
}) {
  const pause = createWakeableSleep();
  let running = false;
  let stopping = false;
  let loop: Promise<void> | null = null;
  let lastHourly = 0;

  async function run() {
    while (running) {
      let more = false;
      try {
        more = await options.pass();
        if (options.hourly && Date.now() - lastHourly > HOUR_MS) {
          lastHourly = Date.now();
          await options.hourly();
        }
      } catch (error) {
        options.log.warn({ err: (error as Error).message }, `${options.name}: pass failed; retrying`);
      }
      if (!more && running) await pause.sleep(options.pollMs);
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      stopping = false;
      loop = run();
    },
    /** Something is waiting: look now rather than at the next poll. */
    wake: pause.wake,
    /** stop() was called on the running loop: a long pass may end early. */
    isStopping: () => stopping,
    async stop() {
      stopping = running;
      running = false;
      pause.wake();
      await loop;
      loop = null;
      stopping = false;
    },
  };
}
