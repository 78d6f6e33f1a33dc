import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordConsentDocument, SendOnChannelDocument } from '../../clients/generated/graphql.ts';
import { type FakeMetaApi, startFakeMetaApi } from '../../plugins/whatsapp/testing/fake-meta-api.ts';
import { rawId, startTestServer, type TestServer } from '../test/harness.ts';
import { setUpHiring, waitFor } from '../test/messaging-fixture.ts';
import { addWhatsApp, withWhatsApp } from '../test/whatsapp-fixture.ts';

describe('WhatsApp free text that waits in the outbox past the session window', () => {
  let meta: FakeMetaApi;
  let server: TestServer;
  beforeAll(async () => {
    meta = await startFakeMetaApi();
    // A retry waits 2–4 s: long enough for the test to move the window's end before it.
    server = await startTestServer({ env: { ...withWhatsApp(meta), OUTBOX_RETRY_BASE_MS: '2000' } });
  });
  afterAll(async () => {
    await server?.stop();
    await meta?.close();
  });

  it('is not sent once the window closed, and the message says why', async () => {
    const h = await setUpHiring(server, { consent: null });
    const wa = await addWhatsApp(server, meta, h, ['WHATSAPP']);
    await h.recruiter.client.request(RecordConsentDocument, {
      input: { conversationId: h.conversationId, channel: 'WHATSAPP', granted: true, reason: 'Agreed by phone' },
    });
    await wa.candidateWrites('Hi there');
    // Meta throttles the first attempt (a transient refusal: retried later).
    meta.failNext(h.candidatePhone, { status: 429, code: 130429, message: 'Rate limit hit' });
    const { sendMessage } = await h.recruiter.client.request(SendOnChannelDocument, {
      input: {
        conversationId: h.conversationId,
        channel: 'WHATSAPP',
        body: 'Are you free on Monday?',
        idempotencyKey: `window-at-delivery-${Date.now()}`,
      },
    });
    if (sendMessage.__typename !== 'Message') throw new Error(JSON.stringify(sendMessage));
    const id = rawId(sendMessage.id);
    const prisma = server.app.services.prisma;
    await waitFor(
      async () => ((await prisma.outboxEntry.findUnique({ where: { messageId: id } }))?.attempts ?? 0) >= 1,
      'the first, throttled attempt',
    );
    // Before the retry, the candidate's message turns 25 hours old: the window has closed meanwhile.
    await wa.candidateWroteAt(new Date(Date.now() - 25 * 3_600_000));
    const failed = await waitFor(async () => {
      const m = await prisma.message.findUniqueOrThrow({ where: { id } });
      return m.status === 'FAILED' ? m : null;
    }, 'the message refused at delivery');
    expect(failed).toMatchObject({ errorCode: 'POLICY_REFUSED:SESSION_WINDOW_CLOSED' });
    expect(failed.errorMessage).toContain('re-engagement template');
    expect(wa.sentToCandidate().filter((m) => m.body === 'Are you free on Monday?')).toEqual([]);
  });
});
