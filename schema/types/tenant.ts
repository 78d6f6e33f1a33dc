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
import { withoutNulls } from '../inputs.ts';
import { tenantScope } from '../tenant-scope.ts';
import { QuietHoursInput } from './quiet-hours.ts';

export const ChannelEnum = builder.enumType('Channel', {
  description: 'A channel Parley sends, receives and locks on. Email is not one: the ATS records emails (recordEmail).',
  values: sendChannels,
});

export const MessageChannelEnum = builder.enumType('MessageChannel', {
  description: "A message's channel: SMS and WHATSAPP, which Parley sends and receives, or EMAIL, recorded by the ATS.",
  values: ['SMS', 'WHATSAPP', 'EMAIL'] as const,
});

export const ConsentModelEnum = builder.enumType(ConsentModel, {
  name: 'ConsentModel',
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
    requireSeat: t.exposeBoolean('requireSeat'),
    requireSendPermission: t.exposeBoolean('requireSendPermission'),
    requireNumberAssignment: t.exposeBoolean('requireNumberAssignment'),
    consentModel: t.field({ type: ConsentModelEnum, resolve: (policy) => policy.consentModel }),
    maxUsersPerNumber: t.exposeInt('maxUsersPerNumber'),
  }),
});

export const SeatSummary = builder.objectRef<Summary>('SeatSummary').implement({
  fields: (t) => ({
    purchased: t.exposeInt('purchased'),
    assigned: t.exposeInt('assigned'),
    available: t.exposeInt('available'),
  }),
});

export const Tenant = builder.prismaNode('Tenant', {
  id: { field: 'id' },
  nullable: true, // node(id) of a row outside your tenant is null, not an error
  fields: (t) => ({
    name: t.exposeString('name'),
    enabledChannels: t.field({ type: [ChannelEnum], resolve: (tenant) => tenant.enabledChannels.map(asSendChannel) }),
    sendPolicy: t.field({ type: SendPolicy, resolve: (tenant) => tenant }),
    seats: t.field({
      type: SeatSummary,
      authScopes: { tenantMember: true },
      resolve: (_tenant, _args, ctx) => seatSummary(tenantScope(ctx)),
    }),
    users: t.relatedConnection('users', {
      cursor: 'id',
      authScopes: { tenantMember: true },
      args: { includeDeactivated: t.arg.boolean({ defaultValue: false }) },
      query: (args) => ({
        where: args.includeDeactivated ? {} : { deactivatedAt: null },
        orderBy: { id: 'asc' },
      }),
      totalCount: true,
    }),
    apiKeys: t.relation('apiKeys', {
      authScopes: { tenantAdmin: true },
      query: { orderBy: { createdAt: 'desc' } },
    }),
    eventCursor: t.string({
      description:
        'The cursor of your tenant’s newest event. Read it first, then the state you need, then subscribe to tenantEvents with it as `after`: nothing that changes from here on is missed (an event already reflected in what you read may come again).',
      authScopes: { tenantAdmin: true },
      resolve: (tenant) => encodeCursor(tenant.lastEventPosition),
    }),
    defaultCountry: t.exposeString('defaultCountry'),
    requireTrustedDocuments: t.exposeBoolean('requireTrustedDocuments', {
      description:
        'User tokens may run only trusted documents, sent by hash (see updateTenantSettings); API keys may run any document.',
    }),
    timeZone: t.exposeString('timeZone', {
      description: 'IANA time zone whose calendar months number allowances count in.',
    }),
    helpText: t.exposeString('helpText', { nullable: true }),
    inviteText: t.exposeString('inviteText', { nullable: true }),
    reengagementText: t.string({
      description:
        'The re-engagement template sent outside a WhatsApp session window, as the candidate reads it; {company} and {job} are replaced. Parley’s default until set.',
      resolve: (tenant) => tenant.reengagementText ?? DEFAULT_REENGAGEMENT_TEXT,
    }),
    reengagementTemplateName: t.exposeString('reengagementTemplateName', {
      description: 'The approved template at the provider that reengagementText is sent as ({{1}} company, {{2}} job).',
    }),
    reengagementTemplateLanguage: t.exposeString('reengagementTemplateLanguage'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
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
  fields: (t) => ({
    name: t.string({ required: false }),
    enabledChannels: t.field({ type: [ChannelEnum], required: false }),
    requireSeat: t.boolean({ required: false }),
    requireSendPermission: t.boolean({ required: false }),
    consentModel: t.field({ type: ConsentModelEnum, required: false }),
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
        "Trusted documents only for user tokens (your frontend's credential), in every environment: a user token's request must name a generated operation by its sha256 hash (extensions.persistedQuery; clients/generated/persisted-documents.json) and is refused with PERSISTED_QUERY_REQUIRED (HTTP 403) otherwise, introspection included, so a stolen token cannot run arbitrary queries. API keys may still send any document. Logged as TENANT_UPDATED with the new value.",
    }),
  }),
});

builder.mutationField('updateTenantSettings', (t) =>
  t.prismaField({
    type: 'Tenant',
    authScopes: { tenantAdmin: true },
    args: { input: t.arg({ type: TenantSettingsInput, required: true }) },
    errors: { types: [ChannelUnavailableError, SettingNotAvailableError, ConflictError] },
    resolve: async (query, _root, { input }, ctx) => {
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
    args: { count: t.arg.int({ required: true }) },
    errors: {},
    resolve: (_root, { count }, ctx) => buySeats(tenantScope(ctx), count),
  }),
);

builder.mutationField('releaseSeats', (t) =>
  t.field({
    type: SeatSummary,
    description: 'Removes unassigned seats. Refused, releasing none, if fewer than `count` are unassigned.',
    authScopes: { tenantAdmin: true },
    args: { count: t.arg.int({ required: true }) },
    errors: { types: [SeatsInUseError] },
    resolve: (_root, { count }, ctx) => releaseSeats(tenantScope(ctx), count),
  }),
);
