import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PreviewOnChannelDocument,
  RecordConsentDocument,
  SendConsentInviteOnDocument,
  SendOnChannelDocument,
  SendReengagementTemplateDocument,
  UpdateReengagementSettingsDocument,
} from '../../clients/generated/graphql.ts';
import { type FakeMetaApi, startFakeMetaApi } from '../../plugins/whatsapp/testing/fake-meta-api.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { type Hiring, setUpHiring, waitFor } from '../test/messaging-fixture.ts';
import { optIn } from '../test/opted-in.ts';
import { addWhatsApp, withWhatsApp } from '../test/whatsapp-fixture.ts';

const HOUR = 3_600_000;
let keys = 0;
const key = () => `wa-policy-${Date.now()}-${keys++}`;

describe('WhatsApp in the send policy, through the real server', () => {
  let meta: FakeMetaApi;
  let server: TestServer;
  beforeAll(async () => {
    meta = await startFakeMetaApi();
    server = await startTestServer({ env: withWhatsApp(meta) });
  });
  afterAll(async () => {
    await server?.stop();
    await meta?.close();
  });

  const send = (h: Hiring, channel: 'SMS' | 'WHATSAPP', body: string) =>
    h.recruiter.client
      .request(SendOnChannelDocument, {
        input: { conversationId: h.conversationId, channel, body, idempotencyKey: key() },
      })
      .then((r) => r.sendMessage);
  const reengage = (h: Hiring) =>
    h.recruiter.client
      .request(SendReengagementTemplateDocument, { input: { conversationId: h.conversationId, idempotencyKey: key() } })
      .then((r) => r.sendReengagementTemplate);

  it('SMS and WhatsApp together: a window the candidate’s reply opens, the template outside it, a number per channel', async () => {
    const h = await setUpHiring(server, { consent: { texting: true } });
    const wa = await addWhatsApp(server, meta, h, ['SMS', 'WHATSAPP']);
    const template = `${h.tenant.name} would like to reach you on behalf of the hiring team about Barista. Since the team can only reach you within a day of your last message, please reply to continue receiving updates.`;

    // The form's consent is enough on WhatsApp (no invitation there); the candidate never wrote: closed.
    const closed = await wa.lock();
    expect(closed).toMatchObject({
      locked: true,
      reachable: false,
      reason: 'SESSION_WINDOW_CLOSED',
      consent: 'CONSENTED',
      optOutObservable: false,
      sessionWindow: { hours: 24, open: false, closedAt: null, lastInboundAt: null },
      reengagementTemplate: { body: template, name: 'parley_reengagement', language: 'en' },
    });
    expect(closed.message).toContain(template);
    expect(closed.notice).toBe(
      'WhatsApp does not tell Parley when a candidate blocks the business; a message may not arrive.',
    );
    expect(await wa.lock('SMS')).toMatchObject({ optOutObservable: true, notice: null, sessionWindow: null });

    const refused = await send(h, 'WHATSAPP', 'Are you free on Monday?');
    expect(refused).toMatchObject({
      __typename: 'SessionWindowClosedError',
      closedAt: null,
      template: { body: template },
    });
    const preview = await h.recruiter.client.request(PreviewOnChannelDocument, {
      input: { conversationId: h.conversationId, channel: 'WHATSAPP', body: 'Are you free on Monday?' },
    });
    expect(preview.previewMessage?.refusals).toEqual([
      expect.objectContaining({
        code: 'SESSION_WINDOW_CLOSED',
        sessionWindowClosedAt: null,
        template: expect.objectContaining({ body: template }),
      }),
    ]);

    const templatePreview = await h.recruiter.client.request(PreviewOnChannelDocument, {
      input: { conversationId: h.conversationId, channel: 'WHATSAPP', body: '', template: true },
    });
    expect(templatePreview.previewMessage).toMatchObject({ allowed: true, refusals: [], sendingNumber: wa.number });

    // The template goes out, as the approved template with the company and the job.
    const sent = await reengage(h);
    expect(sent).toMatchObject({
      __typename: 'Message',
      channel: 'WHATSAPP',
      body: template,
      template: { name: 'parley_reengagement', language: 'en', parameters: [h.tenant.name, 'Barista'] },
    });
    // A second one before the candidate answers would cost again and hurt the number's rating.
    expect(await reengage(h)).toMatchObject({ __typename: 'ReengagementPendingError', code: 'REENGAGEMENT_PENDING' });
    const delivered = await waitFor(async () => wa.sentToCandidate().find((m) => m.template), 'the template sent');
    expect(delivered).toMatchObject({
      from: wa.number,
      type: 'template',
      template: { name: 'parley_reengagement', language: 'en', parameters: [h.tenant.name, 'Barista'] },
    });

    // The candidate's reply opens the window for 24 hours; free text goes out as free text.
    const before = Date.now();
    await wa.candidateWrites('Yes, tell me more');
    const open = await wa.lock();
    expect(open).toMatchObject({ locked: false, reachable: true, reason: null, sessionWindow: { open: true } });
    const until = Date.parse(open.sessionWindow?.openUntil as string);
    expect(until).toBeGreaterThanOrEqual(before + 24 * HOUR - 5_000);
    expect(until).toBeLessThanOrEqual(Date.now() + 24 * HOUR + 5_000);
    expect(await send(h, 'WHATSAPP', 'Are you free on Monday?')).toMatchObject({ __typename: 'Message' });
    const free = await waitFor(
      async () => wa.sentToCandidate().find((m) => m.body === 'Are you free on Monday?'),
      'the free text sent',
    );
    expect(free).toMatchObject({ type: 'text', from: wa.number });
    expect(free.template).toBeUndefined();

    // 24 hours and a minute later the window is closed, with when it closed.
    const wrote = new Date(Date.now() - 24 * HOUR - 60_000);
    await wa.candidateWroteAt(wrote);
    const late = await wa.lock();
    expect(late).toMatchObject({ locked: true, reason: 'SESSION_WINDOW_CLOSED', sessionWindow: { open: false } });
    const closedAt = new Date(wrote.getTime() + 24 * HOUR).toISOString();
    expect(late.sessionWindow?.closedAt).toBe(closedAt);
    expect(await send(h, 'WHATSAPP', 'Hello again')).toMatchObject({
      __typename: 'SessionWindowClosedError',
      closedAt,
    });

    // SMS is unaffected, and each channel keeps its own number.
    await optIn(h);
    expect(await send(h, 'SMS', 'A text')).toMatchObject({ __typename: 'Message', channel: 'SMS' });
    await waitFor(async () => h.sentToCandidate().find((m) => m.body === 'A text'), 'the SMS sent');
    const conversation = await wa.conversation();
    expect(conversation).toMatchObject({ smsNumber: h.sendingNumber, whatsappNumber: wa.number });
    const inbound = conversation.messages.edges.map((e) => e.node).filter((m) => m.direction === 'INBOUND');
    expect(inbound).toEqual([expect.objectContaining({ channel: 'WHATSAPP', body: 'Yes, tell me more' })]);
    // A text by SMS is no WhatsApp message: the WhatsApp window stays closed.
    await h.candidateTexts('Replying by text instead');
    expect(await wa.lock()).toMatchObject({ reason: 'SESSION_WINDOW_CLOSED', sessionWindow: { closedAt } });
  });

  it('WhatsApp only: the candidate’s first message finds the conversation and gives it its WhatsApp number', async () => {
    const h = await setUpHiring(server, { consent: { texting: true } });
    const wa = await addWhatsApp(server, meta, h, ['WHATSAPP']);
    expect(await wa.lock('SMS')).toMatchObject({ locked: true, reason: 'CHANNEL_DISABLED' });
    await wa.candidateWrites('Hi, I applied for the barista job');
    expect(await wa.lock()).toMatchObject({ locked: false, sessionWindow: { open: true } });
    expect(await wa.conversation()).toMatchObject({ smsNumber: null, whatsappNumber: wa.number });
    expect(await send(h, 'WHATSAPP', 'Thanks for writing!')).toMatchObject({ __typename: 'Message' });
    expect(await send(h, 'SMS', 'A text')).toMatchObject({ __typename: 'ConversationLockedError' });
  });

  it('has no consent invitation on WhatsApp; consent comes from the form or a recruiter’s record', async () => {
    const h = await setUpHiring(server, { consent: { sms: true } });
    const wa = await addWhatsApp(server, meta, h, ['SMS', 'WHATSAPP']);
    const invite = await h.recruiter.client.request(SendConsentInviteOnDocument, {
      conversationId: h.conversationId,
      channel: 'WHATSAPP',
    });
    expect(invite.sendConsentInvite).toMatchObject({
      __typename: 'ConsentInvitationNotAvailableError',
      code: 'CONSENT_INVITATION_NOT_AVAILABLE',
      channel: 'WHATSAPP',
    });
    expect((invite.sendConsentInvite as { message: string }).message).toContain('recordConsent');
    expect(wa.sentToCandidate()).toEqual([]);
    // The form left the WhatsApp box unticked: opted out, until a recruiter records consent.
    expect(await wa.lock()).toMatchObject({ locked: true, reason: 'OPTED_OUT' });
    const { recordConsent } = await h.recruiter.client.request(RecordConsentDocument, {
      input: { conversationId: h.conversationId, channel: 'WHATSAPP', granted: true, reason: 'Agreed by phone' },
    });
    expect(recordConsent.__typename).toBe('Conversation');
    expect(await wa.lock()).toMatchObject({ reason: 'SESSION_WINDOW_CLOSED', consent: 'OPTED_IN' });
    // A STOP written on WhatsApp opts out of WhatsApp only; START opts back in.
    await wa.candidateWrites('STOP');
    expect(await wa.lock()).toMatchObject({ locked: true, reason: 'OPTED_OUT', consent: 'OPTED_OUT' });
    expect(await wa.lock('SMS')).toMatchObject({ consent: 'CONSENTED' });
    await wa.candidateWrites('START');
    expect(await wa.lock()).toMatchObject({ locked: false, consent: 'OPTED_IN', sessionWindow: { open: true } });
    // SMS still has its invitation.
    const sms = await h.recruiter.client.request(SendConsentInviteOnDocument, { conversationId: h.conversationId });
    expect(sms.sendConsentInvite.__typename).toBe('Message');
  });

  it('sends the tenant’s own re-engagement template, validated, as the approved template it names', async () => {
    const h = await setUpHiring(server, { consent: { texting: true } });
    const wa = await addWhatsApp(server, meta, h, ['WHATSAPP']);
    const settings = (input: Record<string, string>) =>
      h.tenant.client.request(UpdateReengagementSettingsDocument, { input }).then((r) => r.updateTenantSettings);
    for (const [input, field] of [
      [{ reengagementText: 'Hello from {company}' }, 'reengagementText'],
      [{ reengagementText: '{company} about {job}, dear {name}' }, 'reengagementText'],
      [{ reengagementText: '   ' }, 'reengagementText'],
      [{ reengagementTemplateName: 'Acme Hello' }, 'reengagementTemplateName'],
      [{ reengagementTemplateLanguage: 'English' }, 'reengagementTemplateLanguage'],
    ] as const) {
      expect(await settings(input), JSON.stringify(input)).toMatchObject({ __typename: 'ValidationError', field });
    }
    expect(
      await settings({
        reengagementText: 'Hi, {company} here about {job}. Reply to keep hearing from us.',
        reengagementTemplateName: 'acme_hello',
        reengagementTemplateLanguage: 'en_GB',
      }),
    ).toMatchObject({
      __typename: 'Tenant',
      reengagementText: 'Hi, {company} here about {job}. Reply to keep hearing from us.',
      reengagementTemplateName: 'acme_hello',
      reengagementTemplateLanguage: 'en_GB',
    });
    const body = `Hi, ${h.tenant.name} here about Barista. Reply to keep hearing from us.`;
    expect((await wa.lock()).reengagementTemplate).toMatchObject({ body, name: 'acme_hello', language: 'en_GB' });
    expect(await reengage(h)).toMatchObject({ __typename: 'Message', body, template: { name: 'acme_hello' } });
    const delivered = await waitFor(async () => wa.sentToCandidate().find((m) => m.template), 'the template sent');
    expect(delivered.template).toEqual({
      name: 'acme_hello',
      language: 'en_GB',
      parameters: [h.tenant.name, 'Barista'],
    });
  });
});
