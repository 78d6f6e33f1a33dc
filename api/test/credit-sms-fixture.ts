import {
  AddSendingNumberDocument,
  AllowPlatformAccountDocument,
  CreateChannelAccountDocument,
  TopUpCreditsDocument,
} from '../../clients/generated/graphql.ts';
import type { FakeGateway } from '../../plugins/credit-sms/testing/fake-gateway.ts';
import { rawId, type TestServer } from './harness.ts';
import { setUpHiring, usNumber } from './messaging-fixture.ts';

/**
 * A tenant that sends SMS only through its credit-sms account (the platform's
 * account withdrawn), with the hiring set-up of `setUpHiring` moved onto a
 * number of that account, the gateway's webhooks pointed at Parley, and
 * `credits` topped up.
 */
export async function setUpCreditSms(
  server: TestServer,
  gateway: FakeGateway,
  options: { credits?: number; consent?: { sms?: boolean } | null } = {},
) {
  const h = await setUpHiring(server, { consent: options.consent });
  const allow = await server.operator.request(AllowPlatformAccountDocument, {
    tenantId: h.tenant.id,
    channel: 'SMS',
    allowed: false,
  });
  if (allow.allowPlatformAccount.__typename !== 'Tenant') throw new Error(JSON.stringify(allow));
  const { createChannelAccount: account } = await server.operator.request(CreateChannelAccountDocument, {
    tenantId: h.tenant.id,
    pluginId: 'credit-sms',
    label: 'Credit gateway',
    credentials: gateway.credentials,
  });
  if (account.__typename !== 'ChannelAccount') throw new Error(JSON.stringify(account));
  // The hiring set-up's number belongs to the platform's account, which this tenant may no longer use:
  // the conversation has none yet, so routing picks the credit-sms number.
  const sendingNumber = usNumber();
  const { addSendingNumber } = await server.operator.request(AddSendingNumberDocument, {
    tenantId: h.tenant.id,
    e164: sendingNumber,
    channelAccountId: account.id,
  });
  if (addSendingNumber.__typename !== 'SendingNumber') throw new Error(JSON.stringify(addSendingNumber));
  const accountId = rawId(account.id);
  gateway.setWebhookUrl(`${server.publicUrl}/webhooks/credit-sms/${accountId}`);
  if (options.credits) await topUp(server, h.tenant.id, options.credits);
  return { ...h, accountId, sendingNumber };
}

export async function topUp(server: TestServer, tenantId: string, credits: number, idempotencyKey?: string) {
  const { topUpCredits } = await server.operator.request(TopUpCreditsDocument, {
    tenantId,
    credits,
    note: 'test top-up',
    idempotencyKey,
  });
  if (topUpCredits.__typename !== 'CreditBalance') throw new Error(JSON.stringify(topUpCredits));
  return topUpCredits;
}
