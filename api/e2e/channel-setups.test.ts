import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AllowPlatformAccountDocument,
  ConversationChannelsDocument,
  RecordConsentDocument,
  SendConsentInviteDocument,
  SendOnChannelDocument,
  SendReengagementTemplateDocument,
  SimulateInboundMessageDocument,
} from '../../clients/generated/graphql.ts';
import { type FakeGateway, startFakeGateway } from '../../plugins/credit-sms/testing/fake-gateway.ts';
import { type FakeMetaApi, startFakeMetaApi } from '../../plugins/whatsapp/testing/fake-meta-api.ts';
import { ensureDemoTenant } from '../demo-tenant.ts';
import { setUpCreditSms } from '../test/credit-sms-fixture.ts';
import { rawId, startTestServer, type TestServer } from '../test/harness.ts';
import { setUpHiring, waitFor } from '../test/messaging-fixture.ts';
import { addWhatsApp } from '../test/whatsapp-fixture.ts';

type Channel = 'SMS' | 'WHATSAPP';
type Client = TestServer['operator'];
let keys = 0;

/**
 * The issue's definition of done for channels: a tenant on WhatsApp only, one on
 * credit-billed SMS only, one on Twilio SMS and WhatsApp together, and the demo
 * tenant on the sandbox each hold a whole conversation (consent, a message out,
 * its delivery report, the candidate's reply) through the public API and the
 * providers' signed webhooks, with each plugin against its loopback fake.
 */
