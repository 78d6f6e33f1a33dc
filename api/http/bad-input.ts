import { GraphQLError } from 'graphql';
import { pageSizes } from './page-sizes.ts';

/**
 * A request whose own input could not be used, found below the resolvers: a
 * page cursor Pothos cannot decode, or one that decodes to something that is
 * not an id (Prisma or PostgreSQL refuses it). The caller's mistake, so a
 * typed VALIDATION error, not a masked internal one.
 */
export function badInput(error: Error, path: GraphQLError['path']): GraphQLError | null {
  const e = error as {
    name?: string;
    code?: string;
    meta?: { code?: string; driverAdapterError?: { cause?: { originalCode?: string; kind?: string } } };
  };
  const cause = e.meta?.driverAdapterError?.cause;
  const invalid =
    e.name === 'PothosValidationError' ||
    e.name === 'PrismaClientValidationError' ||
    e.code === 'P2023' ||
    e.code === '22P02' ||
    e.meta?.code === '22P02' ||
    cause?.originalCode === '22P02' ||
    cause?.kind === 'InvalidInputValue';
  if (!invalid) return null;
  const pageArg = /^Argument "(first|last)" must be a non-negative integer$/.exec(String(error.message))?.[1];
  if (e.name === 'PothosValidationError' && pageArg) {
    return new GraphQLError(`${pageArg}: the page size must be between 0 and ${pageSizes.max}.`, {
      path,
      extensions: { code: 'VALIDATION' },
    });
  }
  return new GraphQLError('A cursor or id in this request is not valid: pass one that this API returned.', {
    path,
    extensions: { code: 'VALIDATION' },
  });
}
