import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BuySeatsDocument,
  CreateApiKeyDocument,
  CreateTenantDocument,
  CreateUserDocument,
  CreateUserTokenDocument,
  RevokeApiKeyDocument,
  TenantDocument,
  UpdateUserDocument,
  ViewerDocument,
} from '../../clients/generated/graphql.ts';
import { ParleyRequestError } from '../../clients/parley-client.ts';
import { signUserToken } from '../auth/user-tokens.ts';
import { testMode } from '../test/databases.ts';
import { startTestServer, type TestServer, type TestTenant } from '../test/harness.ts';

const viewerQuery = { query: '{ viewer { kind } }' };

describe('authentication and roles', () => {
  let server: TestServer;
  let tenant: TestTenant;

  beforeAll(async () => {
    server = await startTestServer();
    tenant = await server.createTenant('Acme');
  });
  afterAll(() => server?.stop());

  it('lets anyone ask who they are, and nothing else', async () => {
    expect((await server.client().request(ViewerDocument)).viewer.kind).toBe('ANONYMOUS');
    const denied = await server.post({ query: '{ tenant { name } }' });
    expect(denied.status).toBe(401);
    expect(denied.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a bad credential with 401 and says what to send', async () => {
    for (const authorization of ['Bearer prl_not-a-real-key', 'Bearer not.a.jwt', 'Basic abc', 'Bearer']) {
      const res = await server.post(viewerQuery, { authorization });
      expect(res.status, authorization).toBe(401);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(res.body.errors?.[0]?.message).toMatch(/API key|user token|Authorization/);
    }
  });

  it('authenticates the operator, a tenant API key and a user token', async () => {
    expect((await server.operator.request(ViewerDocument)).viewer.kind).toBe('OPERATOR');
    const asKey = await tenant.client.request(ViewerDocument);
    expect(asKey.viewer).toMatchObject({ kind: 'API_KEY', tenant: { name: 'Acme' }, user: null });
    const { client } = await server.createUser(tenant, { name: 'Rita Recruiter' });
    const asUser = await client.request(ViewerDocument);
    expect(asUser.viewer).toMatchObject({ kind: 'USER', user: { name: 'Rita Recruiter', role: 'RECRUITER' } });
  });

  it('lets only the operator create tenants', async () => {
    const input = { input: { name: 'Sneaky' } };
    const byTenant = await tenant.client.request(CreateTenantDocument, input);
    expect(byTenant.createTenant).toMatchObject({ __typename: 'NotAuthorizedError', code: 'NOT_AUTHORIZED' });
    const bad = await server.operator.request(CreateTenantDocument, { input: { name: '   ' } });
    expect(bad.createTenant).toMatchObject({ __typename: 'ValidationError', field: 'name' });
  });

  it('lets a recruiter read but not administer', async () => {
    const { client, user } = await server.createUser(tenant);
    const denied = await client.request(BuySeatsDocument, { count: 5 });
    expect(denied.buySeats).toMatchObject({ __typename: 'NotAuthorizedError' });
    const promote = await client.request(UpdateUserDocument, { input: { id: user.id, role: 'ADMIN' } });
    expect(promote.updateUser.__typename).toBe('NotAuthorizedError');
    const read = await client.request(TenantDocument);
    expect(read.tenant).toMatchObject({ name: 'Acme', seats: { purchased: expect.any(Number) } });
  });

  it('lets an admin user administer, but only a partner backend mint user tokens', async () => {
    const admin = await server.createUser(tenant, { role: 'ADMIN' });
    expect((await admin.client.request(BuySeatsDocument, { count: 1 })).buySeats.__typename).toBe('SeatSummary');
    const mint = await admin.client.request(CreateUserTokenDocument, { userId: admin.user.id });
    expect(mint.createUserToken.__typename).toBe('NotAuthorizedError');
  });

  it('refuses tokens of deactivated users, expired tokens and forged tokens', async () => {
    const { client, user, token } = await server.createUser(tenant);
    await tenant.client.request(UpdateUserDocument, { input: { id: user.id, deactivated: true } });
    await expect(client.request(ViewerDocument)).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    const again = await tenant.client.request(CreateUserTokenDocument, { userId: user.id });
    expect(again.createUserToken).toMatchObject({ __typename: 'ValidationError' });

    const expired = await signUserToken(server.app.services.signingKey, { userId: user.id, tenantId: tenant.id }, -10);
    const res = await server.post(viewerQuery, { authorization: `Bearer ${expired.token}` });
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]?.message).toMatch(/expired/);

    const forged = await signUserToken(
      new TextEncoder().encode('x'.repeat(32)),
      { userId: user.id, tenantId: tenant.id },
      60,
    );
    expect((await server.post(viewerQuery, { authorization: `Bearer ${forged.token}` })).status).toBe(401);
    expect(token).not.toBe(forged.token);
  });

  it('bounds user token lifetimes', async () => {
    const { user } = await server.createUser(tenant);
    const long = await tenant.client.request(CreateUserTokenDocument, { userId: user.id, ttlSeconds: 7 * 24 * 3600 });
    expect(long.createUserToken).toMatchObject({ __typename: 'ValidationError', field: 'ttlSeconds' });
    const ok = await tenant.client.request(CreateUserTokenDocument, { userId: user.id, ttlSeconds: 120 });
    if (ok.createUserToken.__typename !== 'UserToken') throw new Error('expected a token');
    const lifetime = Date.parse(ok.createUserToken.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(100_000);
    expect(lifetime).toBeLessThanOrEqual(120_000);
  });

  it('creates API keys that work at once and stop working when revoked', async () => {
    const created = await tenant.client.request(CreateApiKeyDocument, { name: 'ATS sync' });
    if (created.createApiKey.__typename !== 'CreatedApiKey') throw new Error('expected a key');
    const { secret, apiKey } = created.createApiKey;
    expect(apiKey).toMatchObject({ name: 'ATS sync', active: true, prefix: secret.slice(0, apiKey.prefix.length) });
    const second = server.client(secret);
    expect((await second.request(ViewerDocument)).viewer.kind).toBe('API_KEY');
    const revoked = await tenant.client.request(RevokeApiKeyDocument, { id: apiKey.id });
    expect(revoked.revokeApiKey).toMatchObject({ __typename: 'ApiKey', active: false });
    const error = await second.request(ViewerDocument).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParleyRequestError);
    expect(error).toMatchObject({ status: 401 });
  });

  it.runIf(testMode === 'postgres')(
    'refuses a revoked key on every copy from the very next request, despite their caches',
    async () => {
      // The second copy would remember the key for a minute: only the pub/sub message can make it refuse sooner.
      const second = await startTestServer({ database: server.database, env: { AUTH_CACHE_MS: '60000' } });
      try {
        const created = await tenant.client.request(CreateApiKeyDocument, { name: 'Shared' });

        if (created.createApiKey.__typename !== 'CreatedApiKey') throw new Error('expected a key');
        const onSecond = second.client(created.createApiKey.secret);
        expect((await onSecond.request(ViewerDocument)).viewer.kind).toBe('API_KEY'); // now cached on the second copy
        await tenant.client.request(RevokeApiKeyDocument, { id: created.createApiKey.apiKey.id });
        // revokeApiKey answers once the revocation has gone through Redis: the very next request is refused.
        await expect(onSecond.request(ViewerDocument)).rejects.toMatchObject({ status: 401 });
      } finally {
        await second.stop({ keepDatabase: true });
      }
    },
  );

  it('never returns a key secret or hash after creation, nor logs one', async () => {
    const created = await tenant.client.request(CreateApiKeyDocument, { name: 'Once' });
    if (created.createApiKey.__typename !== 'CreatedApiKey') throw new Error('expected a key');
    const introspection = await server.post({ query: '{ __type(name: "ApiKey") { fields { name } } }' });
    const fields = introspection.body.data.__type.fields.map((f: { name: string }) => f.name);
    expect(fields).not.toContain('hash');
    expect(fields).not.toContain('secret');
    expect(server.logs.text).not.toContain(created.createApiKey.secret);
    expect(server.logs.text).not.toContain(tenant.apiKey);
    expect(server.logs.text).not.toContain(server.operatorKey);
  });

  it('rejects a user created with a duplicate email as a conflict', async () => {
    const input = { name: 'Dee', email: 'dee@example.com' };
    expect((await tenant.client.request(CreateUserDocument, { input })).createUser.__typename).toBe('User');
    const dup = await tenant.client.request(CreateUserDocument, { input: { ...input, email: 'DEE@example.com ' } });
    expect(dup.createUser).toMatchObject({ __typename: 'ConflictError', field: 'email' });
  });
});
