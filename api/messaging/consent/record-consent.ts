import { z } from 'zod';
import type { TenantActor } from '../../auth/actor.ts';
import { findReadableConversation } from '../../domain/conversations.ts';
import { SendNotAllowedError } from '../../domain/errors.ts';
import type { TenantScope } from '../../domain/scope.ts';
import { parseInput } from '../../domain/validate.ts';
import { changeConsent } from './change-consent.ts';

const recordInput = z.object({
  conversationId: z.string(),
  channel: z.enum(['SMS', 'WHATSAPP']),
  granted: z.boolean(),
  reason: z.string().trim().min(3, 'must say why (at least 3 characters)').max(1000),
  evidence: z.string().trim().max(4000).nullish(),
});

/** A recruiter records or withdraws consent by hand, with a reason (and evidence), for the audit trail. */
export async function recordConsent(scope: TenantScope, actor: TenantActor, input: z.input<typeof recordInput>) {
  const data = parseInput(recordInput, input);
  if (actor.kind !== 'user') throw new SendNotAllowedError('NOT_A_USER');
  const conversation = await findReadableConversation(scope, actor, data.conversationId);
  const result = await scope.db.$transaction((tx) =>
    changeConsent(tx, scope.tenantId, {
      candidateId: conversation.candidateId,
      channel: data.channel,
      to: data.granted ? 'OPTED_IN' : 'OPTED_OUT',
      source: 'RECRUITER',
      actorUserId: actor.userId,
      evidence: data.evidence ? `${data.reason}\n${data.evidence}` : data.reason,
    }),
  );
  if (result.changed) scope.events.relayNow();
  return conversation;
}
