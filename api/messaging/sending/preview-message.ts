import { z } from 'zod';
import type { TenantActor } from '../../auth/actor.ts';
import { ValidationError } from '../../domain/errors.ts';
import type { TenantScope } from '../../domain/scope.ts';
import { parseInput } from '../../domain/validate.ts';
import { templateForSend, templateInput } from '../../templates/template-for-send.ts';
import { parseKind } from '../kinds/message-kinds.ts';
import { askSendPolicy } from '../send-policy/index.ts';
import { type ReengagementFacts, reengagementFor } from '../send-policy/reengagement.ts';
import type { MessagingDeps } from './deps.ts';

const previewInput = z.object({
  conversationId: z.string(),
  channel: z.enum(['SMS', 'WHATSAPP']),
  body: z.string().max(100_000, 'is far too long to preview').nullish(),
  /** One of the tenant's templates, rendered as sendMessage would (instead of `body`). */
  messageTemplate: templateInput.nullish(),
  attachments: z.array(z.string()).default([]),
  kind: z.string().nullish(),
  customKind: z.string().nullish(),
  template: z.boolean().nullish(),
  sendAt: z.date().nullish(),
  holdUntilAllowed: z.boolean().nullish(),
});

/**
 * What the send policy would answer for this message now, without writing
 * anything: every refusal, the cost, the number and when it could go. One
 * statement, so a composer can ask on every keystroke.
 */
export async function previewMessage(
  scope: TenantScope,
  deps: MessagingDeps,
  actor: TenantActor,
  input: z.input<typeof previewInput>,
) {
  const data = parseInput(previewInput, input);
  if (data.messageTemplate && (data.body != null || data.template)) {
    throw ValidationError.of('messageTemplate', 'give either body, template or messageTemplate');
  }
  if (!data.messageTemplate && data.body == null && !data.template) throw ValidationError.of('body', 'is required');
  const templated = data.messageTemplate
    ? await templateForSend(scope, actor, data.conversationId, data.channel, data.messageTemplate)
    : null;
  // A value still missing is a refusal like any other; the cost is of the text with its fields still in braces.
  let unrendered: ValidationError | null = null;
  const rendered = (t: NonNullable<typeof templated>) => {
    try {
      return t.render().body;
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      unrendered = error;
      return t.body;
    }
  };
  const answer = await askSendPolicy(scope, deps.channels, actor, {
    ...data,
    ...parseKind(templated && !data.kind ? templated : data),
    idempotencyKey: null,
    hold: Boolean(data.holdUntilAllowed),
    // The re-engagement template: its own text, allowed outside the session window.
    body: data.template
      ? (facts: ReengagementFacts) => reengagementFor(facts).body
      : templated
        ? () => rendered(templated)
        : (data.body ?? ''),
    template: Boolean(data.template || templated?.providerTemplate),
  });
  if (answer.replay) throw new Error('a preview asks with no idempotency key');
  const { decision } = answer;
  return unrendered ? { ...decision, refusals: [unrendered, ...decision.refusals] } : decision;
}
