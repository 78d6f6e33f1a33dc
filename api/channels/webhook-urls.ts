/**
 * The one place that builds and parses provider webhook URLs. Each channel
 * account has its own: /webhooks/<plugin id>/<account id>/inbound and
 * /webhooks/<plugin id>/<account id>/status?messageId=<Parley's id>; the
 * platform's account from configuration uses `platform` as its account id.
 */
export const PLATFORM_ACCOUNT = 'platform';

export type WebhookTarget = {
  pluginId: string;
  /** A channel account's id, or null for the platform's account. */
  accountId: string | null;
  kind: 'inbound' | 'status';
};

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const PATH = new RegExp(`^/webhooks/([a-z0-9][a-z0-9-]*)/(${UUID}|${PLATFORM_ACCOUNT})/(inbound|status)$`);
/** Before channel accounts: /webhooks/<a plugin's legacyWebhookRoute>/sms[/status], the platform's account. */
const LEGACY = /^\/webhooks\/([a-z0-9-]+)\/sms(\/status)?$/;

const segment = (accountId: string | null) => accountId ?? PLATFORM_ACCOUNT;

export function inboundWebhookUrl(publicUrl: string, pluginId: string, accountId: string | null) {
  return `${publicUrl}/webhooks/${pluginId}/${segment(accountId)}/inbound`;
}

/** Where the provider reports a message's status; the Parley id in it is covered by the provider's signature. */
export function statusCallbackUrl(publicUrl: string, pluginId: string, accountId: string | null, messageId: string) {
  return `${publicUrl}/webhooks/${pluginId}/${segment(accountId)}/status?messageId=${messageId}`;
}

/**
 * Which account's webhook a path is, or null when it is none. `legacyRoutes`
 * maps a plugin's `legacyWebhookRoute` to its id.
 */
export function parseWebhookPath(path: string, legacyRoutes: ReadonlyMap<string, string>): WebhookTarget | null {
  const match = PATH.exec(path);
  if (match) {
    const [, pluginId, account, kind] = match as unknown as [string, string, string, 'inbound' | 'status'];
    return { pluginId, accountId: account === PLATFORM_ACCOUNT ? null : account, kind };
  }
  const legacy = LEGACY.exec(path);
  const legacyPlugin = legacy?.[1] ? legacyRoutes.get(legacy[1]) : undefined;
  if (legacy && legacyPlugin)
    return { pluginId: legacyPlugin, accountId: null, kind: legacy[2] ? 'status' : 'inbound' };
  return null;
}

/** The Parley message id a status-callback URL carries. */
export function messageIdOf(url: string): string | null {
  return new URL(url).searchParams.get('messageId');
}
