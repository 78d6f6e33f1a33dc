import { z } from 'zod';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import type { TenantScope } from '../../domain/scope.ts';
import type { SendChannel } from '../../domain/send-channels.ts';
import { parseInput } from '../../domain/validate.ts';
import { withEvents } from '../../domain/with-events.ts';
import { customKindKey, rulableKinds } from './message-kinds.ts';

const defineInput = z.object({
  key: customKindKey,
  label: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
});

const ruleInput = z.object({
  kind: z.enum(rulableKinds, { message: `must be one of ${rulableKinds.join(', ')}` }),
  customKind: customKindKey.nullish(),
  channel: z.enum(['SMS', 'WHATSAPP']),
  allowed: z.boolean(),
});

const MAX_CUSTOM_KINDS = 100;

/** Names one of the tenant's own kinds, or renames it (an admin's setting). */
export async function defineMessageKind(scope: TenantScope, input: z.input<typeof defineInput>) {
  const { key, label } = parseInput(defineInput, input);
  return withEvents(
    scope,
    async (tx) => {
      const count = await tx.messageKindName.count({ where: { key: { not: key } } });
      if (count >= MAX_CUSTOM_KINDS)
        throw ValidationError.of('key', `a tenant may name at most ${MAX_CUSTOM_KINDS} kinds`);
      return tx.messageKindName.upsert({
        where: { tenantId_key: { tenantId: scope.tenantId, key } },
        create: { tenantId: scope.tenantId, key, label },
        update: { label },
      });
    },
    () => [{ type: 'MESSAGE_KINDS_CHANGED', subjectId: scope.tenantId, payload: { defined: key } }],
  );
}

/**
 * Removes one of the tenant's own kinds; its messages keep the name they were sent with. Refused while a rule
 * forbids it somewhere, so that naming the kind again cannot quietly lift that rule.
 */
export async function removeMessageKind(scope: TenantScope, key: string) {
  const parsed = customKindKey.safeParse(key);
  if (!parsed.success) throw ValidationError.of('key', parsed.error.issues[0]?.message ?? 'is invalid');
  return withEvents(
    scope,
    async (tx) => {
      const rules = await tx.messageKindRule.findMany({ where: { kind: 'CUSTOM', customKind: parsed.data } });
      if (rules.length) {
        const on = rules.map((r) => r.channel).join(' and ');
        throw ValidationError.of(
          'key',
          `is forbidden on ${on}: lift those rules first (setMessageKindRule with allowed: true)`,
        );
      }
      const removed = await tx.messageKindName.deleteMany({ where: { key: parsed.data } });
      if (!removed.count) throw new NotFoundError('MessageKind', parsed.data);
      return parsed.data;
    },
    (removedKey) => [{ type: 'MESSAGE_KINDS_CHANGED', subjectId: scope.tenantId, payload: { removed: removedKey } }],
  );
}

/** Forbids a kind on a channel (allowed: false) or lifts the rule (allowed: true). */
export async function setMessageKindRule(
  scope: TenantScope,
  input: { kind: string; customKind?: string | null; channel: string; allowed: boolean },
) {
  const data = parseInput(ruleInput, input);
  const customKind = data.kind === 'CUSTOM' ? data.customKind : null;
  if (data.kind === 'CUSTOM' && !customKind) throw ValidationError.of('customKind', 'is required for kind CUSTOM');
  if (data.kind !== 'CUSTOM' && data.customKind) throw ValidationError.of('customKind', 'is only for kind CUSTOM');
  const rule = { kind: data.kind, customKind: customKind ?? '', channel: data.channel as SendChannel };
  return withEvents(
    scope,
    async (tx) => {
      if (customKind && !(await tx.messageKindName.findFirst({ where: { key: customKind } }))) {
        throw ValidationError.of(
          'customKind',
          `is not one of your company's message kinds: define ${customKind} first`,
        );
      }
      if (data.allowed) await tx.messageKindRule.deleteMany({ where: rule });
      else await tx.messageKindRule.createMany({ data: [{ ...rule, tenantId: scope.tenantId }], skipDuplicates: true });
      return rule;
    },
    () => [
      {
        type: 'MESSAGE_KINDS_CHANGED',
        subjectId: scope.tenantId,
        payload: { kind: customKind ?? data.kind, channel: data.channel, allowed: data.allowed },
      },
    ],
  );
}
