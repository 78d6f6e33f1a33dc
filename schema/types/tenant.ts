import { refuseCredentialEscape } from '../../api/auth/trusted-documents-guard.ts';
import { ConsentModel } from '../../api/db/generated/prisma/enums.ts';
import {
  ChannelUnavailableError,
  ConflictError,
  SeatsInUseError,
  SettingNotAvailableError,
} from '../../api/domain/errors.ts';
import type { SeatSummary as Summary } from '../../api/domain/seats.ts';
import { buySeats, releaseSeats, seatSummary } from '../../api/domain/seats.ts';
import { asSendChannel, sendChannels } from '../../api/domain/send-channels.ts';
import { updateTenantSettings } from '../../api/domain/tenants.ts';
import { encodeCursor } from '../../api/events/cursor.ts';
import { DEFAULT_REENGAGEMENT_TEXT } from '../../api/messaging/send-policy/reengagement.ts';
import { builder } from '../builder.ts';
import { describedValues } from '../described-values.ts';
import { withoutNulls } from '../inputs.ts';
import { tenantScope } from '../tenant-scope.ts';
import { QuietHoursInput } from './quiet-hours.ts';

export const ChannelEnum = builder.enumType('Channel', {
  description: 'A channel Parley sends, receives and locks on. Email is not one: the ATS records emails (recordEmail).',
  values: describedValues(sendChannels, {
    SMS: 'Text messages over a carrier (Twilio, or the sandbox).',
    WHATSAPP: 'WhatsApp messages; free text only inside the 24-hour session window.',
  }),
});

export const MessageChannelEnum = builder.enumType('MessageChannel', {
  description: "A message's channel: SMS and WHATSAPP, which Parley sends and receives, or EMAIL, recorded by the ATS.",
  values: describedValues(['SMS', 'WHATSAPP', 'EMAIL'], {
    SMS: 'A text message, sent and received by Parley.',
    WHATSAPP: 'A WhatsApp message, sent and received by Parley.',
    EMAIL: 'An email the ATS recorded (recordEmail); Parley never sends email.',
  }),
});

export const ConsentModelEnum = builder.enumType('ConsentModel', {
  values: describedValues(Object.values(ConsentModel), {
    DOUBLE_OPT_IN: "The application form's consent, then a YES to an invitation, before any message.",
    APPLICATION_OPT_IN: "The application form's consent is enough.",
    LEGITIMATE_INTEREST: "Messages about the candidate's own application need no prior consent; prospects still do.",
  }),
  description:
    'What your company needs before texting a candidate: DOUBLE_OPT_IN (the form, then a YES to an invitation), APPLICATION_OPT_IN (the form is enough), LEGITIMATE_INTEREST (no prior consent for messages about their own application; prospects still need consent). A STOP is honoured in every model.',
});

const SendPolicy = builder.objectRef<{
  requireSeat: boolean;
  requireSendPermission: boolean;
  requireNumberAssignment: boolean;
  maxUsersPerNumber: number;
  consentModel: ConsentModel;
}>('SendPolicy');
SendPolicy.implement({
  description: 'Who may send messages in this tenant. Reading never needs a seat.',
  fields: (t) => ({
    requireSeat: t.exposeBoolean('requireSeat', { description: 'Users need a seat to send.' }),
    requireSendPermission: t.exposeBoolean('requireSendPermission', {
      description: 'Users need the send permission (canSend) to send.',
    }),
    requireNumberAssignment: t.exposeBoolean('requireNumberAssignment', {
      description: 'Users send only from sending numbers assigned to them.',
    }),
    consentModel: t.field({
      type: ConsentModelEnum,
      description: 'What consent the tenant needs before texting a candidate.',
      resolve: (policy) => policy.consentModel,
    }),
    maxUsersPerNumber: t.exposeInt('maxUsersPerNumber', {
      description: 'With requireNumberAssignment: at most this many users per sending number.',
    }),
  }),
});

export const SeatSummary = builder.objectRef<Summary>('SeatSummary').implement({
  description: "The tenant's seats: bought, assigned, free.",
  fields: (t) => ({
    purchased: t.exposeInt('purchased', { description: 'Seats bought.' }),
    assigned: t.exposeInt('assigned', { description: 'Seats assigned to users.' }),
    available: t.exposeInt('available', { description: 'Seats free to assign.' }),
  }),
});

