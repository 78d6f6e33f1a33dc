import { QuietHoursError } from '../../api/domain/errors.ts';
import type { QuietView } from '../../api/messaging/send-policy/send-timing.ts';
import { builder } from '../builder.ts';
import { ErrorInterface } from './errors.ts';

export const QuietHoursInput = builder.inputType('QuietHoursInput', {
  description: "Quiet hours in the candidate's local time: no message goes out from `start` until `end`.",
  fields: (t) => ({
    enabled: t.boolean({ required: true, description: 'False: no quiet hours (start and end are then ignored).' }),
    start: t.string({ required: false, description: 'HH:MM, 24-hour (default 21:00).' }),
    end: t.string({ required: false, description: 'HH:MM, 24-hour (default 08:00); before start means overnight.' }),
  }),
});

type QuietRow = { quietHoursStart: string | null; quietHoursEnd: string | null; noSundays: boolean };

const QuietHours = builder.objectRef<QuietRow>('QuietHours').implement({
  description:
    "When messages do not go out, in the candidate's local time (their stated time zone, else every zone of their number's country).",
  fields: (t) => ({
    enabled: t.boolean({
      description: 'Quiet hours apply: sends in them are refused or scheduled.',
      resolve: (q) => q.quietHoursStart !== null && q.quietHoursEnd !== null,
    }),
    start: t.string({ nullable: true, description: 'HH:MM; null when disabled.', resolve: (q) => q.quietHoursStart }),
    end: t.string({ nullable: true, description: 'HH:MM; null when disabled.', resolve: (q) => q.quietHoursEnd }),
    noSundays: t.boolean({ description: "No messages on the candidate's Sunday.", resolve: (q) => q.noSundays }),
  }),
});

builder.prismaObjectField('Tenant', 'quietHours', (t) =>
  t.field({
    type: QuietHours,
    select: { quietHoursStart: true, quietHoursEnd: true, noSundays: true },
    description: 'Quiet hours and the Sunday rule; set them with updateTenantSettings.',
    resolve: (tenant) => tenant,
  }),
);

const LocalTime = builder.objectRef<{ zone: string; time: string }>('CandidateLocalTime').implement({
  description: "The candidate's wall clock in one of their possible time zones.",
  fields: (t) => ({
    zone: t.exposeString('zone', { description: 'IANA time zone.' }),
    time: t.exposeString('time', { description: 'The wall clock there when the message would go: YYYY-MM-DD HH:MM.' }),
  }),
});

const ZoneSourceEnum = builder.enumType('CandidateTimeZoneSource', {
  description: "Where the candidate's time zone was learned from.",
  values: {
    CANDIDATE: { description: "The candidate's time zone as the ATS stated it." },
    COUNTRY: { description: "Every zone of the number's country: quiet hours must allow the message in each." },
    UNKNOWN: { description: 'Nothing known: quiet hours do not apply.' },
  } as const,
});

/** What previewMessage says about quiet hours. */
export const QuietHoursCheck = builder.objectRef<QuietView>('QuietHoursCheck').implement({
  description: 'Quiet hours at the time the message would go, in every zone the candidate may be in.',
  fields: (t) => ({
    timeZones: t.stringList({
      description: "The candidate's possible IANA time zones (several when the number's country has several).",
      resolve: (q) => q.zones,
    }),
    timeZoneSource: t.field({
      description: 'Where the time zones were learned from.',
      type: ZoneSourceEnum,
      resolve: (q) => q.source,
    }),
    localTimes: t.field({
      description: "The candidate's wall clock at that moment, in each possible time zone.",
      type: [LocalTime],
      resolve: (q) => q.localTimes,
    }),
    quiet: t.boolean({ description: 'Quiet hours hold then.', resolve: (q) => q.quietUntil !== null }),
    nextAllowedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When quiet hours end, if they hold then.',
      resolve: (q) => q.quietUntil,
    }),
  }),
});

builder.objectType(QuietHoursError, {
  name: 'QuietHoursError',
  interfaces: [ErrorInterface],
  description:
    'It is quiet hours for the candidate when the message would go. Send it again with holdUntilAllowed: true to schedule it for nextAllowedAt.',
  fields: (t) => ({
    nextAllowedAt: t.expose('nextAllowedAt', {
      type: 'DateTime',
      nullable: true,
      description: "When it may go; null when the zones' allowed hours never meet (state the candidate's time zone).",
    }),
    timeZones: t.exposeStringList('timeZones', { description: 'The zones the candidate may be in.' }),
  }),
});
