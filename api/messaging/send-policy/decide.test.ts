import { describe, expect, it } from 'vitest';
import type { TenantActor } from '../../auth/actor.ts';
import { decide, type SendRequest } from './decide.ts';
import type { SendFacts } from './facts.ts';
import { baseFacts, platformNumber, recruiter, smsCapabilities } from './test-facts.ts';

const sms = { capabilities: smsCapabilities };
const admin: TenantActor = { ...recruiter, role: 'ADMIN' };
const apiKey: TenantActor = { kind: 'apiKey', tenantId: 't', apiKeyId: 'k' };

const facts: SendFacts = baseFacts;
const chat: SendRequest = { actor: recruiter, channel: 'SMS', kind: 'CHAT', body: 'Hello', attachments: [] };

const codes = (f: Partial<SendFacts>, r: Partial<SendRequest> = {}, offer: typeof sms | null = sms) =>
  decide({ ...facts, ...f }, { ...chat, ...r }, offer).refusals.map(
    (e) => `${e.code}${'reason' in e ? `:${String(e.reason)}` : ''}`,
  );

describe('the send policy', () => {
  it('decides who may send: a user on the team, with a seat and the permission the tenant requires', () => {
    const table: [string, Partial<SendFacts>, Partial<SendRequest>, string[]][] = [
      ['team member with a seat', {}, {}, []],
      ['an API key', {}, { actor: apiKey }, ['SEND_NOT_ALLOWED:NOT_A_USER']],
      ['an admin not on the team', { onTeam: false }, { actor: admin }, ['SEND_NOT_ALLOWED:NOT_ON_HIRING_TEAM']],
      ['no seat', { hasSeat: false }, {}, ['SEND_NOT_ALLOWED:NO_SEAT']],
      ['no seat, none required', { hasSeat: false, requireSeat: false }, {}, []],
      ['no permission, required', { requireSendPermission: true }, {}, ['SEND_NOT_ALLOWED:NO_SEND_PERMISSION']],
      ['with permission', { requireSendPermission: true, canSend: true }, {}, []],
    ];
    for (const [who, f, r, expected] of table) expect(codes(f, r), who).toEqual(expected);
  });

  it('returns every reason at once, the most fundamental first', () => {
    expect(
      codes(
        { hasSeat: false, consent: 'OPTED_OUT', optOutSource: 'KEYWORD', pool: [] },
        { body: ' ', attachments: ['x'] },
      ),
    ).toEqual([
      'VALIDATION',
      'ATTACHMENTS_NOT_SUPPORTED',
      'SEND_NOT_ALLOWED:NO_SEAT',
      'CONVERSATION_LOCKED:OPTED_OUT',
      'NO_SENDING_NUMBER',
    ]);
    expect(codes({}, { body: 'x'.repeat(1601) })).toEqual(['MESSAGE_TOO_LONG']);
    expect(codes({}, {}, null)).toEqual(['CHANNEL_UNAVAILABLE']);
  });

  it('names every reason in one decision: access, body, kind, consent, allowance, credits and quiet hours', () => {
    // Everything wrong at once, on a credit-billed number whose month is used up, at night in London.
    const billed = {
      ...platformNumber('n-gb', '+447700900999', 'GB'),
      accountId: 'a',
      accountStatus: 'ACTIVE' as const,
    };
    const all = decide(
      {
        ...facts,
        requireSendPermission: true,
        hasSeat: false,
        kindForbidden: true,
        consent: 'OPTED_OUT',
        optOutSource: 'KEYWORD',
        pool: [billed],
        allowances: { 'n-gb': { allowance: 10, used: 10 } },
        creditBalance: 0,
        quietHoursStart: '21:00',
        quietHoursEnd: '08:00',
        now: new Date('2026-11-27T22:30:00Z'),
      },
      { ...chat, kind: 'REJECTION', body: `${'x'.repeat(1600)}ж`, attachments: ['https://example.com/cv.pdf'] },
      { ...sms, creditsPerSegment: () => 2 },
    );
    expect(all.refusals.map((e) => `${e.code}${'reason' in e ? `:${String(e.reason)}` : ''}`)).toEqual([
      'MESSAGE_TOO_LONG',
      'ATTACHMENTS_NOT_SUPPORTED',
      'MESSAGE_KIND_NOT_ALLOWED',
      'SEND_NOT_ALLOWED:NO_SEAT',
      'SEND_NOT_ALLOWED:NO_SEND_PERMISSION',
      'CONVERSATION_LOCKED:OPTED_OUT',
      'ALLOWANCE_EXHAUSTED',
      'INSUFFICIENT_CREDITS',
      'QUIET_HOURS',
    ]);
    // The cost, the number and the time are answered all the same.
    expect(all).toMatchObject({
      number: { id: 'n-gb' },
      cost: { encoding: 'UCS-2', segments: 24, ucs2Characters: ['ж'] },
      credits: 48,
    });
    // Number assignment: a sender assigned to none of the pool's numbers.
    expect(codes({ requireNumberAssignment: true, assignedNumberIds: ['n-other'] })).toEqual([
      'SEND_NOT_ALLOWED:NOT_ASSIGNED_TO_NUMBER',
    ]);
    // The session window: free text on WhatsApp the candidate never wrote on, but not its template.
    const whatsapp = { capabilities: { ...smsCapabilities, sessionWindowHours: 24, consentInvitations: false } };
    const wa = { enabledChannels: ['SMS', 'WHATSAPP'] as ('SMS' | 'WHATSAPP')[], consent: 'OPTED_IN' as const };
    expect(codes(wa, { channel: 'WHATSAPP' }, whatsapp)).toEqual(['SESSION_WINDOW_CLOSED']);
    expect(codes(wa, { channel: 'WHATSAPP', template: true }, whatsapp)).toEqual([]);
  });

  it('refuses a kind the tenant forbids on the channel, and a tenant kind that does not exist', () => {
    expect(codes({}, { kind: 'REJECTION' })).toEqual([]);
    expect(codes({ kindForbidden: true }, { kind: 'REJECTION' })).toEqual(['MESSAGE_KIND_NOT_ALLOWED']);
    const refusal = decide({ ...facts, kindForbidden: true }, { ...chat, kind: 'REJECTION' }, sms).refusals[0];
    expect(refusal?.message).toContain('rejection messages by SMS');
    const custom = decide(
      { ...facts, customKindDefined: false },
      { ...chat, kind: 'CUSTOM', customKind: 'nudge' },
      sms,
    );
    expect(custom.refusals.map((e) => [e.code, 'field' in e ? e.field : null])).toEqual([['VALIDATION', 'customKind']]);
  });

  it('applies the tenant’s consent model', () => {
    expect(codes({ consent: 'CONSENTED' })).toEqual(['CONVERSATION_LOCKED:NO_CONSENT']);
    expect(codes({ consent: 'CONSENTED', consentModel: 'APPLICATION_OPT_IN' })).toEqual([]);
    expect(codes({ consent: 'NONE', consentModel: 'LEGITIMATE_INTEREST' })).toEqual([]);
    expect(codes({ consent: 'NONE', consentModel: 'LEGITIMATE_INTEREST', about: 'PROSPECT' })).toEqual([
      'CONVERSATION_LOCKED:NO_CONSENT',
    ]);
    expect(codes({ consent: 'OPTED_OUT', optOutSource: 'KEYWORD', consentModel: 'LEGITIMATE_INTEREST' })).toEqual([
      'CONVERSATION_LOCKED:OPTED_OUT',
    ]);
  });

  it('lets an invitation go only where it can ask for consent', () => {
    const invite = { kind: 'CONSENT_INVITE' as const };
    expect(codes({ consent: 'CONSENTED' }, invite)).toEqual([]);
    expect(codes({ consent: 'INVITED', inviteStatus: 'FAILED' }, invite)).toEqual([]);
    expect(codes({ consent: 'OPTED_IN' }, invite)).toEqual(['VALIDATION']);
    expect(codes({ consent: 'CONSENTED', carrierBlocked: true }, invite)).toEqual([
      'CONVERSATION_LOCKED:CARRIER_BLOCKED',
    ]);
    expect(codes({ consent: 'NONE' }, invite)).toEqual(['CONVERSATION_LOCKED:NO_CONSENT']);
    expect(codes({ consent: 'CONSENTED', phone: '+14151234567' }, invite)).toEqual([
      'CONVERSATION_LOCKED:INVALID_PHONE_NUMBER',
    ]);
  });

  it('routes to the candidate’s country, else the US, else any number, and keeps the conversation’s', () => {
    const route = (f: Partial<SendFacts>) => decide({ ...facts, ...f }, chat, sms).number;
    expect(route({})).toMatchObject({ id: 'n-gb', reason: 'CANDIDATE_COUNTRY' });
    expect(route({ phone: '+46701234567' })).toMatchObject({ id: 'n-us', reason: 'US_FALLBACK' });
    expect(route({ phone: '+46701234567', pool: [platformNumber('n-fr', '+33612345678', 'FR')] })).toMatchObject({
      id: 'n-fr',
      reason: 'ANY_NUMBER',
    });
    expect(route({ number: platformNumber('n-kept', '+14155550101', 'US') })).toMatchObject({
      id: 'n-kept',
      reason: 'CONVERSATION',
    });
  });

  it('applies quiet hours in the candidate’s zone: refused with the next allowed time, or held until it', () => {
    const quiet = { quietHoursStart: '21:00', quietHoursEnd: '08:00' };
    const night = { ...quiet, now: new Date('2026-11-27T22:30:00Z') }; // 22:30 in London (the candidate's +44 number)
    expect(codes(quiet)).toEqual([]);
    expect(codes(night)).toEqual(['QUIET_HOURS']);
    const refused = decide({ ...facts, ...night }, chat, sms).refusals[0];
    expect(refused).toMatchObject({ nextAllowedAt: new Date('2026-11-28T08:00:00Z'), timeZones: ['Europe/London'] });
    const held = decide({ ...facts, ...night }, { ...chat, hold: true }, sms);
    expect(held.refusals).toEqual([]);
    expect(held.sendAt).toEqual(new Date('2026-11-28T08:00:00Z'));
    // The ATS says the candidate is in Tokyo: 07:30 there, quiet until 08:00 JST (23:00Z).
    const tokyo = decide({ ...facts, ...night, candidateTimeZone: 'Asia/Tokyo' }, { ...chat, hold: true }, sms);
    expect(tokyo.sendAt).toEqual(new Date('2026-11-27T23:00:00Z'));
    expect(tokyo.quiet).toMatchObject({
      source: 'CANDIDATE',
      localTimes: [{ zone: 'Asia/Tokyo', time: '2026-11-28 07:30' }],
    });
    // Disabled quiet hours never refuse; the answer to HELP is never held.
    expect(codes({ now: night.now })).toEqual([]);
    expect(codes(night, { kind: 'HELP_REPLY' })).toEqual([]);
  });

  it('takes a send time between a minute and 30 days ahead, subject to quiet hours there too', () => {
    const at = (ms: number) => new Date(facts.now.getTime() + ms);
    expect(codes({}, { sendAt: at(59_000) })).toEqual(['VALIDATION']);
    expect(codes({}, { sendAt: at(31 * 24 * 3600_000) })).toEqual(['VALIDATION']);
    expect(decide(facts, { ...chat, sendAt: at(60_000) }, sms)).toMatchObject({ refusals: [], sendAt: at(60_000) });
    const quiet = { quietHoursStart: '21:00', quietHoursEnd: '08:00' };
    const lateEvening = new Date('2026-11-27T21:30:00Z');
    expect(codes(quiet, { sendAt: lateEvening })).toEqual(['QUIET_HOURS']);
    expect(decide({ ...facts, ...quiet }, { ...chat, sendAt: lateEvening, hold: true }, sms).sendAt).toEqual(
      new Date('2026-11-28T08:00:00Z'),
    );
  });

  it('prices SMS per segment: GSM-7 160/153, UCS-2 70/67, extension characters count twice', () => {
    const cost = (body: string) => decide(facts, { ...chat, body }, sms).cost;
    expect(cost('a'.repeat(160))).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(cost('a'.repeat(161))).toMatchObject({ encoding: 'GSM-7', segments: 2 });
    expect(cost('a'.repeat(306))).toMatchObject({ segments: 2 });
    expect(cost('a'.repeat(307))).toMatchObject({ segments: 3 });
    expect(cost('ж'.repeat(70))).toMatchObject({ encoding: 'UCS-2', segments: 1 });
    expect(cost('ж'.repeat(71))).toMatchObject({ encoding: 'UCS-2', segments: 2 });
    expect(cost(`Hi 😀 ${'a'.repeat(10)}`)).toMatchObject({ encoding: 'UCS-2', ucs2Characters: ['😀'] });
    expect(cost('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(cost('€'.repeat(81))).toMatchObject({ encoding: 'GSM-7', segments: 2 });
  });
});
