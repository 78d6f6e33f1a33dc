import { z } from 'zod';
import type { TenantActor } from '../../auth/actor.ts';
import type { TenantScope } from '../../domain/scope.ts';
import { parseInput } from '../../domain/validate.ts';
import { parseKind } from '../kinds/message-kinds.ts';
import { askSendPolicy } from '../send-policy/index.ts';
import { type ReengagementFacts, reengagementFor } from '../send-policy/reengagement.ts';
import type { MessagingDeps } from './deps.ts';

const previewInput = z.object({
  conversationId: z.string(),
  channel: z.enum(['SMS', 'WHATSAPP']),
  body: z.string().max(100_000, 'is far too long to preview'),
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
  const answer = await askSendPolicy(scope, deps.channels, actor, {
    ...data,
    ...parseKind(data),
    idempotencyKey: null,
    hold: Boolean(data.holdUntilAllowed),
    // The re-engagement template: its own text, allowed outside the session window.
    ...(data.template
      ? { template: true, body: (facts: ReengagementFacts) => reengagementFor(facts).body }
      : { template: false }),
  });
  if (answer.replay) throw new Error('a preview asks with no idempotency key');
  return answer.decision;
}
