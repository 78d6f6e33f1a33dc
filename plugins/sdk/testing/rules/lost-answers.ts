import { expect } from 'vitest';
import { outbound, type RuleContext, sendError, uniqueBody, vendorHas } from './helpers.ts';

/** A send whose answer is lost (a 5xx, a reset) is `unclear`, and findSent finds what the vendor created. */
export async function lostAnswers(ctx: RuleContext) {
  const { h, provider } = ctx;
  if (!h.loseNextAnswer) {
    expect(h.plugin.simulated, 'only a simulator may have no lost answers (loseNextAnswer: null)').toBe(true);
    return;
  }
  for (const how of ['server-error', 'reset'] as const) {
    const body = uniqueBody(`unclear ${how}`);
    h.loseNextAnswer(h.to, how);
    const error = await sendError(provider, outbound(ctx, body));
    expect(error.outcome, `a lost answer (${how}) is unclear`).toBe('unclear');
    expect(await vendorHas(ctx, body), `findSent finds what the vendor created before the ${how}`).not.toBe(false);
  }
}
