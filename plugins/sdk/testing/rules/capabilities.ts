import { expect } from 'vitest';
import { outbound, type RuleContext, uniqueBody } from './helpers.ts';

/**
 * The declared capabilities fit the channel: SMS has no session window;
 * WhatsApp has one, is not billed per segment, takes no SMS-style consent
 * invitations, and sends approved templates (what may go outside the window);
 * a carrier that acts on STOP lets Parley see the STOP; billing per segment needs segments.
 */
export async function capabilities(ctx: RuleContext) {
  const { h, provider } = ctx;
  const caps = h.plugin.capabilities;
  expect(Number.isInteger(caps.maxLength) && caps.maxLength > 0, 'maxLength is a positive whole number').toBe(true);
  if (caps.carrierHandlesKeywords) expect(caps.optOutObservable, 'a STOP the carrier acts on is observable').toBe(true);
  const billing = h.plugin.billing;
  if (billing) {
    expect(caps.segmented, 'a plugin billed per segment is segmented').toBe(true);
    expect(billing.creditsPerSegment, 'billing.creditsPerSegment is positive').toBeGreaterThan(0);
  }
  if (h.plugin.channel === 'SMS') {
    expect(caps.sessionWindowHours, 'SMS has no session window').toBeNull();
    return;
  }
  expect(caps.sessionWindowHours, 'WhatsApp has a session window, in hours').toBeGreaterThan(0);
  expect(caps.segmented, 'WhatsApp is not billed per SMS segment').toBe(false);
  expect(caps.consentInvitations, 'WhatsApp takes no SMS-style consent invitation').toBe(false);
  expect(h.approvedTemplate, 'a plugin with a session window names an approvedTemplate').toBeDefined();
  const template = h.approvedTemplate ?? { name: '', language: '', parameters: [] };
  const sent = await provider.send(outbound(ctx, uniqueBody('template'), { template }));
  expect(['QUEUED', 'SENT', 'DELIVERED'], 'an approved template is sent').toContain(sent.status);
}
