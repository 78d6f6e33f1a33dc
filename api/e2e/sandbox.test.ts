import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddSendingNumberDocument,
  AssignSeatDocument,
  BuySeatsDocument,
  ConversationDocument,
  type ConversationQuery,
  CreateChannelAccountDocument,
  SendConsentInviteDocument,
  SendMessageDocument,
  SimulateInboundMessageDocument,
  UpdateTenantSettingsDocument,
  UpsertApplicationDocument,
  UpsertCandidateDocument,
  UpsertJobDocument,
} from '../../clients/generated/graphql.ts';
import { MAGIC_NUMBERS } from '../../plugins/sandbox/index.ts';
import { SIGNATURE_HEADER, sign } from '../../plugins/sandbox/webhook.ts';
import { rawId, startTestServer, type TestServer, type TestTenant } from '../test/harness.ts';
import { setUpHiring, usNumber, waitFor } from '../test/messaging-fixture.ts';

let numberSeq = 0;
let keySeq = 0;
/** One of the sandbox's own sending numbers, unique in this database. */
const sandboxNumber = () => `+150055501${String(numberSeq++).padStart(2, '0')}`;

type Message = NonNullable<ConversationQuery['conversation']>['messages']['edges'][number]['node'];

describe('the sandbox carrier, through the real server', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ env: { SANDBOX_DELIVERY_DELAY_MS: '60-150' } });
  });
  afterAll(() => server?.stop());

  /** A tenant with a sandbox account owning a number, a seated recruiter and an admin. */
  async function sandboxTenant(on: TestServer = server) {
    const tenant = await on.createTenant();
    const signingSecret = randomBytes(32).toString('hex');
    const { createChannelAccount: account } = await on.operator.request(CreateChannelAccountDocument, {
      tenantId: tenant.id,
      pluginId: 'sandbox',
      label: 'Sandbox',
      credentials: { signingSecret },
    });
    if (account.__typename !== 'ChannelAccount') throw new Error(JSON.stringify(account));
    const number = sandboxNumber();
    const { addSendingNumber } = await on.operator.request(AddSendingNumberDocument, {
      tenantId: tenant.id,
      e164: number,
      channelAccountId: account.id,
    });
    if (addSendingNumber.__typename !== 'SendingNumber') throw new Error(JSON.stringify(addSendingNumber));
    await tenant.client.request(BuySeatsDocument, { count: 3 });
    const [recruiter, admin] = await Promise.all([
      on.createUser(tenant, { name: 'Rita Recruiter' }),
      on.createUser(tenant, { name: 'Ada Admin', role: 'ADMIN' }),
    ]);
    await tenant.client.request(AssignSeatDocument, { userId: recruiter.user.id });
    await tenant.client.request(UpsertJobDocument, { input: { externalId: 'job', title: 'Barista' } });
    return { tenant, account, signingSecret, number, recruiter, admin };
  }
  type SandboxTenant = Awaited<ReturnType<typeof sandboxTenant>>;

  /** A candidate who applied with the SMS box ticked, the recruiter on the hiring team; their conversation. */
  async function application(t: SandboxTenant, phone: string) {
    const externalId = `cand-${randomBytes(4).toString('hex')}`;
    await t.tenant.client.request(UpsertCandidateDocument, { input: { externalId, name: 'Cara Candidate', phone } });
    const { upsertApplication } = await t.tenant.client.request(UpsertApplicationDocument, {
      input: {
        externalId: `app-${externalId}`,
        candidateExternalId: externalId,
        jobExternalId: 'job',
        hiringTeam: [t.recruiter.user.id],
        consent: { sms: true },
      },
    });
    if (upsertApplication.__typename !== 'Application' || !upsertApplication.conversation) {
      throw new Error(JSON.stringify(upsertApplication));
    }
    const conversationId = upsertApplication.conversation.id;
    const conversation = async () => {
      const { conversation: c } = await t.admin.client.request(ConversationDocument, { id: conversationId });
      if (!c) throw new Error('conversation not readable');
      return c;
    };
    return {
      conversationId,
      conversation,
      smsLock: async () => (await conversation()).locks.find((l) => l.channel === 'SMS'),
      message: async (id: string) => (await conversation()).messages.edges.map((e) => e.node).find((m) => m.id === id),
      messages: async () => (await conversation()).messages.edges.map((e) => e.node),
    };
  }

  const send = async (t: SandboxTenant, conversationId: string, body: string) => {
    const { sendMessage } = await t.recruiter.client.request(SendMessageDocument, {
      input: { conversationId, channel: 'SMS', body, idempotencyKey: `sandbox-test-${keySeq++}-${Date.now()}` },
    });
    return sendMessage;
  };

  /** The candidate texts, as the sandbox's simulateInboundMessage. */
  const candidateTexts = async (t: SandboxTenant, from: string, body: string, to?: string) => {
    const { simulateInboundMessage } = await t.tenant.client.request(SimulateInboundMessageDocument, {
      input: { from, body, ...(to ? { to } : {}) },
    });
    if (simulateInboundMessage.__typename !== 'SimulatedInboundMessage') {
      throw new Error(JSON.stringify(simulateInboundMessage));
    }
    return simulateInboundMessage;
  };

  const reaches = (app: Awaited<ReturnType<typeof application>>, id: string, status: string): Promise<Message> =>
    waitFor(async () => {
      const m = await app.message(id);
      return m?.status === status ? m : null;
    }, `message ${id} to become ${status}`);

  it('holds a whole conversation: invitation delivered, YES, message delivered, reply, STOP, START, HELP', async () => {
    const t = await sandboxTenant();
    const phone = usNumber();
    const app = await application(t, phone);

    // The invitation goes out through the sandbox and its signed status callback reports it delivered.
    const { sendConsentInvite: invite } = await t.recruiter.client.request(SendConsentInviteDocument, {
      conversationId: app.conversationId,
    });
    if (invite.__typename !== 'Message') throw new Error(JSON.stringify(invite));
    const delivered = await reaches(app, invite.id, 'DELIVERED');
    expect(delivered.sentAt).toBeTruthy();
    expect(delivered.deliveredAt).toBeTruthy();
    expect((await app.conversation()).sendingNumber).toBe(t.number);
    expect(await app.smsLock()).toMatchObject({ locked: true, reason: 'INVITED_WAITING' });
    expect(await send(t, app.conversationId, 'Too early')).toMatchObject({ __typename: 'ConversationLockedError' });

    // The candidate answers YES: the lock opens.
    const yes = await candidateTexts(t, phone, 'YES');
    expect(yes).toMatchObject({ to: t.number, inboundMessage: { direction: 'INBOUND', body: 'YES' } });
    expect(yes.providerMessageId).toMatch(/^SB[0-9a-f]{32}$/);
    expect(await app.smsLock()).toMatchObject({ locked: false });

    // A message goes out and is delivered.
    const hello = await send(t, app.conversationId, 'Hi Cara, can you start Monday?');
    if (hello.__typename !== 'Message') throw new Error(JSON.stringify(hello));
    await reaches(app, hello.id, 'DELIVERED');
    const statusEvents = await server.app.services.prisma.event.findMany({
      where: { type: 'MESSAGE_STATUS_CHANGED', subjectId: rawId(hello.id) },
    });
    expect(statusEvents.map((e) => (e.payload as { status: string }).status)).toContain('DELIVERED');

    // The reply arrives as an inbound message, with its MESSAGE_CREATED event.
    const reply = await candidateTexts(t, phone, 'Yes, see you then');
    expect(reply.inboundMessage).toMatchObject({ direction: 'INBOUND', body: 'Yes, see you then', status: 'RECEIVED' });
    const replyId = rawId(reply.inboundMessage?.id ?? '');
    const created = await server.app.services.prisma.event.findFirst({
      where: { type: 'MESSAGE_CREATED', subjectId: replyId },
    });
    expect(created).toMatchObject({ tenantId: rawId(t.tenant.id) });
    expect((await app.messages()).map((m) => m.body)).toContain('Yes, see you then');

    // STOP locks; the sandbox, like Twilio, blocks the number too.
    await candidateTexts(t, phone, 'stop');
    expect(await app.smsLock()).toMatchObject({ locked: true, reason: 'OPTED_OUT' });
    expect(await send(t, app.conversationId, 'Are you sure?')).toMatchObject({ __typename: 'ConversationLockedError' });

    // START unlocks, and messages are delivered again.
    await candidateTexts(t, phone, 'START');
    expect(await app.smsLock()).toMatchObject({ locked: false });
    const again = await send(t, app.conversationId, 'Welcome back');
    if (again.__typename !== 'Message') throw new Error(JSON.stringify(again));
    await reaches(app, again.id, 'DELIVERED');

    // HELP is answered with the tenant's help text, delivered by the sandbox.
    await candidateTexts(t, phone, 'HELP');
    const help = await waitFor(
      async () => (await app.messages()).find((m) => m.kind === 'HELP_REPLY' && m.status === 'DELIVERED'),
      'the HELP answer to be delivered',
    );
    expect(help.body).toContain(t.tenant.name);
  });

  it('fails the magic numbers the way Twilio does, and a carrier opt-out opts the candidate out', async () => {
    const t = await sandboxTenant();
    const { updateTenantSettings } = await t.tenant.client.request(UpdateTenantSettingsDocument, {
      input: { consentModel: 'APPLICATION_OPT_IN' },
    });
    expect(updateTenantSettings.__typename).toBe('Tenant');
    const cases = [
      { phone: MAGIC_NUMBERS.invalid, status: 'FAILED', errorCode: 'INVALID_RECIPIENT' },
      { phone: MAGIC_NUMBERS.unreachable, status: 'UNDELIVERED', errorCode: 'UNREACHABLE' },
      { phone: MAGIC_NUMBERS.carrierOptOut, status: 'FAILED', errorCode: 'RECIPIENT_OPTED_OUT' },
      { phone: MAGIC_NUMBERS.landline, status: 'UNDELIVERED', errorCode: 'LANDLINE' },
    ];
    const apps = await Promise.all(cases.map((c) => application(t, c.phone)));
    for (const [i, c] of cases.entries()) {
      const app = apps[i] as (typeof apps)[number];
      // The numbers pass Parley's phone validation: nothing locks them before the carrier answers.
      expect(await app.smsLock()).toMatchObject({ locked: false });
      const sent = await send(t, app.conversationId, `Hello ${c.phone}`);
      if (sent.__typename !== 'Message') throw new Error(JSON.stringify(sent));
      const ended = await reaches(app, sent.id, c.status);
      expect(ended.errorCode).toBe(c.errorCode);
      if (c.status === 'UNDELIVERED') expect(ended.sentAt).toBeTruthy();
    }
    const optedOut = apps[2] as (typeof apps)[number];
    const lock = await optedOut.smsLock();
    expect(lock?.locked).toBe(true);
    expect(['CARRIER_BLOCKED', 'OPTED_OUT']).toContain(lock?.reason);
    expect((await optedOut.conversation()).candidate.consents.find((c) => c.channel === 'SMS')?.state).toBe(
      'OPTED_OUT',
    );
  });

  it('answers SandboxBusyError, not an internal error, when Parley does not take the simulated text in time', async () => {
    const slow = await startTestServer({ env: { SANDBOX_SIMULATE_TIMEOUT_MS: '1' } });
    try {
      const t = await sandboxTenant(slow);
      const { simulateInboundMessage } = await t.tenant.client.request(SimulateInboundMessageDocument, {
        input: { from: '+14155550142', body: 'Hello?' },
      });
      expect(simulateInboundMessage).toMatchObject({
        __typename: 'SandboxBusyError',
        code: 'SANDBOX_BUSY',
        message: expect.stringContaining('Try again'),
      });
    } finally {
      await slow.stop();
    }
  });

  it('refuses simulateInboundMessage without a sandbox account, for other tenants and for recruiters; numbers outside its range', async () => {
    const t = await sandboxTenant();
    const phone = usNumber();
    const app = await application(t, phone);
    const before = (await app.messages()).length;
    const lockBefore = await app.smsLock();

    // A tenant whose only number is on the platform's Twilio account.
    const twilioOnly = await setUpHiring(server);
    const refusedNone = await twilioOnly.tenant.client.request(SimulateInboundMessageDocument, {
      input: { from: twilioOnly.candidatePhone, body: 'YES' },
    });
    expect(refusedNone.simulateInboundMessage).toMatchObject({
      __typename: 'SimulationNotAvailableError',
      code: 'SIMULATION_NOT_AVAILABLE',
      number: null,
    });
    const refusedTwilio = await twilioOnly.tenant.client.request(SimulateInboundMessageDocument, {
      input: { from: twilioOnly.candidatePhone, to: twilioOnly.sendingNumber, body: 'YES' },
    });
    expect(refusedTwilio.simulateInboundMessage).toMatchObject({
      __typename: 'SimulationNotAvailableError',
      number: twilioOnly.sendingNumber,
    });

    // Another tenant's API key cannot reach this tenant's sandbox number.
    const other: TestTenant = await server.createTenant();
    const refusedOther = await other.client.request(SimulateInboundMessageDocument, {
      input: { from: phone, to: t.number, body: 'STOP' },
    });
    expect(refusedOther.simulateInboundMessage).toMatchObject({
      __typename: 'SimulationNotAvailableError',
      number: t.number,
    });

    // A recruiter (not an admin) may not play the candidate.
    const refusedRecruiter = await t.recruiter.client.request(SimulateInboundMessageDocument, {
      input: { from: phone, body: 'STOP' },
    });
    expect(refusedRecruiter.simulateInboundMessage.__typename).toBe('NotAuthorizedError');

    // A number that is not a phone number is a ValidationError naming the field.
    const invalid = await t.tenant.client.request(SimulateInboundMessageDocument, {
      input: { from: 'call me', body: 'YES' },
    });
    expect(invalid.simulateInboundMessage).toMatchObject({ __typename: 'ValidationError', field: 'from' });

    // A sandbox account sends only from the sandbox's own numbers.
    const { addSendingNumber: outOfRange } = await server.operator.request(AddSendingNumberDocument, {
      tenantId: t.tenant.id,
      e164: usNumber(),
      channelAccountId: t.account.id,
    });
    expect(outOfRange).toMatchObject({
      __typename: 'ValidationError',
      message: expect.stringMatching(/^e164: .*sandbox/),
    });

    expect((await app.messages()).length).toBe(before);
    expect(await app.smsLock()).toEqual(lockBefore);
  });

  it('answers 400, not 500, to NUL bytes or invalid UTF-8 in a signed inbound message or status, storing nothing', async () => {
    const t = await sandboxTenant();
    await t.tenant.client.request(UpdateTenantSettingsDocument, { input: { consentModel: 'APPLICATION_OPT_IN' } });
    const phone = MAGIC_NUMBERS.unreachable;
    const app = await application(t, phone);
    const sent = await send(t, app.conversationId, 'Hello');
    if (sent.__typename !== 'Message') throw new Error(JSON.stringify(sent));
    await reaches(app, sent.id, 'UNDELIVERED');
    const prisma = server.app.services.prisma;
    const row = () => prisma.message.findUniqueOrThrow({ where: { id: rawId(sent.id) } });
    const before = await row();
    const account = rawId(t.account.id);
    const post = (kind: string, rawBody: string | Uint8Array<ArrayBuffer>, signed: string) => {
      const query = kind === 'status' ? `?messageId=${rawId(sent.id)}` : '';
      const url = `${server.publicUrl}/webhooks/sandbox/${account}/${kind}${query}`;
      return fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: sign(t.signingSecret, url, signed) },
        body: typeof rawBody === 'string' ? rawBody : new Blob([rawBody]),
      });
    };
    const inbound = (body: string) =>
      JSON.stringify({
        type: 'inbound',
        messageId: `SB${randomBytes(16).toString('hex')}`,
        from: phone,
        to: t.number,
        body,
      });
    // The sandbox's parser lets any text through as an error message: the core refuses what cannot be stored.
    const status = (message: string) =>
      JSON.stringify({
        type: 'status',
        messageId: before.providerMessageId,
        status: 'undelivered',
        error: { code: 'UNREACHABLE', providerCode: '30003', message },
      });
    const count = () => prisma.message.count({ where: { tenantId: rawId(t.tenant.id) } });
    const messages = await count();
    for (const body of [inbound('hel\u0000lo'), inbound('bell\u0007')]) {
      expect((await post('inbound', body, body)).status, body).toBe(400);
    }
    for (const body of [status('Unreachable\u0000'), status('Unreachable\u001b[31m'), status('Half \ud800')]) {
      expect((await post('status', body, body)).status, body).toBe(400);
    }
    // Invalid UTF-8: signed as a lenient decoder reads it (U+FFFD), so only strict decoding refuses it.
    const [head, tail] = inbound('PLACEHOLDER').split('PLACEHOLDER') as [string, string];
    const bytes = new Uint8Array([...Buffer.from(head), 0xff, 0xfe, ...Buffer.from(tail)]);
    expect((await post('inbound', bytes, `${head}\ufffd\ufffd${tail}`)).status).toBe(400);
    expect(await count()).toBe(messages);
    expect(await row()).toEqual(before);
    expect(server.logs.text).not.toContain('unexpected error');
  });

  it('answers a forged or unsigned sandbox webhook 403 and stores nothing; a signed one takes the normal path', async () => {
    const t = await sandboxTenant();
    const phone = usNumber();
    const app = await application(t, phone);
    const url = `${server.publicUrl}/webhooks/sandbox/${rawId(t.account.id)}/inbound`;
    const body = (text: string) =>
      JSON.stringify({
        type: 'inbound',
        messageId: `SB${randomBytes(16).toString('hex')}`,
        from: phone,
        to: t.number,
        body: text,
      });
    const post = (rawBody: string, signature?: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(signature ? { [SIGNATURE_HEADER]: signature } : {}) },
        body: rawBody,
      });
    const count = () => server.app.services.prisma.message.count({ where: { tenantId: rawId(t.tenant.id) } });
    const before = await count();
    const lockBefore = await app.smsLock();
    expect(lockBefore?.reason).not.toBe('OPTED_OUT');

    const forged = body('STOP');
    expect((await post(forged, sign(randomBytes(32).toString('hex'), url, forged))).status).toBe(403);
    expect((await post(forged)).status).toBe(403);
    // Signed for another URL (another account's webhook): refused too.
    expect((await post(forged, sign(t.signingSecret, `${url}x`, forged))).status).toBe(403);
    // Signed, but not what the sandbox sends: 400.
    const extra = JSON.stringify({ ...JSON.parse(body('STOP')), extra: 1 });
    expect((await post(extra, sign(t.signingSecret, url, extra))).status).toBe(400);
    expect(await count()).toBe(before);
    expect(await app.smsLock()).toEqual(lockBefore);

    // Correctly signed: the ordinary inbound path (a STOP locks).
    const genuine = body('STOP');
    expect((await post(genuine, sign(t.signingSecret, url, genuine))).status).toBe(200);
    expect(await count()).toBe(before + 1);
    expect(await app.smsLock()).toMatchObject({ locked: true, reason: 'OPTED_OUT' });
  });
});

describe('the sandbox in production', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { NODE_ENV: 'production' } });
  });
  afterAll(() => server?.stop());

  it('refuses a sandbox account for a tenant unless the operator allows it', async () => {
    const tenant = await server.createTenant();
    const credentials = { signingSecret: randomBytes(32).toString('hex') };
    const refused = await server.operator.request(CreateChannelAccountDocument, {
      tenantId: tenant.id,
      pluginId: 'sandbox',
      label: 'Sandbox',
      credentials,
    });
    expect(refused.createChannelAccount).toMatchObject({
      __typename: 'SandboxNotAllowedError',
      code: 'SANDBOX_NOT_ALLOWED',
    });
    expect(await server.app.services.prisma.channelAccount.count({ where: { tenantId: rawId(tenant.id) } })).toBe(0);

    const allowed = await server.operator.request(CreateChannelAccountDocument, {
      tenantId: tenant.id,
      pluginId: 'sandbox',
      label: 'Sandbox',
      credentials,
      allowSandbox: true,
    });
    expect(allowed.createChannelAccount).toMatchObject({ __typename: 'ChannelAccount', pluginId: 'sandbox' });
  });
});
