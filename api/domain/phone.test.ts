import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors.ts';
import { countryOf, toE164 } from './phone.ts';

describe('phone numbers', () => {
  it('accepts the ways people write numbers and stores E.164', () => {
    expect(toE164('(415) 555-2671', 'US', 'phone')).toBe('+14155552671');
    expect(toE164('+44 20 7946 0958', 'US', 'phone')).toBe('+442079460958');
    expect(toE164(' 020-7946-0958 ', 'GB', 'phone')).toBe('+442079460958');
    expect(toE164('+46 70 123 45 67', 'US', 'phone')).toBe('+46701234567');
  });

  it('refuses letters, symbols and impossible numbers, naming the field', () => {
    for (const bad of ['1-800-FLOWERS', '415#555#2671', 'call me', '+1 415 555', '12', '+999 1234567']) {
      const error = (() => {
        try {
          toE164(bad, 'US', 'alternatePhone');
        } catch (e) {
          return e;
        }
      })();
      expect(error, bad).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe('alternatePhone');
    }
  });

  it('knows the country of a number', () => {
    expect(countryOf('+46701234567')).toBe('SE');
    expect(countryOf('+14155552671')).toBe('US');
  });
});
