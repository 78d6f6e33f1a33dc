import type { ChannelCapabilities, ChannelKind, ChannelProvider } from '../../plugins/sdk/index.ts';
import type { Config } from '../config.ts';
import { ConfigError } from '../config.ts';
import { Prisma, type PrismaClient } from '../db/generated/prisma/client.ts';
import type { CredentialCipher } from './credential-crypto.ts';
import type { AnyChannelPlugin } from './plugins.ts';
import { inboundWebhookUrl, parseWebhookPath, statusCallbackUrl, type WebhookTarget } from './webhook-urls.ts';

/** What a tenant has to send with: the channels it may use the platform's account on, its active accounts' plugins. */
export type AccountFacts = { platformChannels: readonly string[]; accountPlugins: readonly string[] };

/** The provider that sends a message, from the account that owns its sending number. */
export type ResolvedChannel = {
  pluginId: string;
  /** The channel account; null for the platform's account. */
  accountId: string | null;
  /** Null when nothing can send it: no usable account, or the platform's account is not allowed or not configured. */
  provider: ChannelProvider | null;
  /** The number was retired after the message was written: it may be another tenant's by now. */
  retired: boolean;
  /** What the plugin can carry (its session window among them); null when no plugin is loaded for it. */
  capabilities: ChannelCapabilities | null;
  statusCallbackUrl(messageId: string): string;
};

export type WebhookChannel = WebhookTarget & { provider: ChannelProvider };

type AccountRow = { id: string; pluginId: string; version: number; keyId: string; credentials: string };

/**
 * The loaded channel plugins and the accounts they send through: tenants' own
 * accounts (credentials decrypted only here, providers cached per account and
 * version) and the platform's accounts from configuration.
 */
export type ChannelRegistry = ReturnType<typeof createChannelRegistry>;

/**
 * SQL columns `platformChannels` and `accountPlugins` (see AccountFacts) for a
 * query over "Tenant" aliased `tenantAlias`; pass the row to `reachable`.
 */
export function accountFactsSql(tenantAlias: string) {
  const t = Prisma.raw(`"${tenantAlias.replaceAll('"', '')}"`);
  return Prisma.sql`${t}."platformChannels"::text[] AS "platformChannels",
    ARRAY(SELECT a."pluginId" FROM "ChannelAccount" a WHERE a."tenantId" = ${t}.id AND a.status = 'ACTIVE') AS "accountPlugins"`;
}

