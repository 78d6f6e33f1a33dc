import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  RecordConsentDocument,
  SendConsentInviteDocument,
  SendMessageDocument,
  UpdateTenantSettingsDocument,
} from '../../clients/generated/graphql.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { setUpHiring, waitFor } from '../test/messaging-fixture.ts';

let keySeq = 0;
const key = () => `test-key-${Date.now()}-${keySeq++}`;

describe('SMS consent, end to end', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.stop());

  it('runs the whole double opt-in: consent at application, invitation (re-sent), YES, then texting', async () => {
    const h = await setUpHiring(server, { consent: { sms: true } });
    const send = (body: string) =>
      h.recruiter.client.request(SendMessageDocument, {
        input: { conversationId: h.conversationId, channel: 'SMS', body, idempotencyKey: key() },
      });

    expect(await h.smsLock()).toMatchObject({ locked: true, reason: 'NO_CONSENT', consent: 'CONSENTED' });
    expect((await send('Hi Cara!')).sendMessage).toMatchObject({
      __typename: 'ConversationLockedError',
      lockReason: 'NO_CONSENT',
    });

    const invite = await h.recruiter.client.request(SendConsentInviteDocument, { conversationId: h.conversationId });
    expect(invite.sendConsentInvite).toMatchObject({ __typename: 'Message', kind: 'CONSENT_INVITE', status: 'QUEUED' });
    await waitFor(async () => h.sentToCandidate().length === 1, 'the invitation to reach Twilio');
    expect(h.sentToCandidate()[0]?.body).toMatch(/reply YES/i);
    expect(await h.smsLock()).toMatchObject({ locked: true, reason: 'INVITED_WAITING' });
    const again = await h.recruiter.client.request(SendConsentInviteDocument, { conversationId: h.conversationId });
    expect(again.sendConsentInvite.__typename).toBe('Message');
    await waitFor(async () => h.sentToCandidate().length === 2, 'the re-sent invitation');

    await h.candidateTexts('Yes');
    expect(await h.smsLock()).toMatchObject({ locked: false, reachable: true, reason: null, consent: 'OPTED_IN' });

    const sent = await send('Great, can you come in Tuesday?');
    expect(sent.sendMessage).toMatchObject({ __typename: 'Message', status: 'QUEUED', senderName: 'Rita Recruiter' });
    await waitFor(
      async () => h.sentToCandidate().some((m) => m.body === 'Great, can you come in Tuesday?'),
      'the message to reach Twilio',
    );

    const conversation = await h.conversation();
    expect(
      conversation.candidate.consentHistory.filter((e) => e.channel === 'SMS').map((e) => [e.source, e.to]),
    ).toEqual([
      ['APPLICATION', 'CONSENTED'],
      ['INVITE', 'INVITED'],
      ['INVITE', 'INVITED'],
      ['KEYWORD', 'OPTED_IN'],
    ]);
    expect(conversation.candidate.consentHistory.at(-1)?.evidence).toBe('Yes');
    const bodies = conversation.messages.edges.map((e) => `${e.node.direction}:${e.node.body.slice(0, 12)}`);
    expect(bodies).toHaveLength(4);
    expect(bodies[2]).toBe('INBOUND:Yes');
  });

  it('stops on STOP in the middle of a conversation, refuses the next send, and resumes on START', async () => {
    const h = await setUpHiring(server);
    await h.recruiter.client.request(SendConsentInviteDocument, { conversationId: h.conversationId });
    await h.candidateTexts('YES');
    const send = (body: string) =>
      h.recruiter.client.request(SendMessageDocument, {
        input: { conversationId: h.conversationId, channel: 'SMS', body, idempotencyKey: key() },
      });
    expect((await send('First question')).sendMessage.__typename).toBe('Message');

    await h.candidateTexts('  stop ');
    expect(await h.smsLock()).toMatchObject({ locked: true, reason: 'OPTED_OUT', consent: 'OPTED_OUT' });
    const refused = await send('Are you still there?');
    expect(refused.sendMessage).toMatchObject({
      __typename: 'ConversationLockedError',
      code: 'CONVERSATION_LOCKED',
      lockReason: 'OPTED_OUT',
    });
    expect((refused.sendMessage as { message: string }).message).toMatch(/START/);
    const invite = await h.recruiter.client.request(SendConsentInviteDocument, { conversationId: h.conversationId });
    expect(invite.sendConsentInvite).toMatchObject({ __typename: 'ConversationLockedError', lockReason: 'OPTED_OUT' });

    await h.candidateTexts('Start');
    expect(await h.smsLock()).toMatchObject({ locked: false });
    expect((await send('Welcome back')).sendMessage.__typename).toBe('Message');
    await waitFor(async () => h.sentToCandidate().some((m) => m.body === 'Welcome back'), 'the message after START');
    expect(h.sentToCandidate().map((m) => m.body)).not.toContain('Are you still there?');
  });

  it('answers HELP with the tenant help text and leaves consent alone', async () => {
    const h = await setUpHiring(server);
    const badInvite = await h.tenant.client.request(UpdateTenantSettingsDocument, {
      input: { inviteText: 'Text us!' },
    });
    expect(badInvite.updateTenantSettings).toMatchObject({ __typename: 'ValidationError', field: 'inviteText' });
    const helpText = '{company} recruiting texts. Questions? Call 555-0100. Reply STOP to opt out.';
    await h.tenant.client.request(UpdateTenantSettingsDocument, { input: { helpText } });
    await h.candidateTexts('help');
    const reply = await waitFor(
      async () => h.sentToCandidate().find((m) => m.body.includes('Call 555-0100')),
      'the HELP reply',
    );
    expect(reply.body).toBe(helpText.replace('{company}', h.tenant.name));
    expect(reply.from).toBe(h.sendingNumber);
    expect(await h.smsLock()).toMatchObject({ reason: 'NO_CONSENT', consent: 'CONSENTED' });
  });

  it('treats an application with no box ticked as opted out, and lets a recruiter record consent with evidence', async () => {
    const h = await setUpHiring(server, { consent: {} });
    expect(await h.smsLock()).toMatchObject({ locked: true, reason: 'OPTED_OUT' });
    const noReason = await h.recruiter.client.request(RecordConsentDocument, {
      input: { conversationId: h.conversationId, channel: 'SMS', granted: true, reason: '' },
    });
    expect(noReason.recordConsent).toMatchObject({ __typename: 'ValidationError', field: 'reason' });
    const outsider = await h.outsider.client.request(RecordConsentDocument, {
      input: { conversationId: h.conversationId, channel: 'SMS', granted: true, reason: 'I say so' },
    });
    expect(outsider.recordConsent.__typename).toBe('NotFoundError');
    const recorded = await h.recruiter.client.request(RecordConsentDocument, {
      input: {
        conversationId: h.conversationId,
        channel: 'SMS',
        granted: true,
        reason: 'Agreed by phone',
        evidence: 'Call 2026-11-20 10:04',
      },
    });
    expect(recorded.recordConsent).toMatchObject({ __typename: 'Conversation' });
    const last = (await h.conversation()).candidate.consentHistory.at(-1);
    expect(last).toMatchObject({
      source: 'RECRUITER',
      to: 'OPTED_IN',
      evidence: 'Agreed by phone\nCall 2026-11-20 10:04',
    });
    expect(last?.actorUserId).toBe(h.recruiter.user.id);
    expect(await h.smsLock()).toMatchObject({ locked: false });
  });
});
