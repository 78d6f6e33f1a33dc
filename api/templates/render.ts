import { type FieldIssue, ValidationError } from '../domain/errors.ts';
import { isRowField, placeholders, type RowField } from './merge-fields.ts';

/** What rendering reads of a template. */
export type TemplateSource = {
  body: string;
  /** The provider template's parameters, as merge fields in order (empty when it has no WhatsApp mapping). */
  whatsappParameters: readonly string[];
};

/** The conversation's rows, as one statement reads them (null: no such value, e.g. a prospect has no job). */
export type RowValues = {
  candidateName: string | null;
  jobTitle: string | null;
  company: string | null;
  /** The sending user's name; null when an API key sends. */
  recruiterName: string | null;
};

/** A value passed at send: `name` is the merge field without braces (`interview.bookingLink`, `custom.salary`). */
export type SendValue = { name: string; value: string };

export type RenderedTemplate = {
  body: string;
  /** The provider template's parameter values, in its order. */
  parameters: string[];
};

export const MAX_VALUE_LENGTH = 500;

const fromRows: Record<RowField, (rows: RowValues) => string | null> = {
  'candidate.firstName': (r) => r.candidateName?.trim().split(/\s+/)[0] ?? null,
  'candidate.name': (r) => r.candidateName,
  'job.title': (r) => r.jobTitle,
  company: (r) => r.company,
  'recruiter.name': (r) => r.recruiterName,
};

const why: Record<RowField, string> = {
  'candidate.firstName': 'the candidate has no name',
  'candidate.name': 'the candidate has no name',
  'job.title': 'the conversation is not about a job application (a prospect has no job)',
  company: 'the company has no name',
  'recruiter.name': 'it is the sending user’s name, and an API key is not a user',
};

/**
 * A booking link: an https URL, written in printable ASCII without spaces, so
 * it reaches the phone as one link, on a named host with a dot. No user@host
 * (it makes the link look like another site's) and no IP address (the
 * candidate cannot tell whose it is, and carriers' filters flag such links).
 */
export function bookingLinkIssue(value: string): string | null {
  if (!/^https:\/\/[\x21-\x7e]+$/.test(value) || !URL.canParse(value)) {
    return 'must be an https URL without spaces or non-ASCII characters (percent-encode them)';
  }
  if (/[.,;:!?)\]'"]$/.test(value)) return 'must not end with punctuation';
  const url = new URL(value);
  if (url.username || url.password) return 'must not hold a user name or password before the host (user@host)';
  if (url.hostname.startsWith('[') || /^[\d.]+$/.test(url.hostname)) {
    return 'must name its host by a domain name, not an IP address';
  }
  return url.hostname.includes('.') ? null : 'must name a host with a dot in it (example.com)';
}

function sendValueIssues(fields: Set<string>, values: readonly SendValue[]): FieldIssue[] {
  const takes = [...fields].map((f) => `{${f}}`).join(', ') || 'none';
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  values.forEach(({ name, value }, i) => {
    const field = `template.values.${i}`;
    if (!fields.has(name))
      issues.push({ field, message: `${name} is not a field this template takes at send (it takes ${takes})` });
    else if (seen.has(name)) issues.push({ field, message: `${name} is given twice` });
    else if (value.length > MAX_VALUE_LENGTH)
      issues.push({ field, message: `must be at most ${MAX_VALUE_LENGTH} characters` });
    else if (name === 'interview.bookingLink') {
      const issue = bookingLinkIssue(value.trim());
      if (issue && value.trim()) issues.push({ field, message: `${name} ${issue}` });
    }
    seen.add(name);
  });
  return issues;
}

/**
 * Renders a template for one conversation: each {field} replaced by its value
 * from the rows or from `values`. A field without a value, a value the
 * template does not take, or a bad booking link is a ValidationError naming
 * the fields; nothing is ever left blank in the candidate's text.
 */
export function renderTemplate(
  template: TemplateSource,
  rows: RowValues,
  values: readonly SendValue[],
): RenderedTemplate {
  const used = new Set([...placeholders(template.body), ...template.whatsappParameters]);
  const passed = new Set([...used].filter((f) => !isRowField(f)));
  const valueIssues = sendValueIssues(passed, values);
  if (valueIssues.length) throw new ValidationError(valueIssues);
  const given = new Map(values.map((v) => [v.name, v.value.trim()]));
  const filled = new Map<string, string>();
  const missing: FieldIssue[] = [];
  for (const field of used) {
    const value = isRowField(field) ? fromRows[field](rows)?.trim() : given.get(field);
    if (value) filled.set(field, value);
    else if (isRowField(field)) missing.push({ field: 'template', message: `{${field}} has no value: ${why[field]}` });
  }
  const unpassed = [...passed].filter((f) => !filled.has(f));
  if (unpassed.length) {
    missing.unshift({
      field: 'template.values',
      message: `no value for ${unpassed.map((f) => `{${f}}`).join(', ')}: pass ${unpassed.length > 1 ? 'them' : 'it'} in values`,
    });
  }
  if (missing.length) throw new ValidationError(missing);
  return {
    body: template.body.replace(/\{([^{}]*)\}/g, (_, field: string) => filled.get(field) as string),
    parameters: template.whatsappParameters.map((field) => filled.get(field) as string),
  };
}
