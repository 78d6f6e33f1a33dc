import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiKeysDocument,
  AssignSeatDocument,
  BuySeatsDocument,
  RevokeApiKeyDocument,
  UpdateUserDocument,
  UserDocument,
  UsersDocument,
} from '../../clients/generated/graphql.ts';
import { startTestServer, type TestServer, type TestTenant } from '../test/harness.ts';

// Tenant A holds B's ids (as if leaked or guessed) and tries every way in.
describe('tenant isolation', () => {
  let server: TestServer;
  let a: TestTenant;
  let b: TestTenant;
  let bUser: Awaited<ReturnType<TestServer['createUser']>>;
  let aUser: Awaited<ReturnType<TestServer['createUser']>>;

  beforeAll(async () => {
    server = await startTestServer();
    [a, b] = await Promise.all([server.createTenant('Acme'), server.createTenant('Bolt')]);
    bUser = await server.createUser(b, { name: 'Bea of Bolt', role: 'ADMIN' });
    aUser = await server.createUser(a, { name: 'Al of Acme', role: 'ADMIN' });
    await b.client.request(BuySeatsDocument, { count: 2 });
  });
  afterAll(async () => {
    const unexpected = server.logs.lines.filter((l) => l.includes('unexpected error'));
    await server?.stop();
    expect(unexpected).toEqual([]);
  });

  it("does not read another tenant's user by id, by node id, or in lists", async () => {
    expect((await a.client.request(UserDocument, { id: bUser.user.id })).user).toBeNull();
    expect((await aUser.client.request(UserDocument, { id: bUser.user.id })).user).toBeNull();
    const node = await server.post(
      { query: 'query($id: ID!) { node(id: $id) { id ... on User { name } } }', variables: { id: bUser.user.id } },
      { authorization: `Bearer ${a.apiKey}` },
    );
    expect(node.body.data?.node ?? null).toBeNull();
    const users = await a.client.request(UsersDocument, { first: 50, includeDeactivated: true });
    expect(users.tenant.users.edges.map((e) => e.node.name)).toEqual(['Al of Acme']);
    expect(users.tenant.users.totalCount).toBe(1);
  });

  it("does not change another tenant's user or give them a seat", async () => {
    const update = await a.client.request(UpdateUserDocument, { input: { id: bUser.user.id, name: 'Hijacked' } });
    expect(update.updateUser).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    await a.client.request(BuySeatsDocument, { count: 1 });
    const assign = await a.client.request(AssignSeatDocument, { userId: bUser.user.id });
    expect(assign.assignSeat.__typename).toBe('NotFoundError');
    const seen = await b.client.request(UserDocument, { id: bUser.user.id });
    expect(seen.user).toMatchObject({ name: 'Bea of Bolt', seat: null });
  });

  it("does not see or revoke another tenant's API keys", async () => {
    const bKeys = await b.client.request(ApiKeysDocument);
    const bKeyId = bKeys.tenant.apiKeys[0]?.id;
    expect(bKeyId).toBeDefined();
    const revoke = await a.client.request(RevokeApiKeyDocument, { id: bKeyId as string });
    expect(revoke.revokeApiKey.__typename).toBe('NotFoundError');
    const aKeys = await a.client.request(ApiKeysDocument);
    expect(aKeys.tenant.apiKeys.map((k) => k.id)).not.toContain(bKeyId);
    expect((await b.client.request(ApiKeysDocument)).tenant.apiKeys[0]?.active).toBe(true);
  });

  it('counts only its own seats', async () => {
    const tenantA = await server.post(
      { query: '{ tenant { name seats { purchased } } }' },
      { authorization: `Bearer ${a.apiKey}` },
    );
    expect(tenantA.body.data.tenant).toEqual({ name: 'Acme', seats: { purchased: 1 } });
  });

  it('keeps tenants out of operator-only fields', async () => {
    const list = await server.post(
      { query: '{ tenants(first: 10) { edges { node { name } } } }' },
      { authorization: `Bearer ${a.apiKey}` },
    );
    expect(list.body.data).toBeNull();
    expect(list.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/not allow/),
      extensions: { code: 'NOT_AUTHORIZED' },
    });
  });
});
