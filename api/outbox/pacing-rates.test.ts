import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../db/generated/prisma/client.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { setUpHiring } from '../test/messaging-fixture.ts';
import { rateSql } from './pacing.ts';

/** The rate the claim statement paces each number at (pacing.test.ts measures the pace itself). */
describe('outbox pacing rates', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { OUTBOX_WORKER: 'off' } });
  });
  afterAll(() => server?.stop());

  it('paces a long code at 1 segment/s, toll-free at 3, a short code at 30, unless the number has its own rate', async () => {
    const h = await setUpHiring(server);
    const prisma = server.app.services.prisma;
    const rate = async (data: {
      numberType: 'LONG_CODE' | 'TOLL_FREE' | 'SHORT_CODE';
      segmentsPerSecond: number | null;
    }) => {
      await prisma.sendingNumber.updateMany({ where: { e164: h.sendingNumber }, data });
      const [row] = await prisma.$queryRaw<{ rate: number }[]>(
        Prisma.sql`SELECT ${rateSql('n')} AS rate FROM "SendingNumber" n WHERE n.e164 = ${h.sendingNumber}`,
      );
      return Number(row?.rate);
    };
    expect(await rate({ numberType: 'LONG_CODE', segmentsPerSecond: null })).toBe(1);
    expect(await rate({ numberType: 'TOLL_FREE', segmentsPerSecond: null })).toBe(3);
    expect(await rate({ numberType: 'SHORT_CODE', segmentsPerSecond: null })).toBe(30);
    expect(await rate({ numberType: 'LONG_CODE', segmentsPerSecond: 4 })).toBe(4);
    expect(await rate({ numberType: 'SHORT_CODE', segmentsPerSecond: 0.5 })).toBe(0.5);
  });
});
