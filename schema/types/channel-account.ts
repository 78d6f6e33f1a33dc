import type { RequestContext } from '../../api/context.ts';
import { ChannelAccountStatus } from '../../api/db/generated/prisma/enums.ts';
import { scopeToTenant } from '../../api/db/tenant-scope.ts';
import {
  accountTenant,
  allowPlatformAccount,
  createChannelAccount,
  disableChannelAccount,
  updateChannelAccountCredentials,
} from '../../api/domain/channel-accounts.ts';
import { ChannelUnavailableError, SandboxNotAllowedError } from '../../api/domain/errors.ts';
import type { TenantScope } from '../../api/domain/scope.ts';
import { asSendChannel } from '../../api/domain/send-channels.ts';
import { builder } from '../builder.ts';
import { describedValues } from '../described-values.ts';
import { ChannelEnum, Tenant } from './tenant.ts';

const ChannelAccountStatusEnum = builder.enumType('ChannelAccountStatus', {
  description: 'Whether a channel account is in use.',
  values: describedValues(Object.values(ChannelAccountStatus), {
    ACTIVE: 'In use: its numbers send and receive.',
    DISABLED: 'Switched off (disableChannelAccount): nothing is sent through it; kept for its history.',
  }),
});

/** The operator acts on one tenant at a time: the same scoped client and event log as the tenant's own calls. */
function operatorScope(ctx: RequestContext, tenantId: string): TenantScope {
  const { services } = ctx;
  return {
    tenantId,
    db: scopeToTenant(services.prisma, tenantId),
    events: { relayNow: services.relay.wake, credentialsChanged: services.credentials.announce },
  };
}

export const ChannelAccount = builder.prismaNode('ChannelAccount', {
  id: { field: 'id' },
  nullable: true,
  description:
    "A tenant's own account at a channel provider. Its credentials are encrypted at rest and never returned: only the non-secret fields, masked.",
  authScopes: { tenantAdmin: true, operator: true },
  select: { id: true },
  fields: (t) => ({
    pluginId: t.exposeString('pluginId', { description: 'The channel plugin (e.g. twilio-sms).' }),
    channel: t.field({
      description: 'The channel its numbers send on.',
      type: ChannelEnum,
      select: { channel: true },
      resolve: (row) => asSendChannel(row.channel),
    }),
    label: t.exposeString('label', { description: 'A name for people, e.g. "Twilio US".' }),
    status: t.expose('status', { description: 'Whether it is in use.', type: ChannelAccountStatusEnum }),
    credentials: t.field({
      type: 'JSONObject',
      description:
        'The non-secret credential fields, masked (e.g. an account SID as AC12…cdef). Secrets are never shown.',
      select: { shown: true },
      resolve: (account) => account.shown as Record<string, unknown>,
    }),
    inboundWebhookUrl: t.string({
      description:
        "Where the provider must post this account's inbound messages (for Twilio: each number's messaging webhook). Status callbacks are set per message.",
      select: { pluginId: true },
      resolve: (account, _args, ctx) => ctx.services.channels.inboundWebhookUrl(account.pluginId, account.id),
    }),
    createdAt: t.expose('createdAt', { description: 'When the account was added.', type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', {
      description: 'When its label, credentials or status last changed.',
      type: 'DateTime',
    }),
  }),
});

builder.queryField('channelAccounts', (t) =>
  t.prismaField({
    type: ['ChannelAccount'],
    description: "Tenant admins: your company's channel accounts. The operator names the tenant.",
    authScopes: { tenantAdmin: true, operator: true },
    args: {
      tenantId: t.arg.globalID({
        description: 'The operator names the tenant; others always see their own.',
        required: false,
        for: Tenant,
      }),
    },
    resolve: (query, _root, { tenantId }, ctx) => {
      const db = ctx.scope?.db ?? (tenantId ? scopeToTenant(ctx.services.prisma, tenantId.id) : null);
      return db ? db.channelAccount.findMany({ ...query, orderBy: { createdAt: 'asc' } }) : [];
    },
  }),
);

const readBack = (ctx: RequestContext, query: object, id: string) =>
  ctx.services.prisma.channelAccount.findUniqueOrThrow({ ...query, where: { id } });

