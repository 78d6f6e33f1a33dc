import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreditsDocument,
  EventCursorDocument,
  PreviewMessageDocument,
  SendConsentInviteDocument,
  SendMessageDocument,
  SetLowCreditThresholdDocument,
  TenantEventsDocument,
  TopUpCreditsDocument,
  UpdateUserDocument,
} from '../../clients/generated/graphql.ts';
import { type FakeGateway, startFakeGateway } from '../../plugins/credit-sms/testing/fake-gateway.ts';
import { creditSummary } from '../credits/balance.ts';
import { setUpCreditSms, topUp } from '../test/credit-sms-fixture.ts';
import { rawId, startTestServer, type TestServer } from '../test/harness.ts';
import { waitFor } from '../test/messaging-fixture.ts';
import { optIn } from '../test/opted-in.ts';

type CreditSms = Awaited<ReturnType<typeof setUpCreditSms>>;
let seq = 0;

describe('credit-billed SMS through the credit-sms gateway', () => {
  let gateway: FakeGateway;
  let server: TestServer;

  beforeAll(async () => {
    gateway = await startFakeGateway();
    // Retries wait 1.5–3 s, long enough for a STOP to arrive between two attempts.
    server = await startTestServer({ env: { CREDIT_SMS_API_URL: gateway.baseUrl, OUTBOX_RETRY_BASE_MS: '1500' } });
  });
  afterAll(async () => {
    await server?.stop();
    await gateway?.close();
  });

  const send = async (h: CreditSms, body: string) =>
    (
      await h.recruiter.client.request(SendMessageDocument, {
        input: { conversationId: h.conversationId, channel: 'SMS', body, idempotencyKey: `credit-sms-${seq++}-x` },
      })
    ).sendMessage;
  const credits = async (h: CreditSms) => {
    const { tenant } = await h.tenant.client.request(CreditsDocument, { first: 100 });
    if (!tenant.creditBalance || !tenant.creditLedger) throw new Error('credits not readable');
    return { balance: tenant.creditBalance, ledger: tenant.creditLedger.edges.map((e) => e.node) };
  };
  /** What the ledger alone says is available: top-ups, releases and refunds less reservations. */
  const derived = (ledger: { kind: string; amount: number }[]) =>
    ledger.reduce((n, e) => n + (e.kind === 'RESERVATION' ? -e.amount : e.kind === 'CHARGE' ? 0 : e.amount), 0);

  it('runs a whole conversation for a tenant with credit-billed SMS only: consent, send, delivery report, reply', async () => {
    const h = await setUpCreditSms(server, gateway);
    // No credit yet: the invitation is refused, with the balance and the cost.
    const refused = await h.recruiter.client.request(SendConsentInviteDocument, { conversationId: h.conversationId });
    expect(refused.sendConsentInvite).toMatchObject({
      __typename: 'InsufficientCreditsError',
      code: 'INSUFFICIENT_CREDITS',
    });
    await topUp(server, h.tenant.id, 10);

    const invite = await h.recruiter.client.request(SendConsentInviteDocument, { conversationId: h.conversationId });
    expect(invite.sendConsentInvite.__typename).toBe('Message');
    const invited = await waitFor(
      async () => gateway.messages.find((m) => m.to === h.candidatePhone),
      'the invitation',
    );
    expect(invited.from).toBe(h.sendingNumber);
    const yes = await gateway.deliverInbound({ from: h.candidatePhone, to: h.sendingNumber, body: 'YES' });
    expect(yes.response.status).toBe(200);
    await waitFor(async () => (await h.smsLock())?.locked === false, 'opted in');

    const sent = await send(h, 'Hi Cara, can you come in on Tuesday?');
    if (sent.__typename !== 'Message') throw new Error(JSON.stringify(sent));
    const outbound = await waitFor(
      async () => gateway.messages.find((m) => m.to === h.candidatePhone && m.body.startsWith('Hi Cara')),
      'the message at the gateway',
    );
    expect(outbound.userSuppliedId).toBe(rawId(sent.id));
    const status = async () =>
      (await h.conversation()).messages.edges.map((e) => e.node).find((m) => m.id === sent.id)?.status;
    await waitFor(async () => (await status()) === 'SENT', 'SENT');
    // The delivery report, signed with the account's webhook secret, lands on the account's status webhook.
    expect((await gateway.reportStatus(outbound.id, 'DELIVERED')).status).toBe(200);
    await waitFor(async () => (await status()) === 'DELIVERED', 'DELIVERED');
    // A forged report (wrong secret) is refused before anything is parsed.
    const forged = await fetch(`${server.publicUrl}/webhooks/credit-sms/${h.accountId}/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-credit-sms-signature': 'v1=00' },
      body: JSON.stringify([gateway.reportOf(outbound, 'FAILED', 'BLOCKED')]),
    });
    expect(forged.status).toBe(403);

    const reply = await gateway.deliverInbound({ from: h.candidatePhone, to: h.sendingNumber, body: 'Tuesday works!' });
    expect(reply.response.status).toBe(200);
    await waitFor(
      async () => (await h.conversation()).messages.edges.some((e) => e.node.body === 'Tuesday works!'),
      'the reply',
    );

    // Two messages (the invitation and the chat), each reserved, then charged when the gateway accepted it.
    const { balance, ledger } = await waitFor(async () => {
      const c = await credits(h);
      return c.ledger.filter((e) => e.kind === 'CHARGE').length === 2 && c;
    }, 'two charges');
    expect(balance).toMatchObject({ available: 8, reserved: 0, spent: 2 });
    expect(ledger.map((e) => e.kind)).toEqual(['CHARGE', 'RESERVATION', 'CHARGE', 'RESERVATION', 'TOPUP']);
    expect(derived(ledger)).toBe(balance.available);
  });

  it('prices the message in previewMessage and refuses what the balance cannot pay, naming balance and cost', async () => {
    const h = await setUpCreditSms(server, gateway, { credits: 2 });
    await optIn(h);
    const preview = async (body: string) =>
      (
        await h.recruiter.client.request(PreviewMessageDocument, {
          input: { conversationId: h.conversationId, channel: 'SMS', body },
        })
      ).previewMessage;
    expect(await preview('a'.repeat(160))).toMatchObject({ allowed: true, segments: 1, credits: 1 });
    const long = await preview('a'.repeat(307)); // 3 × 153 = 459 ≥ 307 > 306: three parts
    expect(long).toMatchObject({ allowed: false, segments: 3, credits: 3 });
    expect(long?.refusals).toEqual([
      expect.objectContaining({ code: 'INSUFFICIENT_CREDITS', creditBalance: 2, creditCost: 3 }),
    ]);
    const refused = await send(h, 'a'.repeat(307));
    expect(refused).toMatchObject({ __typename: 'InsufficientCreditsError', balance: 2, cost: 3 });
    expect((await credits(h)).ledger.map((e) => e.kind)).toEqual(['TOPUP']); // nothing reserved
  });

  it('releases the reservation when the gateway refuses the message', async () => {
    const h = await setUpCreditSms(server, gateway, { credits: 5 });
    await optIn(h);
    gateway.failNext(h.candidatePhone, { status: 400, problem: 'invalid-recipient', detail: 'not a mobile number' });
    const sent = await send(h, 'This one will be refused');
    expect(sent.__typename).toBe('Message');
    const { balance, ledger } = await waitFor(async () => {
      const c = await credits(h);
      return c.ledger.some((e) => e.kind === 'RELEASE') && c;
    }, 'the release');
    expect(ledger.map((e) => [e.kind, e.amount])).toEqual([
      ['RELEASE', 1],
      ['RESERVATION', 1],
      ['TOPUP', 5],
    ]);
    expect(balance).toMatchObject({ available: 5, reserved: 0, spent: 0 });
  });

  it('releases the reservation of a message withdrawn before it went out', async () => {
    const h = await setUpCreditSms(server, gateway, { credits: 5 });
    await optIn(h);
    gateway.failNext(h.candidatePhone, { status: 429, problem: 'too-many-requests', detail: 'slow down' });
    const sent = await send(h, 'Waiting for a retry');
    if (sent.__typename !== 'Message') throw new Error(JSON.stringify(sent));
    await waitFor(
      async () => gateway.received.some((r) => (r.body as { to?: string } | undefined)?.to === h.candidatePhone),
      'the refused first attempt',
    );
    expect(
      (await gateway.deliverInbound({ from: h.candidatePhone, to: h.sendingNumber, body: 'STOP' })).response.status,
    ).toBe(200);
    const failed = await waitFor(async () => {
      const m = (await h.conversation()).messages.edges.map((e) => e.node).find((n) => n.id === sent.id);
      return m?.status === 'FAILED' && m;
    }, 'the message withdrawn');
    expect(failed.errorCode).toBe('CONSENT_WITHDRAWN');
    const { balance, ledger } = await credits(h);
    expect(ledger.map((e) => e.kind)).toEqual(['RELEASE', 'RESERVATION', 'TOPUP']);
    expect(balance).toMatchObject({ available: 5, reserved: 0, spent: 0 });
    expect(gateway.messages.filter((m) => m.to === h.candidatePhone)).toHaveLength(0);
  });

  it('keeps the charge of a message the gateway accepted and later reports undelivered', async () => {
    const h = await setUpCreditSms(server, gateway, { credits: 5 });
    await optIn(h);
    const sent = await send(h, 'Accepted, then lost by the carrier');
    if (sent.__typename !== 'Message') throw new Error(JSON.stringify(sent));
    const outbound = await waitFor(async () => gateway.messages.find((m) => m.to === h.candidatePhone), 'the send');
    await waitFor(async () => (await credits(h)).ledger.some((e) => e.kind === 'CHARGE'), 'the charge');
    expect((await gateway.reportStatus(outbound.id, 'FAILED', 'ABSENT_SUBSCRIBER')).status).toBe(200);
    await waitFor(async () => {
      const m = (await h.conversation()).messages.edges.map((e) => e.node).find((n) => n.id === sent.id);
      return m?.status === 'UNDELIVERED';
    }, 'UNDELIVERED');
    const { balance, ledger } = await credits(h);
    expect(ledger.map((e) => e.kind)).toEqual(['CHARGE', 'RESERVATION', 'TOPUP']);
    expect(balance).toMatchObject({ available: 4, reserved: 0, spent: 1 });
  });

  it('tops up once per idempotency key, and refuses the key for another top-up', async () => {
    const h = await setUpCreditSms(server, gateway);
    const key = `top-up-${Date.now()}`;
    expect(await topUp(server, h.tenant.id, 50, key)).toMatchObject({ available: 50 });
    expect(await topUp(server, h.tenant.id, 50, key)).toMatchObject({ available: 50 });
    const reused = await server.operator.request(TopUpCreditsDocument, {
      tenantId: h.tenant.id,
      credits: 60,
      note: 'test top-up',
      idempotencyKey: key,
    });
    expect(reused.topUpCredits).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    const zero = await server.operator.request(TopUpCreditsDocument, { tenantId: h.tenant.id, credits: 0 });
    expect(zero.topUpCredits).toMatchObject({ __typename: 'ValidationError', field: 'credits' });
    expect((await credits(h)).ledger.filter((e) => e.kind === 'TOPUP')).toHaveLength(1);
    // One event for the one top-up, in the tenant's log.
    const toppedUp = await server.app.services.prisma.event.findMany({
      where: { tenantId: rawId(h.tenant.id), type: 'CREDITS_TOPPED_UP' },
    });
    expect(toppedUp).toHaveLength(1);
    const nowhere = await server.operator.request(TopUpCreditsDocument, {
      tenantId: Buffer.from(`Tenant:${randomUUID()}`).toString('base64'),
      credits: 5,
    });
    expect(nowhere.topUpCredits).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    // Only the operator tops up.
    const byTenant = await h.tenant.client.request(TopUpCreditsDocument, { tenantId: h.tenant.id, credits: 5 });
    expect(byTenant.topUpCredits).toMatchObject({ code: 'NOT_AUTHORIZED' });
  });

  it('shows balance and ledger to admins, the partner backend and users with canViewCredits only', async () => {
    const h = await setUpCreditSms(server, gateway, { credits: 3 });
    const asRecruiter = () =>
      server.post(
        { query: '{ tenant { creditBalance { available } creditLedger { edges { node { kind } } } } }' },
        {
          authorization: `Bearer ${h.recruiter.token}`,
        },
      );
    const refused = await asRecruiter();
    expect(refused.body.data?.tenant).toEqual({ creditBalance: null, creditLedger: null });
    expect(refused.body.errors?.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual([
      'NOT_AUTHORIZED',
      'NOT_AUTHORIZED',
    ]);
    const { tenant: asAdmin } = await h.admin.client.request(CreditsDocument, {});
    expect(asAdmin.creditBalance?.available).toBe(3);
    await h.tenant.client.request(UpdateUserDocument, { input: { id: h.recruiter.user.id, canViewCredits: true } });
    const allowed = await asRecruiter();
    expect(allowed.body.errors).toBeUndefined();
    expect(allowed.body.data?.tenant.creditBalance).toEqual({ available: 3 });
    expect(allowed.body.data?.tenant.creditLedger.edges).toEqual([{ node: { kind: 'TOPUP' } }]);
  });

  it('raises CREDITS_LOW once, when a reservation takes the balance below the threshold', async () => {
    const h = await setUpCreditSms(server, gateway, { credits: 5 });
    await optIn(h);
    const set = await h.recruiter.client.request(SetLowCreditThresholdDocument, { lowCreditThreshold: 3 });
    expect(set.setLowCreditThreshold).toMatchObject({ code: 'NOT_AUTHORIZED' });
    const bad = await h.admin.client.request(SetLowCreditThresholdDocument, { lowCreditThreshold: -1 });
    expect(bad.setLowCreditThreshold).toMatchObject({ __typename: 'ValidationError' });
    const ok = await h.admin.client.request(SetLowCreditThresholdDocument, { lowCreditThreshold: 3 });
    expect(ok.setLowCreditThreshold).toMatchObject({ lowCreditThreshold: 3 });
    const { tenant: start } = await h.tenant.client.request(EventCursorDocument, {});
    for (let i = 0; i < 4; i++) expect((await send(h, `message ${i}`)).__typename).toBe('Message'); // 5 → 1
    const { tenant: end } = await h.tenant.client.request(EventCursorDocument, {});
    const events: { type: string; payload: unknown }[] = [];
    for await (const { tenantEvents } of h.tenant.client.subscribe(TenantEventsDocument, {
      after: start.eventCursor,
    })) {
      events.push(tenantEvents);
      if (tenantEvents.cursor === end.eventCursor) break;
    }
    expect(events.filter((e) => e.type === 'CREDITS_LOW')).toEqual([
      expect.objectContaining({ payload: { available: 2, threshold: 3 } }),
    ]);
  });

  it('never takes more than the balance: 100 concurrent sends with credit for 37', async () => {
    const h = await setUpCreditSms(server, gateway, { credits: 37 });
    await optIn(h);
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => send(h, `race ${i}`)));
    const accepted = results.filter((r) => r.__typename === 'Message');
    const refused = results.filter((r) => r.__typename === 'InsufficientCreditsError');
    expect([accepted.length, refused.length]).toEqual([37, 63]);
    for (const r of refused) {
      expect(r).toMatchObject({ cost: 1 });
      expect((r as { balance: number }).balance).toBe(0); // never below zero, and nothing left to take
    }
    const ledger: { kind: string; amount: number }[] = [];
    let after: string | null | undefined;
    let balance: { available: number; reserved: number; spent: number } | undefined;
    do {
      const { tenant } = await h.tenant.client.request(CreditsDocument, { first: 100, after });
      balance = tenant.creditBalance ?? undefined;
      ledger.push(...(tenant.creditLedger?.edges.map((e) => e.node) ?? []));
      after = tenant.creditLedger?.pageInfo.hasNextPage ? tenant.creditLedger.pageInfo.endCursor : null;
    } while (after);
    expect(balance?.available).toBe(0);
    expect((balance?.reserved ?? 0) + (balance?.spent ?? 0)).toBe(37);
    expect(ledger.filter((e) => e.kind === 'RESERVATION')).toHaveLength(37);
    expect(derived(ledger)).toBe(0);
    // In the database: the balance row is what the ledger re-derives, and exactly the accepted messages exist.
    const summary = await creditSummary(server.app.services.prisma, rawId(h.tenant.id));
    expect(summary).toMatchObject({ available: 0, derivedAvailable: 0 });
    expect(summary.reserved + summary.spent).toBe(37);
    const messages = await server.app.services.prisma.message.count({ where: { body: { startsWith: 'race ' } } });
    expect(messages).toBe(37);
  });
});
