import { z } from 'zod';
import type { TenantActor } from '../../auth/actor.ts';
import { ledgerActor } from '../../credits/cost.ts';
import type { TenantScope } from '../../domain/scope.ts';
import { parseInput } from '../../domain/validate.ts';
import { askSendPolicy } from '../send-policy/index.ts';
import { reengagementFor } from '../send-policy/reengagement.ts';
import type { RoutedNumber } from '../send-policy/routing.ts';
import type { MessagingDeps } from './deps.ts';
import { idempotencyKey, queueOnce, replay, requestHash } from './idempotent-send.ts';
import { queueMessageRow } from './queue-message.ts';

const input = z.object({
  conversationId: z.string(),
  channel: z.enum(['SMS', 'WHATSAPP']).default('WHATSAPP'),
  idempotencyKey,
});

/**
 * Sends the tenant's re-engagement template on a channel with a session window
 * (WhatsApp), the one message allowed outside it: the text rendered with the
 * company and the job (a prospect's community), queued as the provider-approved
 * template with those two as parameters. Consent and every other rule of the
 * send policy apply as to any message; the candidate's reply opens the window.
 */
export async function sendReengagementTemplate(
  scope: TenantScope,
  deps: MessagingDeps,
  actor: TenantActor,
  raw: z.input<typeof input>,
) {
  const data = parseInput(input, raw);
  const hash = requestHash(['reengagement', data.conversationId, data.channel]);
  const answer = await askSendPolicy(scope, deps.channels, actor, {
    conversationId: data.conversationId,
    channel: data.channel,
    kind: 'CHAT',
    template: true,
    body: (facts) => reengagementFor(facts).body,
    attachments: [],
    idempotencyKey: data.idempotencyKey,
  });
  if (answer.replay) return replay(answer.replay, hash);
  const { decision, facts } = answer;
  const [refusal] = decision.refusals;
  if (refusal) throw refusal;
  return queueOnce(scope, deps, { idempotencyKey: data.idempotencyKey, hash }, () =>
    queueMessageRow(scope.tenantId, scope.db, {
      conversationId: facts.conversationId as string,
      sendingNumber: decision.number as RoutedNumber,
      authorId: actor.kind === 'user' ? actor.userId : null,
      channel: data.channel,
      kind: 'CHAT',
      to: decision.to as string,
      body: decision.body,
      cost: decision.cost,
      idempotencyKey: data.idempotencyKey,
      requestHash: hash,
      credits: { cost: decision.credits, actor: ledgerActor(actor) },
      template: decision.reengagement,
    }),
  );
}
