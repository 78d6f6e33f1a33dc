import { describe, expect, it } from 'vitest';
import { countryOf, parsePhone, phoneIssue } from './phone.ts';

describe('phone numbers', () => {
  it('accepts the ways people write numbers and stores E.164', () => {
    expect(parsePhone('(415) 555-2671', 'US', 'phone')).toEqual({ e164: '+14155552671' });
    expect(parsePhone('+44 20 7946 0958', 'US', 'phone')).toEqual({ e164: '+442079460958' });
    expect(parsePhone(' 020-7946-0958 ', 'GB', 'phone')).toEqual({ e164: '+442079460958' });
    expect(parsePhone('+46 70 123 45 67', 'US', 'phone')).toEqual({ e164: '+46701234567' });
    expect(parsePhone('415.555.2671', 'US', 'phone')).toEqual({ e164: '+14155552671' });
  });

  it('refuses letters, symbols and impossible numbers, naming the field', () => {
    for (const bad of ['1-800-FLOWERS', '415#555#2671', 'call me', '+1 415 555', '12', '+999 1234567', '+']) {
      const parsed = parsePhone(bad, 'US', 'alternatePhone');
      expect(parsed, bad).toMatchObject({ issue: { field: 'alternatePhone' } });
    }
    // A valid number with a letter or a symbol around it, which libphonenumber alone would read: refused too.
    for (const bad of [
      '+1 415 555 2671 a',
      '+1 (415) 555-2671!',
      'tel:+14155552671',
      '+1 415/555/2671',
      '+1 415 555 2671 ext. 5',
      '+1 415 555 2671 x12',
      '+1 415 555 2671;',
    ]) {
      expect(parsePhone(bad, 'US', 'phone'), bad).toMatchObject({
        issue: { field: 'phone', message: expect.stringMatching(/only digits, spaces, dashes, parentheses/) },
      });
    }
  });

  it('keeps a possible but invalid number and says what is wrong with it', () => {
    expect(parsePhone('+1 415 123 4567', 'US', 'phone')).toEqual({ e164: '+14151234567' });
    expect(phoneIssue('+14151234567')).toMatch(/not a valid number/);
    expect(phoneIssue('+14155552671')).toBeNull();
  });

  it('knows the country of a number', () => {
    expect(countryOf('+46701234567')).toBe('SE');
    expect(countryOf('+14155552671')).toBe('US');
  });
});
