import { expect } from 'vitest';
import type { DeliveryStatus } from '../../contract.ts';
import { outbound, type RuleContext, statusOf, uniqueBody } from './helpers.ts';

const rank: Record<DeliveryStatus, number> = { QUEUED: 0, SENT: 1, DELIVERED: 2, READ: 3, UNDELIVERED: 4, FAILED: 4 };

/**
 * The statuses a vendor reports for a sent message come back under that
 * message's id, in the core's words and order (QUEUED, SENT, DELIVERED, READ), and a
 * message that was not delivered carries the reason, mapped to the core's codes.
 */
export async function statusOrdering(ctx: RuleContext) {
  const { h, provider } = ctx;
  const expected = h.statusSequence.map((s) => s.expected);
  expect(expected, 'statusSequence reports SENT and DELIVERED').toEqual(expect.arrayContaining(['SENT', 'DELIVERED']));
  expect(['DELIVERED', 'READ'], 'statusSequence ends DELIVERED (or READ)').toContain(expected.at(-1));
  expect(expected, 'statusSequence is in delivery order').toEqual([...expected].sort((a, b) => rank[a] - rank[b]));

  const sent = await provider.send(outbound(ctx, uniqueBody('status')));
  for (const step of h.statusSequence) {
    const { providerMessageId } = sent;
    const request = h.signedStatus({ url: ctx.statusUrl, providerMessageId, vendorStatus: step.vendorStatus });
    const update = statusOf(provider, request);
    expect(update.providerMessageId, 'a status names the message it is about').toBe(sent.providerMessageId);
    expect(update.status, `vendor status ${step.vendorStatus}`).toBe(step.expected);
    expect(update.error, `vendor status ${step.vendorStatus} carries no error`).toBeUndefined();
  }

  const failed = await provider.send(outbound(ctx, uniqueBody('status failure')));
  const { vendorStatus, vendorErrorCode, expected: outcome } = h.statusFailure;
  const update = statusOf(
    provider,
    h.signedStatus({ url: ctx.statusUrl, providerMessageId: failed.providerMessageId, vendorStatus, vendorErrorCode }),
  );
  expect(update.providerMessageId).toBe(failed.providerMessageId);
  expect(update.status).toBe(outcome.status);
  expect(update.error, 'a failed delivery says why, in the core vocabulary').toMatchObject({
    code: outcome.code,
    providerCode: vendorErrorCode,
    message: expect.stringMatching(/\S/),
  });
}