export function createChannelRegistry(options: {
  config: Config;
  prisma: PrismaClient;
  plugins: ReadonlyMap<string, AnyChannelPlugin>;
  cipher: CredentialCipher;
}) {
  const { config, prisma, plugins, cipher } = options;
  const publicUrl = config.publicUrl;
  const depsOf = (pluginId: string) => config.channels.providerDeps[pluginId] ?? {};

  const byChannel = new Map<ChannelKind, AnyChannelPlugin>();
  for (const plugin of plugins.values()) if (!byChannel.has(plugin.channel)) byChannel.set(plugin.channel, plugin);

  const platform = new Map<string, ChannelProvider>();
  for (const account of config.channels.platformAccounts) {
    const plugin = plugins.get(account.pluginId);
    if (!plugin) continue;
    const parsed = plugin.credentials.safeParse(account.credentials);
    if (!parsed.success) {
      throw new ConfigError(`Invalid configuration: the platform's ${plugin.id} credentials do not fit the plugin`);
    }
    platform.set(plugin.id, plugin.create(parsed.data, depsOf(plugin.id)));
  }
  /** The plugin whose platform account serves a channel. */
  const platformByChannel = new Map<string, string>();
  for (const pluginId of platform.keys()) {
    const channel = plugins.get(pluginId)?.channel;
    if (channel && !platformByChannel.has(channel)) platformByChannel.set(channel, pluginId);
  }
  const legacyRoutes = new Map(
    [...plugins.values()].flatMap((p) => (p.legacyWebhookRoute ? [[p.legacyWebhookRoute, p.id] as const] : [])),
  );

  const cache = new Map<string, { version: number; provider: ChannelProvider }>();
  /** A tenant account's provider, rebuilt when the account's version changed. */
  function accountProvider(row: AccountRow): ChannelProvider | null {
    const cached = cache.get(row.id);
    if (cached?.version === row.version) return cached.provider;
    const plugin = plugins.get(row.pluginId);
    if (!plugin) return null;
    const parsed = plugin.credentials.safeParse(cipher.decrypt(row.keyId, row.credentials));
    if (!parsed.success) return null;
    const provider = plugin.create(parsed.data, depsOf(plugin.id));
    cache.set(row.id, { version: row.version, provider });
    return provider;
  }

  function reachable(channel: string, facts: AccountFacts) {
    return (
      facts.accountPlugins.some((id) => plugins.get(id)?.channel === channel) ||
      (facts.platformChannels.includes(channel) && platformByChannel.has(channel))
    );
  }

  return {
    plugins,
    cipher,
    /** Production: accounts of simulated plugins (the sandbox) need the operator's explicit permission. */
    production: config.env === 'production',
    /** Channels on which new tenants may use the platform's accounts (CHANNEL_PLATFORM_DEFAULT): those it has one on. */
    platformDefault: (config.channels.platformByDefault ? [...platformByChannel.keys()] : []) as ChannelKind[],

    /** The plugin loaded for a channel (what it can carry); null when none is. Says nothing about accounts. */
    get(channel: ChannelKind): { pluginId: string; capabilities: ChannelCapabilities } | null {
      const plugin = byChannel.get(channel);
      return plugin ? { pluginId: plugin.id, capabilities: plugin.capabilities } : null;
    },

    /** Whether something can send on `channel` for a tenant with these facts (see accountFactsSql). */
    reachable,

    /** The channels a tenant can send on now: an active account of its own, or the platform's when allowed. One query. */
    async forTenant(tenantId: string): Promise<Set<ChannelKind>> {
      const [facts] = await prisma.$queryRaw<AccountFacts[]>`
        SELECT ${accountFactsSql('t')} FROM "Tenant" t WHERE t.id = ${tenantId}::uuid`;
      return new Set(facts ? [...byChannel.keys()].filter((c) => reachable(c, facts)) : []);
    },

    /** Where the provider must post an account's inbound messages (null: the platform's account). */
    inboundWebhookUrl: (pluginId: string, accountId: string | null) =>
      inboundWebhookUrl(publicUrl, pluginId, accountId),

    /** Whether the platform's own account can send on a channel (it is configured and its plugin loaded). */
    platformServes: (channel: string) => platformByChannel.has(channel),

    /**
     * The provider for an outbound message: the account that owns its sending
     * number (the platform's when the number has none, if the tenant may use it).
     */
    async providerFor(message: {
      tenantId: string;
      channel: ChannelKind;
      fromNumber: string;
    }): Promise<ResolvedChannel> {
      const [row] = await prisma.$queryRaw<
        (Partial<AccountRow> & { accountId: string | null; allowed: boolean; retired: boolean })[]
      >`
        SELECT sn."accountId", a.id, a."pluginId", a.version, a."keyId", a.credentials,
          CASE WHEN sn."accountId" IS NULL THEN ${message.channel}::"Channel" = ANY(t."platformChannels")
            ELSE coalesce(a.status = 'ACTIVE', false) END AS allowed,
          sn."retiredAt" IS NOT NULL AS retired
        FROM "SendingNumber" sn
        JOIN "Tenant" t ON t.id = sn."tenantId"
        LEFT JOIN "ChannelAccount" a ON a.id = sn."accountId" AND a."tenantId" = sn."tenantId"
        WHERE sn."tenantId" = ${message.tenantId}::uuid AND sn.e164 = ${message.fromNumber}
          AND sn.channel = ${message.channel}::"Channel"`;
      const pluginId =
        row?.pluginId ?? platformByChannel.get(message.channel) ?? byChannel.get(message.channel)?.id ?? '';
      const accountId = row?.accountId ?? null;
      const provider = !row?.allowed
        ? null
        : row.id
          ? accountProvider(row as AccountRow)
          : (platform.get(pluginId) ?? null);
      return {
        pluginId,
        accountId,
        provider,
        retired: row?.retired ?? false,
        capabilities: plugins.get(pluginId)?.capabilities ?? null,
        statusCallbackUrl: (messageId) => statusCallbackUrl(publicUrl, pluginId, accountId, messageId),
      };
    },

    /** A tenant's own channel account's provider (to ask the provider about it); null when it cannot be built. */
    async accountProvider(tenantId: string, accountId: string): Promise<ChannelProvider | null> {
      const row = await prisma.channelAccount.findFirst({
        where: { id: accountId, tenantId },
        select: { id: true, pluginId: true, version: true, keyId: true, credentials: true },
      });
      return row ? accountProvider(row) : null;
    },

    /** The account whose webhook `path` is, with the provider that verifies and parses it; null when none. */
    async webhook(path: string): Promise<WebhookChannel | null> {
      const target = parseWebhookPath(path, legacyRoutes);
      if (!target || !plugins.has(target.pluginId)) return null;
      if (!target.accountId) {
        const provider = platform.get(target.pluginId);
        return provider ? { ...target, provider } : null;
      }
      const row = await prisma.channelAccount.findUnique({
        where: { id: target.accountId },
        select: { id: true, pluginId: true, version: true, keyId: true, credentials: true },
      });
      const provider = row && row.pluginId === target.pluginId ? accountProvider(row) : null;
      return provider ? { ...target, provider } : null;
    },
  };
}
