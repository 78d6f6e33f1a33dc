import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateChannelAccountDocument } from '../../clients/generated/graphql.ts';
import { createCredentialCipher, reencryptCredentials } from '../channels/credential-crypto.ts';
import { rawId, startTestServer, type TestServer } from '../test/harness.ts';

const key = (n: number) => Buffer.alloc(32, n);
const credentials = { accountSid: `AC${'3'.repeat(32)}`, authToken: 'f'.repeat(32) };

/** Key rotation's second half: the old key can go once every account was re-encrypted with the new one. */
describe('re-encrypting channel credentials after a key rotation', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.stop());

  it('moves every account under an older key to the current one, without the operator re-entering them', async () => {
    const tenant = await server.createTenant();
    const created = await server.operator.request(CreateChannelAccountDocument, {
      tenantId: tenant.id,
      pluginId: 'twilio-sms',
      label: 'Rotated',
      credentials,
    });
    if (created.createChannelAccount.__typename !== 'ChannelAccount') throw new Error(JSON.stringify(created));
    const id = rawId(created.createChannelAccount.id);
    const prisma = server.app.services.prisma;
    const before = await prisma.channelAccount.findUniqueOrThrow({ where: { id } });
    expect(before.keyId).toBe('test'); // the harness's key (CHANNEL_CREDENTIALS_KEYS=test:…)

    // The new key first, the old one still listed.
    const rotated = createCredentialCipher([
      { id: 'k2', key: key(9) },
      { id: 'test', key: key(7) },
    ]);
    const pass = await reencryptCredentials(prisma, rotated);
    expect(pass.missingKeyIds).toEqual([]);
    expect(pass.reencrypted).toBeGreaterThanOrEqual(1);
    const after = await prisma.channelAccount.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ keyId: 'k2', version: before.version });
    expect(after.credentials).not.toBe(before.credentials);
    // Readable with the new key alone: the old one can be dropped.
    expect(createCredentialCipher([{ id: 'k2', key: key(9) }]).decrypt(after.keyId, after.credentials)).toEqual(
      credentials,
    );
    // Nothing left to do on a second pass.
    expect((await reencryptCredentials(prisma, rotated)).reencrypted).toBe(0);
    expect((await prisma.channelAccount.findUniqueOrThrow({ where: { id } })).credentials).toBe(after.credentials);

    // A row under a key this process lacks is left alone and its key id reported.
    const newer = createCredentialCipher([{ id: 'k3', key: key(11) }]);
    const lacking = await reencryptCredentials(prisma, newer);
    expect(lacking.missingKeyIds).toContain('k2');
    expect((await prisma.channelAccount.findUniqueOrThrow({ where: { id } })).keyId).toBe('k2');
  });
});
