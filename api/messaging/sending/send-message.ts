import { z } from 'zod';
import type { TenantActor } from '../../auth/actor.ts';
import { ledgerActor } from '../../credits/cost.ts';
import { ValidationError } from '../../domain/errors.ts';
import type { TenantScope } from '../../domain/scope.ts';
import { parseInput } from '../../domain/validate.ts';
import { templateForSend, templateInput } from '../../templates/template-for-send.ts';
import { parseKind } from '../kinds/message-kinds.ts';
import { askSendPolicy } from '../send-policy/index.ts';
import type { RoutedNumber } from '../send-policy/routing.ts';
import type { MessagingDeps } from './deps.ts';
import { idempotencyKey, queueOnce, replay, requestHash } from './idempotent-send.ts';
import { queueMessageRow } from './queue-message.ts';

const sendInput = z.object({
  conversationId: z.string(),
  channel: z.enum(['SMS', 'WHATSAPP']),
  /** The text; or `template` instead: exactly one of them. */
  body: z.string().nullish(),
  /** One of the tenant's templates and the values passed at send ({interview.bookingLink}, {custom.…}). */
  template: templateInput.nullish(),
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
  if ((data.body == null) === (data.template == null)) throw ValidationError.of('body', 'give either body or template');
  // A template is rendered before the send policy decides (once the conversation is known to be readable).
  const templated = data.template
    ? await templateForSend(scope, actor, data.conversationId, data.channel, data.template)
    : null;
  const kind = parseKind(templated && !data.kind ? templated : data);
  const hash = requestHash([
    data.conversationId,
    data.channel,
    data.template ? ['template', data.template.templateId, data.template.values] : data.body,
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
    body: templated ? () => templated.render().body : (data.body as string),
    template: Boolean(templated?.providerTemplate),
    hold: Boolean(data.holdUntilAllowed),
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
      ...kind,
      to: decision.to as string,
      body: decision.body,
      cost: decision.cost,
      credits: { cost: decision.credits, actor: ledgerActor(actor) },
      idempotencyKey: data.idempotencyKey,
      requestHash: hash,
      sendAt: decision.sendAt,
      template: templated?.providerTemplate && {
        ...templated.providerTemplate,
        parameters: templated.render().parameters,
      },
    }),
  );
}
