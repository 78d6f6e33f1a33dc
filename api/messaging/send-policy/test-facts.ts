import type { ChannelCapabilities } from '../../../plugins/sdk/index.ts';
import type { TenantActor } from '../../auth/actor.ts';
import type { PoolNumber, SendFacts } from './facts.ts';

// What the send policy's table tests start from; each test overrides what it is about.

export const smsCapabilities: ChannelCapabilities = {
  maxLength: 1600,
  media: false,
  segmented: true,
  sessionWindowHours: null,
  carrierHandlesKeywords: true,
  optOutObservable: true,
  consentInvitations: true,
};

export const recruiter = { kind: 'user', tenantId: 't', userId: 'u', role: 'RECRUITER' } satisfies TenantActor;

export const platformNumber = (id: string, e164: string, country: string): PoolNumber => ({
  id,
  e164,
  country,
  accountId: null,
  accountStatus: null,
  pluginId: null,
});

/** A seated recruiter on the team, texting an opted-in UK candidate on SMS through the platform's US and GB numbers. */
export const baseFacts: SendFacts = {
  tenantName: 'Acme',
  platformChannels: ['SMS'],
  accountPlugins: [],
  enabledChannels: ['SMS'],
  requireSeat: true,
  requireSendPermission: false,
  consentModel: 'DOUBLE_OPT_IN',
  inviteText: null,
  userId: 'u',
  onTeam: true,
  canSend: false,
  hasSeat: true,
  conversationId: 'c',
  candidateId: 'cand',
  about: 'APPLICATION',
  phone: '+447400123456',
  alternatePhone: null,
  preferredPhone: 'MAIN',
  consent: 'OPTED_IN',
  optOutSource: null,
  carrierBlocked: false,
  inviteStatus: null,
  inviteError: null,
  number: null,
  pool: [platformNumber('n-us', '+14155550100', 'US'), platformNumber('n-gb', '+447700900999', 'GB')],
  existingId: null,
  existingHash: null,
  creditBalance: 0,
  kindForbidden: false,
  customKindDefined: true,
  quietHoursStart: null,
  quietHoursEnd: null,
  noSundays: false,
  candidateTimeZone: null,
  now: new Date('2026-11-27T12:00:00Z'),
  lastInboundAt: null,
  lastTemplateAt: null,
  reengagementText: null,
  reengagementTemplateName: 'parley_reengagement',
  reengagementTemplateLanguage: 'en',
  subject: 'Barista',
};
