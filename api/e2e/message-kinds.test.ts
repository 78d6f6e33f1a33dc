import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DefineMessageKindDocument,
  MessageKindsDocument,
  PreviewMessageDocument,
  RemoveMessageKindDocument,
  SendConsentInviteDocument,
  SendMessageDocument,
  SetMessageKindRuleDocument,
} from '../../clients/generated/graphql.ts';
import { rawId, startTestServer, type TestServer } from '../test/harness.ts';
import { type Hiring, setUpHiring } from '../test/messaging-fixture.ts';
import { optIn } from '../test/opted-in.ts';

describe('message kinds: a tenant forbids kinds per channel, and names its own', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { OUTBOX_WORKER: 'off' } });
  });
  afterAll(() => server?.stop());

  let n = 0;
  const send = (h: Hiring, input: { kind?: 'CHAT' | 'REJECTION' | 'CUSTOM' | 'HELP_REPLY'; customKind?: string }) =>
    h.recruiter.client
      .request(SendMessageDocument, {
        input: {
          conversationId: h.conversationId,
          channel: 'SMS',
          body: 'Hello',
          idempotencyKey: `message-kinds-${++n}`,
          ...input,
        },
      })
      .then((r) => r.sendMessage);
  const rule = (
    h: Hiring,
    input: {
      kind: 'REJECTION' | 'CUSTOM' | 'CONSENT_INVITE' | 'HELP_REPLY' | 'OFFER';
      customKind?: string;
      allowed: boolean;
    },
  ) =>
    h.admin.client
      .request(SetMessageKindRuleDocument, { input: { channel: 'SMS', ...input } })
      .then((r) => r.setMessageKindRule);

  it('refuses a rejection by SMS once the tenant forbids it, naming the rule, and sends it again once lifted', async () => {
    const h = await setUpHiring(server);
    await optIn(h);
    const sent = await send(h, { kind: 'REJECTION' });
    expect(sent).toMatchObject({ __typename: 'Message', kind: 'REJECTION', customKind: null });

    expect(await rule(h, { kind: 'REJECTION', allowed: false })).toMatchObject({
      data: [{ channel: 'SMS', kind: 'REJECTION', customKind: null }],
    });
    const messages = () =>
      server.app.services.prisma.message.count({ where: { conversationId: rawId(h.conversationId) } });
    const before = await messages();
    const refused = await send(h, { kind: 'REJECTION' });
    expect(refused).toMatchObject({
      __typename: 'MessageKindNotAllowedError',
      code: 'MESSAGE_KIND_NOT_ALLOWED',
      forbiddenKind: 'rejection',
      forbiddenOn: 'SMS',
    });
    if (refused.__typename === 'MessageKindNotAllowedError')
      expect(refused.message).toMatch(/rejection messages by SMS/);
    expect(await messages()).toBe(before);
    // Other kinds still go.
    expect((await send(h, {})).__typename).toBe('Message');

    const { previewMessage } = await h.recruiter.client.request(PreviewMessageDocument, {
      input: { conversationId: h.conversationId, channel: 'SMS', body: 'Sorry', kind: 'REJECTION' },
    });
    expect(previewMessage?.refusals.map((r) => r.code)).toEqual(['MESSAGE_KIND_NOT_ALLOWED']);

    await rule(h, { kind: 'REJECTION', allowed: true });
    expect((await send(h, { kind: 'REJECTION' })).__typename).toBe('Message');
    const { tenant } = await h.recruiter.client.request(MessageKindsDocument, {});
    expect(tenant.messageKindRules).toEqual([]);
  });

  it("sends the tenant's own kinds only once named, and forbids them like the built-in ones", async () => {
    const h = await setUpHiring(server);
    await optIn(h);
    const undefinedKind = await send(h, { kind: 'CUSTOM', customKind: 'assessment-reminder' });
    expect(undefinedKind).toMatchObject({ __typename: 'ValidationError', field: 'customKind' });
    expect(await send(h, { kind: 'CUSTOM' })).toMatchObject({ __typename: 'ValidationError', field: 'customKind' });
    expect(await send(h, { kind: 'CHAT', customKind: 'x' })).toMatchObject({
      __typename: 'ValidationError',
      field: 'customKind',
    });
    expect(await send(h, { kind: 'HELP_REPLY' })).toMatchObject({ __typename: 'ValidationError', field: 'kind' });

    const define = (key: string, label: string) =>
      h.admin.client.request(DefineMessageKindDocument, { input: { key, label } }).then((r) => r.defineMessageKind);
    expect(await define('Bad Key!', 'x')).toMatchObject({ __typename: 'ValidationError', field: 'key' });
    const recruiterTries = await h.recruiter.client.request(DefineMessageKindDocument, {
      input: { key: 'sneaky', label: 'x' },
    });
    expect(recruiterTries.defineMessageKind).toMatchObject({ __typename: 'NotAuthorizedError' });
    expect(
      (
        await rule(h, { kind: 'REJECTION', allowed: false }).then(() =>
          h.recruiter.client.request(SetMessageKindRuleDocument, {
            input: { channel: 'SMS', kind: 'OFFER', allowed: false },
          }),
        )
      ).setMessageKindRule,
    ).toMatchObject({ __typename: 'NotAuthorizedError' });
    await rule(h, { kind: 'REJECTION', allowed: true });
    expect(await define('assessment-reminder', 'Assessment reminder')).toMatchObject({ key: 'assessment-reminder' });

    const sent = await send(h, { kind: 'CUSTOM', customKind: 'assessment-reminder' });
    expect(sent).toMatchObject({ __typename: 'Message', kind: 'CUSTOM', customKind: 'assessment-reminder' });
    await rule(h, { kind: 'CUSTOM', customKind: 'assessment-reminder', allowed: false });
    expect(await send(h, { kind: 'CUSTOM', customKind: 'assessment-reminder' })).toMatchObject({
      __typename: 'MessageKindNotAllowedError',
      forbiddenKind: 'assessment-reminder',
    });
    expect(await rule(h, { kind: 'CUSTOM', customKind: 'never-named', allowed: false })).toMatchObject({
      __typename: 'ValidationError',
      field: 'customKind',
    });
    expect(await rule(h, { kind: 'HELP_REPLY', allowed: false })).toMatchObject({
      __typename: 'ValidationError',
      field: 'kind',
    });

    // Another tenant neither sees nor can use this tenant's kinds.
    const other = await setUpHiring(server);
    await optIn(other);
    expect(await send(other, { kind: 'CUSTOM', customKind: 'assessment-reminder' })).toMatchObject({
      __typename: 'ValidationError',
    });
    expect((await other.recruiter.client.request(MessageKindsDocument, {})).tenant.customMessageKinds).toEqual([]);

    const remove = () =>
      h.admin.client
        .request(RemoveMessageKindDocument, { key: 'assessment-reminder' })
        .then((r) => r.removeMessageKind);
    // Not while a rule forbids it: naming it again must not quietly lift the rule.
    expect(await remove()).toMatchObject({ __typename: 'ValidationError', message: expect.stringContaining('lift') });
    await rule(h, { kind: 'CUSTOM', customKind: 'assessment-reminder', allowed: true });
    expect(await remove()).toMatchObject({ __typename: 'MutationRemoveMessageKindSuccess' });
    const { tenant } = await h.recruiter.client.request(MessageKindsDocument, {});
    expect(tenant).toEqual({ customMessageKinds: [], messageKindRules: [] });
    expect(await send(h, { kind: 'CUSTOM', customKind: 'assessment-reminder' })).toMatchObject({
      __typename: 'ValidationError',
    });
    const events = await server.app.services.prisma.event.findMany({
      where: { tenantId: rawId(h.tenant.id), type: 'MESSAGE_KINDS_CHANGED' },
      orderBy: { id: 'asc' },
    });
    expect(events.map((e) => e.payload)).toEqual([
      { kind: 'REJECTION', channel: 'SMS', allowed: false },
      { kind: 'REJECTION', channel: 'SMS', allowed: true },
      { defined: 'assessment-reminder' },
      { kind: 'assessment-reminder', channel: 'SMS', allowed: false },
      { kind: 'assessment-reminder', channel: 'SMS', allowed: true },
      { removed: 'assessment-reminder' },
    ]);
  });

  it('answers a rule change asked for with no fields selected, and writes the rule once', async () => {
    const h = await setUpHiring(server);
    const response = await server.post(
      { query: 'mutation { setMessageKindRule(input: { kind: OFFER, channel: SMS, allowed: false }) { __typename } }' },
      { authorization: `Bearer ${h.admin.token}` },
    );
    expect(response.body).toEqual({
      data: { setMessageKindRule: { __typename: 'MutationSetMessageKindRuleSuccess' } },
    });
    const { tenant } = await h.recruiter.client.request(MessageKindsDocument, {});
    expect(tenant.messageKindRules).toEqual([{ channel: 'SMS', kind: 'OFFER', customKind: null }]);
  });

  it('can forbid consent invitations on a channel', async () => {
    const h = await setUpHiring(server, { consent: { sms: true } });
    await rule(h, { kind: 'CONSENT_INVITE', allowed: false });
    const { sendConsentInvite } = await h.recruiter.client.request(SendConsentInviteDocument, {
      conversationId: h.conversationId,
    });
    expect(sendConsentInvite).toMatchObject({
      __typename: 'MessageKindNotAllowedError',
      forbiddenKind: 'consent invite',
    });
  });
});
