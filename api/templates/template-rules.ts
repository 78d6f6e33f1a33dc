import { z } from 'zod';
import type { MessageKind, WhatsAppTemplateApproval } from '../db/generated/prisma/enums.ts';
import { type FieldIssue, ValidationError } from '../domain/errors.ts';
import { refuseIf } from '../domain/validate.ts';
import { parseKind } from '../messaging/kinds/message-kinds.ts';
import { allowedFields, CUSTOM_PREFIX, customFieldName, placeholders } from './merge-fields.ts';

/** A template as it is saved: create takes it whole, update merges its changes into the saved one first. */
export type TemplateDefinition = {
  name: string;
  channel: 'SMS' | 'WHATSAPP' | null;
  kind: MessageKind;
  customKind: string | null;
  body: string;
  customFields: string[];
  whatsappName: string | null;
  whatsappLanguage: string | null;
  whatsappParameters: string[];
  whatsappApproval: WhatsAppTemplateApproval | null;
};

export const MAX_BODY_LENGTH = 1600;
export const MAX_CUSTOM_FIELDS = 20;

const shape = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  body: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(MAX_BODY_LENGTH, `must be at most ${MAX_BODY_LENGTH} characters`),
  customFields: z
    .array(z.string().regex(customFieldName, 'must be a letter, then letters, digits or underscores (at most 40)'))
    .max(MAX_CUSTOM_FIELDS, `at most ${MAX_CUSTOM_FIELDS} fields`),
  whatsappName: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{1,512}$/, 'must be the approved template’s name: lowercase letters, digits and underscores')
    .nullable(),
  whatsappLanguage: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'must be a template language code such as en, en_US or pt_BR')
    .nullable(),
});

/** Where the API takes the mapping's columns. */
const inputNames: Record<string, string> = { whatsappName: 'whatsapp.name', whatsappLanguage: 'whatsapp.language' };

/** Each brace that is not part of a `{field}` (no escape: braces are for merge fields only). */
function strayBraceIssues(body: string): FieldIssue[] {
  const outside = body.replace(/\{[^{}]*\}/g, (m) => ' '.repeat(m.length));
  return [...outside.matchAll(/[{}]/g)].map((m) => ({
    field: 'body',
    message: `the "${m[0]}" at character ${m.index + 1} is not part of a {field}: braces are only for merge fields`,
  }));
}

function bodyIssues(body: string, customFields: string[]): FieldIssue[] {
  const allowed = allowedFields(customFields);
  const issues: FieldIssue[] = strayBraceIssues(body);
  for (const field of new Set(placeholders(body))) {
    if (allowed.includes(field)) continue;
    const declare = field.startsWith(CUSTOM_PREFIX)
      ? ` (declare ${field.slice(CUSTOM_PREFIX.length)} in customFields)`
      : '';
    issues.push({
      field: 'body',
      message: `{${field}} is not a merge field${declare}; use ${allowed.map((f) => `{${f}}`).join(', ')}`,
    });
  }
  // Only whitespace around a link: glued punctuation or text could be read as part of it.
  for (const m of body.matchAll(/\{interview\.bookingLink\}/g)) {
    const before = body[m.index - 1];
    const after = body[m.index + m[0].length];
    if ((before !== undefined && !/\s/.test(before)) || (after !== undefined && !/\s/.test(after))) {
      issues.push({
        field: 'body',
        message: '{interview.bookingLink} must stand alone, with a space or line break on each side',
      });
    }
  }
  const used = new Set(placeholders(body));
  customFields.forEach((name, i) => {
    if (!used.has(CUSTOM_PREFIX + name))
      issues.push({ field: `customFields.${i}`, message: `${name} is not used in the body as {custom.${name}}` });
    else if (customFields.indexOf(name) !== i)
      issues.push({ field: `customFields.${i}`, message: `${name} is declared twice` });
  });
  return issues;
}

function whatsappIssues(t: TemplateDefinition): FieldIssue[] {
  const mapped = t.whatsappName !== null || t.whatsappLanguage !== null || t.whatsappParameters.length > 0;
  if (!mapped)
    return t.whatsappApproval ? [{ field: 'whatsappApproval', message: 'needs a WhatsApp template mapping' }] : [];
  const issues: FieldIssue[] = [];
  if (t.channel === 'SMS') issues.push({ field: 'whatsapp', message: 'an SMS-only template has no WhatsApp template' });
  if (!t.whatsappName) issues.push({ field: 'whatsapp.name', message: 'is required' });
  if (!t.whatsappLanguage) issues.push({ field: 'whatsapp.language', message: 'is required' });
  const used = new Set(placeholders(t.body));
  t.whatsappParameters.forEach((field, i) => {
    if (!used.has(field)) {
      issues.push({ field: `whatsapp.parameters.${i}`, message: `{${field}} is not a merge field of the body` });
    }
  });
  return issues;
}

/** Checks a whole definition: every merge field known, booking links apart, custom fields declared and used, a coherent WhatsApp mapping. */
export function checkDefinition(t: TemplateDefinition): TemplateDefinition {
  const parsed = shape.safeParse(t);
  if (!parsed.success) {
    throw new ValidationError(
      parsed.error.issues.map((i) => {
        const field = i.path.join('.');
        return { field: inputNames[field] ?? field, message: i.message };
      }),
    );
  }
  const kind = parseKind(t);
  const clean = { ...t, ...parsed.data, ...kind };
  refuseIf([...bodyIssues(clean.body, clean.customFields), ...whatsappIssues(clean)]);
  return clean;
}
