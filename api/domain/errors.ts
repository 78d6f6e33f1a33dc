/**
 * Parley's error vocabulary. Domain functions throw these; the schema exposes
 * each as a GraphQL type in mutation result unions, with the fields a UI needs
 * to explain the refusal and what to do next. Anything else is masked.
 */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
}

export const errorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'NOT_AUTHORIZED',
  'CONFLICT',
  'SEAT_LIMIT_REACHED',
  'SEATS_IN_USE',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export type FieldIssue = { field: string; message: string };

export class ValidationError extends DomainError {
  readonly code = 'VALIDATION';
  readonly field: string;
  constructor(readonly issues: FieldIssue[]) {
    const first = issues[0] ?? { field: 'input', message: 'is invalid' };
    super(`${first.field}: ${first.message}`);
    this.field = first.field;
  }
  static of(field: string, message: string): ValidationError {
    return new ValidationError([{ field, message }]);
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} was not found in this tenant.`);
  }
}

export class NotAuthorizedError extends DomainError {
  readonly code = 'NOT_AUTHORIZED';
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export class SeatLimitReachedError extends DomainError {
  readonly code = 'SEAT_LIMIT_REACHED';
  constructor(
    readonly purchased: number,
    readonly assigned: number,
  ) {
    super(`All ${purchased} seats are assigned. Buy more seats or unassign one first.`);
  }
}

export class SeatsInUseError extends DomainError {
  readonly code = 'SEATS_IN_USE';
  constructor(
    readonly requested: number,
    readonly unassigned: number,
  ) {
    super(`Cannot release ${requested} seats: only ${unassigned} are unassigned. Unassign seats first.`);
  }
}
