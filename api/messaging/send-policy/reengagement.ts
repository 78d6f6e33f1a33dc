import { z } from 'zod';
import type { ApprovedTemplate } from '../../../plugins/sdk/index.ts';

export const DEFAULT_REENGAGEMENT_TEXT =
  '{company} would like to reach you on behalf of the hiring team about {job}. Since the team can only reach you within a day of your last message, please reply to continue receiving updates.';

/** The approved template sent outside a session window, rendered for one conversation. */
export type Reengagement = ApprovedTemplate & {
  /** The text as the candidate reads it (kept in the conversation's history). */
  body: string;
};

/** What the tenant set, and what the conversation is about, as the send facts carry them. */
export type ReengagementFacts = {
  tenantName: string;
  reengagementText: string | null;
  reengagementTemplateName: string;
  reengagementTemplateLanguage: string;
  /** The application's job title, or the prospect's community name. */
  subject: string | null;
};

/**
 * The tenant's re-engagement template for this conversation: its text with
 * {company} and {job} replaced, and the provider template it is sent as, with
 * the same two values as its parameters ({{1}} company, {{2}} job).
 */
export function reengagementFor(facts: ReengagementFacts): Reengagement {
  const company = facts.tenantName;
  const job = facts.subject ?? 'your application';
  const text = facts.reengagementText ?? DEFAULT_REENGAGEMENT_TEXT;
  return {
    name: facts.reengagementTemplateName,
    language: facts.reengagementTemplateLanguage,
    parameters: [company, job],
    body: text.replaceAll('{company}', company).replaceAll('{job}', job),
  };
}

/** Embeddings and overrides of text direction: they can make the text read differently from what is sent. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;

/** Tenant settings for the template, validated as updateTenantSettings takes them. */
export const reengagementSettings = {
  reengagementText: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(1024, 'must be at most 1024 characters (WhatsApp’s limit for a template body)')
    .refine((t) => t.split('{company}').length === 2, 'must contain {company} exactly once (the template’s {{1}})')
    .refine((t) => t.split('{job}').length === 2, 'must contain {job} exactly once (the template’s {{2}})')
    .refine((t) => !BIDI_CONTROLS.test(t), 'must not contain text-direction control characters')
    .refine(
      (t) => (t.match(/\{[^}]*\}/g) ?? []).every((p) => p === '{company}' || p === '{job}'),
      'may use only the placeholders {company} and {job}',
    )
    .optional(),
  reengagementTemplateName: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{1,512}$/, 'must be the approved template’s name: lowercase letters, digits and underscores')
    .optional(),
  reengagementTemplateLanguage: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'must be a template language code such as en, en_US or pt_BR')
    .optional(),
};
