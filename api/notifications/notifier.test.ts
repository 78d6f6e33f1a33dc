import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SendMessageDocument } from '../../clients/generated/graphql.ts';
import { scopeToTenant } from '../db/tenant-scope.ts';
import { appendEvents } from '../events/append.ts';
import { testMode } from '../test/databases.ts';
import { LogCapture, rawId, startTestServer, type TestServer } from '../test/harness.ts';
import { type Hiring, setUpHiring, waitFor } from '../test/messaging-fixture.ts';
import { optIn } from '../test/opted-in.ts';
import { captureSql } from '../test/sql-capture.ts';
import { createNotifier } from './notifier.ts';
import { storeNotifications } from './store.ts';

describe('the notifier', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.stop());

  const prisma = () => server.app.services.prisma;
  const notifier = (eventsPerPass: number, logs = new LogCapture()) =>
    createNotifier({ prisma: prisma(), relay: { wake() {} }, log: pino(logs), pollMs: 20, eventsPerPass });
  const allPositioned = (tenantId: string) =>
    waitFor(
      async () => (await prisma().event.count({ where: { tenantId, position: null } })) === 0,
      'the relay to position every event',
    );
  const caughtUp = (tenantId: string) =>
    waitFor(async () => {
      const [t, c] = await Promise.all([
        prisma().tenant.findUniqueOrThrow({ where: { id: tenantId } }),
        prisma().notifierCursor.findUnique({ where: { tenantId } }),
      ]);
      return c !== null && c.position === t.lastEventPosition;
    }, 'the notifier to reach the end of the log');
  const repliesIn = async (h: Hiring, n: number) => {
    await optIn(h);
    const { sendMessage } = await h.recruiter.client.request(SendMessageDocument, {
      input: { conversationId: h.conversationId, channel: 'SMS', body: 'Questions?', idempotencyKey: h.conversationId },
    });
    expect(sendMessage.__typename).toBe('Message');
    for (let i = 0; i < n; i++) await h.candidateTexts(`reply ${i}`);
  };

  it('notifies exactly once when stopped mid-way and when copies run at the same time', async () => {
    await server.app.notifier.stop();
    const h = await setUpHiring(server);
    const tenantId = rawId(h.tenant.id);
    await repliesIn(h, 30);
    await allPositioned(tenantId);

    // One copy handles small batches and stops in the middle of the replies.
    const first = notifier(4);
    while ((await prisma().notification.count({ where: { tenantId } })) === 0) await first.runOnce();
    const midway = await prisma().notification.count({ where: { tenantId } });
    expect(midway).toBeGreaterThan(0);
    expect(midway).toBeLessThan(30);
    // Three copies (the service's own among them) take up the rest at once.
    const copies = [notifier(3), notifier(7)];
    for (const c of copies) c.start();
    server.app.notifier.start();
    await caughtUp(tenantId);
    await Promise.all(copies.map((c) => c.stop()));

    const stored = await prisma().notification.findMany({ where: { tenantId }, orderBy: { createdAt: 'asc' } });
    expect(stored).toHaveLength(30);
    expect(new Set(stored.map((n) => n.messageId)).size).toBe(30);
    expect(stored.every((n) => n.userId === rawId(h.recruiter.user.id) && n.kind === 'CANDIDATE_REPLIED')).toBe(true);
    expect(await prisma().event.count({ where: { tenantId, type: 'NOTIFICATION_CREATED' } })).toBe(30);
  });

  it.runIf(testMode === 'postgres')('tells of 20 replies in as many statements as of one', async () => {
    await server.app.notifier.stop();
    try {
      const h = await setUpHiring(server);
      const tenantId = rawId(h.tenant.id);
      const copy = notifier(100);
      const pass = async (replies: number) => {
        for (let i = 0; i < replies; i++) await h.candidateTexts(`reply ${i}`);
        await allPositioned(tenantId);
        // The relay's own statements stay out of the capture (the events are already placed).
        await server.app.services.relay.stop();
        try {
          return (await captureSql(async () => expect(await copy.runOnce()).toBeGreaterThanOrEqual(replies))).length;
        } finally {
          server.app.services.relay.start();
        }
      };
      await repliesIn(h, 1);
      await pass(0);
      // The capture also sees what other loops (the outbox) run meanwhile: the fewer of two passes is the notifier's own.
      const one = Math.min(await pass(1), await pass(1));
      const twenty = Math.min(await pass(20), await pass(20));
      expect(twenty).toBe(one);
      expect(await prisma().notification.count({ where: { tenantId, kind: 'CANDIDATE_REPLIED' } })).toBe(43);
    } finally {
      server.app.notifier.start();
    }
  });

  it('stores an event’s notification once however often it is handled', async () => {
    const h = await setUpHiring(server);
    const tenantId = rawId(h.tenant.id);
    const draft = {
      kind: 'CREDITS_LOW' as const,
      userIds: [rawId(h.admin.user.id), rawId(h.admin.user.id)],
      text: 'Credits are low',
      payload: { available: 1, threshold: 2 },
    };
    const eventId = '01900000-0000-7000-8000-000000000001';
    const db = scopeToTenant(prisma(), tenantId);
    const counts = [
      await db.$transaction((tx) => storeNotifications(tx, tenantId, [{ eventId, drafts: [draft] }])),
      await db.$transaction((tx) => storeNotifications(tx, tenantId, [{ eventId, drafts: [draft] }])),
    ];
    expect(counts).toEqual([1, 0]);
    expect(await prisma().notification.count({ where: { tenantId } })).toBe(1);
    expect(await prisma().event.count({ where: { tenantId, type: 'NOTIFICATION_CREATED' } })).toBe(1);
  });

  it('goes on with other tenants, and past an event that keeps failing, logging it', async () => {
    await server.app.notifier.stop();
    const [stuck, fine] = [await setUpHiring(server), await setUpHiring(server)];
    const candidate = await prisma().candidate.findFirstOrThrow({ where: { tenantId: rawId(stuck.tenant.id) } });
    // An event no code path writes: its channel is no channel, so handling it fails every time.
    await appendEvents(prisma(), rawId(stuck.tenant.id), [
      {
        type: 'CONSENT_CHANGED',
        subjectId: candidate.id,
        payload: { channel: 'PIGEON', to: 'OPTED_IN', source: 'KEYWORD' },
      },
    ]);
    await repliesIn(stuck, 1);
    await repliesIn(fine, 1);
    const logs = new LogCapture();
    const copy = notifier(100, logs);
    copy.start();
    try {
      await caughtUp(rawId(fine.tenant.id));
      expect(await prisma().notification.count({ where: { tenantId: rawId(fine.tenant.id) } })).toBe(1);
      // The stuck tenant's reply, after the bad event, is still told once the bad event is skipped.
      await caughtUp(rawId(stuck.tenant.id));
      expect(
        await prisma().notification.findMany({ where: { tenantId: rawId(stuck.tenant.id) }, select: { text: true } }),
      ).toEqual([{ text: 'reply 0' }]);
      expect(logs.text).toContain('an event keeps failing');
    } finally {
      await copy.stop();
      server.app.notifier.start();
    }
  });
});
