import { GraphQLError } from 'graphql';
import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { useErrorCodes } from './error-codes.ts';

const yoga = createYoga({
  schema: createSchema({
    typeDefs: 'type Query { broken: String, refused: String, coded: String }',
    resolvers: {
      Query: {
        broken: () => {
          throw new Error('a bug');
        },
        refused: () => {
          throw new GraphQLError('refused without a code');
        },
        coded: () => {
          throw new GraphQLError('refused', { extensions: { code: 'NOT_FOUND' } });
        },
      },
    },
  }),
  plugins: [useErrorCodes()],
  logging: false,
});

async function errorsOf(query: string) {
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return ((await response.json()) as { errors: { message: string; extensions?: { code?: string } }[] }).errors;
}

describe('useErrorCodes', () => {
  it('codes a masked failure and a resolver error without a code INTERNAL_SERVER_ERROR, and keeps a code set on purpose', async () => {
    const errors = await errorsOf('{ broken refused coded }');
    expect(errors.map((e) => [e.message, e.extensions?.code])).toEqual([
      ['Unexpected error.', 'INTERNAL_SERVER_ERROR'],
      ['refused without a code', 'INTERNAL_SERVER_ERROR'],
      ['refused', 'NOT_FOUND'],
    ]);
  });
});
