import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SendMessageDocument } from '../../clients/generated/graphql.ts';
import type { ChannelProvider } from '../../plugins/sdk/index.ts';
import type { ChannelRegistry } from '../channels/registry.ts';
import { rawId, startTestServer, type TestServer } from '../test/harness.ts';
import { setUpHiring, waitFor } from '../test/messaging-fixture.ts';
import { optIn } from '../test/opted-in.ts';
import { createOutboxWorker } from './worker.ts';

const LEASE_MS = 400;

/** The real registry, but with a provider whose send never returns: a worker process that died in the call. */
function dyingRegistry(real: ChannelRegistry, reachesProvider: boolean): Pick<ChannelRegistry, 'providerFor'> {
  return {
    async providerFor(message) {
      const resolved = await real.providerFor(message);
      const sms = resolved.provider;
      if (!sms) throw new Error('no SMS provider');
      const provider: ChannelProvider = {
        ...sms,
        async send(outbound) {
          if (reachesProvider) await sms.send(outbound);
          return new Promise(() => {});
        },
      };
      return { ...resolved, provider };
    },
  };
}

describe('outbox workers that die mid-send', () => {
  let server: TestServer;
  const workerFor = (channels: Pick<ChannelRegistry, 'providerFor'>) =>
    createOutboxWorker({
      prisma: server.app.services.prisma,
      channels,
      relay: server.app.services.relay,
      log: pino({ level: 'silent' }),
      publicUrl: server.publicUrl,
      leaseMs: LEASE_MS,
      maxAttempts: 5,
      retryBaseMs: 20,
    });

  beforeAll(async () => {
    server = await startTestServer({ env: { OUTBOX_WORKER: 'off' } });
  });
  afterAll(() => server?.stop());

  async function queueOne(body: string) {
    const h = await setUpHiring(server);
    await optIn(h);
    const { sendMessage } = await h.recruiter.client.request(SendMessageDocument, {
      input: { conversationId: h.conversationId, channel: 'SMS', body, idempotencyKey: `crash-${body}` },
    });
    if (sendMessage.__typename !== 'Message') throw new Error(JSON.stringify(sendMessage));
    return { h, messageId: rawId(sendMessage.id) };
  }

  const outbox = (messageId: string) =>
    server.app.services.prisma.outboxEntry.findUniqueOrThrow({ where: { messageId } });
  const message = (messageId: string) =>
    server.app.services.prisma.message.findUniqueOrThrow({ where: { id: messageId } });

  it('sends exactly once after a worker died between claiming the row and calling Twilio', async () => {
    const { h, messageId } = await queueOne('claimed then died');
    void workerFor(dyingRegistry(server.app.services.channels, false)).runOnce();
    await waitFor(async () => (await outbox(messageId)).state === 'SENDING', 'the first worker to claim');
    expect(h.sentToCandidate()).toHaveLength(0);

    const survivor = workerFor(server.app.services.channels);
    expect(await survivor.runOnce()).toBe(0); // the lease still holds: nobody else touches the row
    await new Promise((r) => setTimeout(r, LEASE_MS + 100));
    await survivor.runOnce();
    expect(h.sentToCandidate()).toHaveLength(1);
    expect(await outbox(messageId)).toMatchObject({ state: 'DONE', attempts: 2 });
    expect(await message(messageId)).toMatchObject({ status: 'SENT', providerMessageId: h.sentToCandidate()[0]?.sid });
    await new Promise((r) => setTimeout(r, LEASE_MS + 100));
    await survivor.runOnce();
    expect(h.sentToCandidate()).toHaveLength(1);
  });

  it('does not send again when Twilio accepted the message but the worker died before recording it', async () => {
    const { h, messageId } = await queueOne('accepted then died');
    void workerFor(dyingRegistry(server.app.services.channels, true)).runOnce();
    await waitFor(async () => h.sentToCandidate().length === 1, 'Twilio to accept the first attempt');
    expect((await message(messageId)).providerMessageId).toBeNull();

    await new Promise((r) => setTimeout(r, LEASE_MS + 100));
    await workerFor(server.app.services.channels).runOnce();
    expect(h.sentToCandidate()).toHaveLength(1);
    expect(await message(messageId)).toMatchObject({ status: 'SENT', providerMessageId: h.sentToCandidate()[0]?.sid });
    expect((await outbox(messageId)).state).toBe('DONE');
  });

  it('lets two live workers share the queue without sending anything twice', async () => {
    const queued = await Promise.all(Array.from({ length: 6 }, (_, i) => queueOne(`shared ${i}`)));
    const [a, b] = [workerFor(server.app.services.channels), workerFor(server.app.services.channels)];
    await Promise.all([a.runOnce(), b.runOnce(), a.runOnce(), b.runOnce()]);
    for (const { h } of queued) expect(h.sentToCandidate()).toHaveLength(1);
  });
});
