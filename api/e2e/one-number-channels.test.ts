import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationChannelsDocument, SendOnChannelDocument } from '../../clients/generated/graphql.ts';
import { type FakeMetaApi, startFakeMetaApi } from '../../plugins/whatsapp/testing/fake-meta-api.ts';
import { rawId, startTestServer, type TestServer } from '../test/harness.ts';
import { setUpHiring, waitFor } from '../test/messaging-fixture.ts';
import { optIn } from '../test/opted-in.ts';
import { addWhatsApp, withWhatsApp } from '../test/whatsapp-fixture.ts';

/**
 * One number serving several channels: the tenant's SMS number is also its
 * WhatsApp business number. Each channel's row is its own (its account, its
 * pace), the conversation keeps the same number on both, each send goes through
 * its channel's provider, and each reply lands on the channel it came by.
 */
describe('one number serving SMS and WhatsApp', () => {
  let meta: FakeMetaApi;
  let server: TestServer;
  let keys = 0;

  beforeAll(async () => {
    meta = await startFakeMetaApi();
    server = await startTestServer({ env: withWhatsApp(meta) });
  });
  afterAll(async () => {
    await server?.stop();
    await meta?.close();
  });

  it('sends and receives on both channels through the one number, each by its own provider', async () => {
    const h = await setUpHiring(server, { consent: { sms: true, whatsapp: true } });
    await optIn(h);
    // The WhatsApp business number is the very number the tenant texts from.
    const wa = await addWhatsApp(
      server,
      meta,
      h,
      ['SMS', 'WHATSAPP'],
      meta.addAccount({ displayPhoneNumber: h.sendingNumber }),
    );
    expect(wa.number).toBe(h.sendingNumber);
    const rows = await server.app.services.prisma.sendingNumber.findMany({
      where: { tenantId: rawId(h.tenant.id), e164: h.sendingNumber, retiredAt: null },
      select: { channel: true, accountId: true },
      orderBy: { channel: 'asc' },
    });
    expect(rows.map((r) => r.channel)).toEqual(['SMS', 'WHATSAPP']);
    expect(rows.find((r) => r.channel === 'WHATSAPP')?.accountId).toBe(wa.accountId);

    // WhatsApp opens with the candidate's message; SMS is opted in.
    await wa.candidateWrites('Hi, is the job still open?');
    const send = async (channel: 'SMS' | 'WHATSAPP', body: string) => {
      const { sendMessage } = await h.recruiter.client.request(SendOnChannelDocument, {
        input: { conversationId: h.conversationId, channel, body, idempotencyKey: `one-number-${keys++}` },
      });
      if (sendMessage.__typename !== 'Message') throw new Error(JSON.stringify(sendMessage));
    };
    await send('SMS', 'By text: yes, it is.');
    await send('WHATSAPP', 'On WhatsApp: yes, it is.');
    await waitFor(async () => h.sentToCandidate().some((m) => m.body === 'By text: yes, it is.'), 'the SMS at Twilio');
    await waitFor(
      async () => wa.sentToCandidate().some((m) => m.body === 'On WhatsApp: yes, it is.'),
      'the WhatsApp message at Meta',
    );
    // Neither provider was asked to send the other channel's message.
    expect(h.sentToCandidate().map((m) => m.body)).not.toContain('On WhatsApp: yes, it is.');
    expect(wa.sentToCandidate().map((m) => m.body)).not.toContain('By text: yes, it is.');
    expect(await wa.conversation()).toMatchObject({ smsNumber: h.sendingNumber, whatsappNumber: h.sendingNumber });

    // Replies to the one number land on the channel they came by.
    await h.candidateTexts('Great, thanks (SMS)');
    await wa.candidateWrites('Great, thanks (WhatsApp)');
    const inbound = async () => {
      const { conversation } = await h.admin.client.request(ConversationChannelsDocument, { id: h.conversationId });
      return (conversation?.messages.edges ?? [])
        .map((e) => e.node)
        .filter((m) => m.direction === 'INBOUND')
        .map((m) => `${m.channel}:${m.body}`);
    };
    await waitFor(async () => (await inbound()).length === 3, 'three replies');
    expect((await inbound()).sort()).toEqual([
      'SMS:Great, thanks (SMS)',
      'WHATSAPP:Great, thanks (WhatsApp)',
      'WHATSAPP:Hi, is the job still open?',
    ]);
  });
});
