import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SendMessageDocument } from '../../clients/generated/graphql.ts';
import { testMode } from '../test/databases.ts';
import { rawId, startTestServer, type TestServer } from '../test/harness.ts';
import { setUpHiring, waitFor } from '../test/messaging-fixture.ts';
import { optIn } from '../test/opted-in.ts';
import { type SpawnedService, spawnService } from '../test/spawn-service.ts';

// A second service process on the same PostgreSQL database, killed with SIGKILL while it notifies.
describe.runIf(testMode === 'postgres')('the notifier, killed -9', () => {
  let server: TestServer;
  let other: SpawnedService | null = null;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    other?.child.kill('SIGKILL');
    await server?.stop();
  });

  it('leaves every notification stored exactly once after another copy resumes', async () => {
    const prisma = server.app.services.prisma;
    await server.app.notifier.stop();
    const h = await setUpHiring(server);
    const tenantId = rawId(h.tenant.id);
    await optIn(h);
    const { sendMessage } = await h.recruiter.client.request(SendMessageDocument, {
      input: { conversationId: h.conversationId, channel: 'SMS', body: 'Questions?', idempotencyKey: 'kill-test' },
    });
    expect(sendMessage.__typename).toBe('Message');
    const replies = 150;
    for (let i = 0; i < replies; i++) await h.candidateTexts(`reply ${i}`);
    await waitFor(
      async () => (await prisma.event.count({ where: { tenantId, position: null } })) === 0,
      'the relay to position every event',
    );

    other = spawnService({
      ...server.database.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      DEMO_TENANT: 'off',
      OUTBOX_WORKER: 'off',
      CHANNEL_CREDENTIALS_KEYS: `test:${Buffer.alloc(32, 7).toString('base64')}`,
    });
    await waitFor(
      async () => (await prisma.notification.count({ where: { tenantId } })) > 0,
      'the other process to store its first batch',
      60_000,
    );
    other.child.kill('SIGKILL');
    await new Promise((resolve) => other?.child.once('exit', resolve));
    const beforeResume = await prisma.notification.count({ where: { tenantId } });

    server.app.notifier.start();
    await waitFor(async () => {
      const [t, c] = await Promise.all([
        prisma.tenant.findUniqueOrThrow({ where: { id: tenantId } }),
        prisma.notifierCursor.findUnique({ where: { tenantId } }),
      ]);
      return c !== null && c.position === t.lastEventPosition;
    }, 'this copy to reach the end of the log');
    const stored = await prisma.notification.findMany({ where: { tenantId }, select: { messageId: true } });
    expect(beforeResume).toBeLessThanOrEqual(replies);
    expect(stored).toHaveLength(replies);
    expect(new Set(stored.map((n) => n.messageId)).size).toBe(replies);
    expect(await prisma.event.count({ where: { tenantId, type: 'NOTIFICATION_CREATED' } })).toBe(replies);
  }, 120_000);
});
