import { describe, expect, it } from 'vitest';
import { countryOf, parsePhone, phoneIssue } from './phone.ts';

describe('phone numbers of the countries Parley supports first', () => {
  it('parses each country’s numbers, as people write them, to E.164 and the right country', () => {
    // [as written, default country, E.164, country]
    const table: [string, string, string, string][] = [
      ['(201) 555-0123', 'US', '+12015550123', 'US'],
      ['+1 506 234 5678', 'US', '+15062345678', 'CA'],
      ['416 555 0123', 'CA', '+14165550123', 'CA'],
      ['07400 123456', 'GB', '+447400123456', 'GB'],
      ['+44 7400 123456', 'US', '+447400123456', 'GB'],
      ['06 12 34 56 78', 'FR', '+33612345678', 'FR'],
      ['0151 23456789', 'DE', '+4915123456789', 'DE'],
      ['+43 664 123456', 'US', '+43664123456', 'AT'],
      ['06-12345678', 'NL', '+31612345678', 'NL'],
      ['070-123 45 67', 'SE', '+46701234567', 'SE'],
      ['0412 345 678', 'AU', '+61412345678', 'AU'],
    ];
    for (const [written, defaultCountry, e164, country] of table) {
      expect(parsePhone(written, defaultCountry, 'phone'), written).toEqual({ e164 });
      expect(countryOf(e164), e164).toBe(country);
      expect(phoneIssue(e164), e164).toBeNull();
    }
  });

  it('takes the country from the number, not its calling code: +1 is the US or Canada', () => {
    expect(countryOf('+12015550123')).toBe('US');
    expect(countryOf('+16135550123')).toBe('CA');
    expect(countryOf('+14155550100')).toBe('US');
  });
});
