import { expect } from 'vitest';
import { outbound, type RuleContext, statusOf, uniqueBody } from './helpers.ts';

/**
 * A send returns the provider's id, and findSent finds that message again (not
 * one it was told to exclude, not outside the window), so the core can settle
 * an attempt whose answer it lost. A provider that keeps nothing to look in
 * (`reconciliation: 'status-webhook'`) must echo the correlation id in its statuses instead.
 */
export async function sendAndFind(ctx: RuleContext) {
  const { h, provider } = ctx;
  const body = uniqueBody('conformance');
  const correlationId = `corr-${Date.now()}`;
  const since = new Date(Date.now() - 1000);
  const sent = await provider.send(outbound(ctx, body, { correlationId }));
  expect(sent.providerMessageId).toEqual(expect.any(String));
  expect(['QUEUED', 'SENT', 'DELIVERED']).toContain(sent.status);
  const until = new Date(Date.now() + 1000);
  if (provider.reconciliation === 'status-webhook') {
    const status = h.statusSequence.at(-1)?.vendorStatus ?? 'delivered';
    const update = statusOf(
      provider,
      h.signedStatus({
        url: ctx.statusUrl,
        providerMessageId: sent.providerMessageId,
        vendorStatus: status,
        correlationId,
      }),
    );
    expect(update.correlationId, 'a provider that cannot find messages echoes correlationId').toBe(correlationId);
    return;
  }
  const query = { from: h.from, to: h.to, body, since, until, exclude: [], correlationId };
  const found = await provider.findSent(query);
  expect(found?.providerMessageId, 'findSent finds the message just sent').toBe(sent.providerMessageId);
  const excluded = await provider.findSent({ ...query, exclude: [sent.providerMessageId] });
  expect(excluded, 'findSent skips the ids it is told to exclude').toBeNull();
  const later = await provider.findSent({ ...query, since: until, until: new Date(Date.now() + 5000) });
  expect(later, 'findSent keeps to the window').toBeNull();
}
