import { describe, expect, it } from 'vitest';
import { ValidationError } from '../domain/errors.ts';
import { sendCost } from '../messaging/send-policy/cost.ts';
import { bookingLinkIssue, renderTemplate } from './render.ts';

const rows = { candidateName: '  Ada  Lovelace ', jobTitle: 'Barista', company: 'Acme', recruiterName: 'Rita' };
const link = 'https://book.example.com/i/abc-123?slot=tue_10%3A00&x=1';

function refusal(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('renderTemplate', () => {
  it('fills row fields from the conversation and send fields from values', () => {
    const out = renderTemplate(
      {
        body: 'Hi {candidate.firstName} ({candidate.name}), {recruiter.name} at {company} about {job.title}: book {interview.bookingLink} for {interview.time}. {custom.room}',
        whatsappParameters: ['candidate.firstName', 'interview.time'],
      },
      rows,
      [
        { name: 'interview.bookingLink', value: link },
        { name: 'interview.time', value: ' Tue 10:00 ' },
        { name: 'custom.room', value: 'Room 4' },
      ],
    );
    expect(out.body).toBe(`Hi Ada (Ada  Lovelace), Rita at Acme about Barista: book ${link} for Tue 10:00. Room 4`);
    expect(out.parameters).toEqual(['Ada', 'Tue 10:00']);
  });

  it('names every missing value instead of leaving a gap', () => {
    const error = refusal(() =>
      renderTemplate(
        { body: '{job.title} {recruiter.name} {interview.time} {custom.salary}', whatsappParameters: [] },
        { ...rows, jobTitle: null, recruiterName: null },
        [{ name: 'custom.salary', value: '   ' }],
      ),
    );
    expect(error.issues).toEqual([
      { field: 'template.values', message: 'no value for {interview.time}, {custom.salary}: pass them in values' },
      { field: 'template', message: expect.stringContaining('{job.title} has no value') },
      { field: 'template', message: expect.stringContaining('{recruiter.name} has no value') },
    ]);
  });

  it('refuses values the template does not take, twice-given values and bad booking links', () => {
    const template = { body: 'Book {interview.bookingLink}', whatsappParameters: [] };
    expect(refusal(() => renderTemplate(template, rows, [{ name: 'candidate.name', value: 'Eve' }])).message).toBe(
      'template.values.0: candidate.name is not a field this template takes at send (it takes {interview.bookingLink})',
    );
    const twice = [
      { name: 'interview.bookingLink', value: link },
      { name: 'interview.bookingLink', value: link },
    ];
    expect(refusal(() => renderTemplate(template, rows, twice)).message).toContain('is given twice');
    for (const bad of [
      'http://book.example.com/x',
      'https://book.example.com/a b',
      'https://bøøk.example/x',
      'javascript:alert(1)',
      'https://book.example.com/x.',
    ]) {
      expect(refusal(() => renderTemplate(template, rows, [{ name: 'interview.bookingLink', value: bad }])).field).toBe(
        'template.values.0',
      );
    }
  });

  it('keeps a booking link whole when the body runs over several SMS segments', () => {
    const filler = 'Thanks for your application. '.repeat(5);
    const out = renderTemplate({ body: `${filler}Book: {interview.bookingLink} today`, whatsappParameters: [] }, rows, [
      { name: 'interview.bookingLink', value: link },
    ]);
    const start = out.body.indexOf(link);
    // The link straddles the first part's 153 characters: carriers reassemble the parts, so it arrives whole.
    expect(start).toBeLessThan(153);
    expect(start + link.length).toBeGreaterThan(153);
    expect(out.body.split(/\s+/)).toContain(link);
    expect(sendCost('SMS', out.body)).toMatchObject({ encoding: 'GSM-7', segments: 2, characters: out.body.length });
  });
});

describe('bookingLinkIssue', () => {
  it('refuses user@host, hosts without a dot and IP addresses, and keeps the earlier rules', () => {
    expect(bookingLinkIssue('https://book.example.com/slot?id=7')).toBeNull();
    expect(bookingLinkIssue('https://google.com@evil.com/x')).toMatch(/user name or password/);
    expect(bookingLinkIssue('https://user:pw@book.example.com/x')).toMatch(/user name or password/);
    expect(bookingLinkIssue('https://a')).toMatch(/with a dot/);
    expect(bookingLinkIssue('https://localhost/x')).toMatch(/with a dot/);
    expect(bookingLinkIssue('https://203.0.113.9/x')).toMatch(/not an IP address/);
    expect(bookingLinkIssue('https://0x7f000001/x')).toMatch(/not an IP address/);
    expect(bookingLinkIssue('https://[2001:db8::1]/x')).toMatch(/not an IP address/);
    expect(bookingLinkIssue('http://book.example.com/x')).toMatch(/https URL/);
    expect(bookingLinkIssue('javascript:alert(1)')).toMatch(/https URL/);
    expect(bookingLinkIssue('https://book.example.com/x.')).toMatch(/punctuation/);
  });
});
