import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddSendingNumberDocument,
  AllowPlatformAccountDocument,
  ChannelAccountsDocument,
  CreateChannelAccountDocument,
  DisableChannelAccountDocument,
  PreviewMessageDocument,
  SendMessageDocument,
  UpdateChannelAccountCredentialsDocument,
  UpdateTenantSettingsDocument,
} from '../../clients/generated/graphql.ts';
import {
  type FakeTwilioApi,
  startFakeTwilioApi,
  startFakeTwilioEdge,
} from '../../plugins/twilio-sms/testing/fake-twilio-api.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { rawId, startTestServer, type TestServer } from '../test/harness.ts';
import { type Hiring, setUpHiring, usNumber, waitFor } from '../test/messaging-fixture.ts';
import { optIn } from '../test/opted-in.ts';

const key = (n: number) => Buffer.alloc(32, n).toString('base64');
let seq = 0;

describe('channel accounts', () => {
  let platform: FakeTwilioApi;
  let own: FakeTwilioApi;
  let edge: Awaited<ReturnType<typeof startFakeTwilioEdge>>;
  let server: TestServer;

  beforeAll(async () => {
    [platform, own] = await Promise.all([startFakeTwilioApi(), startFakeTwilioApi()]);
    // Twilio's API is one address for every account: the edge routes each call to the fake of its account.
    edge = await startFakeTwilioEdge([platform, own]);
    server = await startTestServer({ twilio: platform, env: { TWILIO_API_URL: edge.baseUrl } });
  });
  afterAll(async () => {
    await server?.stop();
    await Promise.all([platform?.close(), own?.close(), edge?.close()]);
  });

  const ownTwilio = () => ({ accountSid: own.accountSid, authToken: own.authToken });
  const allowPlatform = (h: Hiring, allowed: boolean) =>
    server.operator.request(AllowPlatformAccountDocument, { tenantId: h.tenant.id, channel: 'SMS', allowed });
  const send = async (h: Hiring, body: string) => {
    const { sendMessage } = await h.recruiter.client.request(SendMessageDocument, {
      input: {
        conversationId: h.conversationId,
        channel: 'SMS',
        body,
        idempotencyKey: `channel-accounts-${Date.now()}-${seq++}`,
      },
    });
    if (sendMessage.__typename !== 'Message') throw new Error(JSON.stringify(sendMessage));
    return sendMessage;
  };
  const messageIn = async (h: Hiring, id: string) =>
    (await h.conversation()).messages.edges.map((e) => e.node).find((m) => m.id === id);

  it("sends through the tenant's own account, and takes its webhooks only signed with that account's token", async () => {
    const h = await setUpHiring(server, { ownTwilio: ownTwilio(), providerOwns: own.ownNumbers });
    const accountId = rawId(h.channelAccountId as string);
    expect((await allowPlatform(h, false)).allowPlatformAccount).toMatchObject({ platformChannels: [] });
    await optIn(h);
    const sent = await send(h, 'Hello from our own number');
    const outbound = await waitFor(async () => own.messages.find((m) => m.to === h.candidatePhone), 'own account send');
    expect(platform.messages.filter((m) => m.to === h.candidatePhone)).toHaveLength(0);
    expect(outbound.statusCallback).toBe(
      `${server.publicUrl}/webhooks/twilio-sms/${accountId}/status?messageId=${rawId(sent.id)}`,
    );
    await waitFor(async () => (await messageIn(h, sent.id))?.status === 'SENT', 'SENT');

    // A status callback for this message, signed by another account (the platform's) on its own path: ignored.
    const forgedStatus = {
      SmsSid: outbound.sid,
      SmsStatus: 'undelivered',
      MessageStatus: 'undelivered',
      To: outbound.to,
      MessageSid: outbound.sid,
      AccountSid: platform.accountSid,
      From: outbound.from,
      ApiVersion: '2010-04-01',
    };
    const forgedUrl = `${server.publicUrl}/webhooks/twilio-sms/platform/status?messageId=${rawId(sent.id)}`;
    const forged = await platform.postRaw(forgedUrl, new URLSearchParams(forgedStatus).toString(), forgedStatus);
    expect(forged.status).toBe(200);
    expect((await messageIn(h, sent.id))?.status).toBe('SENT');
    // The real one, from the tenant's account, lands.
    expect((await own.reportStatus(outbound, 'delivered')).status).toBe(200);
    await waitFor(async () => (await messageIn(h, sent.id))?.status === 'DELIVERED', 'DELIVERED');

    const inboundUrl = `${server.publicUrl}/webhooks/twilio-sms/${accountId}/inbound`;
    const text = { from: h.candidatePhone, to: h.sendingNumber, body: 'Reply through our account' };
    expect((await own.deliverInbound(inboundUrl, text)).response.status).toBe(200);
    // Signed with another account's token: 403, nothing stored.
    const otherToken = await platform.deliverInbound(inboundUrl, { ...text, body: 'Forged reply' });
    expect(otherToken.response.status).toBe(403);
    // The number belongs to the tenant's account: a text to it on the platform's webhook reaches nobody.
    const wrongAccount = await platform.deliverInbound(`${server.publicUrl}/webhooks/twilio-sms/platform/inbound`, {
      ...text,
      body: 'Through the wrong account',
    });
    expect(wrongAccount.response.status).toBe(200);
    const bodies = (await h.conversation()).messages.edges.map((e) => e.node.body);
    expect(bodies).toContain('Reply through our account');
    expect(bodies).not.toContain('Forged reply');
    expect(bodies).not.toContain('Through the wrong account');

    // Disabled, with the platform's account not allowed: nothing can send SMS for the tenant, and the lock says so.
    await server.operator.request(DisableChannelAccountDocument, { id: h.channelAccountId as string });
    expect(await h.smsLock()).toMatchObject({ locked: true, reachable: false, reason: 'CHANNEL_UNAVAILABLE' });
    // What the outbox would send a queued message with: nothing (it fails with PROVIDER_UNAVAILABLE).
    const resolved = await server.app.services.channels.providerFor({
      tenantId: rawId(h.tenant.id),
      channel: 'SMS',
      fromNumber: h.sendingNumber,
    });
    expect(resolved).toMatchObject({ accountId, provider: null });
  });

  it('never returns or logs the credentials, and stores only ciphertext', async () => {
    const h = await setUpHiring(server);
    const answers: unknown[] = [];
    const created = await server.operator.request(CreateChannelAccountDocument, {
      tenantId: h.tenant.id,
      pluginId: 'twilio-sms',
      label: 'Acme Twilio',
      credentials: ownTwilio(),
    });
    answers.push(created);
    if (created.createChannelAccount.__typename !== 'ChannelAccount') throw new Error(JSON.stringify(created));
    const account = created.createChannelAccount;
    expect(account).toMatchObject({ pluginId: 'twilio-sms', channel: 'SMS', label: 'Acme Twilio', status: 'ACTIVE' });
    expect(account.credentials).toEqual({ accountSid: `${own.accountSid.slice(0, 4)}…${own.accountSid.slice(-4)}` });
    expect(account.inboundWebhookUrl).toBe(`${server.publicUrl}/webhooks/twilio-sms/${rawId(account.id)}/inbound`);
    answers.push(await h.admin.client.request(ChannelAccountsDocument, {}));
    answers.push(await server.operator.request(ChannelAccountsDocument, { tenantId: h.tenant.id }));
    answers.push(
      await server.operator.request(UpdateChannelAccountCredentialsDocument, {
        id: account.id,
        credentials: ownTwilio(),
      }),
    );
    expect((answers[1] as { channelAccounts: unknown[] }).channelAccounts).toHaveLength(1);
    for (const answer of answers) {
      expect(JSON.stringify(answer)).not.toContain(own.authToken);
      expect(JSON.stringify(answer)).not.toContain(own.accountSid);
    }
    // Tenants cannot create accounts, nor list another tenant's.
    const byTenant = await h.tenant.client.request(CreateChannelAccountDocument, {
      tenantId: h.tenant.id,
      pluginId: 'twilio-sms',
      label: 'Self-made',
      credentials: ownTwilio(),
    });
    expect(byTenant.createChannelAccount.__typename).toBe('NotAuthorizedError');
    const other = await server.createTenant();
    const foreign = await other.client.request(ChannelAccountsDocument, { tenantId: h.tenant.id });
    expect(foreign.channelAccounts).toEqual([]);
    // Recruiters do not see the company's accounts at all.
    const byRecruiter = await server.post(
      { query: '{ channelAccounts { id } }' },
      { authorization: `Bearer ${h.recruiter.token}` },
    );
    expect(byRecruiter.body.data?.channelAccounts ?? null).toBeNull();

    const row = await server.app.services.prisma.channelAccount.findUniqueOrThrow({ where: { id: rawId(account.id) } });
    expect(row.keyId).toBe('test');
    expect(row.credentials).not.toContain(own.authToken);
    expect(Buffer.from(row.credentials, 'base64url').toString('latin1')).not.toContain(own.authToken);
    expect(server.app.services.channels.cipher.decrypt(row.keyId, row.credentials)).toEqual(ownTwilio());

    // Bad credentials: every field named, no value echoed, nothing written.
    const bad = await server.operator.request(CreateChannelAccountDocument, {
      tenantId: h.tenant.id,
      pluginId: 'twilio-sms',
      label: 'Broken',
      credentials: { accountSid: 'ACnot-a-sid', authToken: 'tooshort-secret' },
    });
    expect(bad.createChannelAccount).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION' });
    const issues = (bad.createChannelAccount as { issues: { field: string }[] }).issues.map((i) => i.field);
    expect(issues.sort()).toEqual(['credentials.accountSid', 'credentials.authToken']);
    expect(JSON.stringify(bad)).not.toContain('tooshort-secret');
    const unknown = await server.operator.request(CreateChannelAccountDocument, {
      tenantId: h.tenant.id,
      pluginId: 'carrier-pigeon',
      label: 'Nope',
      credentials: {},
    });
    expect(unknown.createChannelAccount).toMatchObject({ __typename: 'ValidationError', field: 'pluginId' });
    expect(await server.app.services.prisma.channelAccount.count({ where: { tenantId: rawId(h.tenant.id) } })).toBe(1);

    expect(server.logs.text).not.toContain(own.authToken);
    expect(server.logs.text).not.toContain('tooshort-secret');
  });

  it('decrypts credentials after the key is rotated, and re-encrypts them with the new key', async () => {
    const h = await setUpHiring(server, { ownTwilio: ownTwilio(), providerOwns: own.ownNumbers });
    const accountId = rawId(h.channelAccountId as string);
    const rotated = await startTestServer({
      database: server.database,
      twilio: platform,
      env: {
        TWILIO_API_URL: edge.baseUrl,
        OUTBOX_WORKER: 'off',
        CHANNEL_CREDENTIALS_KEYS: `k2:${key(9)},test:${key(7)}`,
      },
    });
    try {
      const message = { tenantId: rawId(h.tenant.id), channel: 'SMS' as const, fromNumber: h.sendingNumber };
      const before = await rotated.app.services.channels.providerFor(message);
      expect(before).toMatchObject({ pluginId: 'twilio-sms', accountId });
      expect(before.provider).not.toBeNull();
      await before.provider?.send({
        from: h.sendingNumber,
        to: h.candidatePhone,
        body: 'Sent after rotation',
        statusCallbackUrl: before.statusCallbackUrl('00000000-0000-0000-0000-000000000000'),
      });
      expect(own.messages.some((m) => m.body === 'Sent after rotation')).toBe(true);

      await rotated.operator.request(UpdateChannelAccountCredentialsDocument, {
        id: h.channelAccountId as string,
        credentials: ownTwilio(),
      });
      const row = await rotated.app.services.prisma.channelAccount.findUniqueOrThrow({ where: { id: accountId } });
      expect(row).toMatchObject({ keyId: 'k2', version: 2 });
      expect((await rotated.app.services.channels.providerFor(message)).provider).not.toBeNull();
      // A copy that no longer lists the key cannot read them (and says which key it lacks).
      expect(() => server.app.services.channels.cipher.decrypt(row.keyId, row.credentials)).toThrow(/key k2/);
    } finally {
      await rotated.stop({ keepDatabase: true });
    }
  });

  it('lets no tenant enable a channel nothing can send on for it, and its locks say so', async () => {
    const h = await setUpHiring(server);
    await optIn(h);
    expect((await h.smsLock())?.reachable).toBe(true);
    await allowPlatform(h, false);
    const settings = await h.tenant.client.request(UpdateTenantSettingsDocument, {
      input: { enabledChannels: ['SMS'] },
    });
    expect(settings.updateTenantSettings).toMatchObject({
      __typename: 'ChannelUnavailableError',
      code: 'CHANNEL_UNAVAILABLE',
    });
    expect(await h.smsLock()).toMatchObject({ locked: true, reachable: false, reason: 'CHANNEL_UNAVAILABLE' });
    const platformNumber = { tenantId: rawId(h.tenant.id), channel: 'SMS' as const, fromNumber: h.sendingNumber };
    expect((await server.app.services.channels.providerFor(platformNumber)).provider).toBeNull();

    const created = await server.operator.request(CreateChannelAccountDocument, {
      tenantId: h.tenant.id,
      pluginId: 'twilio-sms',
      label: 'Own',
      credentials: ownTwilio(),
    });
    if (created.createChannelAccount.__typename !== 'ChannelAccount') throw new Error(JSON.stringify(created));
    const again = await h.tenant.client.request(UpdateTenantSettingsDocument, { input: { enabledChannels: ['SMS'] } });
    expect(again.updateTenantSettings.__typename).toBe('Tenant');
    // The account can send, but none of the tenant's numbers is its: this conversation still cannot.
    expect(await h.smsLock()).toMatchObject({ reachable: false, reason: 'CHANNEL_UNAVAILABLE' });
    const preview = await h.recruiter.client.request(PreviewMessageDocument, {
      input: { conversationId: h.conversationId, channel: 'SMS', body: 'Hello' },
    });
    expect(preview.previewMessage).toMatchObject({ allowed: false });
    const e164 = usNumber();
    own.ownNumbers(e164);
    await server.operator.request(AddSendingNumberDocument, {
      tenantId: h.tenant.id,
      e164,
      channelAccountId: created.createChannelAccount.id,
    });
    expect((await h.smsLock())?.reachable).toBe(true);
  });
});

