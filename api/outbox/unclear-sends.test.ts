import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SendMessageDocument } from '../../clients/generated/graphql.ts';
import { rawId, startTestServer, type TestServer } from '../test/harness.ts';
import { type Hiring, setUpHiring, waitFor } from '../test/messaging-fixture.ts';
import { optIn } from '../test/opted-in.ts';
import { createOutboxWorker } from './worker.ts';

const LEASE_MS = 400;

describe('outbox: unclear sends, atomic records, independent deliveries', () => {
  let server: TestServer;
  const worker = (options: { sendTimeoutMs?: number; leaseMs?: number } = {}) =>
    createOutboxWorker({
      prisma: server.app.services.prisma,
      channels: server.app.services.channels,
      relay: server.app.services.relay,
      log: pino({ level: 'silent' }),
      publicUrl: server.publicUrl,
      leaseMs: options.leaseMs ?? LEASE_MS,
      maxAttempts: 5,
      retryBaseMs: 20,
      pollMs: 25,
      sendTimeoutMs: options.sendTimeoutMs ?? 10_000,
    });

  beforeAll(async () => {
    server = await startTestServer({ env: { OUTBOX_WORKER: 'off' } });
  });
  afterAll(() => server?.stop());

  let seq = 0;
  async function queue(h: Hiring, body: string) {
    const { sendMessage } = await h.recruiter.client.request(SendMessageDocument, {
      input: { conversationId: h.conversationId, channel: 'SMS', body, idempotencyKey: `unclear-${seq++}-${body}` },
    });
    if (sendMessage.__typename !== 'Message') throw new Error(JSON.stringify(sendMessage));
    return rawId(sendMessage.id);
  }
  async function hiring() {
    const h = await setUpHiring(server);
    await optIn(h);
    return h;
  }
  const outbox = (messageId: string) =>
    server.app.services.prisma.outboxEntry.findUniqueOrThrow({ where: { messageId } });
  const message = (messageId: string) =>
    server.app.services.prisma.message.findUniqueOrThrow({ where: { id: messageId } });
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  /** Runs passes of one worker until the row is settled (DONE or FAILED). */
  async function settle(messageId: string, w = worker()) {
    await waitFor(
      async () => {
        await w.runOnce();
        const row = await outbox(messageId);
        return row.state === 'DONE' || row.state === 'FAILED';
      },
      'the outbox row to settle',
      8_000,
    );
  }

  for (const then of [502, 'drop'] as const) {
    it(`does not send twice when Twilio created the message and then ${then === 502 ? 'answered 502' : 'dropped the connection'}`, async () => {
      const h = await hiring();
      const id = await queue(h, `accepted then ${then}`);
      server.twilio.failNext(h.candidatePhone, { acceptThen: then });
      // Reconciled after a short delay, not after the lease (30 s here) that covers a worker that died.
      await settle(id, worker({ leaseMs: 30_000 }));
      expect(h.sentToCandidate()).toHaveLength(1);
      expect(await outbox(id)).toMatchObject({ state: 'DONE' });
      expect(await message(id)).toMatchObject({ status: 'SENT', providerMessageId: h.sentToCandidate()[0]?.sid });
    });
  }

  it('never sends twice over many connections dropped after Twilio created the message, or before it did', async () => {
    // 24 at once, two on each of 12 numbers (a long code sends one a second): mostly created then dropped,
    // now and then dropped before anything was created (then sent once more).
    const hirings = await Promise.all(Array.from({ length: 12 }, () => hiring()));
    const sends = hirings.flatMap((h, i) => [0, 1].map((j) => ({ h, body: `dropped ${i}.${j}`, n: 2 * i + j })));
    for (const { h, n } of sends)
      server.twilio.failNext(h.candidatePhone, n % 4 === 3 ? { drop: true } : { acceptThen: 'drop' });
    const ids = await Promise.all(sends.map(({ h, body }) => queue(h, body)));
    const w = worker({ leaseMs: 30_000 });
    w.start();
    try {
      await waitFor(
        async () => (await Promise.all(ids.map(outbox))).every((row) => row.state === 'DONE' || row.state === 'FAILED'),
        'every dropped send to settle',
        30_000,
      );
    } finally {
      await w.stop();
    }
    for (const [i, { h, body }] of sends.entries()) {
      const copies = h.sentToCandidate().filter((m) => m.body === body);
      expect(copies, body).toHaveLength(1);
      expect(await message(ids[i] as string), body).toMatchObject({
        status: 'SENT',
        providerMessageId: copies[0]?.sid,
      });
    }
  }, 90_000);

  it('still sends once when the unclear answer was a refusal after all (nothing created)', async () => {
    const h = await hiring();
    const id = await queue(h, 'refused with 503');
    server.twilio.failNext(h.candidatePhone, { status: 503, code: 20503, message: 'Service unavailable' });
    await settle(id);
    expect(h.sentToCandidate()).toHaveLength(1);
    expect(await message(id)).toMatchObject({ status: 'SENT', providerMessageId: h.sentToCandidate()[0]?.sid });
  });

  it('finds an unclear send however many messages between the same numbers came after it', async () => {
    const h = await hiring();
    const id = await queue(h, 'the unclear one');
    server.twilio.failNext(h.candidatePhone, { acceptThen: 502 });
    const w = worker();
    await w.runOnce();
    expect(h.sentToCandidate()).toHaveLength(1);
    for (let i = 0; i < 60; i++)
      server.twilio.addMessage({ from: h.sendingNumber, to: h.candidatePhone, body: `later ${i}` });
    await settle(id, w);
    expect(h.sentToCandidate().filter((m) => m.body === 'the unclear one')).toHaveLength(1);
    expect(await message(id)).toMatchObject({
      status: 'SENT',
      providerMessageId: h.sentToCandidate().find((m) => m.body === 'the unclear one')?.sid,
    });
  });

  it('never records a send in the outbox without the message (or a failure), whichever write fails', async () => {
    const prisma = server.app.services.prisma;
    const h = await hiring();
    const id = await queue(h, 'recorded together');
    // The message row refuses updates: the second write of a two-write record fails.
    await prisma.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION refuse_message_update() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql`);
    await prisma.$executeRawUnsafe(`
      CREATE TRIGGER refuse_message_update BEFORE UPDATE ON "Message"
      FOR EACH ROW WHEN (OLD.id = '${id}'::uuid) EXECUTE FUNCTION refuse_message_update()`);
    try {
      await worker().runOnce();
      expect(h.sentToCandidate()).toHaveLength(1);
      expect(await outbox(id)).toMatchObject({ state: 'SENDING' });
      expect(await message(id)).toMatchObject({ status: 'QUEUED', providerMessageId: null });

      const refused = await hiring();
      const refusedId = await queue(refused, 'refused, recorded together');
      await prisma.$executeRawUnsafe(`
        CREATE OR REPLACE TRIGGER refuse_message_update BEFORE UPDATE ON "Message"
        FOR EACH ROW WHEN (OLD.id IN ('${id}'::uuid, '${refusedId}'::uuid)) EXECUTE FUNCTION refuse_message_update()`);
      server.twilio.failNext(refused.candidatePhone, { status: 400, code: 21211, message: 'not a valid phone number' });
      await worker().runOnce();
      expect(await outbox(refusedId)).toMatchObject({ state: 'SENDING' });
      expect(await message(refusedId)).toMatchObject({ status: 'QUEUED' });
    } finally {
      await prisma.$executeRawUnsafe('DROP TRIGGER IF EXISTS refuse_message_update ON "Message"');
    }
    // Once writes work again, the lease runs out and reconciliation records what Twilio has.
    await sleep(LEASE_MS + 50);
    await settle(id);
    expect(h.sentToCandidate()).toHaveLength(1);
    expect(await outbox(id)).toMatchObject({ state: 'DONE' });
    expect(await message(id)).toMatchObject({ status: 'SENT', providerMessageId: h.sentToCandidate()[0]?.sid });
  });

  it('delivers other messages promptly while one provider call hangs, and settles the hung one without resending', async () => {
    const slow = await hiring();
    const others = await Promise.all(Array.from({ length: 5 }, () => hiring()));
    const releaseSlow = server.twilio.holdResponsesTo(slow.candidatePhone);
    // The lease is long, so only the call's own timeout can settle the hanging send. The timeout is well
    // beyond the time the others get: a worker that waited for the hanging call (or its timeout) fails.
    const w = worker({ sendTimeoutMs: 6_000, leaseMs: 30_000 });
    w.start();
    try {
      const slowId = await queue(slow, 'hangs');
      await waitFor(async () => slow.sentToCandidate().length === 1, 'the hanging call to reach Twilio');
      const ids = await Promise.all(others.map((h, i) => queue(h, `prompt ${i}`)));
      // Well before the hanging call's 6 s timeout (and its reconciliation 6 s later): nobody waits for it.
      await waitFor(
        async () => (await Promise.all(ids.map(message))).every((m) => m.status === 'SENT'),
        'the five other messages',
        2_500,
      );
      expect((await message(slowId)).status).toBe('QUEUED');
      // Past its timeout the hanging send is unclear: reconciled with Twilio, never sent blindly again.
      expect((await outbox(slowId)).lastError).toBeNull(); // the hanging call has not timed out yet
      await waitFor(async () => (await message(slowId)).status === 'SENT', 'the hung send to be reconciled', 20_000);
      expect(slow.sentToCandidate()).toHaveLength(1);
      expect((await message(slowId)).providerMessageId).toBe(slow.sentToCandidate()[0]?.sid);
      for (const h of others) expect(h.sentToCandidate()).toHaveLength(1);
    } finally {
      releaseSlow();
      await w.stop();
    }
  }, 45_000);
});
