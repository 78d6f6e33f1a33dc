/** The longest any retry or reconciliation waits. */
export const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * The delay before retry `attempt` (1 for the first): full jitter over an
 * exponentially growing window, never below `baseMs` and never above
 * `capMs`. The window is [base, base·2^attempt] (capped), so rows that failed
 * together (a burst of 429s, a provider outage) come back spread over the window
 * instead of all at once, and each attempt waits longer on average than the last.
 */
export function backoffDelay(
  baseMs: number,
  attempt: number,
  random: () => number = Math.random,
  capMs = MAX_BACKOFF_MS,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(1, attempt));
  const floor = Math.min(baseMs, ceiling);
  return floor + random() * (ceiling - floor);
}
