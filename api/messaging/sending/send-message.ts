import { z } from 'zod';
import type { TenantActor } from '../../auth/actor.ts';
import { ledgerActor } from '../../credits/cost.ts';
import type { TenantScope } from '../../domain/scope.ts';
import { parseInput } from '../../domain/validate.ts';
import { parseKind } from '../kinds/message-kinds.ts';
import { askSendPolicy } from '../send-policy/index.ts';
import type { RoutedNumber } from '../send-policy/routing.ts';
import type { MessagingDeps } from './deps.ts';
import { idempotencyKey, queueOnce, replay, requestHash } from './idempotent-send.ts';
import { queueMessage } from './queue-message.ts';

const sendInput = z.object({
  conversationId: z.string(),
  channel: z.enum(['SMS', 'WHATSAPP']),
  body: z.string(),
  idempotencyKey,
  attachments: z.array(z.string()).default([]),
  kind: z.string().nullish(),
  customKind: z.string().nullish(),
  sendAt: z.date().nullish(),
  holdUntilAllowed: z.boolean().nullish(),
});

export type SendMessageInput = z.input<typeof sendInput>;

/**
 * Queues a recruiter's message: the send policy decides (one statement), a
 * refusal comes back as its typed error and writes nothing, and the message,
 * its outbox row and its event are written in one statement.
 */
export async function sendMessage(
  scope: TenantScope,
  deps: MessagingDeps,
  actor: TenantActor,
  input: SendMessageInput,
) {
  const data = parseInput(sendInput, input);
  const kind = parseKind(data);
  const hash = requestHash([
    data.conversationId,
    data.channel,
    data.body,
    data.attachments,
    kind.kind,
    kind.customKind,
    ...(data.sendAt || data.holdUntilAllowed
      ? [data.sendAt?.toISOString() ?? null, Boolean(data.holdUntilAllowed)]
      : []),
  ]);
  const answer = await askSendPolicy(scope, deps.channels, actor, {
    ...data,
    ...kind,
    hold: Boolean(data.holdUntilAllowed),
  });
  if (answer.replay) return replay(answer.replay, hash);
  const { decision, facts } = answer;
  const [refusal] = decision.refusals;
  if (refusal) throw refusal;
  return queueOnce(scope, deps, { idempotencyKey: data.idempotencyKey, hash }, () =>
    queueMessage(scope.tenantId, scope.db, {
      conversationId: facts.conversationId as string,
      sendingNumber: decision.number as RoutedNumber,
      authorId: actor.kind === 'user' ? actor.userId : null,
      channel: data.channel,
      ...kind,
      to: decision.to as string,
      body: data.body,
      cost: decision.cost,
      credits: { cost: decision.credits, actor: ledgerActor(actor) },
      idempotencyKey: data.idempotencyKey,
      requestHash: hash,
      sendAt: decision.sendAt,
    }),
  );
}
