import { expect } from 'vitest';
import { ChannelError, type WebhookRequest } from '../../contract.ts';
import { inboundOf, outbound, type RuleContext, statusOf, uniqueBody } from './helpers.ts';

const garbled = (raw: string) => ['', '{}', `${raw}&${raw}`, `${raw}&Body=%FF`, `${raw}%00`];

/** A signed request that is not what the vendor sends is refused as a ChannelError (the core answers 400). */
export async function malformedWebhooks(ctx: RuleContext) {
  const { h, provider, url, statusUrl } = ctx;
  const { providerMessageId } = await provider.send(outbound(ctx, uniqueBody('malformed')));
  const inbound = h.signedInbound({ url, from: h.to, to: h.from, body: 'hello' });
  const vendorStatus = h.statusSequence.at(-1)?.vendorStatus ?? '';
  const status = h.signedStatus({ url: statusUrl, providerMessageId, vendorStatus });
  const parsers: [string, WebhookRequest, (r: WebhookRequest) => unknown][] = [
    ['inbound', inbound, (r) => inboundOf(provider, r)],
    ['status', status, (r) => statusOf(provider, r)],
  ];
  for (const [kind, good, parse] of parsers) {
    expect(() => parse(good), `a well-formed ${kind} webhook parses`).not.toThrow();
    for (const rawBody of garbled(good.rawBody)) {
      expect(() => parse({ ...good, rawBody }), `a malformed ${kind} webhook: ${rawBody.slice(-20)}`).toThrow(
        ChannelError,
      );
    }
  }
}
