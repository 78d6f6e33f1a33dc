import { expect } from 'vitest';
import { inboundOf, type RuleContext } from './helpers.ts';

/** An inbound webhook parses into who sent what to which number, with its media counted. */
export async function inboundParsing({ h, provider, url }: RuleContext) {
  const inbound = inboundOf(provider, h.signedInbound({ url, from: h.to, to: h.from, body: 'Yes please' }));
  expect(inbound).toMatchObject({ from: h.to, to: h.from, body: 'Yes please', providerMessageId: expect.any(String) });
  expect(Number.isInteger(inbound.mediaCount) && inbound.mediaCount >= 0, 'mediaCount is a count').toBe(true);
  expect(provider.webhookReply.contentType).toEqual(expect.any(String));
}
