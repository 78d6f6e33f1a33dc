import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateUserDocument, CreateWebhookEndpointDocument } from '../../clients/generated/graphql.ts';
import { presentTenantEvent } from '../../schema/webhook-payload.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { waitFor } from '../test/messaging-fixture.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../test/webhook-receiver.ts';
import { createWebhookWorker, type WebhookWorker } from '../webhooks-out/worker.ts';

describe('outbound webhooks from two copies of the service', () => {
  let server: TestServer;
  let receiver: WebhookReceiver;
  const workers: WebhookWorker[] = [];
  beforeAll(async () => {
    // The service's own worker is off: two workers on its database stand for two copies.
    server = await startTestServer({ env: { WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_WORKER: 'off' } });
    receiver = await startWebhookReceiver(() => ({ status: 200, afterMs: 150 }));
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await receiver?.close();
    await server?.stop();
  });

  it('send every event exactly once, with at most 4 in flight to the endpoint across both', async () => {
    const tenant = await server.createTenant();
    const { createWebhookEndpoint: created } = await tenant.client.request(CreateWebhookEndpointDocument, {
      input: { url: receiver.url, eventTypes: ['USER_CREATED'] },
    });
    expect(created.__typename).toBe('CreatedWebhookEndpoint');
    const users = 16;
    for (let i = 0; i < users; i++) {
      await tenant.client.request(CreateUserDocument, { input: { name: `Copy ${i}`, email: `copy-${i}@example.com` } });
    }
    for (let i = 0; i < 2; i++) {
      const worker = createWebhookWorker({
        prisma: server.app.services.prisma,
        cipher: server.app.services.channels.cipher,
        relay: server.app.services.relay,
        log: pino({ level: 'silent' }),
        present: presentTenantEvent,
        config: { ...server.config.webhooks, worker: true },
        retentionDays: server.config.eventRetentionDays,
      });
      workers.push(worker);
      worker.start();
    }
    await waitFor(async () => receiver.received.length >= users, 'every event', 20_000);
    await new Promise((r) => setTimeout(r, 500));
    const ids = receiver.received.map((r) => r.headers['webhook-id']);
    expect(ids).toHaveLength(users);
    expect(new Set(ids).size).toBe(users);
    expect(receiver.maxInFlight()).toBeLessThanOrEqual(server.config.webhooks.endpointConcurrency);
    expect(receiver.maxInFlight()).toBeGreaterThan(1);
  });
});
