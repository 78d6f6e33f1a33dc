/** Merge fields Parley fills from the conversation's rows: the candidate, the application's job, the tenant and the sender. */
export const rowFields = ['candidate.firstName', 'candidate.name', 'job.title', 'company', 'recruiter.name'] as const;
/** Merge fields the sender passes at send time (`values`). */
export const sendFields = ['interview.bookingLink', 'interview.time'] as const;
/** A partner's own field, declared on the template by name and passed at send as `custom.<name>`. */
export const CUSTOM_PREFIX = 'custom.';

export type RowField = (typeof rowFields)[number];

/** A declared custom field's name: a letter, then letters, digits or underscores (at most 40). */
export const customFieldName = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

/** Every `{…}` in a body, in order of appearance (repeats kept), without the braces. */
export function placeholders(body: string): string[] {
  return [...body.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1] as string);
}

/** The fields a template with these declared custom fields may use. */
export function allowedFields(customFields: readonly string[]): string[] {
  return [...rowFields, ...sendFields, ...customFields.map((name) => CUSTOM_PREFIX + name)];
}

/** Whether a field is filled from the conversation's rows (else it is passed at send). */
export const isRowField = (field: string): field is RowField => (rowFields as readonly string[]).includes(field);
