import type { ChannelCapabilities, ChannelKind, ChannelProvider } from '../../plugins/sdk/index.ts';
import twilioSms from '../../plugins/twilio-sms/index.ts';
import type { Config } from '../config.ts';

export type ConfiguredChannel = {
  pluginId: string;
  /** Its webhooks live under /webhooks/<route>/sms (inbound) and /webhooks/<route>/sms/status. */
  route: string;
  capabilities: ChannelCapabilities;
  provider: ChannelProvider | null;
};

/** Which plugin serves each channel, and its provider when credentials are configured. */
export type ChannelRegistry = {
  get(channel: ChannelKind): ConfiguredChannel | null;
  /** The provider that owns webhooks under /webhooks/<route>/… */
  byWebhookRoute(route: string): ConfiguredChannel | null;
};

export function createChannelRegistry(config: Config): ChannelRegistry {
  const sms: ConfiguredChannel = {
    pluginId: twilioSms.id,
    route: 'twilio',
    capabilities: twilioSms.capabilities,
    provider: config.twilio
      ? twilioSms.create(
          twilioSms.credentials.parse({ accountSid: config.twilio.accountSid, authToken: config.twilio.authToken }),
          config.twilio.apiBaseUrl ? { apiBaseUrl: config.twilio.apiBaseUrl } : {},
        )
      : null,
  };
  return {
    get: (channel) => (channel === 'SMS' ? sms : null),
    byWebhookRoute: (route) => (route === sms.route ? sms : null),
  };
}
