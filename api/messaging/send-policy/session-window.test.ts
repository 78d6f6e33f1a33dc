import { describe, expect, it } from 'vitest';
import type { ChannelCapabilities } from '../../../plugins/sdk/index.ts';
import { SessionWindowClosedError } from '../../domain/errors.ts';
import { decide, type SendRequest } from './decide.ts';
import type { SendFacts } from './facts.ts';
import { reengagementSettings } from './reengagement.ts';
import { baseFacts, recruiter, smsCapabilities } from './test-facts.ts';

const capabilities = (c: Partial<ChannelCapabilities>): { capabilities: ChannelCapabilities } => ({
  capabilities: {
    maxLength: 4096,
    media: true,
    segmented: false,
    sessionWindowHours: 24,
    carrierHandlesKeywords: false,
    optOutObservable: false,
    consentInvitations: false,
    ...c,
  },
});
const whatsapp = capabilities({});
const sms = { capabilities: smsCapabilities };
const now = new Date('2026-11-27T12:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
const number = {
  id: 'n',
  e164: '+14155550100',
  country: 'US',
  accountId: 'a',
  accountStatus: 'ACTIVE',
  pluginId: 'wa',
};

const facts: SendFacts = {
  ...baseFacts,
  platformChannels: [],
  accountPlugins: ['wa'],
  enabledChannels: ['SMS', 'WHATSAPP'],
  requireSeat: false,
  phone: '+14155550123',
  number,
  pool: null,
  now,
  lastInboundAt: hoursAgo(1),
};
const chat: SendRequest = { actor: recruiter, channel: 'WHATSAPP', kind: 'CHAT', body: 'Hello', attachments: [] };
const ask = (f: Partial<SendFacts>, r: Partial<SendRequest> = {}, offer = whatsapp) =>
  decide({ ...facts, ...f }, { ...chat, ...r }, offer);

describe('the session window (WhatsApp: 24 hours after the candidate’s last message)', () => {
  it('is open until sessionWindowHours after the last inbound message, and closed before any', () => {
    const table: [string, Date | null, boolean, Date | null, Date | null][] = [
      ['never wrote', null, false, null, null],
      ['23h59 ago', hoursAgo(23 + 59 / 60), true, new Date(now.getTime() + 60_000), null],
      ['24h01 ago', hoursAgo(24 + 1 / 60), false, null, new Date(now.getTime() - 60_000)],
      ['a reply just now reopens it', now, true, new Date(now.getTime() + 24 * 3_600_000), null],
    ];
    for (const [when, lastInboundAt, open, openUntil, closedAt] of table) {
      const { window, refusals, lock } = ask({ lastInboundAt });
      expect(window, when).toMatchObject({ hours: 24, open, openUntil, closedAt });
      expect(
        refusals.map((e) => e.code),
        when,
      ).toEqual(open ? [] : ['SESSION_WINDOW_CLOSED']);
      expect(lock.reason, when).toBe(open ? null : 'SESSION_WINDOW_CLOSED');
    }
  });

  it('comes from the channel’s capabilities, not from the channel’s name', () => {
    const twelve = capabilities({ sessionWindowHours: 12 });
    expect(ask({ lastInboundAt: hoursAgo(13) }, {}, twelve).window).toMatchObject({ open: false, hours: 12 });
    expect(ask({ lastInboundAt: hoursAgo(13) }).window).toMatchObject({ open: true });
  });

  it('refuses free text outside it with when it closed and the template to send instead', () => {
    const [refusal] = ask({ lastInboundAt: hoursAgo(30) }).refusals;
    expect(refusal).toBeInstanceOf(SessionWindowClosedError);
    const closed = refusal as SessionWindowClosedError;
    expect(closed.closedAt).toEqual(hoursAgo(6));
    expect(closed.template).toMatchObject({
      name: 'parley_reengagement',
      language: 'en',
      parameters: ['Acme', 'Barista'],
      body: 'Acme would like to reach you on behalf of the hiring team about Barista. Since the team can only reach you within a day of your last message, please reply to continue receiving updates.',
    });
    expect(closed.message).toContain(hoursAgo(6).toISOString());
    expect(closed.message).toContain('sendReengagementTemplate');
    const never = ask({ lastInboundAt: null }).refusals[0] as SessionWindowClosedError;
    expect(never.closedAt).toBeNull();
    expect(never.message).toContain('has not written to you on WhatsApp');
  });

  it('lets one template stand unanswered for a day before another may follow', () => {
    const codes = (f: Partial<SendFacts>) => ask(f, { template: true }).refusals.map((e) => e.code);
    // Sent 2 hours ago, no answer since: refused until a day after it.
    const pending = ask({ lastInboundAt: hoursAgo(30), lastTemplateAt: hoursAgo(2) }, { template: true }).refusals[0];
    expect(pending).toMatchObject({ code: 'REENGAGEMENT_PENDING', sentAt: hoursAgo(2), retryAt: hoursAgo(-22) });
    expect(codes({ lastInboundAt: null, lastTemplateAt: hoursAgo(2) })).toEqual(['REENGAGEMENT_PENDING']);
    // Answered since, or a day old: another may go.
    expect(codes({ lastInboundAt: hoursAgo(1), lastTemplateAt: hoursAgo(2) })).toEqual([]);
    expect(codes({ lastInboundAt: null, lastTemplateAt: hoursAgo(25) })).toEqual([]);
    // Free text is not a template: its own rule (the window) decides.
    expect(ask({ lastInboundAt: hoursAgo(1), lastTemplateAt: hoursAgo(2) }).refusals).toEqual([]);
  });

  it('lets the template out outside it, and renders the tenant’s own text with a prospect’s community', () => {
    expect(ask({ lastInboundAt: hoursAgo(30) }, { template: true }).refusals).toEqual([]);
    const own = ask({
      lastInboundAt: null,
      reengagementText: 'Hi from {company} about {job}: reply to hear more.',
      reengagementTemplateName: 'acme_hello',
      reengagementTemplateLanguage: 'en_GB',
      about: 'PROSPECT',
      subject: 'Designers Community',
    });
    expect(own.reengagement).toEqual({
      name: 'acme_hello',
      language: 'en_GB',
      parameters: ['Acme', 'Designers Community'],
      body: 'Hi from Acme about Designers Community: reply to hear more.',
    });
    expect(own.lock.message).toContain('Hi from Acme about Designers Community');
  });

  it('leaves SMS alone: no window, no template; a template on SMS is refused', () => {
    const smsChat = { channel: 'SMS' as const };
    const free = ask({ lastInboundAt: null }, smsChat, sms);
    expect(free.refusals).toEqual([]);
    expect(free.window).toBeNull();
    expect(free.reengagement).toBeNull();
    expect(free.optOutObservable).toBe(true);
    expect(ask({}, { ...smsChat, template: true }, sms).refusals.map((e) => e.code)).toEqual(['VALIDATION']);
  });

  it('puts consent first: an opted-out candidate is locked for the template too', () => {
    const out = ask({ consent: 'OPTED_OUT', optOutSource: 'RECRUITER', lastInboundAt: null }, { template: true });
    expect(out.refusals.map((e) => e.code)).toEqual(['CONVERSATION_LOCKED']);
    expect(out.lock.reason).toBe('OPTED_OUT');
  });
});

describe('WhatsApp consent and reachability', () => {
  it('has no invitation: refused with where consent comes from instead', () => {
    const invite = ask({ consent: 'CONSENTED' }, { kind: 'CONSENT_INVITE' });
    expect(invite.refusals.map((e) => e.code)).toEqual(['CONSENT_INVITATION_NOT_AVAILABLE']);
    expect(invite.refusals[0]?.message).toContain('recordConsent');
    expect(ask({ consent: 'CONSENTED' }, { kind: 'CONSENT_INVITE', channel: 'SMS' }, sms).refusals).toEqual([]);
  });

  it('takes the application form’s consent as enough where there is no invitation to answer', () => {
    expect(ask({ consent: 'CONSENTED' }).refusals).toEqual([]);
    expect(ask({ consent: 'CONSENTED' }, { channel: 'SMS' }, sms).lock.reason).toBe('NO_CONSENT');
    const none = ask({ consent: 'NONE' });
    expect(none.lock.reason).toBe('NO_CONSENT');
    expect(none.lock.message).toContain('application form');
    expect(none.lock.message).not.toContain('invitation if');
  });

  it('says an opt-out cannot be observed rather than promising reachability', () => {
    expect(ask({}).optOutObservable).toBe(false);
    expect(ask({}, { channel: 'SMS' }, sms).optOutObservable).toBe(true);
  });
});

describe('the re-engagement template setting', () => {
  const text = reengagementSettings.reengagementText;
  it('needs {company} and {job} once each, no other placeholder, no direction overrides, and fits a template body', () => {
    expect(text.safeParse('{company} about {job}: reply to continue.').success).toBe(true);
    for (const bad of [
      '',
      '   ',
      'About {job} only',
      '{company} only',
      '{company} {job} {candidate}',
      '{company} {job} {company}',
      '{company} about {job} \u202ereversed',
      `{company}{job}${'x'.repeat(1020)}`,
    ]) {
      expect(text.safeParse(bad).success, bad).toBe(false);
    }
    expect(reengagementSettings.reengagementTemplateName.safeParse('acme_reengage_2').success).toBe(true);
    expect(reengagementSettings.reengagementTemplateName.safeParse('Acme Re-engage').success).toBe(false);
    expect(reengagementSettings.reengagementTemplateLanguage.safeParse('pt_BR').success).toBe(true);
    expect(reengagementSettings.reengagementTemplateLanguage.safeParse('english').success).toBe(false);
  });
});
