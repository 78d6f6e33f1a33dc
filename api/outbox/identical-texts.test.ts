import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SendMessageDocument } from '../../clients/generated/graphql.ts';
import { rawId, startTestServer, type TestServer } from '../test/harness.ts';
import { type Hiring, setUpHiring, waitFor } from '../test/messaging-fixture.ts';
import { optIn } from '../test/opted-in.ts';
import { createOutboxWorker } from './worker.ts';

describe('outbox: reconciling identical texts sent seconds apart', () => {
  let server: TestServer;
  const worker = (retryBaseMs = 20) =>
    createOutboxWorker({
      prisma: server.app.services.prisma,
      channels: server.app.services.channels,
      relay: server.app.services.relay,
      log: pino({ level: 'silent' }),
      publicUrl: server.publicUrl,
      leaseMs: 30_000,
      maxAttempts: 5,
      retryBaseMs,
      pollMs: 25,
    });

  beforeAll(async () => {
    server = await startTestServer({ env: { OUTBOX_WORKER: 'off' } });
  });
  afterAll(() => server?.stop());

  let seq = 0;
  async function queue(h: Hiring, body: string) {
    const { sendMessage } = await h.recruiter.client.request(SendMessageDocument, {
      input: { conversationId: h.conversationId, channel: 'SMS', body, idempotencyKey: `identical-text-${seq++}` },
    });
    if (sendMessage.__typename !== 'Message') throw new Error(JSON.stringify(sendMessage));
    return rawId(sendMessage.id);
  }
  const outbox = (messageId: string) =>
    server.app.services.prisma.outboxEntry.findUniqueOrThrow({ where: { messageId } });
  const message = (messageId: string) =>
    server.app.services.prisma.message.findUniqueOrThrow({ where: { id: messageId } });

  it('gives each of two identical texts its own provider id when both sends are unclear, sending neither twice', async () => {
    const h = await setUpHiring(server);
    await optIn(h);
    // A short code (30 segments/s): the number's pace alone would let both go out at once.
    await server.app.services.prisma.sendingNumber.updateMany({
      where: { e164: h.sendingNumber },
      data: { numberType: 'SHORT_CODE' },
    });
    // Twilio creates each message and then the answer is lost: both sends are unclear.
    server.twilio.failNext(h.candidatePhone, { acceptThen: 502 }, { acceptThen: 502 });
    const first = await queue(h, 'See you at 10?');
    // The first is unclear, to be reconciled in 1.5 to 3 s.
    const slow = worker(1_500);
    await slow.runOnce();
    expect(h.sentToCandidate()).toHaveLength(1);
    expect(await outbox(first)).toMatchObject({ state: 'SENDING' });

    const second = await queue(h, 'See you at 10?');
    expect(await slow.runOnce()).toBe(0);
    // The second is not sent while the first is unresolved: a lookup could not tell them apart.
    expect(h.sentToCandidate()).toHaveLength(1);
    expect(await outbox(second)).toMatchObject({ state: 'PENDING', attempts: 0 });

    const w = worker();
    await waitFor(
      async () => {
        await w.runOnce();
        const rows = await Promise.all([outbox(first), outbox(second)]);
        return rows.every((r) => r.state === 'DONE');
      },
      'both texts to be reconciled',
      10_000,
    );
    const [one, two] = h.sentToCandidate();
    expect(h.sentToCandidate()).toHaveLength(2);
    expect(one?.body).toBe('See you at 10?');
    expect(two?.body).toBe('See you at 10?');
    // Each message has the provider id of its own send, in order: not the other's, not the same one twice.
    expect(await message(first)).toMatchObject({ status: 'SENT', providerMessageId: one?.sid });
    expect(await message(second)).toMatchObject({ status: 'SENT', providerMessageId: two?.sid });
  });

  it('never takes an earlier identical text, already sent, for a later one the provider never created', async () => {
    const h = await setUpHiring(server);
    await optIn(h);
    await server.app.services.prisma.sendingNumber.updateMany({
      where: { e164: h.sendingNumber },
      data: { numberType: 'SHORT_CODE' },
    });
    const w = worker();
    const done = (id: string, what: string) =>
      waitFor(
        async () => {
          await w.runOnce();
          return (await outbox(id)).state === 'DONE';
        },
        what,
        15_000,
      );
    const first = await queue(h, 'Running 5 min late');
    await done(first, 'the first text sent');
    expect(h.sentToCandidate()).toHaveLength(1);
    // Seconds later the same text again; the connection drops before Twilio created anything, so the
    // lookup finds only the first text's message at Twilio, within its window: that one is not this one's.
    server.twilio.failNext(h.candidatePhone, { drop: true });
    const second = await queue(h, 'Running 5 min late');
    await done(second, 'the second text reconciled, then sent');
    const [one, two] = h.sentToCandidate();
    expect(h.sentToCandidate()).toHaveLength(2);
    expect(await message(first)).toMatchObject({ status: 'SENT', providerMessageId: one?.sid });
    expect(await message(second)).toMatchObject({ status: 'SENT', providerMessageId: two?.sid });
  });
});
