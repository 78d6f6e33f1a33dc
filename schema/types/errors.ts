import {
  ConflictError,
  type DomainError,
  type ErrorCode,
  errorCodes,
  NotAuthorizedError,
  NotFoundError,
  SeatLimitReachedError,
  SeatsInUseError,
  ValidationError,
} from '../../api/domain/errors.ts';
import { builder } from '../builder.ts';

export const ErrorCodeEnum = builder.enumType('ErrorCode', { values: errorCodes });

/** Every expected failure implements Error, so a client can always ask for `... on Error { code message }`. */
export const ErrorInterface = builder.interfaceRef<DomainError>('Error').implement({
  description: 'An expected failure: the message says what went wrong and what to do next.',
  fields: (t) => ({
    message: t.exposeString('message'),
    code: t.field({ type: ErrorCodeEnum, resolve: (e) => e.code as ErrorCode }),
  }),
});

const FieldIssue = builder.objectRef<{ field: string; message: string }>('FieldIssue').implement({
  fields: (t) => ({ field: t.exposeString('field'), message: t.exposeString('message') }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  interfaces: [ErrorInterface],
  description:
    'The input was refused; `field` names the first bad input field, `issues` lists them all. Nothing was written.',
  fields: (t) => ({
    field: t.exposeString('field'),
    issues: t.field({ type: [FieldIssue], resolve: (e) => e.issues }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ entity: t.exposeString('entity'), id: t.exposeString('id') }),
});

builder.objectType(NotAuthorizedError, {
  name: 'NotAuthorizedError',
  interfaces: [ErrorInterface],
  description: 'The caller is authenticated but may not do this.',
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  interfaces: [ErrorInterface],
  description: 'The change collides with an existing row; `field` names the input that collides.',
  fields: (t) => ({ field: t.exposeString('field') }),
});

builder.objectType(SeatLimitReachedError, {
  name: 'SeatLimitReachedError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ purchased: t.exposeInt('purchased'), assigned: t.exposeInt('assigned') }),
});

builder.objectType(SeatsInUseError, {
  name: 'SeatsInUseError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ requested: t.exposeInt('requested'), unassigned: t.exposeInt('unassigned') }),
});
