import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AssignSeatDocument,
  BuySeatsDocument,
  ReassignSeatDocument,
  ReleaseSeatsDocument,
  TenantDocument,
  UnassignSeatDocument,
  UpdateUserDocument,
  UserDocument,
} from '../../clients/generated/graphql.ts';
import { startTestServer, type TestServer, type TestTenant } from '../test/harness.ts';

describe('seats', () => {
  let server: TestServer;
  let tenant: TestTenant;
  const seats = async () => (await tenant.client.request(TenantDocument)).tenant.seats;

  beforeAll(async () => {
    server = await startTestServer();
    tenant = await server.createTenant();
  });
  afterAll(() => server?.stop());

  it('buys, assigns, refuses past the limit, and reassigns', async () => {
    const [ann, ben, cat] = await Promise.all([
      server.createUser(tenant),
      server.createUser(tenant),
      server.createUser(tenant),
    ]);
    expect((await tenant.client.request(BuySeatsDocument, { count: 2 })).buySeats).toMatchObject({
      purchased: 2,
      assigned: 0,
      available: 2,
    });

    const first = await tenant.client.request(AssignSeatDocument, { userId: ann!.user.id });
    expect(first.assignSeat).toMatchObject({ __typename: 'User', seat: { id: expect.any(String) } });
    const again = await tenant.client.request(AssignSeatDocument, { userId: ann!.user.id });
    expect(again.assignSeat).toMatchObject({ seat: { id: (first.assignSeat as { seat: { id: string } }).seat.id } });
    await tenant.client.request(AssignSeatDocument, { userId: ben!.user.id });
    const refused = await tenant.client.request(AssignSeatDocument, { userId: cat!.user.id });
    expect(refused.assignSeat).toMatchObject({
      __typename: 'SeatLimitReachedError',
      code: 'SEAT_LIMIT_REACHED',
      purchased: 2,
      assigned: 2,
    });
    expect((refused.assignSeat as { message: string }).message).toMatch(/Buy more seats or unassign/);

    const moved = await tenant.client.request(ReassignSeatDocument, {
      fromUserId: ben!.user.id,
      toUserId: cat!.user.id,
    });
    expect(moved.reassignSeat).toMatchObject({ __typename: 'Seat', user: { id: cat!.user.id } });
    expect((await tenant.client.request(UserDocument, { id: ben!.user.id })).user?.seat).toBeNull();
    const taken = await tenant.client.request(ReassignSeatDocument, {
      fromUserId: ann!.user.id,
      toUserId: cat!.user.id,
    });
    expect(taken.reassignSeat).toMatchObject({ __typename: 'ConflictError' });
    const none = await tenant.client.request(ReassignSeatDocument, {
      fromUserId: ben!.user.id,
      toUserId: ann!.user.id,
    });
    expect(none.reassignSeat).toMatchObject({ __typename: 'NotFoundError' });
    expect(await seats()).toEqual({ purchased: 2, assigned: 2, available: 0 });

    await tenant.client.request(UnassignSeatDocument, { userId: ann!.user.id });
    expect(await seats()).toEqual({ purchased: 2, assigned: 1, available: 1 });
  });

  it('never assigns more seats than bought, however many ask at once', async () => {
    const local = await server.createTenant();
    await local.client.request(BuySeatsDocument, { count: 5 });
    const users = await Promise.all(Array.from({ length: 20 }, () => server.createUser(local)));
    const results = await Promise.all(
      users.map((u) => local.client.request(AssignSeatDocument, { userId: u.user.id })),
    );
    const kinds = results.map((r) => r.assignSeat.__typename);
    expect(kinds.filter((k) => k === 'User')).toHaveLength(5);
    expect(kinds.filter((k) => k === 'SeatLimitReachedError')).toHaveLength(15);
    const summary = (await local.client.request(TenantDocument)).tenant.seats;
    expect(summary).toEqual({ purchased: 5, assigned: 5, available: 0 });
  });

  it('gives one user one seat even when asked twice at once', async () => {
    const local = await server.createTenant();
    await local.client.request(BuySeatsDocument, { count: 3 });
    const { user } = await server.createUser(local);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => local.client.request(AssignSeatDocument, { userId: user.id })),
    );
    expect(results.map((r) => r.assignSeat.__typename)).toEqual(Array(6).fill('User'));
    const seatIds = new Set(results.map((r) => (r.assignSeat as { seat: { id: string } }).seat.id));
    expect(seatIds.size).toBe(1);
    expect((await local.client.request(TenantDocument)).tenant.seats.assigned).toBe(1);
  });

  it('releases only unassigned seats, all or none', async () => {
    const local = await server.createTenant();
    await local.client.request(BuySeatsDocument, { count: 3 });
    const { user } = await server.createUser(local);
    await local.client.request(AssignSeatDocument, { userId: user.id });
    const refused = await local.client.request(ReleaseSeatsDocument, { count: 3 });
    expect(refused.releaseSeats).toMatchObject({ __typename: 'SeatsInUseError', requested: 3, unassigned: 2 });
    expect((await local.client.request(TenantDocument)).tenant.seats.purchased).toBe(3);
    const released = await local.client.request(ReleaseSeatsDocument, { count: 2 });
    expect(released.releaseSeats).toMatchObject({ purchased: 1, assigned: 1, available: 0 });
  });

  it('frees the seat of a deactivated user and refuses to seat them', async () => {
    const local = await server.createTenant();
    await local.client.request(BuySeatsDocument, { count: 1 });
    const { user } = await server.createUser(local);
    await local.client.request(AssignSeatDocument, { userId: user.id });
    const off = await local.client.request(UpdateUserDocument, { input: { id: user.id, deactivated: true } });
    expect(off.updateUser).toMatchObject({ active: false, seat: null });
    const refused = await local.client.request(AssignSeatDocument, { userId: user.id });
    expect(refused.assignSeat).toMatchObject({ __typename: 'ValidationError' });
    expect((await local.client.request(TenantDocument)).tenant.seats.available).toBe(1);
  });

  it('refuses bad counts with the field named', async () => {
    for (const count of [0, -1, 10_001]) {
      const result = await tenant.client.request(BuySeatsDocument, { count });
      expect(result.buySeats, String(count)).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION' });
    }
    const res = await server.post(
      { query: 'mutation { buySeats(count: 1.5) { __typename } }' },
      { authorization: `Bearer ${tenant.apiKey}` },
    );
    expect(res.body.errors?.[0]?.message).toMatch(/Int/);
  });
});
