import {
  AddSendingNumberDocument,
  ConversationChannelsDocument,
  CreateChannelAccountDocument,
  UpdateReengagementSettingsDocument,
} from '../../clients/generated/graphql.ts';
import type { FakeMetaAccount, FakeMetaApi } from '../../plugins/whatsapp/testing/fake-meta-api.ts';
import { rawId, type TestServer } from './harness.ts';
import { type Hiring, usNumber } from './messaging-fixture.ts';

/** The server's environment with the WhatsApp plugin loaded beside the shipped ones, talking to `meta`. */
export const withWhatsApp = (meta: FakeMetaApi) => ({
  CHANNEL_PLUGINS: './plugins/twilio-sms/index.ts,./plugins/sandbox/index.ts,./plugins/whatsapp/index.ts',
  WHATSAPP_API_URL: meta.url,
});

/**
 * Gives the hiring set-up's tenant a WhatsApp account of its own (a business
 * number at the fake Meta API) and enables the channels asked for: SMS and
 * WhatsApp, or WhatsApp only.
 */
export async function addWhatsApp(
  server: TestServer,
  meta: FakeMetaApi,
  h: Hiring,
  enabledChannels: ('SMS' | 'WHATSAPP')[],
  account: FakeMetaAccount = meta.addAccount({ displayPhoneNumber: usNumber() }),
) {
  const { createChannelAccount: created } = await server.operator.request(CreateChannelAccountDocument, {
    tenantId: h.tenant.id,
    pluginId: 'whatsapp',
    label: 'WhatsApp',
    credentials: account.credentials,
  });
  if (created.__typename !== 'ChannelAccount') throw new Error(JSON.stringify(created));
  const { addSendingNumber } = await server.operator.request(AddSendingNumberDocument, {
    tenantId: h.tenant.id,
    e164: account.displayPhoneNumber,
    channel: 'WHATSAPP',
    channelAccountId: created.id,
  });
  if (addSendingNumber.__typename !== 'SendingNumber') throw new Error(JSON.stringify(addSendingNumber));
  const { updateTenantSettings } = await h.tenant.client.request(UpdateReengagementSettingsDocument, {
    input: { enabledChannels },
  });
  if (updateTenantSettings.__typename !== 'Tenant') throw new Error(JSON.stringify(updateTenantSettings));
  const accountId = rawId(created.id);
  const inboundUrl = `${server.publicUrl}/webhooks/whatsapp/${accountId}/inbound`;

  return {
    number: account.displayPhoneNumber,
    accountId,
    /** Meta's callback URL for the account: inbound messages and statuses. */
    inboundUrl,
    /** The candidate writes to the tenant's WhatsApp number: Meta's signed webhook. */
    async candidateWrites(body: string) {
      const { response } = await account.postInbound(inboundUrl, { from: h.candidatePhone, body });
      if (response.status !== 200) throw new Error(`WhatsApp webhook answered ${response.status}`);
    },
    /** Meta reports a message it sent as sent, then delivered (signed). */
    async reportDelivered(message: (typeof account.sent)[number]) {
      for (const status of ['sent', 'delivered'] as const) {
        const response = await account.postStatus(inboundUrl, message, status);
        if (response.status !== 200) throw new Error(`WhatsApp status webhook answered ${response.status}`);
      }
    },
    /** What Meta was asked to send to the candidate from this number. */
    sentToCandidate: () => account.sent.filter((m) => m.to === h.candidatePhone),
    async conversation() {
      const { conversation } = await h.admin.client.request(ConversationChannelsDocument, { id: h.conversationId });
      if (!conversation) throw new Error('conversation not readable by admin');
      return conversation;
    },
    async lock(channel: 'SMS' | 'WHATSAPP' = 'WHATSAPP') {
      const lock = (await this.conversation()).locks.find((l) => l.channel === channel);
      if (!lock) throw new Error(`no ${channel} lock`);
      return lock;
    },
    /** Moves the candidate's WhatsApp messages in this conversation back in time, as if they wrote then. */
    async candidateWroteAt(when: Date) {
      await server.app.services.prisma.message.updateMany({
        where: { conversationId: rawId(h.conversationId), direction: 'INBOUND', channel: 'WHATSAPP' },
        data: { createdAt: when },
      });
    },
  };
}