describe('channel configuration', () => {
  const base = { NODE_ENV: 'test', CHANNEL_CREDENTIALS_KEYS: `k1:${key(1)}`, DATA_DIR: '/nonexistent/parley' };
  const start = (env: Record<string, string>) =>
    buildApp(loadConfig({ ...base, ...env }), pino({ level: 'silent' })).start();

  it('stops the start, naming CHANNEL_PLUGINS, when a module is not a plugin manifest', async () => {
    await expect(start({ CHANNEL_PLUGINS: './api/channels/webhook-urls.ts' })).rejects.toThrow(
      /CHANNEL_PLUGINS: \.\/api\/channels\/webhook-urls\.ts is not a channel plugin manifest/,
    );
    await expect(start({ CHANNEL_PLUGINS: 'zod' })).rejects.toThrow(/CHANNEL_PLUGINS: zod is not a channel plugin/);
    await expect(start({ CHANNEL_PLUGINS: './plugins/nope/index.ts' })).rejects.toThrow(
      /CHANNEL_PLUGINS: cannot load \.\/plugins\/nope\/index\.ts/,
    );
  });

  it('requires the credentials key in production, where new tenants get no platform account', () => {
    const production = { NODE_ENV: 'production', PUBLIC_URL: 'https://parley.example.com' };
    expect(() => loadConfig(production)).toThrow(/CHANNEL_CREDENTIALS_KEYS: required in production/);
    expect(loadConfig({ ...production, CHANNEL_CREDENTIALS_KEYS: `k1:${key(1)}` }).channels.platformByDefault).toBe(
      false,
    );
    expect(loadConfig({}).channels).toMatchObject({ platformByDefault: true, credentialKeys: undefined });
    for (const bad of ['k1', 'k1:c2hvcnQ=', `k1:${key(1)},k1:${key(2)}`]) {
      expect(() => loadConfig({ CHANNEL_CREDENTIALS_KEYS: bad })).toThrow(/CHANNEL_CREDENTIALS_KEYS/);
      expect(() => loadConfig({ CHANNEL_CREDENTIALS_KEYS: bad })).not.toThrow(/c2hvcnQ/);
    }
  });
});
