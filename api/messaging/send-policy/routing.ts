import { countryOf } from '../../domain/phone.ts';
import type { PoolNumber } from './facts.ts';

export type NumberReason = 'CONVERSATION' | 'CANDIDATE_COUNTRY' | 'US_FALLBACK' | 'ANY_NUMBER';

export type RoutedNumber = PoolNumber & {
  reason: NumberReason;
  /** The candidate's country (libphonenumber's, so +1 tells Canada from the US); null when unknown. */
  candidateCountry: string | null;
  /** The number is not from the candidate's country: international delivery and replies are not guaranteed. */
  noLocalNumber: boolean;
  /** The conversation's retired number this one replaces (the send records the move); null otherwise. */
  replaces: string | null;
};

/** The least used this month of `numbers` (the oldest first among equals: the pool comes in creation order). */
function leastUsed(numbers: PoolNumber[]): PoolNumber | undefined {
  let best: PoolNumber | undefined;
  for (const n of numbers) if (!best || (n.monthlyUse ?? 0) < (best.monthlyUse ?? 0)) best = n;
  return best;
}

/** The sentence the API shows when a conversation's number is not from the candidate's country. */
export function internationalWarning(number: RoutedNumber | null): string | null {
  if (!number?.noLocalNumber) return null;
  const country = number.candidateCountry;
  if (!country) {
    return `Parley cannot tell the candidate's country from their number: messages go out from ${number.e164} (${number.country}), and delivery and replies are not guaranteed. Ask the ATS for the number with its country code.`;
  }
  return `No sending number from the candidate's country (${country}): messages go out from ${number.e164} (${number.country}), so international delivery and the candidate's replies are not guaranteed. Add a ${country} number to the pool.`;
}

/**
 * The number a message goes out from: the conversation's own (it keeps the
 * one it started with, unless that was retired); else, of the pool, one from
 * the candidate's country, else a US one, else any, the least used this month
 * among them. Null when the pool is empty.
 */
export function routeNumber(
  kept: PoolNumber | null,
  pool: PoolNumber[] | null,
  candidateNumber: string | null,
  retired: string | null = null,
): RoutedNumber | null {
  const candidateCountry = (candidateNumber ? countryOf(candidateNumber) : undefined) ?? null;
  const routed = (n: PoolNumber, reason: NumberReason): RoutedNumber => ({
    ...n,
    reason,
    candidateCountry,
    noLocalNumber: n.country !== candidateCountry,
    replaces: reason === 'CONVERSATION' ? null : retired,
  });
  if (kept) return routed(kept, 'CONVERSATION');
  const numbers = pool ?? [];
  const local = candidateCountry ? leastUsed(numbers.filter((n) => n.country === candidateCountry)) : undefined;
  if (local) return routed(local, 'CANDIDATE_COUNTRY');
  const us = leastUsed(numbers.filter((n) => n.country === 'US'));
  if (us) return routed(us, 'US_FALLBACK');
  const any = leastUsed(numbers);
  return any ? routed(any, 'ANY_NUMBER') : null;
}
