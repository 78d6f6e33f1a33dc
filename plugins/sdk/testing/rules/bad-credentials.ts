import { expect } from 'vitest';
import { outbound, type RuleContext, sendError, uniqueBody } from './helpers.ts';

/**
 * Credentials the vendor refuses are reported as such: AUTHENTICATION_FAILED,
 * not worth retrying, saying the credentials were refused, and naming no secret.
 */
export async function badCredentials(ctx: RuleContext) {
  const { h } = ctx;
  if (!h.badCredentials) {
    expect(h.plugin.simulated, 'only a simulator may have no credentials to refuse (badCredentials: null)').toBe(true);
    return;
  }
  expect(h.plugin.credentials.safeParse(h.badCredentials).success, 'badCredentials pass the schema').toBe(true);
  const provider = h.plugin.create(h.badCredentials, { apiBaseUrl: h.apiBaseUrl });
  const error = await sendError(provider, outbound(ctx, uniqueBody('bad credentials')));
  expect(error).toMatchObject({ code: 'AUTHENTICATION_FAILED', transient: false, outcome: 'refused' });
  expect(error.message, 'the message says the credentials were refused').toMatch(/credential/i);
  for (const key of h.plugin.secretKeys) {
    for (const secret of [h.badCredentials[key], h.credentials[key]]) {
      if (secret) expect(error.message, `the message names no secret (${key})`).not.toContain(secret);
    }
  }
}
