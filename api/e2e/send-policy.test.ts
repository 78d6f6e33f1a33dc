import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PreviewMessageDocument,
  SendMessageDocument,
  UpdateTenantSettingsDocument,
} from '../../clients/generated/graphql.ts';
import { rawId, startTestServer, type TestServer } from '../test/harness.ts';
import { setUpHiring } from '../test/messaging-fixture.ts';

describe('one send policy, asked by previewMessage and by sendMessage', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.stop());

  it('previews every refusal, the cost and the number, and writes nothing', async () => {
    const h = await setUpHiring(server, { consent: { sms: true } });
    const before = await server.app.services.prisma.event.count({ where: { tenantId: rawId(h.tenant.id) } });
    const preview = (who: typeof h.admin, body: string) =>
      who.client
        .request(PreviewMessageDocument, { input: { conversationId: h.conversationId, channel: 'SMS', body } })
        .then((r) => r.previewMessage);

    const admin = await preview(h.admin, '  ');
    expect(admin).toMatchObject({
      allowed: false,
      sendingNumber: h.sendingNumber,
      sendingNumberReason: 'CANDIDATE_COUNTRY',
    });
    expect(admin?.refusals.map((r) => r.code)).toEqual([
      'VALIDATION',
      'SEND_NOT_ALLOWED',
      'SEND_NOT_ALLOWED',
      'CONVERSATION_LOCKED',
    ]);
    expect(admin?.refusals.map((r) => r.sendRefusal ?? r.lockReason ?? r.field)).toEqual([
      'body',
      'NOT_ON_HIRING_TEAM',
      'NO_SEAT',
      'NO_CONSENT',
    ]);
    expect(admin?.lock).toMatchObject({ reason: 'NO_CONSENT', consent: 'CONSENTED', consentModel: 'DOUBLE_OPT_IN' });

    const emoji = await preview(h.recruiter, `Great news 🎉 ${'x'.repeat(60)}`);
    expect(emoji).toMatchObject({ encoding: 'UCS_2', segments: 2, ucs2Characters: ['🎉'] });
    expect(emoji?.refusals.map((r) => r.code)).toEqual(['CONVERSATION_LOCKED']);
    expect(await preview(h.outsider, 'hi')).toBeNull();

    expect(await server.app.services.prisma.message.count({ where: { conversationId: rawId(h.conversationId) } })).toBe(
      0,
    );
    expect(await server.app.services.prisma.event.count({ where: { tenantId: rawId(h.tenant.id) } })).toBe(before);
    // sendMessage refuses with the first of the same refusals.
    const sent = await h.recruiter.client.request(SendMessageDocument, {
      input: { conversationId: h.conversationId, channel: 'SMS', body: 'Hi', idempotencyKey: 'policy-send-1' },
    });
    expect(sent.sendMessage).toMatchObject({ __typename: 'ConversationLockedError', lockReason: 'NO_CONSENT' });
  });

  it('opens texting as each consent model says, and honours STOP and START in all of them', async () => {
    const h = await setUpHiring(server, { consent: { sms: true } });
    const model = (consentModel: 'DOUBLE_OPT_IN' | 'APPLICATION_OPT_IN' | 'LEGITIMATE_INTEREST') =>
      h.tenant.client.request(UpdateTenantSettingsDocument, { input: { consentModel } });
    expect(await h.smsLock()).toMatchObject({ locked: true, reason: 'NO_CONSENT' });
    await model('APPLICATION_OPT_IN');
    expect(await h.smsLock()).toMatchObject({ locked: false, consentModel: 'APPLICATION_OPT_IN' });
    const sent = await h.recruiter.client.request(SendMessageDocument, {
      input: {
        conversationId: h.conversationId,
        channel: 'SMS',
        body: 'Form consent is enough',
        idempotencyKey: 'model-send-1',
      },
    });
    expect(sent.sendMessage.__typename).toBe('Message');
    await h.candidateTexts('STOP');
    expect(await h.smsLock()).toMatchObject({ locked: true, reason: 'OPTED_OUT' });
    await model('LEGITIMATE_INTEREST');
    expect(await h.smsLock()).toMatchObject({ locked: true, reason: 'OPTED_OUT' }); // a STOP stands in every model
    await h.candidateTexts('START');
    expect(await h.smsLock()).toMatchObject({ locked: false });

    const unticked = await setUpHiring(server, { consent: {} });
    await unticked.tenant.client.request(UpdateTenantSettingsDocument, {
      input: { consentModel: 'LEGITIMATE_INTEREST' },
    });
    expect(await unticked.smsLock()).toMatchObject({ locked: false, consentModel: 'LEGITIMATE_INTEREST' });
    await unticked.tenant.client.request(UpdateTenantSettingsDocument, { input: { consentModel: 'DOUBLE_OPT_IN' } });
    expect(await unticked.smsLock()).toMatchObject({ locked: true, reason: 'OPTED_OUT' });
  });
});
