import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddPoolNumberDocument,
  AllowAdminsToManageNumbersDocument,
  CreateChannelAccountDocument,
  PoolNumbersDocument,
  RetireSendingNumberDocument,
  UnmatchedInboundDocument,
  UpdateSendingNumberDocument,
} from '../../clients/generated/graphql.ts';
import { type FakeGateway, startFakeGateway } from '../../plugins/credit-sms/testing/fake-gateway.ts';
import {
  type FakeTwilioApi,
  startFakeTwilioApi,
  startFakeTwilioEdge,
} from '../../plugins/twilio-sms/testing/fake-twilio-api.ts';
import { type FakeMetaApi, startFakeMetaApi } from '../../plugins/whatsapp/testing/fake-meta-api.ts';
import { rawId, startTestServer, type TestServer } from '../test/harness.ts';
import { setUpHiring, usNumber } from '../test/messaging-fixture.ts';

describe('the number pool: ownership proved by the provider, one tenant per number (real server)', () => {
  let platform: FakeTwilioApi;
  let twA: FakeTwilioApi;
  let twB: FakeTwilioApi;
  let edge: Awaited<ReturnType<typeof startFakeTwilioEdge>>;
  let meta: FakeMetaApi;
  let gateway: FakeGateway;
  let server: TestServer;

  beforeAll(async () => {
    [platform, twA, twB, meta, gateway] = await Promise.all([
      startFakeTwilioApi(),
      startFakeTwilioApi(),
      startFakeTwilioApi(),
      startFakeMetaApi(),
      startFakeGateway(),
    ]);
    edge = await startFakeTwilioEdge([platform, twA, twB]);
    server = await startTestServer({
      twilio: platform,
      env: { TWILIO_API_URL: edge.baseUrl, WHATSAPP_API_URL: meta.url, CREDIT_SMS_API_URL: gateway.baseUrl },
    });
  });
  afterAll(async () => {
    await server?.stop();
    await Promise.all([platform?.close(), twA?.close(), twB?.close(), edge?.close(), meta?.close(), gateway?.close()]);
  });

  const account = async (tenantId: string, pluginId: string, credentials: Record<string, string>) => {
    const { createChannelAccount } = await server.operator.request(CreateChannelAccountDocument, {
      tenantId,
      pluginId,
      label: pluginId,
      credentials,
    });
    if (createChannelAccount.__typename !== 'ChannelAccount') throw new Error(JSON.stringify(createChannelAccount));
    return createChannelAccount.id;
  };
  const twilioCredentials = (fake: FakeTwilioApi) => ({ accountSid: fake.accountSid, authToken: fake.authToken });
  const byOperator = async (vars: Parameters<typeof addAs>[1]) => addAs(server.operator, vars);
  type Client = TestServer['operator'];
  const addAs = async (
    client: Client,
    vars: { tenantId?: string; e164: string; channelAccountId?: string; channel?: 'SMS' | 'WHATSAPP'; label?: string },
  ) => (await client.request(AddPoolNumberDocument, vars)).addSendingNumber;

  it('adds a number only when its account proves it: Twilio and Meta list it, the sandbox owns its range, the operator vouches otherwise', async () => {
    const tenant = await server.createTenant();
    const twilioAccount = await account(tenant.id, 'twilio-sms', twilioCredentials(twA));
    const [owned, notOwned, later] = [usNumber(), usNumber(), usNumber()];
    twA.ownNumbers(owned, later);

    expect(await byOperator({ tenantId: tenant.id, e164: owned, channelAccountId: twilioAccount })).toMatchObject({
      __typename: 'SendingNumber',
      e164: owned,
      ownershipProof: 'PROVIDER',
    });
    // The real twilio SDK asked Twilio's IncomingPhoneNumbers list for this account, filtered by the number.
    expect(
      twA.received.some(
        (r) =>
          r.path === `/2010-04-01/Accounts/${twA.accountSid}/IncomingPhoneNumbers.json` &&
          new URLSearchParams(r.query).get('PhoneNumber') === owned,
      ),
    ).toBe(true);
    expect(await byOperator({ tenantId: tenant.id, e164: notOwned, channelAccountId: twilioAccount })).toMatchObject({
      __typename: 'NumberNotOwnedError',
      code: 'NUMBER_NOT_OWNED',
      e164: notOwned,
      pluginId: 'twilio-sms',
    });
    twA.numbersUnavailable();
    expect(await byOperator({ tenantId: tenant.id, e164: later, channelAccountId: twilioAccount })).toMatchObject({
      __typename: 'NumberOwnershipUnverifiedError',
      code: 'NUMBER_OWNERSHIP_UNVERIFIED',
      providerError: 'PROVIDER_UNAVAILABLE',
      message: expect.stringMatching(/try again in a few minutes; nothing was added/),
    });
    twA.numbersUnavailable(false);
    expect(await byOperator({ tenantId: tenant.id, e164: later, channelAccountId: twilioAccount })).toMatchObject({
      __typename: 'SendingNumber',
      ownershipProof: 'PROVIDER',
    });

    // WhatsApp: Meta says which number the account's phone number id is.
    const business = meta.addAccount({ displayPhoneNumber: usNumber() });
    const waAccount = await account(tenant.id, 'whatsapp', business.credentials);
    const wa = { tenantId: tenant.id, channel: 'WHATSAPP' as const, channelAccountId: waAccount };
    expect(await byOperator({ ...wa, e164: usNumber() })).toMatchObject({ __typename: 'NumberNotOwnedError' });
    meta.numbersUnavailable();
    expect(await byOperator({ ...wa, e164: business.displayPhoneNumber })).toMatchObject({
      __typename: 'NumberOwnershipUnverifiedError',
      pluginId: 'whatsapp',
    });
    meta.numbersUnavailable(false);
    expect(await byOperator({ ...wa, e164: business.displayPhoneNumber })).toMatchObject({
      __typename: 'SendingNumber',
      channel: 'WHATSAPP',
      ownershipProof: 'PROVIDER',
    });

    // The gateway lists no numbers: only the operator's word, recorded as such.
    const creditAccount = await account(tenant.id, 'credit-sms', gateway.credentials);
    expect(await byOperator({ tenantId: tenant.id, e164: usNumber(), channelAccountId: creditAccount })).toMatchObject({
      __typename: 'SendingNumber',
      ownershipProof: 'OPERATOR',
    });
    const sandbox = await account(tenant.id, 'sandbox', { signingSecret: randomBytes(32).toString('hex') });
    expect(await byOperator({ tenantId: tenant.id, e164: '+15005550142', channelAccountId: sandbox })).toMatchObject({
      __typename: 'SendingNumber',
      ownershipProof: 'RANGE',
    });
    expect(await byOperator({ tenantId: tenant.id, e164: usNumber() })).toMatchObject({
      __typename: 'SendingNumber',
      channelAccountId: null,
      ownershipProof: 'OPERATOR',
    });
    const { sendingNumbers } = await tenant.client.request(PoolNumbersDocument, {});
    expect(sendingNumbers.map((n) => n.e164)).not.toContain(notOwned);
    expect(sendingNumbers).toHaveLength(6);
  });

  it('lets tenant admins add numbers only where the operator allows it, of their own accounts, with the provider’s proof', async () => {
    const h = await setUpHiring(server);
    const twilioAccount = await account(h.tenant.id, 'twilio-sms', twilioCredentials(twB));
    const creditAccount = await account(h.tenant.id, 'credit-sms', gateway.credentials);
    const owned = usNumber();
    twB.ownNumbers(owned);
    const mine = { e164: owned, channelAccountId: twilioAccount, label: 'Leeds line' };

    expect(await addAs(h.admin.client, mine)).toMatchObject({ __typename: 'NotAuthorizedError' });
    expect(await addAs(h.tenant.client, mine)).toMatchObject({ __typename: 'NotAuthorizedError' });
    const allow = (allowed: boolean) =>
      server.operator.request(AllowAdminsToManageNumbersDocument, { tenantId: h.tenant.id, allowed });
    expect((await allow(true)).allowAdminsToManageNumbers).toMatchObject({ adminsManageNumbers: true });

    expect(await addAs(h.recruiter.client, mine)).toMatchObject({ __typename: 'NotAuthorizedError' });
    const other = await server.createTenant();
    expect(await addAs(h.admin.client, { ...mine, tenantId: other.id })).toMatchObject({
      __typename: 'NotAuthorizedError',
    });
    expect(await addAs(h.admin.client, { ...mine, e164: usNumber() })).toMatchObject({
      __typename: 'NumberNotOwnedError',
    });
    // No provider proof: the platform's account, and a gateway that lists no numbers, stay the operator's.
    expect(await addAs(h.admin.client, { e164: usNumber() })).toMatchObject({ __typename: 'NotAuthorizedError' });
    expect(await addAs(h.admin.client, { e164: usNumber(), channelAccountId: creditAccount })).toMatchObject({
      __typename: 'NotAuthorizedError',
      message: expect.stringMatching(/credit-sms cannot list an account's numbers/),
    });
    const added = await addAs(h.admin.client, mine);
    expect(added).toMatchObject({ __typename: 'SendingNumber', label: 'Leeds line', ownershipProof: 'PROVIDER' });
    const id = (added as { id: string }).id;
    const relabel = await h.admin.client.request(UpdateSendingNumberDocument, { id, label: 'Leeds 1' });
    expect(relabel.updateSendingNumber).toMatchObject({ __typename: 'SendingNumber', label: 'Leeds 1' });

    await allow(false);
    const refused = await h.admin.client.request(UpdateSendingNumberDocument, { id, label: 'Leeds 2' });
    expect(refused.updateSendingNumber).toMatchObject({ __typename: 'NotAuthorizedError' });
    const retire = await h.admin.client.request(RetireSendingNumberDocument, { id });
    expect(retire.retireSendingNumber).toMatchObject({ __typename: 'NotAuthorizedError' });
    // For another tenant, even one whose admins may manage numbers, the number does not exist.
    await server.operator.request(AllowAdminsToManageNumbersDocument, { tenantId: other.id, allowed: true });
    const foreign = await other.client.request(RetireSendingNumberDocument, { id });
    expect(foreign.retireSendingNumber).toMatchObject({ __typename: 'NotFoundError' });
  });

  it('refuses a second tenant’s claim on a number in service (no inbound leak), and releases it once retired', async () => {
    const a = await setUpHiring(server, { ownTwilio: twilioCredentials(twA), providerOwns: twA.ownNumbers });
    const number = a.sendingNumber;
    const b = await server.createTenant();
    const bAdmin = await server.createUser(b, { role: 'ADMIN' });
    const bAccount = await account(b.id, 'twilio-sms', twilioCredentials(twB));
    await server.operator.request(AllowAdminsToManageNumbersDocument, { tenantId: b.id, allowed: true });
    // B's provider account lists the number too (ported, or a mistake): still refused while A holds it.
    twB.ownNumbers(number);
    expect(await addAs(bAdmin.client, { e164: number, channelAccountId: bAccount })).toMatchObject({
      __typename: 'ConflictError',
      code: 'CONFLICT',
      field: 'e164',
    });
    expect(await byOperator({ tenantId: b.id, e164: number, channelAccountId: bAccount })).toMatchObject({
      __typename: 'ConflictError',
    });
    expect((await b.client.request(PoolNumbersDocument, { includeRetired: true })).sendingNumbers).toEqual([]);

    // The candidate's texts to the number reach A only; through B's account they reach nobody.
    const aInbound = `${server.publicUrl}/webhooks/twilio-sms/${rawId(a.channelAccountId as string)}/inbound`;
    const bInbound = `${server.publicUrl}/webhooks/twilio-sms/${rawId(bAccount)}/inbound`;
    const text = { from: a.candidatePhone, to: number, body: 'Only for A' };
    expect((await twA.deliverInbound(aInbound, text)).response.status).toBe(200);
    expect((await twB.deliverInbound(bInbound, { ...text, body: 'Via B' })).response.status).toBe(200);
    const aBodies = (await a.conversation()).messages.edges.map((e) => e.node.body);
    expect(aBodies).toContain('Only for A');
    expect(aBodies).not.toContain('Via B');
    const bUnmatched = async () =>
      (await b.client.request(UnmatchedInboundDocument, {})).unmatchedInboundMessages.edges.map((e) => e.node.body);
    expect(await bUnmatched()).toEqual([]);

    // A retires it: the number is released, and B (holding it now at the provider) may add it.
    const aNumber = (await a.tenant.client.request(PoolNumbersDocument, {})).sendingNumbers.find(
      (n) => n.e164 === number,
    );
    await server.operator.request(RetireSendingNumberDocument, { id: aNumber?.id as string });
    expect(await addAs(bAdmin.client, { e164: number, channelAccountId: bAccount })).toMatchObject({
      __typename: 'SendingNumber',
      ownershipProof: 'PROVIDER',
    });
    expect((await twB.deliverInbound(bInbound, { ...text, body: 'Now for B' })).response.status).toBe(200);
    expect(await bUnmatched()).toEqual(['Now for B']);
    expect((await a.conversation()).messages.edges.map((e) => e.node.body)).not.toContain('Now for B');
    // …and A cannot take it back while B holds it.
    expect(
      await byOperator({ tenantId: a.tenant.id, e164: number, channelAccountId: a.channelAccountId as string }),
    ).toMatchObject({ __typename: 'ConflictError' });
  });
});
