import { GraphQLError } from 'graphql';

/**
 * True when Prisma (or Pothos' prisma plugin on its behalf) says a row it was
 * asked for is not there: `findUniqueOrThrow` and friends reject with
 * PrismaClientKnownRequestError code P2025, older `rejectOnNotFound` with a
 * NotFoundError. The viewer scope filtering a row out looks exactly like this
 * (a relation or node the plugin loads again on its own, with the reader), so
 * it is a routine refusal, never an internal error.
 */
export function isRecordNotFound(error: unknown): boolean {
  const seen = new Set<unknown>();
  let next: unknown = error;
  while (next && typeof next === 'object' && !seen.has(next)) {
    seen.add(next);
    const e = next as { name?: unknown; code?: unknown; originalError?: unknown; cause?: unknown };
    if (e.code === 'P2025') return true;
    // Prisma's NotFoundError has no code; Parley's own NotFoundError (a DomainError) is answered before this.
    if (e.name === 'NotFoundError' && typeof e.code !== 'string') return true;
    next = e.originalError ?? e.cause;
  }
  return false;
}

/**
 * A typed NOT_FOUND for a row Prisma did not find: the field is null (where it
 * is nullable) with this error beside it. Nothing from Prisma's message (model
 * names, the query) reaches the client. Returns null for any other error.
 */
export function recordNotFound(error: unknown, path?: readonly (string | number)[]): GraphQLError | null {
  if (!isRecordNotFound(error)) return null;
  return new GraphQLError('Not found, or not yours to read.', { path, extensions: { code: 'NOT_FOUND' } });
}
