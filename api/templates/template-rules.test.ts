import { describe, expect, it } from 'vitest';
import { ValidationError } from '../domain/errors.ts';
import { checkDefinition, type TemplateDefinition } from './template-rules.ts';

const base: TemplateDefinition = {
  name: ' Interview ',
  channel: null,
  kind: 'CHAT',
  customKind: null,
  body: 'Hi {candidate.firstName}, book {interview.bookingLink}\nThanks',
  customFields: [],
  whatsappName: null,
  whatsappLanguage: null,
  whatsappParameters: [],
  whatsappApproval: null,
};

const issues = (t: Partial<TemplateDefinition>) => {
  try {
    checkDefinition({ ...base, ...t });
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  return [];
};

describe('checkDefinition', () => {
  it('keeps a good definition, trimmed', () => {
    expect(checkDefinition(base)).toMatchObject({ name: 'Interview', kind: 'CHAT', customKind: null });
  });

  it('refuses custom fields that are declared but unused, declared twice, or badly named', () => {
    expect(issues({ body: 'Pay {custom.salary}', customFields: ['salary', 'bonus'] })).toEqual([
      { field: 'customFields.1', message: 'bonus is not used in the body as {custom.bonus}' },
    ]);
    expect(issues({ body: 'Pay {custom.salary}', customFields: ['salary', 'salary'] })).toEqual([
      { field: 'customFields.1', message: 'salary is declared twice' },
    ]);
    expect(issues({ body: 'Pay {custom.1x}', customFields: ['1x'] })[0]?.field).toBe('customFields.0');
  });

  it('refuses a booking link with text glued on either side', () => {
    for (const body of ['Book:{interview.bookingLink}', 'Book {interview.bookingLink}.', '({interview.bookingLink})']) {
      expect(issues({ body })).toEqual([{ field: 'body', message: expect.stringContaining('must stand alone') }]);
    }
  });

  it('wants a whole WhatsApp mapping, not on an SMS-only template, and no approval without one', () => {
    expect(issues({ channel: 'SMS', whatsappName: 'hi', whatsappLanguage: 'en' })).toEqual([
      { field: 'whatsapp', message: 'an SMS-only template has no WhatsApp template' },
    ]);
    expect(issues({ whatsappName: 'hi' }).map((i) => i.field)).toEqual(['whatsapp.language']);
    expect(issues({ whatsappName: 'Hi There', whatsappLanguage: 'en' }).map((i) => i.field)).toEqual(['whatsapp.name']);
    expect(issues({ whatsappApproval: 'APPROVED' })).toEqual([
      { field: 'whatsappApproval', message: 'needs a WhatsApp template mapping' },
    ]);
  });

  it('takes only sendable kinds, and a key with CUSTOM', () => {
    expect(issues({ kind: 'HELP_REPLY' })[0]?.field).toBe('kind');
    expect(issues({ kind: 'CUSTOM' })[0]?.field).toBe('customKind');
  });

  it('refuses every brace that is not part of a {field}, naming its position', () => {
    expect(issues({ body: 'hi {{candidate.name}} {candidate.name{company}} {' })).toEqual([
      { field: 'body', message: expect.stringContaining('"{" at character 4 is not part of a {field}') },
      { field: 'body', message: expect.stringContaining('"}" at character 21 ') },
      { field: 'body', message: expect.stringContaining('"{" at character 23 ') },
      { field: 'body', message: expect.stringContaining('"}" at character 47 ') },
      { field: 'body', message: expect.stringContaining('"{" at character 49 ') },
    ]);
    expect(issues({ body: 'Prices in } or { alone' }).map((i) => i.message)).toHaveLength(2);
    expect(issues({ body: 'Hi {candidate.firstName}, see {company}' })).toEqual([]);
  });
});
