import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddPoolNumberDocument,
  PoolNumbersDocument,
  SendMessageDocument,
  UpdateSendingNumberDocument,
} from '../../clients/generated/graphql.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { type Hiring, setUpHiring, usNumber, waitFor } from '../test/messaging-fixture.ts';
import { optIn } from '../test/opted-in.ts';

describe('a number’s settings: label, type and pace (real server)', () => {
  let server: TestServer;
  let h: Hiring;
  let numberId: string;
  let seq = 0;
  beforeAll(async () => {
    server = await startTestServer();
    h = await setUpHiring(server);
    await optIn(h);
    const { sendingNumbers } = await h.tenant.client.request(PoolNumbersDocument, {});
    numberId = sendingNumbers[0]?.id as string;
  });
  afterAll(async () => {
    await server?.stop();
  });

  const update = async (vars: {
    label?: string | null;
    numberType?: 'LONG_CODE' | 'SHORT_CODE' | 'ALPHANUMERIC';
    segmentsPerSecond?: number | null;
  }) => (await server.operator.request(UpdateSendingNumberDocument, { id: numberId, ...vars })).updateSendingNumber;

  /** Sends `count` texts at once and answers the seconds between the first and each later one as Twilio received them. */
  /**
   * Seconds from when the burst was asked for to each text's send. Slots are on a clock: a first send a busy
   * machine made late is followed sooner by the next, so gaps between sends are not the pace; this is.
   */
  const sendBurst = async (count: number) => {
    const before = server.twilio.messages.length;
    const asked = Date.now();
    await Promise.all(
      Array.from({ length: count }, (_, i) =>
        h.recruiter.client.request(SendMessageDocument, {
          input: {
            conversationId: h.conversationId,
            channel: 'SMS',
            body: `Burst ${seq} #${i}`,
            idempotencyKey: `burst-${seq}-${i}`,
          },
        }),
      ),
    );
    seq++;
    const sent = await waitFor(
      async () => (server.twilio.messages.length >= before + count ? server.twilio.messages.slice(before) : null),
      `${count} texts sent`,
      20_000,
    );
    return sent.map((m) => (m.dateCreated.getTime() - asked) / 1000);
  };

  it('refuses a one-way alphanumeric sender, and a pace that is not a positive rate', async () => {
    const added = await server.operator.request(AddPoolNumberDocument, {
      tenantId: h.tenant.id,
      e164: usNumber(),
      numberType: 'ALPHANUMERIC',
    });
    expect(added.addSendingNumber).toMatchObject({ __typename: 'SettingNotAvailableError', setting: 'numberType' });
    expect(await update({ numberType: 'ALPHANUMERIC' })).toMatchObject({
      __typename: 'SettingNotAvailableError',
      message: expect.stringMatching(/one-way/),
    });
    // A rate so low its next slot overflows a timestamp would stall every tenant's claims: at least 0.01.
    for (const rate of [0, -1, 5000, 1e-300, 0.009]) {
      expect(await update({ segmentsPerSecond: rate }), String(rate)).toMatchObject({
        __typename: 'ValidationError',
        field: 'segmentsPerSecond',
      });
    }
    expect(await update({ label: '   ' })).toMatchObject({ __typename: 'ValidationError', field: 'label' });
    expect(await update({ label: 'Main line' })).toMatchObject({ __typename: 'SendingNumber', label: 'Main line' });
    expect(await update({ label: null })).toMatchObject({ label: null, numberType: 'LONG_CODE' });
  });

  it('paces the number at the rate set through the API, and at its type’s default when none is', async () => {
    expect(await update({ segmentsPerSecond: 0.5 })).toMatchObject({ segmentsPerSecond: 0.5 });
    const slow = await sendBurst(3);
    // One segment every 2 s (a long code's default would be 1 s).
    expect(slow[1]).toBeGreaterThanOrEqual(1.7);
    expect(slow[2]).toBeGreaterThanOrEqual(3.5);

    expect(await update({ numberType: 'SHORT_CODE', segmentsPerSecond: null })).toMatchObject({
      numberType: 'SHORT_CODE',
      segmentsPerSecond: null,
    });
    // A short code's 30 segments/s: three texts well within the 2 s a long code would take.
    await new Promise((resolve) => setTimeout(resolve, 2100)); // the slow rate's last slot has passed
    const fast = await sendBurst(3);
    expect((fast[2] ?? 0) - (fast[0] ?? 0)).toBeLessThan(1.8);
  });
});
