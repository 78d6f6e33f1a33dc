import { z } from 'zod';
import type { ApprovedTemplate } from '../../plugins/sdk/index.ts';
import type { TenantActor } from '../auth/actor.ts';
import type { MessageKind, WhatsAppTemplateApproval } from '../db/generated/prisma/enums.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import type { TenantScope } from '../domain/scope.ts';
import type { SendChannel } from '../domain/send-channels.ts';
import { type RenderedTemplate, type RowValues, renderTemplate } from './render.ts';

/** A template and the values passed at send, as sendMessage and previewMessage take them. */
export const templateInput = z.object({
  templateId: z.string(),
  values: z
    .array(z.object({ name: z.string(), value: z.string() }))
    .max(50, 'at most 50 values')
    .default([]),
});

export type TemplateInput = z.input<typeof templateInput>;

type TemplateRow = RowValues & {
  channel: string | null;
  kind: MessageKind;
  customKind: string | null;
  body: string;
  whatsappName: string | null;
  whatsappLanguage: string | null;
  whatsappParameters: string[];
  whatsappApproval: WhatsAppTemplateApproval | null;
};

/** A template ready to send on a channel: its kind, how to render its text, and the provider template it goes as. */
export type TemplatedSend = {
  kind: MessageKind;
  customKind: string | null;
  /** The template's text, its merge fields in braces. */
  body: string;
  /** Renders (or throws the ValidationError naming what has no value); call only once the conversation is readable. */
  render: () => RenderedTemplate;
  /** Sent as the approved provider template (WhatsApp with an APPROVED mapping), with `render().parameters`. */
  providerTemplate: Omit<ApprovedTemplate, 'parameters'> | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads a tenant's template and the conversation's merge values (candidate,
 * job, company, sender) in one statement. Another tenant's template, or none,
 * is NotFoundError; a template for the other channel is a ValidationError.
 */
export async function templateForSend(
  scope: TenantScope,
  actor: TenantActor,
  conversationId: string,
  channel: SendChannel,
  input: z.output<typeof templateInput>,
): Promise<TemplatedSend> {
  if (!UUID.test(input.templateId)) throw new NotFoundError('MessageTemplate', input.templateId);
  const userId = actor.kind === 'user' ? actor.userId : null;
  const conversation = UUID.test(conversationId) ? conversationId : null;
  const [row] = await scope.db.$queryRaw<TemplateRow[]>`
    SELECT t.channel::text AS channel, t.kind::text AS kind, t."customKind", t.body, t."whatsappName", t."whatsappLanguage",
      t."whatsappParameters", t."whatsappApproval"::text AS "whatsappApproval", tn.name AS company,
      cand.name AS "candidateName", job.title AS "jobTitle", u.name AS "recruiterName"
    FROM "MessageTemplate" t
    JOIN "Tenant" tn ON tn.id = t."tenantId"
    LEFT JOIN "Conversation" c ON c.id = ${conversation}::uuid AND c."tenantId" = t."tenantId"
    LEFT JOIN "Candidate" cand ON cand.id = c."candidateId"
    LEFT JOIN "Application" app ON app.id = c."applicationId"
    LEFT JOIN "Job" job ON job.id = app."jobId"
    LEFT JOIN "User" u ON u.id = ${userId}::uuid AND u."tenantId" = t."tenantId"
    WHERE t.id = ${input.templateId}::uuid AND t."tenantId" = ${scope.tenantId}::uuid`;
  if (!row) throw new NotFoundError('MessageTemplate', input.templateId);
  if (row.channel && row.channel !== channel) {
    throw ValidationError.of('channel', `the template is for ${row.channel} only`);
  }
  const provider =
    channel === 'WHATSAPP' && row.whatsappName && row.whatsappLanguage && row.whatsappApproval === 'APPROVED'
      ? { name: row.whatsappName, language: row.whatsappLanguage }
      : null;
  return {
    kind: row.kind,
    customKind: row.customKind,
    body: row.body,
    providerTemplate: provider,
    render: () => {
      const rendered = renderTemplate(
        { body: row.body, whatsappParameters: provider ? row.whatsappParameters : [] },
        row,
        input.values,
      );
      if (provider && rendered.parameters.some((p) => /[\n\t]|\s{5}/.test(p))) {
        throw ValidationError.of(
          'template.values',
          'WhatsApp template parameters may not contain line breaks, tabs or more than four spaces in a row',
        );
      }
      return rendered;
    },
  };
}
