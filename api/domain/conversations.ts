import type { Actor } from '../auth/actor.ts';
import type { Channel } from '../db/generated/prisma/enums.ts';
import { type Lock, lockFor } from './consent-rules.ts';
import { NotFoundError } from './errors.ts';
import type { TenantScope } from './scope.ts';

type TenantActor = Extract<Actor, { tenantId: string }>;

/** Admins and partner backends read every conversation; other users only those of their hiring teams. */
export function readableBy(actor: TenantActor) {
  if (actor.kind === 'apiKey' || actor.role === 'ADMIN') return {};
  return {
    OR: [
      { application: { hiringTeam: { some: { userId: actor.userId } } } },
      { community: { team: { some: { userId: actor.userId } } } },
    ],
  };
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

/** Whether the conversation can take a message on `channel` now, and if not why. */
export async function conversationLock(
  scope: TenantScope,
  conversation: { candidateId: string },
  channel: Channel,
): Promise<Lock> {
  const [tenant, candidate, consent] = await Promise.all([
    scope.db.tenant.findUniqueOrThrow({ where: { id: scope.tenantId }, select: { enabledChannels: true } }),
    scope.db.candidate.findUniqueOrThrow({ where: { id: conversation.candidateId } }),
    scope.db.consent.findUnique({ where: { candidateId_channel: { candidateId: conversation.candidateId, channel } } }),
  ]);
  return lockFor({
    channelEnabled: tenant.enabledChannels.includes(channel),
    hasPhone: textingNumber(candidate) !== null,
    state: consent?.state ?? 'NONE',
  });
}
