import { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError } from './errors.ts';
import { isUniqueViolation, uniqueViolationFields } from './prisma-errors.ts';
import type { TenantScope } from './scope.ts';
import { parseInput } from './validate.ts';
import { withEvents } from './with-events.ts';

const roles = ['ADMIN', 'RECRUITER'] as const;
const name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const email = z.string().trim().toLowerCase().pipe(z.email('must be an email address')).pipe(z.string().max(320));
const externalId = z.string().trim().min(1, 'must not be empty').max(200);

const createUserInput = z.object({
  name,
  email,
  role: z.enum(roles).default('RECRUITER'),
  externalId: externalId.nullish(),
  canSend: z.boolean().default(false),
  canViewCredits: z.boolean().default(false),
  canViewReports: z.boolean().default(false),
});

const updateUserInput = z.object({
  id: z.string(),
  name: name.optional(),
  email: email.optional(),
  role: z.enum(roles).optional(),
  externalId: externalId.nullish(),
  canSend: z.boolean().optional(),
  canViewCredits: z.boolean().optional(),
  canViewReports: z.boolean().optional(),
  deactivated: z.boolean().optional(),
});

export type CreateUserInput = z.input<typeof createUserInput>;
export type UpdateUserInput = z.input<typeof updateUserInput>;

function conflictFor(error: unknown): ConflictError | undefined {
  if (!isUniqueViolation(error)) return undefined;
  return uniqueViolationFields(error).includes('externalId')
    ? new ConflictError('externalId', 'Another user in this tenant already has this externalId.')
    : new ConflictError('email', 'Another user in this tenant already has this email address.');
}

export async function createUser(scope: TenantScope, input: CreateUserInput) {
  const data = parseInput(createUserInput, input);
  try {
    return await withEvents(
      scope,
      (tx) => tx.user.create({ data: { ...data, tenantId: scope.tenantId } }),
      (user) => [{ type: 'USER_CREATED', subjectId: user.id }],
    );
  } catch (error) {
    throw conflictFor(error) ?? error;
  }
}

export async function findUser(scope: TenantScope, id: string) {
  const user = await scope.db.user.findUnique({ where: { id } });
  if (!user) throw new NotFoundError('User', id);
  return user;
}

/** Updates a user; deactivating one also frees their seat, in the same transaction. */
export async function updateUser(scope: TenantScope, input: UpdateUserInput) {
  const { id, deactivated, ...changes } = parseInput(updateUserInput, input);
  if (Object.keys(changes).length === 0 && deactivated === undefined) {
    throw ValidationError.of('input', 'names no field to change');
  }
  await findUser(scope, id);
  try {
    const user = await withEvents(
      scope,
      async (tx) => {
        const updated = await tx.user.update({
          where: { id },
          data: {
            ...changes,
            ...(deactivated === undefined ? {} : { deactivatedAt: deactivated ? new Date() : null }),
          },
        });
        const seat = deactivated ? await tx.seat.findUnique({ where: { userId: id }, select: { id: true } }) : null;
        if (seat) await tx.seat.update({ where: { id: seat.id }, data: { userId: null, assignedAt: null } });
        return { updated, freedSeat: seat?.id ?? null };
      },
      ({ updated, freedSeat }) => [
        { type: 'USER_UPDATED', subjectId: updated.id },
        ...(freedSeat ? [{ type: 'SEAT_UNASSIGNED' as const, subjectId: freedSeat, payload: { userId: id } }] : []),
      ],
    ).then((r) => r.updated);
    if (deactivated !== undefined || changes.role !== undefined) await scope.events.credentialsChanged('user', user.id);

    return user;
  } catch (error) {
    throw conflictFor(error) ?? error;
  }
}
