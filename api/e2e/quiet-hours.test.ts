import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeTwilioApi, startFakeTwilioApi } from '../../plugins/twilio-sms/testing/fake-twilio-api.ts';
import { rawId, startTestServer, type TestServer } from '../test/harness.ts';
import { type Hiring, setUpHiring, usNumber, waitFor } from '../test/messaging-fixture.ts';
import { optIn } from '../test/opted-in.ts';

const MIN = 60_000;
let seq = 0;
const key = () => `quiet-${Date.now()}-${seq++}`;
/** HH:MM in UTC of now + `minutes`. */
const utcClock = (minutes: number) => new Date(Date.now() + minutes * MIN).toISOString().slice(11, 16);
const floorMinute = (ms: number) => new Date(Math.floor(ms / MIN) * MIN).toISOString();

const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) {
  __typename ... on Message { id status scheduledFor errorCode errorMessage }
  ... on QuietHoursError { nextAllowedAt timeZones } ... on ValidationError { field } ... on Error { code message } } }`;
const SETTINGS = `mutation($input: TenantSettingsInput!) { updateTenantSettings(input: $input) {
  __typename ... on Tenant { quietHours { enabled start end noSundays } } ... on ValidationError { field issues { field message } } } }`;
const PREVIEW = `query($input: PreviewMessageInput!) { previewMessage(input: $input) { allowed sendAt
  refusals { code message } quietHours { timeZones timeZoneSource quiet nextAllowedAt localTimes { zone time } } } }`;
const CANCEL = `mutation($id: ID!) { cancelScheduledMessage(id: $id) {
  __typename ... on Message { id status errorMessage } ... on MessageNotScheduledError { status } } }`;
const MESSAGE = `query($id: ID!) { node(id: $id) { ... on Message { status scheduledFor errorCode errorMessage } } }`;
const SCHEDULED = `query($id: ID!) { scheduledMessages(first: 10) { edges { node { id } } }
  conversation(id: $id) { scheduledMessages { id scheduledFor } } }`;

describe('quiet hours and scheduled sends', () => {
  let server: TestServer;
  let twilio: FakeTwilioApi;
  beforeAll(async () => {
    twilio = await startFakeTwilioApi();
    server = await startTestServer({ twilio });
  });
  afterAll(async () => {
    await server?.stop();
    await twilio?.close();
  });

  const gql = async (token: string, query: string, variables: Record<string, unknown>) => {
    const { body } = await server.post({ query, variables }, { authorization: `Bearer ${token}` });
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const settings = async (h: Hiring, input: Record<string, unknown>) =>
    (await gql(h.tenant.apiKey, SETTINGS, { input })).updateTenantSettings;
  const setZone = (h: Hiring, timeZone: string | null) =>
    gql(
      h.tenant.apiKey,
      'mutation($input: CandidateInput!) { upsertCandidate(input: $input) { __typename ... on ValidationError { field } } }',
      {
        input: { externalId: h.candidateExternalId, name: 'Cara Candidate', timeZone },
      },
    );
  const send = async (h: Hiring, input: Record<string, unknown>) =>
    (
      await gql(h.recruiter.token, SEND, {
        input: { conversationId: h.conversationId, channel: 'SMS', idempotencyKey: key(), ...input },
      })
    ).sendMessage;
  const preview = async (h: Hiring, input: Record<string, unknown> = {}) =>
    (
      await gql(h.recruiter.token, PREVIEW, {
        input: { conversationId: h.conversationId, channel: 'SMS', body: 'Hi', ...input },
      })
    ).previewMessage;
  const message = async (h: Hiring, id: string) => (await gql(h.admin.token, MESSAGE, { id })).node;
  /** Makes a scheduled message due now, as if its time had come (sendAt must be a minute ahead: no waiting). */
  const makeDue = (id: string) =>
    server.app.services.prisma.$executeRaw`
      UPDATE "OutboxEntry" SET "nextAttemptAt" = now() - interval '1 second' WHERE "messageId" = ${rawId(id)}::uuid`;
  const sentBodies = (h: Hiring) => h.sentToCandidate().map((m) => m.body);
  /** Quiet in the candidate's zone (UTC) from an hour before `base` until two hours after it. */
  const quietAround = (base: number) => ({
    enabled: true,
    start: new Date(base - 60 * MIN).toISOString().slice(11, 16),
    end: new Date(base + 120 * MIN).toISOString().slice(11, 16),
  });

  async function hiring() {
    const h = await setUpHiring(server);
    await optIn(h);
    return h;
  }

  it('validates and stores the settings; a new tenant in tests starts without quiet hours', async () => {
    const h = await hiring();
    expect((await settings(h, {})).quietHours).toEqual({ enabled: false, start: null, end: null, noSundays: false });
    expect(await settings(h, { quietHours: { enabled: true, start: '25:00' } })).toMatchObject({
      __typename: 'ValidationError',
      field: 'quietHours.start',
    });
    expect(await settings(h, { quietHours: { enabled: true, start: '08:00', end: '08:00' } })).toMatchObject({
      __typename: 'ValidationError',
      field: 'quietHours.end',
    });
    expect((await settings(h, { quietHours: { enabled: true }, noSundays: true })).quietHours).toEqual({
      enabled: true,
      start: '21:00',
      end: '08:00',
      noSundays: true,
    });
    expect((await setZone(h, 'Mars/Olympus')).upsertCandidate).toEqual({
      __typename: 'ValidationError',
      field: expect.stringMatching(/timeZone$/),
    });
  });

  it("refuses a send inside quiet hours in the candidate's zone with the next allowed time; disabling them lets it go", async () => {
    const h = await hiring();
    // Without a stated zone, a US number means every US zone.
    const byCountry = await preview(h);
    expect(byCountry.quietHours.timeZoneSource).toBe('COUNTRY');
    expect(byCountry.quietHours.timeZones).toEqual(expect.arrayContaining(['America/New_York', 'Pacific/Honolulu']));
    await setZone(h, 'UTC');
    const base = Date.now();
    await settings(h, { quietHours: quietAround(base) });
    const expected = floorMinute(base + 120 * MIN);
    const refused = await send(h, { body: 'Late news' });
    expect(refused).toMatchObject({ __typename: 'QuietHoursError', code: 'QUIET_HOURS', timeZones: ['UTC'] });
    expect(new Date(refused.nextAllowedAt).toISOString()).toBe(expected);
    const seen = await preview(h);
    expect(seen).toMatchObject({ allowed: false, refusals: [{ code: 'QUIET_HOURS' }] });
    expect(seen.quietHours).toMatchObject({ timeZoneSource: 'CANDIDATE', quiet: true, timeZones: ['UTC'] });
    expect(new Date(seen.quietHours.nextAllowedAt).toISOString()).toBe(expected);
    const [local] = seen.quietHours.localTimes;
    expect(local.zone).toBe('UTC');
    expect(Math.abs(new Date(`${local.time.replace(' ', 'T')}Z`).getTime() - Date.now())).toBeLessThan(2 * MIN);
    // A time zone where it is 12 hours later is outside these hours.
    await setZone(h, 'Etc/GMT-12');
    expect((await preview(h)).allowed).toBe(true);
    await setZone(h, 'UTC');
    await settings(h, { quietHours: { enabled: false } });
    expect(await send(h, { body: 'Now it goes' })).toMatchObject({ __typename: 'Message', status: 'QUEUED' });
  });

  it('refuses every Sunday when the tenant says so', async () => {
    const h = await hiring();
    await setZone(h, 'UTC');
    await settings(h, { quietHours: { enabled: false } });
    const day = new Date();
    day.setUTCDate(day.getUTCDate() + ((7 - day.getUTCDay()) % 7 || 7));
    day.setUTCHours(12, 0, 0, 0);
    const sunday = day.toISOString();
    expect((await preview(h, { sendAt: sunday })).allowed).toBe(true);
    await settings(h, { noSundays: true });
    const onSunday = await preview(h, { sendAt: sunday, holdUntilAllowed: false });
    expect(onSunday).toMatchObject({ allowed: false, refusals: [{ code: 'QUIET_HOURS' }] });
    const monday = new Date(day.getTime() + 12 * 3600_000).toISOString();
    expect(new Date(onSunday.quietHours.nextAllowedAt).toISOString()).toBe(monday);
    expect(new Date((await preview(h, { sendAt: sunday, holdUntilAllowed: true })).sendAt).toISOString()).toBe(monday);
  });

  it('holds a message until quiet hours end, holds it again if still quiet when due, and sends it once allowed', async () => {
    const h = await hiring();
    await setZone(h, 'UTC');
    const base = Date.now();
    await settings(h, { quietHours: quietAround(base) });
    const held = await send(h, { body: 'Held until morning', holdUntilAllowed: true });
    expect(held).toMatchObject({ __typename: 'Message', status: 'SCHEDULED' });
    expect(new Date(held.scheduledFor).toISOString()).toBe(floorMinute(base + 120 * MIN));
    const listed = await gql(h.recruiter.token, SCHEDULED, { id: h.conversationId });
    expect(listed.scheduledMessages.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(held.id);
    expect(listed.conversation.scheduledMessages).toEqual([{ id: held.id, scheduledFor: held.scheduledFor }]);
    // Someone off the hiring team sees neither the conversation nor its scheduled messages.
    const hidden = await gql(h.outsider.token, SCHEDULED, { id: h.conversationId });
    expect(hidden.conversation).toBeNull();
    expect(hidden.scheduledMessages.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(held.id);
    // Due while quiet hours still hold (the tenant's rules say so again): held again, not sent.
    await makeDue(held.id);
    await waitFor(async () => {
      const [row] = await server.app.services.prisma.$queryRaw<{ later: boolean; state: string }[]>`
        SELECT "nextAttemptAt" > now() AS later, state::text FROM "OutboxEntry" WHERE "messageId" = ${rawId(held.id)}::uuid`;
      return row?.later && row.state === 'PENDING';
    }, 'the message held again');
    expect(sentBodies(h)).not.toContain('Held until morning');
    expect(await message(h, held.id)).toMatchObject({ status: 'SCHEDULED' });
    // Quiet hours over: due now, it goes.
    await settings(h, { quietHours: { enabled: true, start: utcClock(180), end: utcClock(240) } });
    await makeDue(held.id);
    await waitFor(async () => sentBodies(h).includes('Held until morning'), 'the held message sent');
    await waitFor(async () => (await message(h, held.id)).status === 'SENT', 'SENT');
    const after = await gql(h.recruiter.token, SCHEDULED, { id: h.conversationId });
    expect(after.conversation.scheduledMessages).toEqual([]);
  });

  it('takes a send time between a minute and 30 days ahead', async () => {
    const h = await hiring();
    const at = (ms: number) => new Date(Date.now() + ms).toISOString();
    expect(await send(h, { body: 'Too soon', sendAt: at(10_000) })).toMatchObject({
      __typename: 'ValidationError',
      field: 'sendAt',
    });
    expect(await send(h, { body: 'Too late', sendAt: at(31 * 24 * 60 * MIN) })).toMatchObject({
      __typename: 'ValidationError',
      field: 'sendAt',
    });
    const scheduled = await send(h, { body: 'In an hour', sendAt: at(60 * MIN) });
    expect(scheduled).toMatchObject({ __typename: 'Message', status: 'SCHEDULED' });
    expect(Math.abs(new Date(scheduled.scheduledFor).getTime() - (Date.now() + 60 * MIN))).toBeLessThan(MIN);
  });

  it('cancels a scheduled message, which is then never sent; a sent one cannot be cancelled', async () => {
    const h = await hiring();
    const at = new Date(Date.now() + 60 * MIN).toISOString();
    const usedOfTheMonth = async () =>
      (
        await server.app.services.prisma.numberMonthlyUsage.findMany({
          where: { tenantId: rawId(h.tenant.id) },
        })
      ).reduce((n, u) => n + u.sent + u.received, 0);
    const before = await usedOfTheMonth();
    const scheduled = await send(h, { body: 'Cancel me', sendAt: at });
    expect(await usedOfTheMonth()).toBe(before + 1);
    const cancelled = (await gql(h.recruiter.token, CANCEL, { id: scheduled.id })).cancelScheduledMessage;
    expect(cancelled).toMatchObject({ __typename: 'Message', status: 'CANCELLED' });
    // Counted against the number's allowance when scheduled, given back when cancelled.
    expect(await usedOfTheMonth()).toBe(before);
    await makeDue(scheduled.id);
    const other = await send(h, { body: 'Sent at once' });
    await waitFor(async () => sentBodies(h).includes('Sent at once'), 'the next message sent');
    await server.app.outbox.runOnce();
    expect(sentBodies(h)).not.toContain('Cancel me');
    expect(await message(h, scheduled.id)).toMatchObject({ status: 'CANCELLED' });
    const again = (await gql(h.recruiter.token, CANCEL, { id: scheduled.id })).cancelScheduledMessage;
    expect(again).toEqual({ __typename: 'MessageNotScheduledError', status: 'CANCELLED' });
    await waitFor(async () => (await message(h, other.id)).status === 'SENT', 'SENT');
    const sent = (await gql(h.recruiter.token, CANCEL, { id: other.id })).cancelScheduledMessage;
    expect(sent).toEqual({ __typename: 'MessageNotScheduledError', status: 'SENT' });
    // Someone who cannot read the conversation cannot cancel in it.
    const late = await send(h, { body: 'Not yours', sendAt: at });
    const outsider = (await gql(h.outsider.token, CANCEL, { id: late.id })).cancelScheduledMessage;
    expect(outsider.__typename).toBe('NotFoundError');
  });

  it('does not send a scheduled message whose consent was withdrawn meanwhile, and says why', async () => {
    const h = await hiring();
    const scheduled = await send(h, { body: 'After the STOP', sendAt: new Date(Date.now() + 60 * MIN).toISOString() });
    await h.candidateTexts('STOP');
    await waitFor(async () => (await h.smsLock())?.reason === 'OPTED_OUT', 'the opt-out');
    await makeDue(scheduled.id);
    const failed = await waitFor(async () => {
      const m = await message(h, scheduled.id);
      return m.status === 'FAILED' && m;
    }, 'the scheduled message refused');
    expect(failed.errorCode).toBe('POLICY_REFUSED:OPTED_OUT');
    expect(failed.errorMessage).toMatch(/^Not sent when it was due: /);
    expect(sentBodies(h)).not.toContain('After the STOP');
  });

  it('asks the whole send policy again when due: an author who lost their seat meanwhile does not send', async () => {
    const h = await hiring();
    const scheduled = await send(h, { body: 'Seat gone', sendAt: new Date(Date.now() + 60 * MIN).toISOString() });
    const unassigned = await gql(
      h.tenant.apiKey,
      'mutation($userId: ID!) { unassignSeat(userId: $userId) { __typename } }',
      {
        userId: h.recruiter.user.id,
      },
    );
    expect(unassigned.unassignSeat.__typename).not.toMatch(/Error$/);
    await makeDue(scheduled.id);
    const failed = await waitFor(async () => {
      const m = await message(h, scheduled.id);
      return m.status === 'FAILED' && m;
    }, 'the scheduled message refused');
    expect(failed.errorCode).toBe('POLICY_REFUSED:NO_SEAT');
    expect(sentBodies(h)).not.toContain('Seat gone');
  });

  it('does not send a scheduled message from a number retired meanwhile (it may be another tenant’s by then)', async () => {
    const h = await hiring();
    const scheduled = await send(h, {
      body: 'From a retired number',
      sendAt: new Date(Date.now() + 60 * MIN).toISOString(),
    });
    const [number] = await server.app.services.prisma.sendingNumber.findMany({ where: { e164: h.sendingNumber } });
    // The tenant has another number, so the policy itself would let the message go: the outbox must notice.
    const added = await gql(
      server.operatorKey,
      'mutation($tenantId: ID!, $e164: String!) { addSendingNumber(tenantId: $tenantId, e164: $e164) { __typename } }',
      { tenantId: h.tenant.id, e164: usNumber() },
    );
    expect(added.addSendingNumber.__typename).toBe('SendingNumber');
    const retired = await gql(
      server.operatorKey,
      'mutation($id: ID!) { retireSendingNumber(id: $id) { __typename } }',
      {
        id: Buffer.from(`SendingNumber:${number?.id}`).toString('base64'),
      },
    );
    expect(retired.retireSendingNumber.__typename).toBe('SendingNumber');
    await makeDue(scheduled.id);
    const failed = await waitFor(async () => {
      const m = await message(h, scheduled.id);
      return m.status === 'FAILED' && m;
    }, 'the scheduled message refused');
    expect(failed.errorCode).toBe('NUMBER_RETIRED');
    expect(sentBodies(h)).not.toContain('From a retired number');
  });

  it('sends a scheduled message that took the number’s last allowance slot when it was scheduled', async () => {
    const h = await hiring();
    const [number] = await server.app.services.prisma.sendingNumber.findMany({ where: { e164: h.sendingNumber } });
    const allowance = await gql(
      server.operatorKey,
      'mutation($id: ID!) { setNumberAllowance(numberId: $id, monthlyAllowance: 1) { __typename } }',
      { id: Buffer.from(`SendingNumber:${number?.id}`).toString('base64') },
    );
    expect(allowance.setNumberAllowance.__typename).toBe('SendingNumber');
    const scheduled = await send(h, { body: 'The last slot', sendAt: new Date(Date.now() + 60 * MIN).toISOString() });
    expect(await send(h, { body: 'One too many' })).toMatchObject({ code: 'ALLOWANCE_EXHAUSTED' });
    await makeDue(scheduled.id);
    await waitFor(async () => sentBodies(h).includes('The last slot'), 'the scheduled message sent');
  });

  it('keeps scheduled messages across a restart and sends them when due', async () => {
    const h = await hiring();
    const scheduled = await send(h, {
      body: 'Survives a restart',
      sendAt: new Date(Date.now() + 60 * MIN).toISOString(),
    });
    await server.stop({ keepDatabase: true });
    server = await startTestServer({ database: server.database, twilio });
    await makeDue(scheduled.id);
    await waitFor(async () => twilio.messages.some((m) => m.body === 'Survives a restart'), 'sent after the restart');
  });
});