export const Tenant = builder.prismaNode('Tenant', {
  description: 'A company using Parley: its users, seats, numbers, settings and credits.',
  id: { field: 'id' },
  nullable: true, // node(id) of a row outside your tenant is null, not an error
  fields: (t) => ({
    name: t.exposeString('name', { description: "The company's name." }),
    enabledChannels: t.field({
      description: 'The channels its users may message on.',
      type: [ChannelEnum],
      resolve: (tenant) => tenant.enabledChannels.map(asSendChannel),
    }),
    sendPolicy: t.field({
      description: 'Who may send, and what consent is needed.',
      type: SendPolicy,
      resolve: (tenant) => tenant,
    }),
    seats: t.field({
      description: 'Seats bought, assigned and free.',
      type: SeatSummary,
      authScopes: { tenantMember: true },
      resolve: (_tenant, _args, ctx) => seatSummary(tenantScope(ctx)),
    }),
    users: t.relatedConnection(
      'users',
      {
        description: 'Its users (active ones unless includeDeactivated), in a stable order for paging.',
        cursor: 'id',
        authScopes: { tenantMember: true },
        args: {
          includeDeactivated: t.arg.boolean({
            description: 'Also list deactivated users (default false).',
            defaultValue: false,
          }),
        },
        query: (args) => ({
          where: args.includeDeactivated ? {} : { deactivatedAt: null },
          orderBy: { id: 'asc' },
        }),
        totalCount: true,
      },
      {
        fields: (c) => ({
          totalCount: c.int({
            description: 'How many users match (deactivated ones only with includeDeactivated), across all pages.',
            extensions: { pothosPrismaTotalCount: true },
            resolve: (connection) => (connection as unknown as { totalCount: number }).totalCount,
          }),
        }),
      },
    ),
    apiKeys: t.relation('apiKeys', {
      description: 'Its API keys, active and revoked (admins and the partner backend); never their secrets.',
      authScopes: { tenantAdmin: true },
      query: { orderBy: { createdAt: 'desc' } },
    }),
    eventCursor: t.string({
      description:
        'The cursor of your tenant’s newest event. Read it first, then the state you need, then subscribe to tenantEvents with it as `after`: nothing that changes from here on is missed (an event already reflected in what you read may come again).',
      authScopes: { tenantAdmin: true },
      resolve: (tenant) => encodeCursor(tenant.lastEventPosition),
    }),
    defaultCountry: t.exposeString('defaultCountry', {
      description: "The country (ISO 3166) assumed for a candidate's number without a country code.",
    }),
    requireTrustedDocuments: t.exposeBoolean('requireTrustedDocuments', {
      description:
        'User tokens may run only trusted documents, sent by hash (see updateTenantSettings); API keys may run any document.',
    }),
    timeZone: t.exposeString('timeZone', {
      description: 'IANA time zone whose calendar months number allowances count in.',
    }),
    helpText: t.exposeString('helpText', {
      description: "The automatic answer to a candidate's HELP.",
      nullable: true,
    }),
    inviteText: t.exposeString('inviteText', {
      description: 'The text of the consent invitation; the candidate answers YES.',
      nullable: true,
    }),
    reengagementText: t.string({
      description:
        'The re-engagement template sent outside a WhatsApp session window, as the candidate reads it; {company} and {job} are replaced. Parley’s default until set.',
      resolve: (tenant) => tenant.reengagementText ?? DEFAULT_REENGAGEMENT_TEXT,
    }),
    reengagementTemplateName: t.exposeString('reengagementTemplateName', {
      description: 'The approved template at the provider that reengagementText is sent as ({{1}} company, {{2}} job).',
    }),
    reengagementTemplateLanguage: t.exposeString('reengagementTemplateLanguage', {
      description: 'The language of the WhatsApp re-engagement template sent when a session window is closed.',
    }),
    createdAt: t.expose('createdAt', { description: 'When the tenant was created.', type: 'DateTime' }),
  }),
});

builder.queryField('tenant', (t) =>
  t.prismaField({
    type: 'Tenant',
    description: "The caller's own tenant.",
    authScopes: { tenantMember: true },
    resolve: (query, _root, _args, ctx) => {
      const scope = tenantScope(ctx);
      return scope.db.tenant.findUniqueOrThrow({ ...query, where: { id: scope.tenantId } });
    },
  }),
);

