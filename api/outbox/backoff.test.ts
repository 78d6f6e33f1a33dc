import { describe, expect, it } from 'vitest';
import { backoffDelay, MAX_BACKOFF_MS } from './backoff.ts';

describe('outbox backoff', () => {
  const samples = (attempt: number, n = 2_000) => Array.from({ length: n }, () => backoffDelay(1_000, attempt));

  it('stays within [base, base·2^attempt] and never above five minutes', () => {
    for (const attempt of [1, 2, 3, 5, 8, 20]) {
      const ceiling = Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** attempt);
      for (const delay of samples(attempt, 500)) {
        expect(delay).toBeGreaterThanOrEqual(1_000);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }
    }
    expect(backoffDelay(1_000, 1, () => 0)).toBe(1_000);
    expect(backoffDelay(1_000, 1, () => 1)).toBe(2_000);
    expect(backoffDelay(1_000, 30, () => 1)).toBe(MAX_BACKOFF_MS);
    // A base above the cap is capped too.
    expect(backoffDelay(10 * 60_000, 1, () => 0.5)).toBe(MAX_BACKOFF_MS);
  });

  it('spreads the delays of rows that failed together over the whole window', () => {
    for (const attempt of [1, 3, 6]) {
      const ceiling = Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** attempt);
      const delays = samples(attempt);
      const width = ceiling - 1_000;
      // No two rows come back at the same moment, and every tenth of the window gets some of them.
      expect(new Set(delays).size).toBe(delays.length);
      const tenths = new Array(10).fill(0);
      for (const d of delays) tenths[Math.min(9, Math.floor(((d - 1_000) / width) * 10))]++;
      for (const count of tenths) expect(count).toBeGreaterThan(delays.length / 10 / 2);
    }
  });

  it('waits longer on average with each attempt until the cap', () => {
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const means = [1, 2, 3, 4, 5].map((a) => mean(samples(a)));
    for (let i = 1; i < means.length; i++) expect(means[i]).toBeGreaterThan(means[i - 1] ?? 0);
  });
});
