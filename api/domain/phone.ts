import { type CountryCode, isSupportedCountry, parsePhoneNumberWithError } from 'libphonenumber-js/max';
import type { FieldIssue } from './errors.ts';

const ALLOWED = /^\+?[\d\s\-().]+$/;

export type PhoneParse = { e164: string } | { issue: FieldIssue };

/**
 * A phone number as typed by a person or an ATS, in E.164. Spaces, dashes,
 * dots, parentheses and a leading + are fine; letters, other symbols and
 * numbers of an impossible length are an issue naming `field`. A number that
 * could exist but is not in any carrier's plan (+1 415 123 4567) is kept:
 * `phoneIssue` flags it and texting stays locked, but the ATS can sync the candidate.
 */
export function parsePhone(input: string, defaultCountry: string, field: string): PhoneParse {
  const text = input.trim();
  if (!ALLOWED.test(text)) {
    return { issue: { field, message: 'must contain only digits, spaces, dashes, parentheses and a leading +' } };
  }
  const country = isSupportedCountry(defaultCountry) ? (defaultCountry as CountryCode) : undefined;
  try {
    const parsed = parsePhoneNumberWithError(text, country);
    if (!parsed.isPossible()) throw new Error('impossible');
    return { e164: parsed.number };
  } catch {
    const hint = text.startsWith('+') ? '' : ` for ${defaultCountry} (add the country code with a leading +)`;
    return { issue: { field, message: `is not a possible phone number${hint}` } };
  }
}

/**
 * `read` remembering its answers for the last numbers asked: parsing with the full metadata is a send's
 * costliest step after the database, and a send asks about the same candidate's number several times.
 */
function remembered<T>(read: (e164: string) => T): (e164: string) => T {
  const answers = new Map<string, T>();
  return (e164) => {
    if (answers.has(e164)) return answers.get(e164) as T;
    const answer = read(e164);
    if (answers.size >= 10_000) answers.clear();
    answers.set(e164, answer);
    return answer;
  };
}

/** Why an E.164 number cannot be texted although it was accepted, or null when it looks fine. */
export const phoneIssue = remembered((e164: string): string | null => {
  try {
    return parsePhoneNumberWithError(e164).isValid()
      ? null
      : `${e164} is not a valid number for its country: ask the candidate or the ATS for the right one.`;
  } catch {
    return `${e164} is not a valid phone number: ask the candidate or the ATS for the right one.`;
  }
});

/** The ISO country of an E.164 number, if known. */
export const countryOf = remembered((e164: string): string | undefined => {
  try {
    return parsePhoneNumberWithError(e164).country;
  } catch {
    return undefined;
  }
});
