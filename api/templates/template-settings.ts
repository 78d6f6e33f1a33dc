import type { MessageTemplate } from '../db/generated/prisma/client.ts';
import type { WhatsAppTemplateApproval } from '../db/generated/prisma/enums.ts';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { isUniqueViolation } from '../domain/prisma-errors.ts';
import type { TenantScope, TenantTx } from '../domain/scope.ts';
import { withEvents } from '../domain/with-events.ts';
import { lockTenantWorkflows } from '../workflows/caps.ts';
import { checkDefinition, type TemplateDefinition } from './template-rules.ts';

export const MAX_TEMPLATES_PER_TENANT = 500;

type Channel = 'SMS' | 'WHATSAPP' | null;
/** The provider-approved template a template is sent as on WhatsApp; `approval` as the tenant reports the provider's review. */
export type WhatsAppMapping = {
  name: string;
  language: string;
  parameters?: string[] | null;
  approval?: WhatsAppTemplateApproval | null;
};

export type CreateTemplateInput = {
  name: string;
  channel?: Channel;
  kind?: string | null;
  customKind?: string | null;
  body: string;
  customFields?: string[] | null;
  whatsapp?: WhatsAppMapping | null;
};

/** Changes to a template; left out (undefined) stays as it is; `channel: null` means any channel, `whatsapp: null` removes the mapping. */
export type UpdateTemplateInput = {
  id: string;
  name?: string | null;
  channel?: Channel;
  kind?: string | null;
  customKind?: string | null;
  body?: string | null;
  customFields?: string[] | null;
  whatsapp?: Omit<WhatsAppMapping, 'approval'> | null;
  whatsappApproval?: WhatsAppTemplateApproval | null;
};

const changed = (type: 'CREATED' | 'UPDATED' | 'DELETED') => (t: { id: string }) => [
  { type: 'MESSAGE_TEMPLATE_CHANGED' as const, subjectId: t.id, payload: { change: type } },
];

async function save(
  tx: TenantTx,
  def: TemplateDefinition,
  write: (data: TemplateDefinition) => Promise<MessageTemplate>,
) {
  const clean = checkDefinition(def);
  if (clean.customKind && !(await tx.messageKindName.findFirst({ where: { key: clean.customKind } }))) {
    throw ValidationError.of(
      'customKind',
      `is not one of your company's message kinds: define ${clean.customKind} first`,
    );
  }
  try {
    return await write(clean);
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError('name', `A template named "${clean.name}" already exists.`);
    throw error;
  }
}

const approvalAt = (approval: WhatsAppTemplateApproval | null) => (approval ? new Date() : null);

/** Saves a new template (admins and API keys); its WhatsApp mapping starts PENDING unless an approval is given. */
export async function createMessageTemplate(scope: TenantScope, input: CreateTemplateInput) {
  const whatsapp = input.whatsapp ?? null;
  const def: TemplateDefinition = {
    name: input.name,
    channel: input.channel ?? null,
    kind: (input.kind ?? 'CHAT') as TemplateDefinition['kind'],
    customKind: input.customKind ?? null,
    body: input.body,
    customFields: input.customFields ?? [],
    whatsappName: whatsapp?.name ?? null,
    whatsappLanguage: whatsapp?.language ?? null,
    whatsappParameters: whatsapp?.parameters ?? [],
    whatsappApproval: whatsapp ? (whatsapp.approval ?? 'PENDING') : null,
  };
  return withEvents(
    scope,
    async (tx) => {
      if ((await tx.messageTemplate.count()) >= MAX_TEMPLATES_PER_TENANT) {
        throw ValidationError.of('name', `a tenant may keep at most ${MAX_TEMPLATES_PER_TENANT} templates`);
      }
      return save(tx, def, (data) =>
        tx.messageTemplate.create({
          data: { ...data, tenantId: scope.tenantId, whatsappApprovalAt: approvalAt(data.whatsappApproval) },
        }),
      );
    },
    changed('CREATED'),
  );
}

/** Applies changes to a template. A new body or mapping must be approved again: PENDING (or REJECTED if this call says so), never APPROVED in the same call. */
export async function updateMessageTemplate(scope: TenantScope, input: UpdateTemplateInput) {
  return withEvents(
    scope,
    async (tx) => {
      const saved = await tx.messageTemplate.findFirst({ where: { id: input.id } });
      if (!saved) throw new NotFoundError('MessageTemplate', input.id);
      const mapping =
        input.whatsapp === undefined
          ? {
              whatsappName: saved.whatsappName,
              whatsappLanguage: saved.whatsappLanguage,
              whatsappParameters: saved.whatsappParameters,
            }
          : {
              whatsappName: input.whatsapp?.name ?? null,
              whatsappLanguage: input.whatsapp?.language ?? null,
              whatsappParameters: input.whatsapp?.parameters ?? [],
            };
      const reviewed = (input.body != null && input.body.trim() !== saved.body) || input.whatsapp !== undefined;
      if (reviewed && input.whatsappApproval === 'APPROVED') {
        throw ValidationError.of(
          'whatsappApproval',
          'a changed body or WhatsApp mapping is PENDING until Meta approves it: report APPROVED in a later update',
        );
      }
      const mapped = mapping.whatsappName !== null;
      const approval =
        input.whatsappApproval !== undefined
          ? input.whatsappApproval
          : mapped
            ? reviewed
              ? 'PENDING'
              : saved.whatsappApproval
            : null;
      const def: TemplateDefinition = {
        name: input.name ?? saved.name,
        channel: input.channel === undefined ? (saved.channel as Channel) : input.channel,
        kind: (input.kind ?? saved.kind) as TemplateDefinition['kind'],
        customKind: input.customKind !== undefined ? input.customKind : input.kind != null ? null : saved.customKind,
        body: input.body ?? saved.body,
        customFields: input.customFields ?? saved.customFields,
        ...mapping,
        whatsappApproval: approval,
      };
      return save(tx, def, (data) =>
        tx.messageTemplate.update({
          where: { id: saved.id },
          data: {
            ...data,
            whatsappApprovalAt:
              data.whatsappApproval === saved.whatsappApproval && !input.whatsappApproval
                ? saved.whatsappApprovalAt
                : approvalAt(data.whatsappApproval),
          },
        }),
      );
    },
    changed('UPDATED'),
  );
}

/** The names of the workflows whose steps, or whose runs' steps still due, send the template. */
async function workflowsUsing(tx: TenantTx, templateId: string) {
  const workflows = await tx.workflow.findMany({
    where: {
      OR: [
        { steps: { some: { templateId } } },
        { runs: { some: { steps: { some: { templateId, outcome: 'PENDING' } } } } },
      ],
    },
    select: { name: true },
    orderBy: { name: 'asc' },
  });
  return workflows.map((w) => w.name);
}

/** Deletes a template no workflow uses; messages sent with it keep their text. */
export async function deleteMessageTemplate(scope: TenantScope, id: string) {
  return withEvents(
    scope,
    async (tx) => {
      await lockTenantWorkflows(tx, scope.tenantId);
      const users = await workflowsUsing(tx, id);
      if (users.length) {
        throw new ConflictError(
          'id',
          `Workflows send this template: ${users.map((n) => `"${n}"`).join(', ')}. Change their steps (or delete them, or wait for their runs' due steps) first.`,
        );
      }
      const removed = await tx.messageTemplate.deleteMany({ where: { id } });
      if (!removed.count) throw new NotFoundError('MessageTemplate', id);
      return { id };
    },
    changed('DELETED'),
  );
}
