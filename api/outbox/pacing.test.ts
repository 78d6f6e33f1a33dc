import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelProvider } from '../../plugins/sdk/index.ts';
import type { ChannelRegistry } from '../channels/registry.ts';
import { testMode } from '../test/databases.ts';
import { rawId, startTestServer, type TestServer } from '../test/harness.ts';
import { type Hiring, setUpHiring, waitFor } from '../test/messaging-fixture.ts';
import { claimDue } from './claims.ts';
import { createOutboxWorker } from './worker.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('outbox pacing per sending number', () => {
  let server: TestServer;
  const worker = (channels: Pick<ChannelRegistry, 'providerFor'> = server.app.services.channels) =>
    createOutboxWorker({
      prisma: server.app.services.prisma,
      channels,
      relay: server.app.services.relay,
      log: pino({ level: 'silent' }),
      publicUrl: server.publicUrl,
      leaseMs: 30_000,
      maxAttempts: 5,
      retryBaseMs: 20,
      pollMs: 50,
    });

  beforeAll(async () => {
    server = await startTestServer({ env: { OUTBOX_WORKER: 'off' } });
  });
  afterAll(() => server?.stop());

  /**
   * Queues `count` messages on the hiring's conversation straight into the
   * tables (as sendMessage writes them), `minutesAgo` old, `segments(i)` long.
   */
  async function queueDirect(h: Hiring, prefix: string, count: number, minutesAgo = 0, segments = (_i: number) => 1) {
    const prisma = server.app.services.prisma;
    const conversationId = rawId(h.conversationId);
    const { tenantId } = await prisma.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    const sizes = Array.from({ length: count }, (_, i) => segments(i));
    await prisma.$executeRaw`
      WITH m AS (
        INSERT INTO "Message" (id, "tenantId", "conversationId", direction, channel, body, "fromNumber", "toNumber",
          status, segments, "createdAt")
        SELECT gen_random_uuid(), ${tenantId}::uuid, ${conversationId}::uuid, 'OUTBOUND', 'SMS', ${prefix} || ' ' || i,
          ${h.sendingNumber}, ${h.candidatePhone}, 'QUEUED', (${sizes}::int[])[i], now()
        FROM generate_series(1, ${count}::int) i
        RETURNING id, "createdAt", body)
      INSERT INTO "OutboxEntry" (id, "tenantId", "messageId", state, attempts, "nextAttemptAt", "createdAt")
      SELECT gen_random_uuid(), ${tenantId}::uuid, m.id, 'PENDING', 0,
        now() - make_interval(mins => ${minutesAgo}) + make_interval(secs => split_part(m.body, ' ', 2)::int / 1000.0),
        now()
      FROM m`;
  }
  const sent = (h: Hiring) => h.sentToCandidate().map((m) => ({ body: m.body, at: m.dateCreated.getTime() }));
  const setNumber = (h: Hiring, values: { numberType?: 'SHORT_CODE'; segmentsPerSecond?: number }) =>
    server.app.services.prisma.sendingNumber.updateMany({ where: { e164: h.sendingNumber }, data: values });

  it("sends another number's messages at once while a long code drains a backlog of 1,000 at one per second", async () => {
    const [longCode, shortCode] = [await setUpHiring(server), await setUpHiring(server)];
    await setNumber(shortCode, { numberType: 'SHORT_CODE' });
    // The long code's 1,000 are all older than the short code's 10: the oldest 16 due rows are all its.
    await queueDirect(longCode, 'backlog', 1000, 5);
    await queueDirect(shortCode, 'other', 10);

    // What one claim costs with this backlog (rolled back, so it claims nothing), with the
    // planner's statistics as autovacuum would have them.
    await server.app.services.prisma.$executeRawUnsafe('ANALYZE "OutboxEntry", "Message", "SendingNumber"');
    const costs: number[] = [];
    for (let i = 0; i < 5; i++) {
      await server.app.services.prisma
        .$transaction(async (tx) => {
          const t0 = performance.now();
          await claimDue(tx, 16, 30_000, 100);
          costs.push(performance.now() - t0);
          throw new Error('roll back');
        })
        .catch(() => {});
    }
    console.log(
      `pacing: one claim with 1,010 rows due takes ${costs.sort((a, b) => a - b)[2]?.toFixed(1)} ms (median of 5)`,
    );

    const w = worker();
    const started = Date.now();
    w.start();
    try {
      await waitFor(async () => sent(shortCode).length === 10, "the other number's 10 messages", 15_000);
      // Keep going for a few seconds to measure the long code's pace.
      await sleep(Math.max(0, started + 5_000 - Date.now()));
    } finally {
      await w.stop();
    }
    const stopped = Date.now();
    const backlog = sent(longCode);
    const other = sent(shortCode);
    const otherDone = Math.max(...other.map((m) => m.at));
    const backlogBeforeOther = backlog.filter((m) => m.at <= otherDone).length;
    const spanS = (stopped - started) / 1000;
    const backlogRate = ((backlog.length - 1) / ((backlog.at(-1)?.at ?? 0) - (backlog[0]?.at ?? 0))) * 1000;
    const otherRate = ((other.length - 1) / (otherDone - Math.min(...other.map((m) => m.at)))) * 1000;
    console.log(
      `pacing: short code's 10 all sent ${otherDone - started} ms after start (${otherRate.toFixed(1)} msg/s), ` +
        `while the long code sent ${backlogBeforeOther}; long code: ${backlog.length} in ${spanS.toFixed(1)} s ` +
        `(${backlogRate.toFixed(2)} msg/s between its first and last send)`,
    );

    expect(other.map((m) => m.body).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `other ${i + 1}`).sort());
    expect(backlogBeforeOther).toBeLessThan(20);
    expect(otherDone - started).toBeLessThan(5_000);
    // The backlog goes out in order, at one segment per second: never faster, and not stalled.
    // Slots are on a clock, so a send that a busy machine made late is followed sooner by the next (a loaded
    // CI machine made the first one 1.3 s late): the rate holds over every span from the first send with two
    // slots of slack, not between each pair.
    expect(backlog.map((m) => m.body)).toEqual(backlog.map((_, i) => `backlog ${i + 1}`));
    expect(backlog.length).toBeLessThanOrEqual(Math.floor(spanS) + 1);
    expect(backlog.length).toBeGreaterThanOrEqual(2);
    const first = backlog[0]?.at ?? 0;
    for (let i = 2; i < backlog.length; i++)
      expect((backlog[i]?.at ?? 0) - first).toBeGreaterThan((i - 2) * 1000 - 100);

    await server.app.services.prisma.outboxEntry.deleteMany({ where: { state: 'PENDING' } });
  });

  it('sends a second long code at its own pace from the start while another long code has 1,000 queued', async () => {
    const [busy, quiet] = [await setUpHiring(server), await setUpHiring(server)];
    // Both long codes (1 segment/s); the busy one's 1,000 are all older than the other's 10.
    await queueDirect(busy, 'backlog', 1000, 5);
    await queueDirect(quiet, 'other', 10);
    const w = worker();
    const started = Date.now();
    w.start();
    try {
      await waitFor(async () => sent(quiet).length >= 4, "the other long code's first 4 messages", 15_000);
    } finally {
      await w.stop();
    }
    const other = sent(quiet);
    const firstOther = Math.min(...other.map((m) => m.at));
    console.log(
      `pacing, two long codes: the second's first message ${firstOther - started} ms after start, ` +
        `${other.length} sent in ${((Date.now() - started) / 1000).toFixed(1)} s, while the first sent ${sent(busy).length}`,
    );
    // Not behind the backlog: its first goes out with the busy number's first (the machine's speed aside),
    // and it keeps up with the busy number, each at its own one a second.
    expect(sent(busy).filter((m) => m.at < firstOther).length).toBeLessThanOrEqual(2);
    expect(new Set(other.map((m) => m.body)).size).toBe(other.length);
    expect(sent(busy).length).toBeLessThanOrEqual(other.length + 2);
    await server.app.services.prisma.outboxEntry.deleteMany({ where: { state: 'PENDING' } });
  });

  it('keeps two workers sharing one number within its rate, counted in segments', async () => {
    const h = await setUpHiring(server);
    const rate = 4;
    await setNumber(h, { segmentsPerSecond: rate });
    // Alternately one and two segments long.
    const segmentsOf = (i: number) => (i % 2 === 0 ? 2 : 1);
    await queueDirect(h, 'shared', 40, 1, (i) => segmentsOf(i));

    // Each worker's provider counts what it sent.
    const counts = [0, 0];
    const counting = (index: number): Pick<ChannelRegistry, 'providerFor'> => ({
      async providerFor(message) {
        const resolved = await server.app.services.channels.providerFor(message);
        const real = resolved.provider;
        if (!real) return resolved;
        const provider: ChannelProvider = {
          ...real,
          send(outbound) {
            counts[index] = (counts[index] ?? 0) + 1;
            return real.send(outbound);
          },
        };
        return { ...resolved, provider };
      },
    });
    const workers = [worker(counting(0)), worker(counting(1))];
    const started = Date.now();
    for (const w of workers) w.start();
    await sleep(4_000);
    // Under CPU contention one worker can win every claim for a while; give the other a chance to take a turn.
    await waitFor(async () => counts.every((n) => n > 0), 'both workers to send', 8_000).catch(() => {});
    await Promise.all(workers.map((w) => w.stop()));
    const stopped = Date.now();

    const sends = sent(h).map((m) => ({ ...m, segments: segmentsOf(Number(m.body.split(' ')[1]) - 1) }));
    const total = sends.reduce((sum, m) => sum + m.segments, 0);
    // The most segments sent in any one second (a window starting at each send; 50 ms less for timer noise).
    const busiest = Math.max(
      ...sends.map((s) => sends.filter((m) => m.at >= s.at && m.at < s.at + 950).reduce((n, m) => n + m.segments, 0)),
    );
    const first = Math.min(...sends.map((m) => m.at));
    const last = Math.max(...sends.map((m) => m.at));
    const spanS = (stopped - started) / 1000;
    console.log(
      `pacing, two workers on one number at ${rate} segments/s: ${sends.length} messages, ${total} segments in ` +
        `${spanS.toFixed(1)} s (${(total / spanS).toFixed(2)} segments/s), busiest second ${busiest} segments; ` +
        `worker A sent ${counts[0]}, worker B ${counts[1]}`,
    );

    expect(new Set(sends.map((m) => m.body)).size).toBe(sends.length);
    // Within the rate plus one slot (a message is at most two segments here).
    expect(busiest).toBeLessThanOrEqual(rate + 2);
    // Over the whole run: the last message's slot starts no sooner than the rate allows for all before it.
    expect(total - 2).toBeLessThanOrEqual((rate * (last - first + 50)) / 1000);
    expect(total).toBeGreaterThanOrEqual(rate * 2);
    // The embedded database serves one connection, so there the workers' claims queue behind each other and one
    // of them may take every turn; on PostgreSQL both must have sent for the test to mean anything.
    if (testMode === 'postgres') {
      expect(counts[0]).toBeGreaterThan(0);
      expect(counts[1]).toBeGreaterThan(0);
    }

    await server.app.services.prisma.outboxEntry.deleteMany({ where: { state: 'PENDING' } });
  });

  it.skipIf(testMode !== 'postgres')(
    "skips a number another claimer holds, and still claims other numbers' rows",
    async () => {
      const prisma = server.app.services.prisma;
      const [held, free] = [await setUpHiring(server), await setUpHiring(server)];
      await setNumber(held, { numberType: 'SHORT_CODE' });
      await setNumber(free, { numberType: 'SHORT_CODE' });
      await queueDirect(held, 'held', 5, 1);
      await queueDirect(free, 'free', 5);
      let release: () => void = () => {};
      const holding = new Promise<void>((r) => (release = r));
      let claimedFirst: Awaited<ReturnType<typeof claimDue>> = [];
      const first = prisma
        .$transaction(
          async (tx) => {
            // Limit 1 takes the oldest row, the held number's first, and keeps that number locked.
            claimedFirst = await claimDue(tx, 1, 30_000, 0);
            await holding;
            throw new Error('roll back');
          },
          { timeout: 10_000 },
        )
        .catch(() => {});
      await waitFor(async () => claimedFirst.length > 0, 'the first claimer to hold its number');
      const bodies = async (claims: { messageId: string }[]) =>
        (await prisma.message.findMany({ where: { id: { in: claims.map((c) => c.messageId) } } })).map((m) => m.body);
      expect(await bodies(claimedFirst)).toEqual(['held 1']);
      // While the first claimer holds the held number, a second one takes only the other number's rows.
      const second = await claimDue(prisma, 16, 30_000, 1_000);
      expect((await bodies(second)).every((b) => b.startsWith('free '))).toBe(true);
      expect(second.length).toBeGreaterThan(0);
      release();
      await first;
      await prisma.outboxEntry.deleteMany({ where: { state: { in: ['PENDING', 'SENDING'] } } });
    },
  );
});
