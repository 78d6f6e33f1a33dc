import { expect } from 'vitest';
import { inboundOf, type RuleContext } from './helpers.ts';

/**
 * Vendors redeliver webhooks: the same request parsed twice gives the same
 * provider id, so the core stores the message once; another message gets another id.
 */
export async function idempotentInbound({ h, provider, url }: RuleContext) {
  const request = h.signedInbound({ url, from: h.to, to: h.from, body: 'once' });
  const first = inboundOf(provider, request);
  const again = inboundOf(provider, { ...request, headers: { ...request.headers } });
  expect(again.providerMessageId, 'a redelivered webhook has the same id').toBe(first.providerMessageId);
  const other = inboundOf(provider, h.signedInbound({ url, from: h.to, to: h.from, body: 'once' }));
  expect(other.providerMessageId, 'another message has another id').not.toBe(first.providerMessageId);
}
