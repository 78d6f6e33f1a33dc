import type { Actor } from '../auth/actor.ts';
import { readableConversations } from '../db/viewer-scope.ts';
import { NotFoundError } from './errors.ts';
import type { TenantScope } from './scope.ts';

type TenantActor = Extract<Actor, { tenantId: string }>;

/** Partner backends read every conversation; users as the send policy's access rules allow (send-policy/access.ts). */
export function readableBy(actor: TenantActor) {
  if (actor.kind === 'apiKey') return {};
  return readableConversations(actor.userId, actor.role);
}

export async function findReadableConversation(scope: TenantScope, actor: TenantActor, id: string) {
  const conversation = await scope.db.conversation.findFirst({ where: { id, ...readableBy(actor) } });
  if (!conversation) throw new NotFoundError('Conversation', id);
  return conversation;
}

/** The number to text: the one the candidate prefers, else the other. */
export function textingNumber(candidate: {
  phone: string | null;
  alternatePhone: string | null;
  preferredPhone: string;
}) {
  return candidate.preferredPhone === 'ALTERNATE'
    ? (candidate.alternatePhone ?? candidate.phone)
    : (candidate.phone ?? candidate.alternatePhone);
}
