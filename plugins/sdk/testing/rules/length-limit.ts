import { expect } from 'vitest';
import { outbound, type RuleContext, sendError, uniqueBody, vendorHas } from './helpers.ts';

const fill = (prefix: string, char: string, length: number) => prefix + char.repeat(length - prefix.length);

/**
 * `maxLength` is true: a body of exactly that many characters (JavaScript
 * string length, as the core counts) is sent whole, as one message, even in
 * UCS-2 on a segmented channel; one character more never becomes a message
 * (the plugin or its vendor refuses it: REJECTED, not transient).
 */
export async function lengthLimit(ctx: RuleContext) {
  const { h, provider } = ctx;
  const max = h.plugin.capabilities.maxLength;
  const bodies = [fill(uniqueBody('longest'), 'a', max)];
  if (h.plugin.capabilities.segmented) bodies.push(fill(uniqueBody('longest UCS-2'), 'ж', max));
  for (const body of bodies) {
    const sent = await provider.send(outbound(ctx, body));
    expect(sent.providerMessageId, `a body of maxLength (${max}) is sent`).toEqual(expect.any(String));
    expect(await vendorHas(ctx, body), `the vendor has the whole body of ${max} characters`).not.toBe(false);
  }
  const tooLong = fill(uniqueBody('too long'), 'a', max + 1);
  const error = await sendError(provider, outbound(ctx, tooLong));
  expect(error, `a body of ${max + 1} characters is refused`).toMatchObject({
    code: 'REJECTED',
    transient: false,
    outcome: 'refused',
  });
  expect(await vendorHas(ctx, tooLong), `a body of ${max + 1} characters never becomes a message`).not.toBe(true);
}
