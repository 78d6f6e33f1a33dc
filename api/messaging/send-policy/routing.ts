import { countryOf } from '../../domain/phone.ts';
import type { PoolNumber } from './facts.ts';

export type NumberReason = 'CONVERSATION' | 'CANDIDATE_COUNTRY' | 'US_FALLBACK' | 'ANY_NUMBER';

export type RoutedNumber = PoolNumber & { reason: NumberReason };

/**
 * The number a message goes out from: the conversation's own (it keeps the
 * one it started with); else one of the pool from the candidate's country,
 * else a US one, else any. Null when the pool is empty.
 */
export function routeNumber(
  kept: PoolNumber | null,
  pool: PoolNumber[] | null,
  candidateNumber: string | null,
): RoutedNumber | null {
  if (kept) return { ...kept, reason: 'CONVERSATION' };
  const numbers = pool ?? [];
  const country = candidateNumber ? countryOf(candidateNumber) : undefined;
  const local = country ? numbers.find((n) => n.country === country) : undefined;
  if (local) return { ...local, reason: 'CANDIDATE_COUNTRY' };
  const us = numbers.find((n) => n.country === 'US');
  if (us) return { ...us, reason: 'US_FALLBACK' };
  const any = numbers[0];
  return any ? { ...any, reason: 'ANY_NUMBER' } : null;
}
