import { type CountryCode, isSupportedCountry, parsePhoneNumberWithError } from 'libphonenumber-js/max';
import { ValidationError } from './errors.ts';

const ALLOWED = /^\+?[\d\s\-().]+$/;

/**
 * A phone number as typed by a person or an ATS, in E.164. Spaces, dashes,
 * dots, parentheses and a leading + are fine; letters, other symbols and
 * numbers that cannot exist are a ValidationError naming `field`.
 */
export function toE164(input: string, defaultCountry: string, field: string): string {
  const text = input.trim();
  if (!ALLOWED.test(text)) {
    throw ValidationError.of(field, 'must contain only digits, spaces, dashes, parentheses and a leading +');
  }
  const country = isSupportedCountry(defaultCountry) ? (defaultCountry as CountryCode) : undefined;
  try {
    const parsed = parsePhoneNumberWithError(text, country);
    if (!parsed.isValid()) throw new Error('invalid');
    return parsed.number;
  } catch {
    throw ValidationError.of(
      field,
      `is not a valid phone number${text.startsWith('+') ? '' : ` for ${defaultCountry} (add the country code with a leading +)`}`,
    );
  }
}

/** The ISO country of an E.164 number, if known. */
export function countryOf(e164: string): string | undefined {
  try {
    return parsePhoneNumberWithError(e164).country;
  } catch {
    return undefined;
  }
}
