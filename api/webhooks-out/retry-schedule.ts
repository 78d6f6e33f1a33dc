import { backoffDelay } from '../outbox/backoff.ts';

/** The longest wait between two attempts of one delivery. */
export const MAX_RETRY_GAP_MS = 60 * 60_000;

/**
 * When to try a delivery again after failed attempt `attempt` (1 for the
 * first): exponential backoff with full jitter from `baseMs`, capped at an
 * hour; null when that would fall after `retryUntil` (the delivery has failed).
 * The last retry is pulled in to the window's end rather than dropped.
 */
export function nextRetryAt(
  now: Date,
  attempt: number,
  baseMs: number,
  retryUntil: Date,
  random: () => number = Math.random,
): Date | null {
  if (now.getTime() >= retryUntil.getTime()) return null;
  const delay = backoffDelay(baseMs, attempt, random, MAX_RETRY_GAP_MS);
  return new Date(Math.min(now.getTime() + delay, retryUntil.getTime()));
}
