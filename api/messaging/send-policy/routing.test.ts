import { describe, expect, it } from 'vitest';
import type { PoolNumber } from './facts.ts';
import { internationalWarning, routeNumber } from './routing.ts';

/** A candidate in each country Parley supports first (libphonenumber's example mobiles). */
const candidates = {
  US: '+12015550123',
  CA: '+15062345678',
  GB: '+447400123456',
  FR: '+33612345678',
  DE: '+4915123456789',
  AT: '+43664123456',
  NL: '+31612345678',
  SE: '+46701234567',
  AU: '+61412345678',
} as const;

const num = (id: string, country: string, monthlyUse = 0): PoolNumber => ({
  id,
  e164: `+${id}`,
  country,
  accountId: null,
  accountStatus: null,
  pluginId: null,
  monthlyUse,
});

const route = (candidate: string | null, pool: PoolNumber[], retired: string | null = null) =>
  routeNumber(null, pool, candidate, retired);

describe('routing a new conversation to a number', () => {
  it('picks the candidate’s country, else the US, else any: candidate country × pool contents', () => {
    const pools: Record<string, PoolNumber[]> = {
      'every country': Object.keys(candidates).map((c) => num(`n-${c}`, c)),
      'US only': [num('n-US', 'US')],
      'GB and SE': [num('n-GB', 'GB'), num('n-SE', 'SE')],
      'CA only': [num('n-CA', 'CA')],
      empty: [],
    };
    // [candidate country, pool, number id, reason]
    const table: [keyof typeof candidates, string, string | null, string | null][] = [
      ...Object.keys(candidates).map(
        (c) => [c, 'every country', `n-${c}`, 'CANDIDATE_COUNTRY'] as [keyof typeof candidates, string, string, string],
      ),
      ['US', 'US only', 'n-US', 'CANDIDATE_COUNTRY'],
      ['CA', 'US only', 'n-US', 'US_FALLBACK'],
      ['FR', 'US only', 'n-US', 'US_FALLBACK'],
      ['AU', 'US only', 'n-US', 'US_FALLBACK'],
      ['SE', 'GB and SE', 'n-SE', 'CANDIDATE_COUNTRY'],
      ['DE', 'GB and SE', 'n-GB', 'ANY_NUMBER'],
      ['US', 'CA only', 'n-CA', 'ANY_NUMBER'],
      ['CA', 'CA only', 'n-CA', 'CANDIDATE_COUNTRY'],
      ['NL', 'empty', null, null],
    ];
    for (const [country, pool, id, reason] of table) {
      const routed = route(candidates[country], pools[pool] ?? []);
      expect(routed ? [routed.id, routed.reason] : [null, null], `${country} candidate, pool: ${pool}`).toEqual([
        id,
        reason,
      ]);
    }
  });

  it('tells Canada from the US although both are +1', () => {
    const pool = [num('n-US', 'US'), num('n-CA', 'CA')];
    expect(route(candidates.CA, pool)).toMatchObject({ id: 'n-CA', candidateCountry: 'CA', noLocalNumber: false });
    expect(route(candidates.US, pool)).toMatchObject({ id: 'n-US', candidateCountry: 'US', noLocalNumber: false });
    expect(route('+14165550123', pool)).toMatchObject({ id: 'n-CA' }); // Toronto
  });

  it('spreads load over the numbers of a country: the least used this month, the oldest among equals', () => {
    const gb = [num('gb-1', 'GB', 40), num('gb-2', 'GB', 12), num('gb-3', 'GB', 30), num('us-1', 'US', 0)];
    expect(route(candidates.GB, gb)?.id).toBe('gb-2');
    expect(route(candidates.GB, [num('gb-1', 'GB', 5), num('gb-2', 'GB', 5)])?.id).toBe('gb-1');
    const us = [num('us-1', 'US', 9), num('us-2', 'US', 3), num('fr-1', 'FR', 0)];
    expect(route(candidates.SE, us)).toMatchObject({ id: 'us-2', reason: 'US_FALLBACK' });
    expect(route(candidates.SE, [num('fr-1', 'FR', 7), num('de-1', 'DE', 2)])).toMatchObject({
      id: 'de-1',
      reason: 'ANY_NUMBER',
    });
  });

  it('warns when no number is from the candidate’s country', () => {
    const fallback = route(candidates.FR, [num('n-US', 'US')]);
    expect(fallback).toMatchObject({ noLocalNumber: true, candidateCountry: 'FR' });
    expect(internationalWarning(fallback)).toMatch(
      /No sending number from the candidate's country \(FR\).*not guaranteed/,
    );
    expect(internationalWarning(route(candidates.FR, [num('n-FR', 'FR')]))).toBeNull();
    const unknown = route(null, [num('n-US', 'US')]);
    expect(unknown).toMatchObject({ reason: 'US_FALLBACK', noLocalNumber: true });
    expect(internationalWarning(unknown)).toMatch(/cannot tell the candidate's country.*country code/);
  });

  it('keeps the conversation’s number, and moves from a retired one recording what it replaces', () => {
    const kept = num('kept', 'US');
    expect(routeNumber(kept, null, candidates.GB)).toMatchObject({
      id: 'kept',
      reason: 'CONVERSATION',
      replaces: null,
    });
    expect(route(candidates.GB, [num('n-GB', 'GB')], 'old')).toMatchObject({
      id: 'n-GB',
      reason: 'CANDIDATE_COUNTRY',
      replaces: 'old',
    });
    expect(route(candidates.GB, [num('n-GB', 'GB')])?.replaces).toBeNull();
  });
});
