import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AssignNumberDocument,
  AssignSeatDocument,
  MarkNotificationsReadDocument,
  MyNotificationsDocument,
  NotificationPreferencesDocument,
  NumberUsageDocument,
  SendConsentInviteDocument,
  SendMessageDocument,
  SetLowCreditThresholdDocument,
  SetTenantTimeZoneDocument,
  UnreadNotificationCountDocument,
  UpdateNotificationPreferencesDocument,
  UpsertApplicationDocument,
} from '../../clients/generated/graphql.ts';
import type { ParleyClient } from '../../clients/parley-client.ts';
import { type FakeGateway, startFakeGateway } from '../../plugins/credit-sms/testing/fake-gateway.ts';
import { setUpCreditSms } from '../test/credit-sms-fixture.ts';
import { rawId, startTestServer, type TestServer } from '../test/harness.ts';
import { type Hiring, setUpHiring, waitFor } from '../test/messaging-fixture.ts';
import { optIn } from '../test/opted-in.ts';

let seq = 0;
const key = () => `notify-${Date.now()}-${seq++}`;

describe('notifications, end to end', { timeout: 60_000 }, () => {
  let server: TestServer;
  let gateway: FakeGateway;

  beforeAll(async () => {
    gateway = await startFakeGateway();
    server = await startTestServer({ env: { CREDIT_SMS_API_URL: gateway.baseUrl } });
  });
  afterAll(async () => {
    await server?.stop();
    await gateway?.close();
  });

  const notes = async (client: ParleyClient, unreadOnly = false) =>
    (await client.request(MyNotificationsDocument, { first: 50, unreadOnly })).viewer.notifications?.edges.map(
      (e) => e.node,
    ) ?? [];
  const noteOf = (client: ParleyClient, kind: string, what: string) =>
    waitFor(async () => (await notes(client)).find((n) => n.kind === kind), what);
  const send = async (client: ParleyClient, h: Hiring, body: string) => {
    const { sendMessage } = await client.request(SendMessageDocument, {
      input: { conversationId: h.conversationId, channel: 'SMS', body, idempotencyKey: key() },
    });
    if (sendMessage.__typename !== 'Message') throw new Error(JSON.stringify(sendMessage));
    return sendMessage;
  };
  /** A seated user put on the application's hiring team (with whoever else is named). */
  const teammate = async (h: Hiring, name: string) => {
    const u = await server.createUser(h.tenant, { name });
    await h.tenant.client.request(AssignSeatDocument, { userId: u.user.id });
    return u;
  };
  const setTeam = async (h: Hiring, userIds: string[]) => {
    const { upsertApplication } = await h.tenant.client.request(UpsertApplicationDocument, {
      input: {
        externalId: `app-${h.candidateExternalId}`,
        candidateExternalId: h.candidateExternalId,
        jobExternalId: 'job-1',
        hiringTeam: userIds,
      },
    });
    if (upsertApplication.__typename !== 'Application') throw new Error(JSON.stringify(upsertApplication));
  };
  const logged = (tenantId: string, type: string) =>
    server.app.services.prisma.event.findMany({ where: { tenantId: rawId(tenantId), type }, orderBy: { id: 'asc' } });

  it("tells the team members who wrote and the user replied to, with the candidate's full text; nobody else", async () => {
    const h = await setUpHiring(server);
    const other = await setUpHiring(server);
    await optIn(h);
    const [pat, tess, wes] = [
      await teammate(h, 'Pat Partner'),
      await teammate(h, 'Tess Silent'),
      await teammate(h, 'Wes Leaver'),
    ];
    await setTeam(h, [h.recruiter.user.id, pat.user.id, tess.user.id, wes.user.id]);
    await send(wes.client, h, 'Hi Cara, Wes here.');
    await send(pat.client, h, 'Pat from the team.');
    await send(h.recruiter.client, h, 'Can you start Monday?'); // the message replied to
    await setTeam(h, [h.recruiter.user.id, pat.user.id, tess.user.id]); // Wes leaves: he may no longer read it
    await other.candidateTexts('Not for you');

    const reply = `Yes I can!\nAlso, about the pay: ${'details '.repeat(60)}— Cara`;
    await h.candidateTexts(reply);
    const rita = await noteOf(h.recruiter.client, 'CANDIDATE_REPLIED', "Rita's notification");
    expect(rita).toMatchObject({
      text: reply,
      conversation: { id: h.conversationId },
      message: { direction: 'INBOUND' },
      payload: { conversationId: rawId(h.conversationId), repliedToUserId: rawId(h.recruiter.user.id) },
      readAt: null,
    });
    expect(await notes(pat.client)).toMatchObject([{ kind: 'CANDIDATE_REPLIED', text: reply }]);
    for (const u of [tess, wes, h.admin, h.outsider]) expect(await notes(u.client)).toEqual([]);
    // The other tenant's candidate wrote with nobody taking part: only their own team hears of it.
    const theirs = await noteOf(other.recruiter.client, 'CANDIDATE_REPLIED', 'the other tenant’s notification');
    expect(theirs.text).toBe('Not for you');

    const created = await logged(h.tenant.id, 'NOTIFICATION_CREATED');
    expect(created.map((e) => e.payload).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual(
      [
        { userId: rawId(h.recruiter.user.id), kind: 'CANDIDATE_REPLIED' },
        { userId: rawId(pat.user.id), kind: 'CANDIDATE_REPLIED' },
      ].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    );

    // The bell: one unread, none once marked read; the read is logged for the user's other tabs.
    expect((await h.recruiter.client.request(UnreadNotificationCountDocument, {})).viewer.unreadNotificationCount).toBe(
      1,
    );
    const pats = await notes(pat.client);
    const foreign = await h.recruiter.client.request(MarkNotificationsReadDocument, { ids: pats.map((n) => n.id) });
    expect(foreign.markNotificationsRead).toMatchObject({ changed: 0 }); // someone else's: ignored
    expect(await logged(h.tenant.id, 'NOTIFICATIONS_READ')).toEqual([]);
    const mine = await h.recruiter.client.request(MarkNotificationsReadDocument, { ids: [rita.id] });
    expect(mine.markNotificationsRead).toMatchObject({ changed: 1 });
    expect((await h.recruiter.client.request(UnreadNotificationCountDocument, {})).viewer.unreadNotificationCount).toBe(
      0,
    );
    expect((await pat.client.request(UnreadNotificationCountDocument, {})).viewer.unreadNotificationCount).toBe(1);
    expect(await notes(h.recruiter.client, true)).toEqual([]);
    expect((await logged(h.tenant.id, 'NOTIFICATIONS_READ')).map((e) => [e.subjectId, e.payload])).toEqual([
      [rawId(h.recruiter.user.id), { userId: rawId(h.recruiter.user.id), count: 1 }],
    ]);
    // Off the team, Pat keeps the notification but can no longer follow it into the conversation.
    await setTeam(h, [h.recruiter.user.id]);
    // Nor read the candidate's reply through it: the text becomes a neutral sentence.
    const offTeam = await notes(pat.client);
    expect(offTeam).toMatchObject([
      {
        kind: 'CANDIDATE_REPLIED',
        conversation: null,
        message: null,
        text: 'This is about a conversation you can no longer read.',
      },
    ]);
    expect(JSON.stringify(offTeam)).not.toContain('Yes I can');
    // Rita, still on the team, reads it as before.
    expect(await notes(h.recruiter.client)).toMatchObject([{ text: reply }]);
  });

  it('with number assignment required, tells only the writers assigned to the conversation’s number', async () => {
    const h = await setUpHiring(server);
    await optIn(h);
    const pat = await teammate(h, 'Pat Unassigned');
    await setTeam(h, [h.recruiter.user.id, pat.user.id]);
    await send(pat.client, h, 'Pat here.');
    await send(h.recruiter.client, h, 'Rita here.');
    const { sendingNumbers } = await h.tenant.client.request(NumberUsageDocument, {});
    const numberId = sendingNumbers[0]?.id ?? '';
    await h.admin.client.request(AssignNumberDocument, { numberId, userId: h.recruiter.user.id });
    await h.admin.client.request(SetTenantTimeZoneDocument, { timeZone: 'UTC', requireNumberAssignment: true });

    await h.candidateTexts('Hello both');
    expect((await noteOf(h.recruiter.client, 'CANDIDATE_REPLIED', "Rita's notification")).text).toBe('Hello both');
    expect(await notes(pat.client)).toEqual([]);
  });

  it('tells the whole team of a first message when nobody has written in the conversation yet', async () => {
    const h = await setUpHiring(server);
    const pat = await teammate(h, 'Pat Partner');
    await setTeam(h, [h.recruiter.user.id, pat.user.id]);
    await h.candidateTexts('Hello, is the job still open?');
    await noteOf(h.recruiter.client, 'CANDIDATE_REPLIED', 'the team to hear of it');
    expect(await notes(pat.client)).toMatchObject([{ kind: 'CANDIDATE_REPLIED' }]);
    for (const u of [h.admin, h.outsider]) expect(await notes(u.client)).toEqual([]);
  });

  it('tells the team when everyone who wrote has left it', async () => {
    const h = await setUpHiring(server);
    await optIn(h);
    const wes = await teammate(h, 'Wes Leaver');
    await setTeam(h, [h.recruiter.user.id, wes.user.id]);
    await send(wes.client, h, 'Hi, Wes here.');
    await setTeam(h, [h.recruiter.user.id]);
    await h.candidateTexts('Hi Wes?');
    expect(await noteOf(h.recruiter.client, 'CANDIDATE_REPLIED', 'the team to hear of it')).toMatchObject({
      text: 'Hi Wes?',
      payload: { repliedToUserId: rawId(wes.user.id) },
    });
    expect(await notes(wes.client)).toEqual([]);
  });

  it('tells the inviter of the YES, and the participants of a STOP, not a silent teammate', async () => {
    const h = await setUpHiring(server);
    const tess = await teammate(h, 'Tess Silent');
    await setTeam(h, [h.recruiter.user.id, tess.user.id]);
    const { sendConsentInvite } = await h.recruiter.client.request(SendConsentInviteDocument, {
      conversationId: h.conversationId,
    });
    if (sendConsentInvite.__typename !== 'Message') throw new Error(JSON.stringify(sendConsentInvite));
    await h.candidateTexts('Yes');
    const yes = await noteOf(h.recruiter.client, 'OPTED_IN', 'the YES');
    expect(yes).toMatchObject({
      conversation: { id: h.conversationId },
      message: { id: sendConsentInvite.id, direction: 'OUTBOUND' },
    });
    expect(yes.text).toContain('Cara Candidate');
    await send(h.recruiter.client, h, 'Great, see you Tuesday');
    await h.candidateTexts('STOP');
    const stop = await noteOf(h.recruiter.client, 'OPTED_OUT', 'the STOP');
    expect(stop.text).toContain('STOP');
    // A keyword that changed consent is told as such, not as a reply too.
    expect((await notes(h.recruiter.client)).map((n) => n.kind).sort()).toEqual(['OPTED_IN', 'OPTED_OUT']);
    expect(await notes(tess.client)).toEqual([]);
  });

  it('tells the participants when the carrier reports the candidate unsubscribed', async () => {
    const h = await setUpHiring(server);
    await optIn(h);
    server.twilio.failNext(h.candidatePhone, {
      status: 400,
      code: 21610,
      message: 'Attempt to send to unsubscribed recipient',
    });
    await send(h.recruiter.client, h, 'Hello');
    const out = await noteOf(h.recruiter.client, 'OPTED_OUT', 'the carrier opt-out');
    expect(out.text).toMatch(/carrier/);
    expect(out.conversation).toEqual({ id: h.conversationId });
    expect(await notes(h.outsider.client)).toEqual([]);
  });

  it('tells the author of a message that fails for good', async () => {
    const h = await setUpHiring(server);
    await optIn(h);
    server.twilio.failNext(h.candidatePhone, {
      status: 400,
      code: 21211,
      message: "The 'To' number is not a valid phone number.",
    });
    const failing = await send(h.recruiter.client, h, 'Hello?');
    const failed = await noteOf(h.recruiter.client, 'DELIVERY_FAILED', 'the failure');
    expect(failed).toMatchObject({ message: { id: failing.id }, conversation: { id: h.conversationId } });
    expect(failed.text).toMatch(/could not be delivered/);
    expect(await notes(h.admin.client)).toEqual([]);
  });

  it("tells the tenant's admins when credits run low", async () => {
    const h = await setUpCreditSms(server, gateway, { credits: 5 });
    await optIn(h);
    const ok = await h.admin.client.request(SetLowCreditThresholdDocument, { lowCreditThreshold: 3 });
    expect(ok.setLowCreditThreshold).toMatchObject({ lowCreditThreshold: 3 });
    for (let i = 0; i < 3; i++) await send(h.recruiter.client, h, `message ${i}`); // 5 → 2
    const low = await noteOf(h.admin.client, 'CREDITS_LOW', 'the low-credit alert');
    expect(low).toMatchObject({ payload: { available: 2, threshold: 3 }, conversation: null });
    expect((await notes(h.recruiter.client)).filter((n) => n.kind === 'CREDITS_LOW')).toEqual([]);
  });

  it('stores no notification of a kind the user turned off, and only of that kind', async () => {
    const h = await setUpHiring(server);
    await optIn(h);
    const pat = await teammate(h, 'Pat Partner');
    await setTeam(h, [h.recruiter.user.id, pat.user.id]);
    const prefs = await h.recruiter.client.request(NotificationPreferencesDocument, {});
    expect(prefs.viewer.notificationPreferences.map((p) => p.kind)).toEqual(
      expect.arrayContaining(['CANDIDATE_REPLIED', 'OPTED_IN', 'OPTED_OUT', 'DELIVERY_FAILED', 'CREDITS_LOW']),
    );
    expect(prefs.viewer.notificationPreferences.every((p) => p.enabled)).toBe(true);

    const twice = await h.recruiter.client.request(UpdateNotificationPreferencesDocument, {
      input: [
        { kind: 'CANDIDATE_REPLIED', enabled: false },
        { kind: 'CANDIDATE_REPLIED', enabled: true },
      ],
    });
    expect(twice.updateNotificationPreferences).toMatchObject({ __typename: 'ValidationError' });
    const byKey = await h.tenant.client.request(UpdateNotificationPreferencesDocument, {
      input: [{ kind: 'OPTED_IN', enabled: false }],
    });
    expect(byKey.updateNotificationPreferences).toMatchObject({ __typename: 'NotAuthorizedError' });
    const unknown = await server.post(
      {
        query: 'mutation { updateNotificationPreferences(input: [{ kind: BIRTHDAY, enabled: false }]) { __typename } }',
      },
      { authorization: `Bearer ${h.recruiter.token}` },
    );
    expect(unknown.body.errors?.[0]?.message).toMatch(/BIRTHDAY/);

    const off = await h.recruiter.client.request(UpdateNotificationPreferencesDocument, {
      input: [{ kind: 'CANDIDATE_REPLIED', enabled: false }],
    });
    if (off.updateNotificationPreferences.__typename !== 'MutationUpdateNotificationPreferencesSuccess') {
      throw new Error(JSON.stringify(off));
    }
    expect(off.updateNotificationPreferences.data.filter((p) => !p.enabled)).toEqual([
      { kind: 'CANDIDATE_REPLIED', enabled: false },
    ]);

    await send(h.recruiter.client, h, 'Any questions?');
    await send(pat.client, h, 'Pat here too.');
    await waitFor(async () => h.sentToCandidate().length === 2, 'both to reach Twilio');
    server.twilio.failNext(h.candidatePhone, { status: 400, code: 21211, message: 'not a valid phone number' });
    await send(h.recruiter.client, h, 'This one fails');
    await noteOf(h.recruiter.client, 'DELIVERY_FAILED', 'the failure, still on');
    await h.candidateTexts('What is the pay?');
    await noteOf(pat.client, 'CANDIDATE_REPLIED', 'Pat, who kept replies on');
    expect((await notes(h.recruiter.client)).map((n) => n.kind)).toEqual(['DELIVERY_FAILED']);

    await h.recruiter.client.request(UpdateNotificationPreferencesDocument, {
      input: [{ kind: 'CANDIDATE_REPLIED', enabled: true }],
    });
    await h.candidateTexts('Hello again?');
    const back = await noteOf(h.recruiter.client, 'CANDIDATE_REPLIED', 'replies again once turned back on');
    expect(back.text).toBe('Hello again?');
  });
});
