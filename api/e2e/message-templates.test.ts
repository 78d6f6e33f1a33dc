import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateMessageTemplateDocument,
  type CreateMessageTemplateInput,
  DeleteMessageTemplateDocument,
  MessageTemplateNodeDocument,
  MessageTemplatesDocument,
  PreviewTemplatedMessageDocument,
  SendTemplatedMessageDocument,
  type TemplateValueInput,
  UpdateMessageTemplateDocument,
} from '../../clients/generated/graphql.ts';
import { type FakeMetaApi, startFakeMetaApi } from '../../plugins/whatsapp/testing/fake-meta-api.ts';
import { sendCost } from '../messaging/send-policy/cost.ts';
import { rawId, startTestServer, type TestServer } from '../test/harness.ts';
import { type Hiring, setUpHiring, waitFor } from '../test/messaging-fixture.ts';
import { optIn } from '../test/opted-in.ts';
import { addWhatsApp, withWhatsApp } from '../test/whatsapp-fixture.ts';

const LINK = 'https://book.example.com/i/7f3a9c?slot=2026-12-01T10%3A00&tz=Europe%2FLondon';
const INVITE =
  'Hi {candidate.firstName}, thanks for applying for {job.title} at {company}. {recruiter.name} would like to meet you on {interview.time}. Please pick a time that suits you here: {interview.bookingLink} and reply if anything changes.';

let keys = 0;
const key = () => `templates-${Date.now()}-${keys++}`;

