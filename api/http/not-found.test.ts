import { Writable } from 'node:stream';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { PrismaClientKnownRequestError } from '@prisma/client/runtime/client';
import { pino } from 'pino';
import { expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import type { Services } from '../context.ts';
import { createGraphQLHandler } from './yoga.ts';

/**
 * Prisma's "record not found" (P2025: findUniqueOrThrow, which the prisma plugin's own loads use, when the viewer
 * scope filters the row out) reaching the GraphQL layer: a typed NOT_FOUND, never "Unexpected error." logged at
 * error level. Unit level: every model call of this client answers P2025, as a row the scope hides does.
 */
it('answers a row Prisma did not find (P2025) NOT_FOUND, logged below error level', async () => {
  const lines: { level: number; msg: string }[] = [];
  const log = pino(
    { level: 'debug' },
    new Writable({
      write(chunk, _enc, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    }),
  );
  const notFound = () =>
    Promise.reject(
      new PrismaClientKnownRequestError('No record was found for a query.', { code: 'P2025', clientVersion: '7' }),
    );
  const model = new Proxy({}, { get: () => notFound });
  const prisma: object = new Proxy(
    {},
    { has: () => true, get: (_t, key) => (key === '$extends' ? () => prisma : model) },
  );
  const yoga = createGraphQLHandler({
    services: { prisma } as unknown as Services,
    authenticate: async () => ({ kind: 'operator' }),
    log,
    graphiql: false,
    limits: loadConfig({}).graphqlLimits,
    hideSuggestions: false,
    live: { claim: () => () => {} } as never,
  });
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer operator' },
    body: JSON.stringify({
      query: `{ node(id: "${encodeGlobalID('Tenant', '00000000-0000-4000-8000-000000000000')}") { id } }`,
    }),
  });
  const body = await response.json();
  expect(body).toMatchObject({ data: { node: null }, errors: [{ path: ['node'], extensions: { code: 'NOT_FOUND' } }] });
  expect(JSON.stringify(body)).not.toMatch(/Unexpected error|No record was found/);
  expect(lines.filter((l) => l.level >= 50)).toEqual([]);
});
