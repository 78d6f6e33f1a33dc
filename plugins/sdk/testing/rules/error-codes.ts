import { expect } from 'vitest';
import { outbound, type RuleContext, sendError, uniqueBody, vendorHas } from './helpers.ts';

/**
 * Every vendor refusal the harness lists arrives in the core vocabulary: the
 * expected code, transient or not, `refused`, with the vendor's code kept, and
 * nothing created at the vendor.
 */
export async function errorCodes(ctx: RuleContext) {
  const { h, provider } = ctx;
  expect(
    h.vendorErrors.some((c) => !c.transient),
    'vendorErrors lists a permanent refusal',
  ).toBe(true);
  if (!h.plugin.simulated) {
    expect(
      h.vendorErrors.some((c) => c.transient),
      'vendorErrors lists a transient refusal (a rate limit)',
    ).toBe(true);
  }
  for (const { vendorCode, expected, transient } of h.vendorErrors) {
    const body = uniqueBody(`refused ${vendorCode}`);
    const to = h.refuseNextSend(vendorCode);
    const error = await sendError(provider, outbound(ctx, body, { to }));
    expect(error, `vendor error ${vendorCode}`).toMatchObject({
      code: expected,
      transient,
      outcome: 'refused',
      providerCode: vendorCode,
    });
    expect(await vendorHas(ctx, body, to), `vendor error ${vendorCode} created nothing`).not.toBe(true);
  }
}
