import { expect } from 'vitest';
import type { WebhookRequest } from '../../contract.ts';
import { outbound, type RuleContext, uniqueBody } from './helpers.ts';

/**
 * Only what the vendor signed, for this URL (when its signature covers the URL),
 * this body and this account's secret, is accepted: inbound messages and status
 * callbacks alike.
 */
export async function forgedWebhooks(ctx: RuleContext) {
  const { h, provider, url, statusUrl } = ctx;
  const sent = await provider.send(outbound(ctx, uniqueBody('signed')));
  const status = (vendorStatus: string) =>
    h.signedStatus({ url: statusUrl, providerMessageId: sent.providerMessageId, vendorStatus });
  const [delivered, sentStatus] = [h.statusSequence.at(-1), h.statusSequence.at(-2) ?? h.statusFailure];
  const kinds: [string, WebhookRequest, WebhookRequest][] = [
    [
      'inbound',
      h.signedInbound({ url, from: h.to, to: h.from, body: 'hello' }),
      h.signedInbound({ url, from: h.to, to: h.from, body: 'hellp' }),
    ],
    ['status', status(delivered?.vendorStatus ?? ''), status(sentStatus?.vendorStatus ?? '')],
  ];
  const otherAccount = h.plugin.create(
    { ...h.credentials, ...Object.fromEntries(h.plugin.secretKeys.map((k) => [k, 'f'.repeat(32)])) },
    { apiBaseUrl: h.apiBaseUrl },
  );
  for (const [kind, good, another] of kinds) {
    expect(provider.verifyWebhook(good), `the signed ${kind} webhook is accepted`).toBe(true);
    const forged: Record<string, WebhookRequest> = {
      unsigned: { ...good, headers: {} },
      'signed for another body': { ...good, rawBody: another.rawBody },
      ...(h.signatureCovers === 'body' ? {} : { 'signed for another URL': { ...good, url: `${good.url}&y=2` } }),
      'with empty signature headers': {
        ...good,
        headers: Object.fromEntries(Object.keys(good.headers).map((k) => [k, ''])),
      },
    };
    for (const [what, request] of Object.entries(forged)) {
      expect(provider.verifyWebhook(request), `the ${kind} webhook ${what} is refused`).toBe(false);
    }
    expect(otherAccount.verifyWebhook(good), `the ${kind} webhook signed for another account is refused`).toBe(false);
  }
}