builder.mutationField('createChannelAccount', (t) =>
  t.prismaField({
    type: 'ChannelAccount',
    description:
      "Platform operator only: a tenant's own provider account. `credentials` are checked by the plugin's schema (every bad field listed), encrypted, and never shown again.",
    authScopes: { operator: true },
    args: {
      tenantId: t.arg.globalID({ description: 'The tenant that will own the account.', required: true, for: Tenant }),
      pluginId: t.arg.string({
        description: 'The channel plugin’s id, e.g. twilio-sms, whatsapp, or sandbox (a simulated carrier).',
        required: true,
      }),
      label: t.arg.string({ description: 'A name for people, e.g. "Twilio US".', required: true }),
      credentials: t.arg({
        description:
          "The provider's credentials, as the plugin expects them (e.g. Twilio: accountSid, authToken). Stored encrypted, never returned.",
        type: 'JSONObject',
        required: true,
      }),
      allowSandbox: t.arg.boolean({
        required: false,
        description:
          'Production only: lets this tenant have an account of a simulated carrier (pluginId "sandbox"), whose messages reach no phone. Refused without it (SandboxNotAllowedError).',
      }),
    },
    errors: { types: [SandboxNotAllowedError] },
    resolve: async (query, _root, args, ctx) => {
      const account = await createChannelAccount(operatorScope(ctx, args.tenantId.id), ctx.services.channels, {
        pluginId: args.pluginId,
        label: args.label,
        credentials: args.credentials,
        allowSandbox: args.allowSandbox ?? false,
      });
      return readBack(ctx, query, account.id);
    },
  }),
);

builder.mutationField('updateChannelAccountCredentials', (t) =>
  t.prismaField({
    type: 'ChannelAccount',
    description: "Platform operator only: replaces an account's credentials (e.g. a rotated auth token).",
    authScopes: { operator: true },
    args: {
      id: t.arg.globalID({ description: 'The channel account to change.', required: true, for: ChannelAccount }),
      credentials: t.arg({
        description: 'The new credentials, replacing the old ones whole; stored encrypted, never returned.',
        type: 'JSONObject',
        required: true,
      }),
    },
    errors: {},
    resolve: async (query, _root, { id, credentials }, ctx) => {
      const scope = operatorScope(ctx, await accountTenant(ctx.services.prisma, id.id));
      await updateChannelAccountCredentials(scope, ctx.services.channels, id.id, credentials);
      return readBack(ctx, query, id.id);
    },
  }),
);

builder.mutationField('disableChannelAccount', (t) =>
  t.prismaField({
    type: 'ChannelAccount',
    description:
      'Platform operator only: nothing is sent through the account any more (its webhooks still land). Queued messages on its numbers fail.',
    authScopes: { operator: true },
    args: {
      id: t.arg.globalID({ description: 'The channel account to switch off.', required: true, for: ChannelAccount }),
    },
    errors: {},
    resolve: async (query, _root, { id }, ctx) => {
      await disableChannelAccount(operatorScope(ctx, await accountTenant(ctx.services.prisma, id.id)), id.id);
      return readBack(ctx, query, id.id);
    },
  }),
);

builder.mutationField('allowPlatformAccount', (t) =>
  t.prismaField({
    type: 'Tenant',
    description:
      "Platform operator only: whether the tenant may send on `channel` through the platform's own account (TWILIO_ACCOUNT_SID for SMS).",
    authScopes: { operator: true },
    args: {
      tenantId: t.arg.globalID({ description: 'The tenant to change.', required: true, for: Tenant }),
      channel: t.arg({ description: 'The channel the permission is for.', type: ChannelEnum, required: true }),
      allowed: t.arg.boolean({
        description: "True lets the tenant send through the platform's account on the channel; false takes it back.",
        required: true,
      }),
    },
    errors: { types: [ChannelUnavailableError] },
    resolve: async (query, _root, { tenantId, channel, allowed }, ctx) => {
      await allowPlatformAccount(operatorScope(ctx, tenantId.id), ctx.services.channels, channel, allowed);
      return ctx.services.prisma.tenant.findUniqueOrThrow({ ...query, where: { id: tenantId.id } });
    },
  }),
);

builder.prismaObjectField('Tenant', 'platformChannels', (t) =>
  t.field({
    type: [ChannelEnum],
    description: "Channels on which the operator lets this tenant send through the platform's own account.",
    select: { platformChannels: true },
    resolve: (tenant) => tenant.platformChannels.map(asSendChannel),
  }),
);
