import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { TenantActor } from '../../auth/actor.ts';
import { IdempotencyKeyReusedError } from '../../domain/errors.ts';
import { isUniqueViolation } from '../../domain/prisma-errors.ts';
import type { TenantScope } from '../../domain/scope.ts';
import { parseInput } from '../../domain/validate.ts';
import { askSendPolicy } from '../send-policy/index.ts';
import { reengagementFor } from '../send-policy/reengagement.ts';
import type { RoutedNumber } from '../send-policy/routing.ts';
import type { MessagingDeps } from './deps.ts';
import { queueMessage } from './queue-message.ts';

const input = z.object({
  conversationId: z.string(),
  channel: z.enum(['SMS', 'WHATSAPP']).default('WHATSAPP'),
  idempotencyKey: z.string().trim().min(8, 'must be at least 8 characters').max(200, 'must be at most 200 characters'),
});

/** A retry with the same key gets the first message; the same key for something else is refused. */
function replay(existing: { id: string; requestHash: string | null }, hash: string) {
  if (existing.requestHash !== hash) throw new IdempotencyKeyReusedError();
  return { messageId: existing.id };
}

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
  const hash = createHash('sha256')
    .update(JSON.stringify(['reengagement', data.conversationId, data.channel]))
    .digest('hex');
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
  let messageId: string;
  try {
    messageId = await queueMessage(scope.tenantId, scope.db, {
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
      template: decision.reengagement,
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const first = await scope.db.message.findUnique({
      where: { tenantId_idempotencyKey: { tenantId: scope.tenantId, idempotencyKey: data.idempotencyKey } },
    });
    if (!first) throw error;
    return replay(first, hash);
  }
  scope.events.relayNow();
  deps.wakeOutbox();
  return { messageId };
}
