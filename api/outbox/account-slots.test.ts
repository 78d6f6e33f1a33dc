import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddSendingNumberDocument, SendMessageDocument } from '../../clients/generated/graphql.ts';
import {
  type FakeTwilioApi,
  startFakeTwilioApi,
  startFakeTwilioEdge,
} from '../../plugins/twilio-sms/testing/fake-twilio-api.ts';
import { rawId, startTestServer, type TestServer } from '../test/harness.ts';
import { type Hiring, setUpHiring, usNumber, waitFor } from '../test/messaging-fixture.ts';
import { optIn } from '../test/opted-in.ts';
import { claimDue, claimExpired } from './claims.ts';
import { createOutboxWorker } from './worker.ts';

/** Calls in flight per provider account: the worker's default (of its 32 slots). */
const PER_ACCOUNT = 8;

describe('outbox: a hanging provider account holds at most its share of the slots', () => {
  let platform: FakeTwilioApi;
  let own: FakeTwilioApi;
  let edge: Awaited<ReturnType<typeof startFakeTwilioEdge>>;
  let server: TestServer;

  beforeAll(async () => {
    [platform, own] = await Promise.all([startFakeTwilioApi(), startFakeTwilioApi()]);
    // Twilio's API is one address for every account: the edge routes each call to the fake of its account.
    edge = await startFakeTwilioEdge([platform, own]);
    server = await startTestServer({ twilio: platform, env: { TWILIO_API_URL: edge.baseUrl, OUTBOX_WORKER: 'off' } });
  });
  afterAll(async () => {
    await server?.stop();
    await Promise.all([platform?.close(), own?.close(), edge?.close()]);
  });

  const prisma = () => server.app.services.prisma;
  const worker = (sendTimeoutMs: number) =>
    createOutboxWorker({
      prisma: prisma(),
      channels: server.app.services.channels,
      relay: server.app.services.relay,
      log: pino({ level: 'silent' }),
      publicUrl: server.publicUrl,
      leaseMs: 60_000,
      maxAttempts: 5,
      retryBaseMs: 20,
      pollMs: 25,
      sendTimeoutMs,
      accountConcurrency: PER_ACCOUNT,
    });

  /** Tenant A on its own Twilio account, with `numbers` sending numbers of that account (fast, so pacing holds nothing back). */
  async function ownAccountTenant(numbers: number) {
    const h = await setUpHiring(server, {
      ownTwilio: { accountSid: own.accountSid, authToken: own.authToken },
      providerOwns: own.ownNumbers,
    });
    await optIn(h);
    const extra: string[] = [];
    for (let i = 1; i < numbers; i++) {
      const e164 = usNumber();
      own.ownNumbers(e164);
      const { addSendingNumber } = await server.operator.request(AddSendingNumberDocument, {
        tenantId: h.tenant.id,
        e164,
        channelAccountId: h.channelAccountId,
      });
      if (addSendingNumber.__typename !== 'SendingNumber') throw new Error(JSON.stringify(addSendingNumber));
      extra.push(e164);
    }
    const all = [h.sendingNumber, ...extra];
    await prisma().sendingNumber.updateMany({ where: { e164: { in: all } }, data: { segmentsPerSecond: 1000 } });
    return { h, numbers: all };
  }

  /** Queues `count` messages from each of `numbers` to the hiring's candidate straight into the tables (as sendMessage writes them). */
  async function queueDirect(h: Hiring, numbers: string[], prefix: string, count: number, state = 'PENDING') {
    const conversationId = rawId(h.conversationId);
    const { tenantId } = await prisma().conversation.findUniqueOrThrow({ where: { id: conversationId } });
    return prisma().$queryRaw<{ id: string }[]>`
      WITH m AS (
        INSERT INTO "Message" (id, "tenantId", "conversationId", direction, channel, body, "fromNumber", "toNumber",
          status, segments, "createdAt")
        SELECT gen_random_uuid(), ${tenantId}::uuid, ${conversationId}::uuid, 'OUTBOUND', 'SMS',
          ${prefix} || ' ' || f.k || '.' || i, f.e164, ${h.candidatePhone}, 'QUEUED', 1, now()
        FROM unnest(${numbers}::text[]) WITH ORDINALITY AS f(e164, k), generate_series(1, ${count}::int) i
        RETURNING id)
      INSERT INTO "OutboxEntry" (id, "tenantId", "messageId", state, attempts, "nextAttemptAt", "leaseUntil", "createdAt")
      SELECT gen_random_uuid(), ${tenantId}::uuid, m.id, ${state}::"OutboxState", 0, now() - interval '1 minute',
        now() - interval '1 second', now()
      FROM m
      RETURNING "messageId" AS id`;
  }

  it("delivers another tenant's messages promptly while one account's calls hang on more messages than there are slots", async () => {
    // Tenant A: 48 messages over 4 numbers of its own account, every call to the candidate hangs.
    const { h: a, numbers } = await ownAccountTenant(4);
    const releaseA = own.holdResponsesTo(a.candidatePhone);
    // Tenant B: on the platform's account, a number fast enough that its 5 go out at once.
    const b = await setUpHiring(server);
    await optIn(b);
    await prisma().sendingNumber.updateMany({ where: { e164: b.sendingNumber }, data: { numberType: 'SHORT_CODE' } });
    // The timeout is far beyond what B gets: a worker whose slots all wait for A's calls fails.
    const w = worker(20_000);
    const aIds = (await queueDirect(a, numbers, 'hangs', 12)).map((r) => r.id);
    expect(aIds).toHaveLength(48);
    w.start();
    try {
      await waitFor(async () => own.messages.length >= PER_ACCOUNT, "A's calls to reach its account");
      const bIds: string[] = [];
      for (let i = 0; i < 5; i++) {
        const { sendMessage } = await b.recruiter.client.request(SendMessageDocument, {
          input: {
            conversationId: b.conversationId,
            channel: 'SMS',
            body: `prompt ${i}`,
            idempotencyKey: `account-slots-${i}`,
          },
        });
        if (sendMessage.__typename !== 'Message') throw new Error(JSON.stringify(sendMessage));
        bIds.push(rawId(sendMessage.id));
      }
      const started = Date.now();
      await waitFor(
        async () =>
          (await prisma().message.findMany({ where: { id: { in: bIds } } })).every((m) => m.status === 'SENT'),
        "B's five messages",
        10_000,
      );
      // Well under the hanging calls' 20 s timeout: B's messages did not wait for a slot A held.
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(b.sentToCandidate().map((m) => m.body)).toHaveLength(5);
      // A's calls hang still, no more of them in flight than its share; the rest wait unclaimed.
      expect(own.messages).toHaveLength(PER_ACCOUNT);
      const rows = await prisma().outboxEntry.findMany({ where: { messageId: { in: aIds } } });
      expect(rows.filter((r) => r.state === 'SENDING')).toHaveLength(PER_ACCOUNT);
      expect(rows.filter((r) => r.state === 'PENDING' && r.attempts === 0)).toHaveLength(48 - PER_ACCOUNT);

      // The hang ends: every one of A's messages is sent, once.
      releaseA();
      await waitFor(
        async () =>
          (await prisma().message.findMany({ where: { id: { in: aIds } } })).every((m) => m.status === 'SENT'),
        "A's 48 messages",
        60_000,
      );
    } finally {
      releaseA();
      await w.stop();
    }
    const bodies = own.messages.filter((m) => m.to === a.candidatePhone).map((m) => m.body);
    expect(bodies).toHaveLength(48);
    expect(new Set(bodies).size).toBe(48);
    expect(platform.messages.filter((m) => m.to === a.candidatePhone)).toHaveLength(0);
    const sent = await prisma().message.findMany({ where: { id: { in: aIds } } });
    expect(new Set(sent.map((m) => m.providerMessageId)).size).toBe(48);
    expect(await prisma().outboxEntry.count({ where: { messageId: { in: aIds }, state: 'DONE', attempts: 1 } })).toBe(
      48,
    );
  }, 120_000);

  it("claims no more of an account's rows than its calls in flight leave room for, due or to reconcile", async () => {
    const { h: a, numbers } = await ownAccountTenant(2);
    const account = rawId(a.channelAccountId as string);
    const due = await queueDirect(a, numbers, 'due', 6);
    const expired = await queueDirect(a, numbers, 'expired', 6, 'SENDING');
    const mine = <C extends { messageId: string }>(claims: C[], ids: { id: string }[]) =>
      claims.filter((c) => ids.some((r) => r.id === c.messageId));
    const slots = (n: number) => ({ busy: new Map([[account, n]]), perAccount: PER_ACCOUNT });

    // At its cap: nothing of the account is claimed, and its rows stay as they were.
    expect(mine(await claimExpired(prisma(), 100, 60_000, slots(PER_ACCOUNT)), expired)).toHaveLength(0);
    expect(mine(await claimDue(prisma(), 100, 60_000, 50, slots(PER_ACCOUNT)), due)).toHaveLength(0);
    expect(
      await prisma().outboxEntry.count({ where: { messageId: { in: due.map((r) => r.id) }, state: 'PENDING' } }),
    ).toBe(12);
    // Three in flight: five more, and the claims say whose they are.
    const reconciling = mine(await claimExpired(prisma(), 100, 60_000, slots(3)), expired);
    expect(reconciling).toHaveLength(PER_ACCOUNT - 3);
    expect(new Set(reconciling.map((c) => c.account))).toEqual(new Set([account]));
    const sending = mine(await claimDue(prisma(), 100, 60_000, 50, slots(6)), due);
    expect(sending).toHaveLength(PER_ACCOUNT - 6);
    expect(new Set(sending.map((c) => c.account))).toEqual(new Set([account]));
  });
});
