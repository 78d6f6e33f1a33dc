import { z } from 'zod';
import { ConflictError, NotFoundError, SeatLimitReachedError, SeatsInUseError, ValidationError } from './errors.ts';
import { isUniqueViolation } from './prisma-errors.ts';
import type { TenantScope } from './scope.ts';
import { findUser } from './users.ts';
import { parseInput } from './validate.ts';
import { withEvents } from './with-events.ts';

const seatCount = z
  .number()
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(10_000, 'must be at most 10000');

export type SeatSummary = { purchased: number; assigned: number; available: number };

export async function seatSummary(scope: TenantScope): Promise<SeatSummary> {
  const [purchased, assigned] = await Promise.all([
    scope.db.seat.count(),
    scope.db.seat.count({ where: { userId: { not: null } } }),
  ]);
  return { purchased, assigned, available: purchased - assigned };
}

export async function buySeats(scope: TenantScope, count: number): Promise<SeatSummary> {
  const { count: n } = parseInput(z.object({ count: seatCount }), { count });
  await withEvents(
    scope,
    (tx) => tx.seat.createMany({ data: Array.from({ length: n }, () => ({ tenantId: scope.tenantId })) }),
    () => [{ type: 'SEATS_CHANGED', subjectId: scope.tenantId, payload: { added: n } }],
  );
  return seatSummary(scope);
}

/** Releases unassigned seats; refuses, releasing none, when fewer than `count` are unassigned. */
export async function releaseSeats(scope: TenantScope, count: number): Promise<SeatSummary> {
  const { count: n } = parseInput(z.object({ count: seatCount }), { count });
  await withEvents(
    scope,
    async (tx) => {
      const released = await tx.$queryRaw<{ id: string }[]>`
        DELETE FROM "Seat" WHERE id IN (
          SELECT id FROM "Seat" WHERE "tenantId" = ${scope.tenantId}::uuid AND "userId" IS NULL
          ORDER BY "createdAt" DESC LIMIT ${n} FOR UPDATE SKIP LOCKED)
        RETURNING id`;
      // Throwing rolls the deletes back; what was deleted is what was unassigned.
      if (released.length < n) throw new SeatsInUseError(n, released.length);
    },
    () => [{ type: 'SEATS_CHANGED', subjectId: scope.tenantId, payload: { released: n } }],
  );
  return seatSummary(scope);
}

async function activeUser(scope: TenantScope, userId: string) {
  const user = await findUser(scope, userId);
  if (user.deactivatedAt) throw ValidationError.of('userId', 'belongs to a deactivated user; reactivate them first');
  return user;
}

/** Claims one free seat for the user; null when none is free right now or the user got one meanwhile. */
async function claimFreeSeat(scope: TenantScope, userId: string): Promise<string | null> {
  try {
    const claimed = await withEvents(
      scope,
      async (tx) => {
        const rows = await tx.$queryRaw<{ id: string }[]>`
          UPDATE "Seat" SET "userId" = ${userId}::uuid, "assignedAt" = now()
          WHERE id = (
            SELECT id FROM "Seat" WHERE "tenantId" = ${scope.tenantId}::uuid AND "userId" IS NULL
            ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
          RETURNING id`;
        return rows[0]?.id ?? null;
      },
      (id) => (id ? [{ type: 'SEAT_ASSIGNED', subjectId: id, payload: { userId } }] : []),
    );
    return claimed;
  } catch (error) {
    if (isUniqueViolation(error)) return null; // a concurrent call gave this user a seat first
    throw error;
  }
}

const CLAIM_ATTEMPTS = 8;

/**
 * Gives the user a free seat; a user who already holds one keeps it. Concurrent
 * calls never assign more seats than were bought: each claims a distinct free
 * row, and a user can hold only one (unique index). SKIP LOCKED can miss seats
 * that other calls hold for a moment, so a miss while seats are still free is
 * tried again.
 */
export async function assignSeat(scope: TenantScope, userId: string) {
  await activeUser(scope, userId);
  for (let attempt = 1; ; attempt++) {
    const held = await scope.db.seat.findUnique({ where: { userId } });
    if (held) return held;
    const claimed = await claimFreeSeat(scope, userId);
    if (claimed) {
      return scope.db.seat.findUniqueOrThrow({ where: { id: claimed } });
    }
    const { purchased, assigned, available } = await seatSummary(scope);
    if (available === 0 || attempt === CLAIM_ATTEMPTS) {
      const again = await scope.db.seat.findUnique({ where: { userId } });
      if (again) return again;
      throw new SeatLimitReachedError(purchased, assigned);
    }
    await new Promise((resolve) => setTimeout(resolve, attempt * 5));
  }
}

/** Frees the user's seat, if they hold one. */
export async function unassignSeat(scope: TenantScope, userId: string) {
  const user = await findUser(scope, userId);
  const seat = await scope.db.seat.findUnique({ where: { userId } });
  if (seat) {
    // Only while this user still holds it: a reassignment in between moved it to someone else.
    await withEvents(
      scope,
      (tx) => tx.seat.updateMany({ where: { id: seat.id, userId }, data: { userId: null, assignedAt: null } }),
      ({ count }) => (count ? [{ type: 'SEAT_UNASSIGNED', subjectId: seat.id, payload: { userId } }] : []),
    );
  }
  return user;
}

/** Moves a seat from one user to another in one step, so it is never free in between. */
export async function reassignSeat(scope: TenantScope, fromUserId: string, toUserId: string) {
  if (fromUserId === toUserId) throw ValidationError.of('toUserId', 'must differ from fromUserId');
  await findUser(scope, fromUserId);
  await activeUser(scope, toUserId);
  const seat = await scope.db.seat.findUnique({ where: { userId: fromUserId } });
  if (!seat) throw new NotFoundError('Seat of user', fromUserId);
  try {
    return await withEvents(
      scope,
      (tx) =>
        tx.seat.update({
          where: { id: seat.id, userId: fromUserId },
          data: { userId: toUserId, assignedAt: new Date() },
        }),
      (moved) => [{ type: 'SEAT_ASSIGNED', subjectId: moved.id, payload: { userId: toUserId, fromUserId } }],
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError('toUserId', 'That user already holds a seat.');
    // The seat changed hands between the read and the update (a concurrent reassignment).
    if ((error as { code?: string }).code === 'P2025') throw new NotFoundError('Seat of user', fromUserId);
    throw error;
  }
}
