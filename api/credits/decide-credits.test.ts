import { describe, expect, it } from 'vitest';
import { InsufficientCreditsError } from '../domain/errors.ts';
import { type ChannelOffer, decide, type SendRequest } from '../messaging/send-policy/decide.ts';
import type { PoolNumber, SendFacts } from '../messaging/send-policy/facts.ts';
import { baseFacts, recruiter } from '../messaging/send-policy/test-facts.ts';

// The send policy's credit rule, alone: only a number whose account's plugin is credit-billed costs credits.

const number = (id: string, pluginId: string | null): PoolNumber => ({
  id,
  e164: '+447700900100',
  country: 'GB',
  accountId: pluginId ? `acct-${id}` : null,
  accountStatus: pluginId ? 'ACTIVE' : null,
  pluginId,
});
const facts: SendFacts = {
  ...baseFacts,
  accountPlugins: ['credit-sms'],
  requireSeat: false,
  canSend: true,
  pool: [number('credit', 'credit-sms')],
  creditBalance: 2,
};
const offer: ChannelOffer = {
  capabilities: {
    maxLength: 1600,
    media: false,
    segmented: true,
    sessionWindowHours: null,
    carrierHandlesKeywords: false,
    optOutObservable: true,
    consentInvitations: true,
  },
  creditsPerSegment: (n) => (n.pluginId === 'credit-sms' ? 1 : 0),
};
const chat = (body: string): SendRequest => ({ actor: recruiter, channel: 'SMS', kind: 'CHAT', body, attachments: [] });

describe('the send policy prices credit-billed messages', () => {
  it('costs segments × credits per segment through a credit-billed account, and refuses what the balance cannot pay', () => {
    const two = decide(facts, chat('a'.repeat(161)), offer);
    expect([two.cost.segments, two.credits, two.refusals]).toEqual([2, 2, []]);
    const three = decide(facts, chat('a'.repeat(307)), offer);
    expect(three.credits).toBe(3);
    expect(three.refusals).toEqual([new InsufficientCreditsError(2, 3)]);
    expect(three.refusals[0]).toMatchObject({ code: 'INSUFFICIENT_CREDITS', balance: 2, cost: 3 });
  });

  it('costs nothing, whatever the balance, through an account that is not credit-billed or the platform’s', () => {
    for (const n of [number('twilio', 'twilio-sms'), number('platform', null)]) {
      const d = decide({ ...facts, creditBalance: 0, pool: [n] }, chat('a'.repeat(400)), offer);
      expect([d.credits, d.refusals]).toEqual([0, []]);
    }
  });

  it('prices the conversation’s own number over the pool', () => {
    const kept = decide({ ...facts, number: number('twilio', 'twilio-sms'), creditBalance: 0 }, chat('hi'), offer);
    expect(kept.credits).toBe(0);
  });

  it('charges a UCS-2 body by its 70 / 67 parts', () => {
    expect(decide(facts, chat('ж'.repeat(70)), offer).credits).toBe(1);
    expect(decide({ ...facts, creditBalance: 5 }, chat('ж'.repeat(71)), offer).credits).toBe(2);
  });
});