describe('a whole conversation on each channel set-up a tenant can run', () => {
  let meta: FakeMetaApi;
  let gateway: FakeGateway;
  let server: TestServer;
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-demo-'));

  beforeAll(async () => {
    [meta, gateway] = await Promise.all([startFakeMetaApi(), startFakeGateway()]);
    server = await startTestServer({
      env: {
        CHANNEL_PLUGINS:
          './plugins/twilio-sms/index.ts,./plugins/sandbox/index.ts,./plugins/credit-sms/index.ts,./plugins/whatsapp/index.ts',
        WHATSAPP_API_URL: meta.url,
        CREDIT_SMS_API_URL: gateway.baseUrl,
        SANDBOX_DELIVERY_DELAY_MS: '50-150',
      },
    });
  });
  afterAll(async () => {
    await server?.stop();
    await Promise.all([meta?.close(), gateway?.close()]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function messages(client: Client, conversationId: string) {
    const { conversation } = await client.request(ConversationChannelsDocument, { id: conversationId });
    if (!conversation) throw new Error('conversation not readable');
    return conversation.messages.edges.map((e) => e.node);
  }
  async function send(client: Client, conversationId: string, channel: Channel, body: string) {
    const { sendMessage } = await client.request(SendOnChannelDocument, {
      input: { conversationId, channel, body, idempotencyKey: `setups-${Date.now()}-${keys++}` },
    });
    if (sendMessage.__typename !== 'Message') throw new Error(JSON.stringify(sendMessage));
    return sendMessage.id;
  }
  /** The provider's delivery report reached the message, as the recruiter reads it. */
  const delivered = (client: Client, conversationId: string, id: string) =>
    waitFor(
      async () =>
        ['DELIVERED', 'READ'].includes((await messages(client, conversationId)).find((m) => m.id === id)?.status ?? ''),
      `message ${id} delivered`,
      15_000,
    );
  const replied = (client: Client, conversationId: string, channel: Channel, body: string) =>
    waitFor(
      async () =>
        (await messages(client, conversationId)).find(
          (m) => m.direction === 'INBOUND' && m.channel === channel && m.body === body,
        ),
      `the reply "${body}"`,
    );

  it('WhatsApp only: consent recorded by the recruiter, the candidate writes, a reply goes out, is delivered and answered', async () => {
    const h = await setUpHiring(server, { consent: null });
    await server.operator.request(AllowPlatformAccountDocument, {
      tenantId: h.tenant.id,
      channel: 'SMS',
      allowed: false,
    });
    const wa = await addWhatsApp(server, meta, h, ['WHATSAPP']);
    expect(await wa.lock('SMS')).toMatchObject({ locked: true, reason: 'CHANNEL_DISABLED' });

    const { recordConsent } = await h.recruiter.client.request(RecordConsentDocument, {
      input: { conversationId: h.conversationId, channel: 'WHATSAPP', granted: true, reason: 'Agreed on the phone' },
    });
    expect(recordConsent.__typename).toBe('Conversation');
    await wa.candidateWrites('Hello, I applied for the barista role');
    expect(await wa.lock()).toMatchObject({ locked: false, sessionWindow: { open: true } });

    const id = await send(h.recruiter.client, h.conversationId, 'WHATSAPP', 'Thanks! Are you free on Monday?');
    const sent = await waitFor(async () => wa.sentToCandidate().at(-1), 'the WhatsApp message at Meta');
    expect(sent).toMatchObject({ type: 'text', body: 'Thanks! Are you free on Monday?', from: wa.number });
    await wa.reportDelivered(sent);
    await delivered(h.admin.client, h.conversationId, id);
    await wa.candidateWrites('Monday works');
    await replied(h.admin.client, h.conversationId, 'WHATSAPP', 'Monday works');
    expect(h.sentToCandidate()).toEqual([]);
  });

  it('Twilio SMS and WhatsApp together: an SMS conversation by invitation, and WhatsApp re-engaged by its template', async () => {
    const h = await setUpHiring(server, { consent: { sms: true, whatsapp: true } });
    const wa = await addWhatsApp(server, meta, h, ['SMS', 'WHATSAPP']);

    // SMS: invitation, YES, a message, Twilio's delivery report, a reply.
    const { sendConsentInvite } = await h.recruiter.client.request(SendConsentInviteDocument, {
      conversationId: h.conversationId,
    });
    expect(sendConsentInvite.__typename).toBe('Message');
    await waitFor(async () => h.sentToCandidate().length === 1, 'the invitation at Twilio');
    await h.candidateTexts('YES');
    const smsId = await send(h.recruiter.client, h.conversationId, 'SMS', 'Can you come in on Monday?');
    const twilioMessage = await waitFor(
      async () => h.sentToCandidate().find((m) => m.body === 'Can you come in on Monday?'),
      'the SMS at Twilio',
    );
    expect((await server.twilio.reportStatus(twilioMessage, 'delivered')).status).toBe(200);
    await delivered(h.admin.client, h.conversationId, smsId);
    await h.candidateTexts('See you Monday');
    await replied(h.admin.client, h.conversationId, 'SMS', 'See you Monday');

    // WhatsApp: the form's consent; the window is closed until the candidate answers the template.
    const { sendReengagementTemplate } = await h.recruiter.client.request(SendReengagementTemplateDocument, {
      input: { conversationId: h.conversationId, idempotencyKey: `setups-template-${keys++}` },
    });
    expect(sendReengagementTemplate.__typename).toBe('Message');
    const template = await waitFor(async () => wa.sentToCandidate().find((m) => m.template), 'the template at Meta');
    await wa.reportDelivered(template);
    await wa.candidateWrites('Yes, keep me posted here');
    const waId = await send(h.recruiter.client, h.conversationId, 'WHATSAPP', 'Great, the address is 1 Main St.');
    const waSent = await waitFor(
      async () => wa.sentToCandidate().find((m) => m.body === 'Great, the address is 1 Main St.'),
      'the WhatsApp message at Meta',
    );
    await wa.reportDelivered(waSent);
    await delivered(h.admin.client, h.conversationId, waId);
    await wa.candidateWrites('Thank you!');
    await replied(h.admin.client, h.conversationId, 'WHATSAPP', 'Thank you!');
    expect(await wa.conversation()).toMatchObject({ smsNumber: h.sendingNumber, whatsappNumber: wa.number });
  });

  it('credit-billed SMS only: invitation, YES, a message, the gateway’s delivery report and a reply, paid in credits', async () => {
    const h = await setUpCreditSms(server, gateway, { credits: 10 });
    await h.recruiter.client.request(SendConsentInviteDocument, { conversationId: h.conversationId });
    await waitFor(async () => gateway.messages.find((m) => m.to === h.candidatePhone), 'the invitation at the gateway');
    await gateway.deliverInbound({ from: h.candidatePhone, to: h.sendingNumber, body: 'YES' });
    const id = await send(h.recruiter.client, h.conversationId, 'SMS', 'Your interview is on Monday at 10.');
    const message = await waitFor(
      async () => gateway.messages.find((m) => m.body === 'Your interview is on Monday at 10.'),
      'the SMS at the gateway',
    );
    expect((await gateway.reportStatus(message.id, 'DELIVERED')).status).toBe(200);
    await delivered(h.admin.client, h.conversationId, id);
    await gateway.deliverInbound({ from: h.candidatePhone, to: h.sendingNumber, body: 'Thanks, see you' });
    await replied(h.admin.client, h.conversationId, 'SMS', 'Thanks, see you');
    const balance = await server.app.services.prisma.creditBalance.findUniqueOrThrow({
      where: { tenantId: rawId(h.tenant.id) },
    });
    expect(balance.available).toBe(8);
  });

  it('the demo tenant on the sandbox: invitation, the simulated YES, a message delivered, a simulated reply', async () => {
    const demo = await ensureDemoTenant(server.app.services, dataDir);
    if (!demo.sandbox) throw new Error('the demo has no sandbox');
    const admin = server.client(demo.userToken);
    const partner = server.client(demo.apiKey);
    const { conversationId } = demo.sandbox;
    const { sendConsentInvite } = await admin.request(SendConsentInviteDocument, { conversationId });
    expect(sendConsentInvite.__typename).toBe('Message');
    const answer = (body: string) =>
      partner.request(SimulateInboundMessageDocument, {
        input: { from: demo.sandbox?.candidatePhone as string, body },
      });
    expect((await answer('YES')).simulateInboundMessage.__typename).toBe('SimulatedInboundMessage');
    const id = await send(admin, conversationId, 'SMS', 'Welcome! When can you start?');
    await delivered(admin, conversationId, id);
    await answer('Next week');
    await replied(admin, conversationId, 'SMS', 'Next week');
  });
});