const TenantSettingsInput = builder.inputType('TenantSettingsInput', {
  description: 'The tenant settings to change; a field left out keeps its value.',
  fields: (t) => ({
    name: t.string({ description: "The company's name.", required: false }),
    enabledChannels: t.field({
      description: "The channels users may message on (each needs an account or the platform's).",
      type: [ChannelEnum],
      required: false,
    }),
    requireSeat: t.boolean({ description: 'Users need a seat to send.', required: false }),
    requireSendPermission: t.boolean({
      description: 'Users need the send permission (canSend) to send.',
      required: false,
    }),
    consentModel: t.field({
      description: 'What consent is needed before texting a candidate.',
      type: ConsentModelEnum,
      required: false,
    }),
    requireNumberAssignment: t.boolean({
      required: false,
      description:
        'Number assignment: only users assigned to a number (assignNumber) read and send on its conversations, besides the hiring-team rule; admins who are not assigned see numberActivity instead of the threads.',
    }),
    maxUsersPerNumber: t.int({
      required: false,
      description:
        'Users per number under number assignment (1–100, default 3). Lower than a number already has is refused (ConflictError): unassign first.',
    }),
    timeZone: t.string({
      required: false,
      description:
        "IANA time zone (default UTC): the tenant's calendar months, in which number allowances are counted, start at midnight here.",
    }),
    defaultCountry: t.string({
      required: false,
      description: 'ISO country assumed for candidate numbers without a leading +.',
    }),
    helpText: t.string({
      required: false,
      description: 'The answer to a candidate texting HELP; {company} is replaced.',
    }),
    inviteText: t.string({
      required: false,
      description: 'The consent invitation; must ask for YES; {company} is replaced.',
    }),
    reengagementText: t.string({
      required: false,
      description:
        'The WhatsApp re-engagement template’s text: must contain {company} and {job} (no other placeholders), at most 1024 characters. It must match the approved template.',
    }),
    reengagementTemplateName: t.string({
      required: false,
      description: "The approved template's name at the provider: lowercase letters, digits and underscores.",
    }),
    reengagementTemplateLanguage: t.string({ required: false, description: 'e.g. en, en_US, pt_BR.' }),
    quietHours: t.field({
      type: QuietHoursInput,
      required: false,
      description:
        "Quiet hours in the candidate's local time (new tenants: 21:00-08:00); enabled: false turns them off.",
    }),
    noSundays: t.boolean({ required: false, description: "No messages on the candidate's Sunday." }),
    requireTrustedDocuments: t.boolean({
      required: false,
      description:
        "Trusted documents only for user tokens (your frontend's credential), in every environment; changed by API keys only, and while it is on user tokens cannot create API keys: a user token's request must name a generated operation by its sha256 hash (extensions.persistedQuery; clients/generated/persisted-documents.json) and is refused with PERSISTED_QUERY_REQUIRED (HTTP 403) otherwise, introspection included, so a stolen token cannot run arbitrary queries. API keys may still send any document. Logged as TENANT_UPDATED with the new value.",
    }),
  }),
});

builder.mutationField('updateTenantSettings', (t) =>
  t.prismaField({
    description:
      "Changes your tenant's name, channels and send policy (admins and the partner backend). A setting Parley does not enforce is refused.",
    type: 'Tenant',
    authScopes: { tenantAdmin: true },
    args: { input: t.arg({ description: 'The settings to change.', type: TenantSettingsInput, required: true }) },
    errors: { types: [ChannelUnavailableError, SettingNotAvailableError, ConflictError] },
    resolve: async (query, _root, { input }, ctx) => {
      if (input.requireTrustedDocuments != null) refuseCredentialEscape(ctx.actor, 'the setting');
      const tenant = await updateTenantSettings(tenantScope(ctx), ctx.services.channels, withoutNulls(input));
      return tenantScope(ctx).db.tenant.findUniqueOrThrow({ ...query, where: { id: tenant.id } });
    },
  }),
);

builder.mutationField('buySeats', (t) =>
  t.field({
    type: SeatSummary,
    description: 'Adds seats to the tenant. Seats are assigned to users with assignSeat.',
    authScopes: { tenantAdmin: true },
    args: { count: t.arg.int({ description: 'How many seats to add, at least 1.', required: true }) },
    errors: {},
    resolve: (_root, { count }, ctx) => buySeats(tenantScope(ctx), count),
  }),
);

builder.mutationField('releaseSeats', (t) =>
  t.field({
    type: SeatSummary,
    description: 'Removes unassigned seats. Refused, releasing none, if fewer than `count` are unassigned.',
    authScopes: { tenantAdmin: true },
    args: { count: t.arg.int({ description: 'How many unassigned seats to give up, at least 1.', required: true }) },
    errors: { types: [SeatsInUseError] },
    resolve: (_root, { count }, ctx) => releaseSeats(tenantScope(ctx), count),
  }),
);
