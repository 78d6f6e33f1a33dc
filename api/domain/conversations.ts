import type { Actor } from '../auth/actor.ts';
import { accountFactsOf, accountFactsSelect, type ChannelRegistry } from '../channels/registry.ts';
import { readableConversations } from '../db/viewer-scope.ts';
import { lockFor } from '../messaging/consent/locks.ts';
import { NotFoundError } from './errors.ts';
import type { TenantScope } from './scope.ts';

type TenantActor = Extract<Actor, { tenantId: string }>;

/** Admins and partner backends read every conversation; other users only those of their hiring teams. */
export function readableBy(actor: TenantActor) {
  if (actor.kind === 'apiKey' || actor.role === 'ADMIN') return {};
  return readableConversations(actor.userId);
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

/** The channels a conversation can have. */
export const channels = ['SMS', 'WHATSAPP'] as const;

/** For each channel: can the conversation take a message now, and if not why. Two queries. */
export async function conversationLocks(
  scope: TenantScope,
  registry: ChannelRegistry,
  conversation: { candidateId: string; applicationId: string | null },
) {
  const [tenant, candidate] = await Promise.all([
    scope.db.tenant.findUniqueOrThrow({
      where: { id: scope.tenantId },
      select: { enabledChannels: true, consentModel: true, ...accountFactsSelect },
    }),
    scope.db.candidate.findUniqueOrThrow({
      where: { id: conversation.candidateId },
      include: { consents: { include: { inviteMessage: { select: { status: true, errorMessage: true } } } } },
    }),
  ]);
  const phone = textingNumber(candidate);
  return channels.map((channel) => {
    const consent = candidate.consents.find((c) => c.channel === channel);
    const provider = registry.get(channel);
    return {
      channel,
      consent: consent?.state ?? 'NONE',
      consentModel: tenant.consentModel,
      ...lockFor({
        channelEnabled: tenant.enabledChannels.includes(channel),
        channelAvailable: registry.reachable(channel, accountFactsOf(tenant)),
        phone,
        state: consent?.state ?? 'NONE',
        optOutSource: consent?.optOutSource ?? null,
        carrierBlocked: Boolean(consent?.carrierBlocked && provider?.capabilities.carrierHandlesKeywords),
        invite: consent?.inviteMessage ?? null,
        model: tenant.consentModel,
        about: conversation.applicationId ? 'APPLICATION' : 'PROSPECT',
      }),
    };
  });
}
