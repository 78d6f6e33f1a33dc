import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { decodeGlobalID } from '@pothos/plugin-relay';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CreateTenantDocument,
  CreateUserDocument,
  CreateWebhookEndpointDocument,
} from '../../clients/generated/graphql.ts';
import { createParleyClient } from '../../clients/parley-client.ts';
import { createTestDatabase, testMode } from '../test/databases.ts';
import { waitFor } from '../test/messaging-fixture.ts';
import { type SpawnedService, spawnService } from '../test/spawn-service.ts';
import { startWebhookReceiver } from '../test/webhook-receiver.ts';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

// Two processes on one PostgreSQL database; the embedded database belongs to one process.
describe.skipIf(testMode !== 'postgres')('outbound webhooks across a kill -9', () => {
  const services: SpawnedService[] = [];
  afterAll(async () => {
    for (const s of services) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
  });

  it('a new copy delivers every event committed before the crash, none skipped', async () => {
    const database = await createTestDatabase();
    const receiver = await startWebhookReceiver(() => ({ status: 200, afterMs: 20 }));
    const operatorKey = randomBytes(24).toString('hex');
    const start = async () => {
      const port = await freePort();
      const service = spawnService({
        ...database.env,
        REDIS_URL: undefined,
        PORT: String(port),
        HOST: '127.0.0.1',
        OPERATOR_KEY: operatorKey,
        WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
        WEBHOOK_SEND_TIMEOUT_MS: '1000',
        WEBHOOK_CONCURRENCY: '2',
        WEBHOOK_ENDPOINT_CONCURRENCY: '1',
        DEMO_TENANT: 'off',
      });
      services.push(service);
      await service.waitFor(/"msg":"listening"/);
      return { service, url: `http://127.0.0.1:${port}/graphql` };
    };
    try {
      const first = await start();
      const operator = createParleyClient({ url: first.url, credential: operatorKey });
      const { createTenant } = await operator.request(CreateTenantDocument, { input: { name: 'Crashers' } });
      if (createTenant.__typename !== 'CreatedTenant') throw new Error(JSON.stringify(createTenant));
      const tenant = createParleyClient({ url: first.url, credential: createTenant.apiKeySecret });
      await tenant.request(CreateWebhookEndpointDocument, {
        input: { url: receiver.url, eventTypes: ['USER_CREATED'] },
      });
      const writes = Array.from({ length: 40 }, (_, i) =>
        tenant
          .request(CreateUserDocument, { input: { name: `Crash ${i}`, email: `crash-${i}@example.com` } })
          .catch(() => null),
      );
      await waitFor(async () => receiver.received.length >= 3, 'the first deliveries', 20_000);
      first.service.child.kill('SIGKILL');
      await Promise.all(writes);
      await Promise.all([operator.close(), tenant.close()]);
      const before = receiver.received.length;

      await start();
      const db = new pg.Client({ connectionString: database.url });
      await db.connect();
      const { rows } = await db.query<{ id: string }>(
        `SELECT u.id FROM "User" u JOIN "Tenant" t ON t.id = u."tenantId" WHERE t.name = 'Crashers'`,
      );
      await db.end();
      const delivered = () => new Set(receiver.bodies().map((b) => decodeGlobalID(b.data.subjectId).id));
      await waitFor(
        async () => rows.every((r) => delivered().has(r.id)),
        `every committed user (${rows.length}; delivered so far: ${delivered().size})`,
        30_000,
      );
      expect(rows.length).toBeGreaterThan(before);
      const positions = [...new Set(receiver.bodies().map((b) => b.data.cursor as string))].map((c) =>
        Number(Buffer.from(c, 'base64url').toString().split(':')[1]),
      );
      expect(positions.length).toBe(rows.length);
    } finally {
      await receiver.close();
      for (const s of services) if (s.child.exitCode === null && s.child.signalCode === null) await s.stop();
      await database.drop();
    }
  }, 120_000);
});
