import { z } from 'zod';
import type { MessageKind } from '../../db/generated/prisma/enums.ts';
import { ValidationError } from '../../domain/errors.ts';

/** The kinds a recruiter or a partner may give a message they send; invitations and HELP replies have their own paths. */
export const sendableKinds = ['CHAT', 'INTERVIEW_INVITATION', 'REJECTION', 'OFFER', 'CUSTOM'] as const;
/** The kinds a tenant may forbid on a channel: every sendable kind, and the consent invitation. */
export const rulableKinds = [...sendableKinds, 'CONSENT_INVITE'] as const;

/** A message's kind: a built-in one, or CUSTOM with the tenant's own key. */
export type KindOf = { kind: MessageKind; customKind: string | null };

export const customKindKey = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be 1 to 63 lowercase letters, digits and dashes, e.g. assessment-reminder');

/** The kind fields of a send: CUSTOM needs the tenant's key, and only CUSTOM takes one. */
export function parseKind(input: { kind?: string | null; customKind?: string | null }): KindOf {
  const kind = (input.kind ?? 'CHAT') as MessageKind;
  if (!(sendableKinds as readonly string[]).includes(kind)) {
    throw ValidationError.of('kind', `must be one of ${sendableKinds.join(', ')}; invitations have their own mutation`);
  }
  if (kind !== 'CUSTOM') {
    if (input.customKind) throw ValidationError.of('customKind', 'is only for kind CUSTOM');
    return { kind, customKind: null };
  }
  if (!input.customKind)
    throw ValidationError.of('customKind', "is required for kind CUSTOM: one of the tenant's own kinds");
  const key = customKindKey.safeParse(input.customKind);
  if (!key.success) throw ValidationError.of('customKind', key.error.issues[0]?.message ?? 'is invalid');
  return { kind, customKind: key.data };
}

/** How messages and refusals name a kind: the tenant's key, or the built-in name in words. */
export function kindName({ kind, customKind }: KindOf): string {
  return kind === 'CUSTOM' && customKind ? customKind : kind.toLowerCase().replaceAll('_', ' ');
}
