/**
 * A loop's pause between passes that a wake() cuts short. A wake() that comes
 * while the loop is busy is remembered, so the next pause ends at once and
 * nothing the wake announced waits for the next poll.
 */
export function createWakeableSleep() {
  let wakeUp: (() => void) | null = null;
  let woken = false;
  return {
    sleep(ms: number): Promise<void> {
      if (woken) {
        woken = false;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          wakeUp = null;
          resolve();
        }
        wakeUp = done;
      });
    },
    wake() {
      if (wakeUp) wakeUp();
      else woken = true;
    },
  };
}
