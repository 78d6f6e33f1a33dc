import { describe, expect, it } from 'vitest';
import { createWakeableSleep } from './wakeable-sleep.ts';

describe('a wakeable pause', () => {
  it('ends early when woken, sleeps its time otherwise, and remembers a wake that came while busy', async () => {
    const pause = createWakeableSleep();
    let t = Date.now();
    await pause.sleep(50);
    expect(Date.now() - t).toBeGreaterThanOrEqual(45);

    t = Date.now();
    setTimeout(pause.wake, 10);
    await pause.sleep(5_000);
    expect(Date.now() - t).toBeLessThan(1_000);

    pause.wake(); // while the loop is busy
    t = Date.now();
    await pause.sleep(5_000);
    expect(Date.now() - t).toBeLessThan(50);
    t = Date.now();
    await pause.sleep(50); // remembered once, not for ever
    expect(Date.now() - t).toBeGreaterThanOrEqual(45);
  });
});
