import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConversationDocument,
  CreateTenantDocument,
  PreviewMessageDocument,
  RecordConsentDocument,
  SendConsentInviteDocument,
  SendMessageDocument,
  TenantDocument,
  UpdateTenantSettingsDocument,
  UpdateUserDocument,
  UpsertApplicationDocument,
  UpsertCandidateDocument,
} from '../../clients/generated/graphql.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { setUpHiring, waitFor } from '../test/messaging-fixture.ts';

describe('consent and settings that say what is true', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.stop());

  it('reports an invitation that could not be delivered, and lets the recruiter send it again', async () => {
    const h = await setUpHiring(server, { consent: { sms: true } });
    server.twilio.failNext(h.candidatePhone, { status: 400, code: 21211, message: "The 'To' number is not valid." });
    const invite = await h.recruiter.client.request(SendConsentInviteDocument, { conversationId: h.conversationId });
    expect(invite.sendConsentInvite.__typename).toBe('Message');
    const lock = await waitFor(async () => {
      const l = await h.smsLock();
      return l?.reason === 'INVITATION_FAILED' ? l : null;
    }, 'the lock to report the failed invitation');
    expect(lock.message).toContain("The 'To' number is not valid.");
    expect(lock.message).toMatch(/send the invitation again/);

    const again = await h.recruiter.client.request(SendConsentInviteDocument, { conversationId: h.conversationId });
    expect(again.sendConsentInvite.__typename).toBe('Message');
    expect(await h.smsLock()).toMatchObject({ reason: 'INVITED_WAITING' });
    await waitFor(async () => h.sentToCandidate().length === 1, 'the second invitation to reach Twilio');
  });

  it('records the consent of every application form as evidence, and a texted STOP stands until START', async () => {
    const h = await setUpHiring(server, { consent: { sms: true } });
    await h.recruiter.client.request(SendConsentInviteDocument, { conversationId: h.conversationId });
    await h.candidateTexts('YES');
    await h.candidateTexts('STOP');

    const apply = (externalId: string) =>
      h.tenant.client.request(UpsertApplicationDocument, {
        input: {
          externalId,
          candidateExternalId: h.candidateExternalId,
          jobExternalId: 'job-1',
          hiringTeam: [h.recruiter.user.id],
          consent: { sms: true },
        },
      });
    await apply('second-application');
    await apply('second-application'); // the ATS syncs the same form again
    const history = (await h.conversation()).candidate.consentHistory.filter((e) => e.channel === 'SMS');
    const forms = history.filter((e) => e.source === 'APPLICATION');
    expect(forms.map((e) => e.evidence)).toEqual([
      `Application app-${h.candidateExternalId}: SMS box ticked`,
      'Application second-application: SMS box ticked',
    ]);
    expect(forms.at(-1)).toMatchObject({ from: 'OPTED_OUT', to: 'OPTED_OUT' });
    const lock = await h.smsLock();
    expect(lock).toMatchObject({ locked: true, reason: 'OPTED_OUT' });
    expect(lock?.message).toMatch(/texted STOP.*texting START/);

    // A recruiter's record does not get past the carrier, which still holds the STOP: the lock says so.
    await h.recruiter.client.request(RecordConsentDocument, {
      input: { conversationId: h.conversationId, channel: 'SMS', granted: true, reason: 'Candidate asked by email' },
    });
    expect(await h.smsLock()).toMatchObject({ locked: true, reason: 'CARRIER_BLOCKED', consent: 'OPTED_IN' });
    await h.candidateTexts('START');
    expect(await h.smsLock()).toMatchObject({ locked: false });
  });

  it('lets the consent model decide what a later form re-opens, in every model; a texted STOP stands in all', async () => {
    for (const model of ['DOUBLE_OPT_IN', 'APPLICATION_OPT_IN', 'LEGITIMATE_INTEREST'] as const) {
      const unticked = await setUpHiring(server, { consent: { sms: false } });
      const stopped = await setUpHiring(server, { consent: { sms: true } });
      for (const h of [unticked, stopped]) {
        const { updateTenantSettings } = await h.tenant.client.request(UpdateTenantSettingsDocument, {
          input: { consentModel: model },
        });
        expect(updateTenantSettings.__typename).toBe('Tenant');
      }
      await stopped.recruiter.client.request(RecordConsentDocument, {
        input: { conversationId: stopped.conversationId, channel: 'SMS', granted: true, reason: 'Agreed by phone' },
      });
      await stopped.candidateTexts('STOP');
      for (const h of [unticked, stopped]) {
        await h.tenant.client.request(UpsertApplicationDocument, {
          input: {
            externalId: `later-${h.candidateExternalId}`,
            candidateExternalId: h.candidateExternalId,
            jobExternalId: 'job-1',
            hiringTeam: [h.recruiter.user.id],
            consent: { sms: true },
          },
        });
        const forms = (await h.conversation()).candidate.consentHistory.filter(
          (e) => e.channel === 'SMS' && e.source === 'APPLICATION',
        );
        expect(forms.at(-1)?.evidence, model).toBe(`Application later-${h.candidateExternalId}: SMS box ticked`);
      }
      // An earlier form's "no" is re-opened by the later form; the model says whether that is enough to text.
      const reopened = await unticked.smsLock();
      if (model === 'DOUBLE_OPT_IN') expect(reopened, model).toMatchObject({ locked: true, reason: 'NO_CONSENT' });
      else expect(reopened, model).toMatchObject({ locked: false });
      // The candidate's STOP is not undone by a form, whatever the model: only their START is.
      const lock = await stopped.smsLock();
      expect(lock, model).toMatchObject({ locked: true, reason: 'OPTED_OUT' });
      expect(lock?.message, model).toMatch(/texted STOP.*texting START/);
    }
  }, 150_000);

  it('tells a recruiter what to do about an opt-out they or the form recorded', async () => {
    const h = await setUpHiring(server, { consent: { sms: false } });
    expect((await h.smsLock())?.message).toMatch(/application form.*record their consent/);
    await h.recruiter.client.request(RecordConsentDocument, {
      input: { conversationId: h.conversationId, channel: 'SMS', granted: true, reason: 'Agreed at interview' },
    });
    await h.recruiter.client.request(RecordConsentDocument, {
      input: { conversationId: h.conversationId, channel: 'SMS', granted: false, reason: 'Asked us to stop by phone' },
    });
    expect(await h.smsLock()).toMatchObject({ reason: 'OPTED_OUT' });
    expect((await h.smsLock())?.message).toMatch(/recruiter recorded.*record their consent with evidence/);
  });

  // Number assignment and users per number are enforced now: api/e2e/number-assignment.test.ts.
  it('refuses channels that nothing sends on, and keeps the tenant as it was', async () => {
    const h = await setUpHiring(server);
    const settings = (input: Record<string, unknown>) =>
      h.tenant.client.request(UpdateTenantSettingsDocument, { input }).then((r) => r.updateTenantSettings);
    expect(await settings({ enabledChannels: ['SMS', 'WHATSAPP'] })).toMatchObject({
      __typename: 'ChannelUnavailableError',
      code: 'CHANNEL_UNAVAILABLE',
    });
    expect(await settings({ requireNumberAssignment: false, maxUsersPerNumber: 3, requireSeat: true })).toMatchObject({
      __typename: 'Tenant',
    });
    const { tenant } = await h.tenant.client.request(TenantDocument);
    expect(tenant.enabledChannels).toEqual(['SMS']);
    expect(tenant.sendPolicy).toMatchObject({ requireNumberAssignment: false, maxUsersPerNumber: 3 });

    // A new tenant may start on WhatsApp (its plugin is loaded): the operator adds its account next, and
    // until then nothing sends there.
    const created = await server.operator.request(CreateTenantDocument, {
      input: { name: 'WhatsApp first', enabledChannels: ['WHATSAPP'] },
    });
    expect(created.createTenant).toMatchObject({ __typename: 'CreatedTenant' });

    // A tenant that had WhatsApp enabled before: its conversations never show it as reachable.
    await server.app.services.prisma.tenant.updateMany({
      where: { name: h.tenant.name },
      data: { enabledChannels: ['SMS', 'WHATSAPP'] },
    });
    const whatsapp = (await h.conversation()).locks.find((l) => l.channel === 'WHATSAPP');
    expect(whatsapp).toMatchObject({ locked: true, reachable: false, reason: 'CHANNEL_UNAVAILABLE' });
  });

  it('enforces the seat and send-permission settings on every send, from the next request on', async () => {
    const h = await setUpHiring(server, { consent: { sms: true } });
    const refusals = async (who: typeof h.admin) => {
      const { previewMessage } = await who.client.request(PreviewMessageDocument, {
        input: { conversationId: h.conversationId, channel: 'SMS', body: 'Hi' },
      });
      return previewMessage?.refusals.flatMap((r) => (r.sendRefusal ? [r.sendRefusal] : []));
    };
    const settings = (input: Record<string, unknown>) =>
      h.tenant.client.request(UpdateTenantSettingsDocument, { input }).then((r) => r.updateTenantSettings);
    // The recruiter is on the team with a seat; the admin is on no team and has no seat.
    expect(await refusals(h.recruiter)).toEqual([]);
    expect(await refusals(h.admin)).toEqual(['NOT_ON_HIRING_TEAM', 'NO_SEAT']);

    expect(await settings({ requireSendPermission: true })).toMatchObject({ __typename: 'Tenant' });
    expect(await refusals(h.recruiter)).toEqual(['NO_SEND_PERMISSION']);
    await h.tenant.client.request(UpdateUserDocument, { input: { id: h.recruiter.user.id, canSend: true } });
    expect(await refusals(h.recruiter)).toEqual([]);

    expect(await settings({ requireSeat: false, requireSendPermission: false })).toMatchObject({
      __typename: 'Tenant',
    });
    expect(await refusals(h.admin)).toEqual(['NOT_ON_HIRING_TEAM']);
  });

  it('reads candidate numbers without a leading + in the tenant’s default country', async () => {
    const h = await setUpHiring(server);
    const upsert = (phone: string) =>
      h.tenant.client
        .request(UpsertCandidateDocument, { input: { externalId: `${h.candidateExternalId}-uk`, name: 'Cara', phone } })
        .then((r) => r.upsertCandidate);
    expect(await upsert('(415) 555-2671')).toMatchObject({ phone: '+14155552671' });
    const { updateTenantSettings } = await h.tenant.client.request(UpdateTenantSettingsDocument, {
      input: { defaultCountry: 'GB' },
    });
    expect(updateTenantSettings.__typename).toBe('Tenant');
    expect(await upsert('020 7946 0958')).toMatchObject({ phone: '+442079460958' });
    expect(await upsert('+1 415 555 2671')).toMatchObject({ phone: '+14155552671' });
  });

  it('opts out every candidate record texted on the number that sent STOP', async () => {
    const h = await setUpHiring(server, { consent: { sms: true } });
    await h.tenant.client.request(UpsertCandidateDocument, {
      input: { externalId: `${h.candidateExternalId}-dup`, name: 'Cara (duplicate)', phone: h.candidatePhone },
    });
    const dup = await h.tenant.client.request(UpsertApplicationDocument, {
      input: {
        externalId: `dup-${h.candidateExternalId}`,
        candidateExternalId: `${h.candidateExternalId}-dup`,
        jobExternalId: 'job-1',
        hiringTeam: [h.recruiter.user.id],
        consent: { sms: true },
      },
    });
    if (dup.upsertApplication.__typename !== 'Application' || !dup.upsertApplication.conversation)
      throw new Error('dup');
    const dupConversation = dup.upsertApplication.conversation.id;
    for (const conversationId of [h.conversationId, dupConversation]) {
      await h.recruiter.client.request(RecordConsentDocument, {
        input: { conversationId, channel: 'SMS', granted: true, reason: 'Agreed by phone' },
      });
    }
    await h.candidateTexts('Stop');
    const { conversation } = await h.admin.client.request(ConversationDocument, { id: dupConversation });
    expect(conversation?.locks.find((l) => l.channel === 'SMS')).toMatchObject({ reason: 'OPTED_OUT' });
    expect(await h.smsLock()).toMatchObject({ reason: 'OPTED_OUT' });
  });

  it('does not send messages still queued when consent is withdrawn', async () => {
    const h = await setUpHiring(server, { consent: { sms: true } });
    await h.recruiter.client.request(RecordConsentDocument, {
      input: { conversationId: h.conversationId, channel: 'SMS', granted: true, reason: 'Agreed by phone' },
    });
    await server.app.outbox.stop();
    try {
      for (const i of [1, 2, 3]) {
        const sent = await h.recruiter.client.request(SendMessageDocument, {
          input: {
            conversationId: h.conversationId,
            channel: 'SMS',
            body: `Queued ${i}`,
            idempotencyKey: `withdrawn-${i}`,
          },
        });
        expect(sent.sendMessage.__typename).toBe('Message');
      }
      await h.recruiter.client.request(RecordConsentDocument, {
        input: {
          conversationId: h.conversationId,
          channel: 'SMS',
          granted: false,
          reason: 'Asked us to stop by email',
        },
      });
    } finally {
      server.app.outbox.start();
    }
    const messages = await waitFor(async () => {
      const all = (await h.conversation()).messages.edges.map((e) => e.node);
      return all.every((m) => m.status === 'FAILED') ? all : null;
    }, 'the queued messages to fail');
    expect(messages.map((m) => m.errorCode)).toEqual(['CONSENT_WITHDRAWN', 'CONSENT_WITHDRAWN', 'CONSENT_WITHDRAWN']);
    expect(h.sentToCandidate()).toHaveLength(0);
  });
});
