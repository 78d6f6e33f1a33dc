import { getTimezonesForCountry } from 'countries-and-timezones';
import { countryOf } from '../../domain/phone.ts';

/** A tenant's quiet hours, in the candidate's local time. `start`/`end` null: no quiet hours. */
export type QuietRules = {
  /** "HH:MM": from when no message goes out (e.g. "21:00"). */
  start: string | null;
  /** "HH:MM": from when messages may go again (e.g. "08:00"); before `start` means overnight. */
  end: string | null;
  /** No messages at all on the candidate's Sunday. */
  noSundays: boolean;
};

/** What the candidate's clock says, in each zone they may be in. */
export type CandidateZones = {
  zones: string[];
  /** Where the zones come from: the ATS's stated zone, the number's country, or nothing known. */
  source: 'CANDIDATE' | 'COUNTRY' | 'UNKNOWN';
};

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of an "HH:MM" string (validated by the settings). */
export function minutesOf(hhmm: string): number {
  const m = HHMM.exec(hhmm);
  if (!m) throw new Error(`not a time of day: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export const isTimeOfDay = (s: string) => HHMM.test(s);

/** Whether a string names an IANA time zone this runtime knows (ICU). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

/**
 * The zones the candidate may be in: their stated zone (from the ATS) when
 * known, else every zone of their number's country (libphonenumber gives the
 * country; a country that spans zones gives them all, and quiet hours then
 * hold in every one of them: the most restrictive reading).
 */
export function candidateZones(phone: string | null, statedZone: string | null): CandidateZones {
  if (statedZone) return { zones: [statedZone], source: 'CANDIDATE' };
  const country = phone ? countryOf(phone) : undefined;
  const zones = country ? [...new Set(getTimezonesForCountry(country)?.map((z) => z.aliasOf ?? z.name) ?? [])] : [];
  return zones.length ? { zones: zones.sort(), source: 'COUNTRY' } : { zones: [], source: 'UNKNOWN' };
}

const formats = new Map<string, Intl.DateTimeFormat>();
function formatFor(zone: string): Intl.DateTimeFormat {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formats.set(zone, f);
  }
  return f;
}

type Local = { year: number; month: number; day: number; minutes: number; sunday: boolean };

/**
 * Wall clocks already read, by zone and UTC minute: every zone's offset has been a whole number of minutes
 * since 1972, so one minute shows one wall clock, and formatting (the costly part of a send's policy, once per
 * zone of the candidate's country) runs once per zone and minute.
 */
const clocks = new Map<string, Local>();
const CLOCKS_KEPT = 10_000;

/** The wall clock in `zone` at `at`. */
export function localClock(at: Date, zone: string): Local {
  const key = `${zone} ${Math.floor(at.getTime() / 60_000)}`;
  const known = clocks.get(key);
  if (known) return known;
  const local = readClock(at, zone);
  if (clocks.size >= CLOCKS_KEPT) clocks.clear();
  clocks.set(key, local);
  return local;
}

function readClock(at: Date, zone: string): Local {
  const parts = Object.fromEntries(
    formatFor(zone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
    sunday: parts.weekday === 'Sun',
  };
}

/** The instant when the wall clock in `zone` shows that day (`dayOffset` days after y-m-d) at `minutes`. */
function zonedInstant(local: Local, dayOffset: number, minutes: number, zone: string): Date {
  const wall = Date.UTC(local.year, local.month - 1, local.day + dayOffset, 0, minutes);
  const offsetAt = (ms: number) => {
    const l = localClock(new Date(ms), zone);
    return Date.UTC(l.year, l.month - 1, l.day, 0, l.minutes) - Math.floor(ms / 60_000) * 60_000;
  };
  // Two passes settle the offset across a DST change; a wall time that does not exist (spring forward) lands after it.
  let guess = wall - offsetAt(wall);
  guess = wall - offsetAt(guess);
  return new Date(guess);
}

/** When quiet ends in `zone`, if `at` is inside it there; null when a message may go. */
function quietUntil(at: Date, zone: string, rules: QuietRules): Date | null {
  const local = localClock(at, zone);
  if (rules.noSundays && local.sunday) return zonedInstant(local, 1, 0, zone);
  if (rules.start === null || rules.end === null) return null;
  const [start, end] = [minutesOf(rules.start), minutesOf(rules.end)];
  if (start === end) return null;
  const now = local.minutes;
  if (start < end) return now >= start && now < end ? zonedInstant(local, 0, end, zone) : null;
  if (now >= start) return zonedInstant(local, 1, end, zone);
  if (now < end) return zonedInstant(local, 0, end, zone);
  return null;
}

/**
 * The first moment at or after `at` when a message may go in every one of
 * the candidate's zones: `at` itself when it may go now (also when no zone is
 * known). Null when the zones' allowed hours never meet (a country spanning
 * more hours than the day leaves outside quiet hours).
 */
export function nextAllowedAt(at: Date, zones: string[], rules: QuietRules): Date | null {
  let t = at;
  // Each step jumps to where the latest zone's quiet ends; a week of steps is more than any rule needs.
  for (let step = 0; step < 32; step++) {
    const ends = zones.map((z) => quietUntil(t, z, rules)).filter((d): d is Date => d !== null);
    if (!ends.length) return t;
    const latest = Math.max(...ends.map((d) => d.getTime()));
    t = new Date(Math.max(latest, t.getTime() + 60_000));
  }
  return null;
}

/** Whether `at` is inside quiet hours in any of the zones. */
export const isQuiet = (at: Date, zones: string[], rules: QuietRules) =>
  nextAllowedAt(at, zones, rules)?.getTime() !== at.getTime();
