import { describe, expect, it } from 'vitest';
import { candidateZones, isQuiet, isTimeZone, nextAllowedAt, type QuietRules } from './quiet-hours.ts';

const standard: QuietRules = { start: '21:00', end: '08:00', noSundays: false };
const paris = ['Europe/Paris'];
const newYork = ['America/New_York'];

describe('nextAllowedAt: the first moment a message may go in every zone', () => {
  const table: [string, string, string[], QuietRules, string | null][] = [
    ['Paris 20:59 CEST: allowed now', '2026-06-10T18:59:00Z', paris, standard, '2026-06-10T18:59:00Z'],
    ['Paris 21:00 CEST: 08:00 next morning', '2026-06-10T19:00:00Z', paris, standard, '2026-06-11T06:00:00Z'],
    ['Paris 07:59 CEST: 08:00 the same morning', '2026-06-11T05:59:00Z', paris, standard, '2026-06-11T06:00:00Z'],
    // Europe/Paris springs forward on 2026-03-29 at 02:00 (CET +1 -> CEST +2): 08:00 local is 06:00Z, not 07:00Z.
    ['Paris across the spring DST change', '2026-03-28T21:30:00Z', paris, standard, '2026-03-29T06:00:00Z'],
    // America/New_York springs forward on 2026-03-08 (EST -5 -> EDT -4).
    ['New York across spring forward', '2026-03-08T03:00:00Z', newYork, standard, '2026-03-08T12:00:00Z'],
    // ... and falls back on 2026-11-01 (EDT -4 -> EST -5).
    ['New York across fall back', '2026-11-01T02:00:00Z', newYork, standard, '2026-11-01T13:00:00Z'],
    ['New York 20:59 EDT before fall back: allowed', '2026-11-01T00:59:00Z', newYork, standard, '2026-11-01T00:59:00Z'],
    [
      'no Sundays: Sunday noon waits for Monday 08:00',
      '2026-06-14T10:00:00Z',
      paris,
      { ...standard, noSundays: true },
      '2026-06-15T06:00:00Z',
    ],
    ['Sundays allowed unless set', '2026-06-14T10:00:00Z', paris, standard, '2026-06-14T10:00:00Z'],
    [
      'no Sundays with quiet hours disabled: Monday 00:00',
      '2026-06-14T10:00:00Z',
      paris,
      { start: null, end: null, noSundays: true },
      '2026-06-14T22:00:00Z',
    ],
    [
      'custom hours 22:00-07:00',
      '2026-06-10T20:30:00Z',
      paris,
      { ...standard, start: '22:00', end: '07:00' },
      '2026-06-11T05:00:00Z',
    ],
    [
      'custom 22:00-07:00: 21:30 allowed',
      '2026-06-10T19:30:00Z',
      paris,
      { ...standard, start: '22:00', end: '07:00' },
      '2026-06-10T19:30:00Z',
    ],
    [
      'a daytime block 12:00-13:00',
      '2026-06-10T10:30:00Z',
      paris,
      { ...standard, start: '12:00', end: '13:00' },
      '2026-06-10T11:00:00Z',
    ],
    [
      'disabled: 03:00 allowed',
      '2026-06-10T01:00:00Z',
      paris,
      { start: null, end: null, noSundays: false },
      '2026-06-10T01:00:00Z',
    ],
    ['no zone known: allowed', '2026-06-10T01:00:00Z', [], standard, '2026-06-10T01:00:00Z'],
    // Every US zone, Honolulu (-10) the last to reach 08:00: 18:00Z; New York is then 14:00.
    [
      'US morning: waits for Hawaii',
      '2026-06-10T12:00:00Z',
      candidateZones('+14155550100', null).zones,
      standard,
      '2026-06-10T18:00:00Z',
    ],
    // 21:30 in New York: quiet there until 12:00Z, then Hawaii until 18:00Z.
    [
      'US late evening: next Hawaiian morning',
      '2026-06-11T01:30:00Z',
      candidateZones('+14155550100', null).zones,
      standard,
      '2026-06-11T18:00:00Z',
    ],
    // Russia spans eleven hours: a 09:00-17:00 day never holds in all its zones at once.
    [
      'zones whose days never meet',
      '2026-06-10T12:00:00Z',
      candidateZones('+74951234567', null).zones,
      { ...standard, start: '17:00', end: '09:00' },
      null,
    ],
  ];
  it.each(table)('%s', (_name, at, zones, rules, expected) => {
    const next = nextAllowedAt(new Date(at), zones, rules);
    expect(next?.toISOString() ?? null).toBe(expected ? new Date(expected).toISOString() : null);
    expect(isQuiet(new Date(at), zones, rules)).toBe(expected !== at);
  });
});

describe('candidateZones', () => {
  it('the ATS-stated zone wins over the number', () => {
    expect(candidateZones('+14155550100', 'America/Los_Angeles')).toEqual({
      zones: ['America/Los_Angeles'],
      source: 'CANDIDATE',
    });
  });
  it('a single-zone country gives its zone; a multi-zone one gives all of them', () => {
    expect(candidateZones('+33612345678', null)).toEqual({ zones: ['Europe/Paris'], source: 'COUNTRY' });
    const us = candidateZones('+14155550100', null);
    expect(us.zones).toEqual(expect.arrayContaining(['America/New_York', 'America/Los_Angeles', 'Pacific/Honolulu']));
    expect(candidateZones('+61412345678', null).zones).toEqual(
      expect.arrayContaining(['Australia/Sydney', 'Australia/Perth']),
    );
  });
  it('nothing known: no zone', () => {
    expect(candidateZones(null, null)).toEqual({ zones: [], source: 'UNKNOWN' });
  });
  it('validates IANA names', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('EST')).toBe(false);
  });
});