describe('message templates, through the real server', () => {
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

  const create = (h: Hiring, input: CreateMessageTemplateInput, as: 'admin' | 'recruiter' = 'admin') =>
    h[as].client.request(CreateMessageTemplateDocument, { input }).then((r) => r.createMessageTemplate);
  async function created(h: Hiring, input: CreateMessageTemplateInput) {
    const t = await create(h, input);
    if (t.__typename !== 'MessageTemplate') throw new Error(JSON.stringify(t));
    return t;
  }
  const send = (
    h: Hiring,
    templateId: string,
    values: TemplateValueInput[],
    options: { channel?: 'SMS' | 'WHATSAPP'; idempotencyKey?: string } = {},
  ) =>
    h.recruiter.client
      .request(SendTemplatedMessageDocument, {
        input: {
          conversationId: h.conversationId,
          channel: options.channel ?? 'SMS',
          template: { templateId, values },
          idempotencyKey: options.idempotencyKey ?? key(),
        },
      })
      .then((r) => r.sendMessage);
  const messageCount = (h: Hiring) =>
    server.app.services.prisma.message.count({ where: { conversationId: rawId(h.conversationId) } });
  const inviteValues = [
    { name: 'interview.time', value: 'Tuesday 1 December, 10:00' },
    { name: 'interview.bookingLink', value: LINK },
  ];

  it('refuses unknown merge fields at save, naming the field and the allowed ones; recruiters read but cannot create', async () => {
    const h = await setUpHiring(server);
    const unknown = await create(h, { name: 'Bad', body: 'Hi {candidate.lastName}' });
    expect(unknown).toMatchObject({ __typename: 'ValidationError', field: 'body' });
    expect(unknown.__typename === 'ValidationError' && unknown.message).toContain(
      '{candidate.lastName} is not a merge field',
    );
    expect(unknown.__typename === 'ValidationError' && unknown.message).toContain(
      '{candidate.firstName}, {candidate.name}',
    );
    const undeclared = await create(h, { name: 'Bad', body: 'Offer: {custom.salary}' });
    expect(undeclared.__typename === 'ValidationError' && undeclared.message).toContain(
      'declare salary in customFields',
    );
    const glued = await create(h, { name: 'Bad', body: 'Book here:{interview.bookingLink}.' });
    expect(glued.__typename === 'ValidationError' && glued.message).toContain('must stand alone');
    const unusedParameter = await create(h, {
      name: 'Bad',
      body: 'Hi {candidate.firstName}',
      whatsapp: { name: 'hello', language: 'en', parameters: ['job.title'] },
    });
    expect(unusedParameter).toMatchObject({ __typename: 'ValidationError', field: 'whatsapp.parameters.0' });
    expect(await create(h, { name: 'Mine', body: 'Hi {candidate.firstName}' }, 'recruiter')).toMatchObject({
      __typename: 'NotAuthorizedError',
    });
    expect(await server.app.services.prisma.messageTemplate.count({ where: { tenantId: rawId(h.tenant.id) } })).toBe(0);

    const saved = await created(h, {
      name: 'Offer',
      kind: 'OFFER',
      body: 'Hi {candidate.firstName}, the offer is {custom.salary}.',
      customFields: ['salary'],
    });
    expect(saved).toMatchObject({ kind: 'OFFER', channel: null, sendFields: ['custom.salary'], whatsapp: null });
    expect(await create(h, { name: 'Offer', body: 'Again' })).toMatchObject({ __typename: 'ConflictError' });
    const { messageTemplates } = await h.recruiter.client.request(MessageTemplatesDocument, {});
    expect(messageTemplates.edges.map((e) => e.node.name)).toEqual(['Offer']);
  });

  it('sends a recruiter’s templated SMS with the candidate’s first name, the job and the booking link intact', async () => {
    const h = await setUpHiring(server);
    await optIn(h);
    const t = await created(h, { name: 'Interview', kind: 'INTERVIEW_INVITATION', channel: 'SMS', body: INVITE });
    const expected = `Hi Cara, thanks for applying for Barista at ${h.tenant.name}. Rita Recruiter would like to meet you on Tuesday 1 December, 10:00. Please pick a time that suits you here: ${LINK} and reply if anything changes.`;
    const segments = sendCost('SMS', expected).segments;
    expect(segments).toBe(2);

    const preview = await h.recruiter.client.request(PreviewTemplatedMessageDocument, {
      input: {
        conversationId: h.conversationId,
        channel: 'SMS',
        messageTemplate: { templateId: t.id, values: inviteValues },
      },
    });
    expect(preview.previewMessage).toMatchObject({
      allowed: true,
      body: expected,
      encoding: 'GSM_7',
      segments,
      refusals: [],
    });

    const sent = await send(h, t.id, inviteValues);
    expect(sent).toMatchObject({ __typename: 'Message', kind: 'INTERVIEW_INVITATION', body: expected, segments });
    const delivered = await waitFor(async () => h.sentToCandidate()[0], 'Twilio to be asked');
    expect(delivered.body).toBe(expected);
    expect(delivered.body.split(' ')).toContain(LINK);
  });

  it('refuses a send with a missing value, writing nothing; previewMessage shows it as a refusal with the text still in braces', async () => {
    const h = await setUpHiring(server);
    await optIn(h);
    const t = await created(h, { name: 'Interview', kind: 'INTERVIEW_INVITATION', body: INVITE });
    const before = await messageCount(h);
    const refused = await send(h, t.id, [{ name: 'interview.time', value: 'Tuesday' }]);
    expect(refused).toMatchObject({
      __typename: 'ValidationError',
      field: 'template.values',
      message: 'template.values: no value for {interview.bookingLink}: pass it in values',
    });
    const badLink = await send(h, t.id, [
      { name: 'interview.time', value: 'Tuesday' },
      { name: 'interview.bookingLink', value: 'http://book.example.com/x' },
    ]);
    expect(badLink).toMatchObject({ __typename: 'ValidationError', field: 'template.values.1' });
    expect(await messageCount(h)).toBe(before);

    const preview = await h.recruiter.client.request(PreviewTemplatedMessageDocument, {
      input: {
        conversationId: h.conversationId,
        channel: 'SMS',
        messageTemplate: { templateId: t.id, values: [{ name: 'interview.time', value: 'Tuesday' }] },
      },
    });
    expect(preview.previewMessage).toMatchObject({
      allowed: false,
      body: INVITE,
      segments: sendCost('SMS', INVITE).segments,
      refusals: [{ code: 'VALIDATION', field: 'template.values' }],
    });
  });

  it('a retry with the same key and values gets the first message; other values under that key are refused', async () => {
    const h = await setUpHiring(server);
    await optIn(h);
    const t = await created(h, { name: 'Interview', body: INVITE });
    const idempotencyKey = key();
    const first = await send(h, t.id, inviteValues, { idempotencyKey });
    const again = await send(h, t.id, inviteValues, { idempotencyKey });
    expect(first.__typename === 'Message' && again.__typename === 'Message' && again.id === first.id).toBe(true);
    const other = await send(
      h,
      t.id,
      [inviteValues[1], { name: 'interview.time', value: 'Friday' }] as TemplateValueInput[],
      {
        idempotencyKey,
      },
    );
    expect(other).toMatchObject({ __typename: 'IdempotencyKeyReusedError' });
  });

  it('outside the WhatsApp window, an approved template goes as the provider template with its parameters; a pending one is refused', async () => {
    const h = await setUpHiring(server, { consent: { texting: true } });
    const wa = await addWhatsApp(server, meta, h, ['SMS', 'WHATSAPP']);
    const t = await created(h, {
      name: 'Interview WA',
      kind: 'INTERVIEW_INVITATION',
      body: INVITE,
      whatsapp: {
        name: 'interview_invite',
        language: 'en_GB',
        parameters: ['candidate.firstName', 'interview.bookingLink'],
      },
    });
    expect(t.whatsapp).toMatchObject({ approval: 'PENDING', name: 'interview_invite' });
    const pending = await send(h, t.id, inviteValues, { channel: 'WHATSAPP' });
    expect(pending).toMatchObject({ __typename: 'SessionWindowClosedError' });

    const { updateMessageTemplate: approved } = await h.admin.client.request(UpdateMessageTemplateDocument, {
      input: { id: t.id, whatsappApproval: 'APPROVED' },
    });
    expect(approved).toMatchObject({ whatsapp: { approval: 'APPROVED' } });
    const sent = await send(h, t.id, inviteValues, { channel: 'WHATSAPP' });
    expect(sent).toMatchObject({
      __typename: 'Message',
      channel: 'WHATSAPP',
      template: { name: 'interview_invite', language: 'en_GB', parameters: ['Cara', LINK] },
    });
    const delivered = await waitFor(async () => wa.sentToCandidate().find((m) => m.template), 'the template sent');
    expect(delivered).toMatchObject({
      type: 'template',
      template: { name: 'interview_invite', language: 'en_GB', parameters: ['Cara', LINK] },
    });

    // A new body must be reviewed again: it is PENDING until the tenant says otherwise.
    const { updateMessageTemplate: changed } = await h.admin.client.request(UpdateMessageTemplateDocument, {
      input: { id: t.id, body: `${INVITE} See you soon.` },
    });
    expect(changed).toMatchObject({ whatsapp: { approval: 'PENDING' } });
    if (changed.__typename !== 'MessageTemplate') throw new Error(changed.__typename);
    expect(changed.whatsapp?.approvalUpdatedAt).not.toBe(
      approved.__typename === 'MessageTemplate' && approved.whatsapp?.approvalUpdatedAt,
    );

    // APPROVED in the same update that changes the body or the mapping is refused, and nothing changes.
    const { updateMessageTemplate: sneaked } = await h.admin.client.request(UpdateMessageTemplateDocument, {
      input: { id: t.id, body: `${INVITE} Bye.`, whatsappApproval: 'APPROVED' },
    });
    expect(sneaked).toMatchObject({ __typename: 'ValidationError', issues: [{ field: 'whatsappApproval' }] });
    const { updateMessageTemplate: remapped } = await h.admin.client.request(UpdateMessageTemplateDocument, {
      input: {
        id: t.id,
        whatsapp: { name: 'interview_invite_2', language: 'en_GB', parameters: ['candidate.firstName'] },
        whatsappApproval: 'APPROVED',
      },
    });
    expect(remapped).toMatchObject({ __typename: 'ValidationError', issues: [{ field: 'whatsappApproval' }] });
    // Reporting an approval again records when it was reported.
    await new Promise((r) => setTimeout(r, 5));
    const { updateMessageTemplate: again } = await h.admin.client.request(UpdateMessageTemplateDocument, {
      input: { id: t.id, whatsappApproval: 'PENDING' },
    });
    expect(again).toMatchObject({ body: `${INVITE} See you soon.`, whatsapp: { approval: 'PENDING' } });
    if (again.__typename !== 'MessageTemplate') throw new Error(again.__typename);
    expect(again.whatsapp?.approvalUpdatedAt).not.toBe(changed.whatsapp?.approvalUpdatedAt);
  });

  it('keeps templates to their tenant, and logs each change as MESSAGE_TEMPLATE_CHANGED', async () => {
    const [h, other] = await Promise.all([setUpHiring(server), setUpHiring(server)]);
    await optIn(h);
    const theirs = await created(other, { name: 'Theirs', body: 'Hi {candidate.firstName}' });
    expect(await send(h, theirs.id, [])).toMatchObject({ __typename: 'NotFoundError' });
    expect((await h.admin.client.request(MessageTemplateNodeDocument, { id: theirs.id })).node).toBeNull();
    expect(
      (await h.admin.client.request(UpdateMessageTemplateDocument, { input: { id: theirs.id, name: 'Mine' } }))
        .updateMessageTemplate,
    ).toMatchObject({ __typename: 'NotFoundError' });
    expect(
      (await h.admin.client.request(DeleteMessageTemplateDocument, { id: theirs.id })).deleteMessageTemplate,
    ).toMatchObject({ __typename: 'NotFoundError' });

    const { updateMessageTemplate: renamed } = await other.tenant.client.request(UpdateMessageTemplateDocument, {
      input: { id: theirs.id, name: 'Renamed' },
    });
    expect(renamed).toMatchObject({ name: 'Renamed', body: 'Hi {candidate.firstName}' });
    const { deleteMessageTemplate } = await other.tenant.client.request(DeleteMessageTemplateDocument, {
      id: theirs.id,
    });
    expect(deleteMessageTemplate).toMatchObject({ data: theirs.id });
    const events = await server.app.services.prisma.event.findMany({
      where: { tenantId: rawId(other.tenant.id), type: 'MESSAGE_TEMPLATE_CHANGED' },
      orderBy: { id: 'asc' },
    });
    expect(events.map((e) => [e.subjectId, e.payload])).toEqual([
      [rawId(theirs.id), { change: 'CREATED' }],
      [rawId(theirs.id), { change: 'UPDATED' }],
      [rawId(theirs.id), { change: 'DELETED' }],
    ]);
    expect(
      await server.app.services.prisma.event.count({
        where: { tenantId: rawId(h.tenant.id), type: 'MESSAGE_TEMPLATE_CHANGED' },
      }),
    ).toBe(0);
  });
});
