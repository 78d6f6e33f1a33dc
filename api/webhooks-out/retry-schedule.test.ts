import { describe, expect, it } from 'vitest';
import { MAX_RETRY_GAP_MS, nextRetryAt } from './retry-schedule.ts';

describe('nextRetryAt', () => {
  const now = new Date('2026-11-27T12:00:00Z');
  const day = new Date(now.getTime() + 86_400_000);
  const wait = (attempt: number, random: () => number) =>
    (nextRetryAt(now, attempt, 5_000, day, random)?.getTime() ?? Number.NaN) - now.getTime();

  it('waits longer on average after each failure (exponential), never below the base', () => {
    const middle = () => 0.5;
    const waits = [1, 2, 3, 4, 5].map((a) => wait(a, middle));
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThan(waits[i - 1] ?? 0);
    expect(wait(1, () => 0)).toBe(5_000);
  });

  it('spreads retries of the same attempt (jitter) and caps the gap at an hour', () => {
    expect(wait(4, () => 0.1)).not.toBe(wait(4, () => 0.9));
    expect(wait(30, () => 1)).toBe(MAX_RETRY_GAP_MS);
  });

  it('pulls the last retry in to the end of the window, then gives up', () => {
    const soon = new Date(now.getTime() + 1_000);
    expect(nextRetryAt(now, 10, 5_000, soon, () => 1)?.getTime()).toBe(soon.getTime());
    expect(nextRetryAt(soon, 11, 5_000, soon)).toBeNull();
  });
});
