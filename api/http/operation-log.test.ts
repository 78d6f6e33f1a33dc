import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const requestLine = (requestId: string) =>
  server.logs.lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'request' && l.requestId === requestId);

it("names the request's GraphQL operation and its type in the request's log line", async () => {
  const tenant = await server.createTenant();
  const auth = { authorization: `Bearer ${tenant.apiKey}` };
  await server.post({ query: 'query TenantName { tenant { name } }' }, { ...auth, 'x-request-id': 'op-1' });
  await server.post(
    { query: 'query A { tenant { name } } mutation B { __typename }', operationName: 'B' },
    { ...auth, 'x-request-id': 'op-2' },
  );
  await server.post({ query: '{ tenant { name } }' }, { ...auth, 'x-request-id': 'op-3' });
  await server.post({ query: 'query Broken {', operationName: 'Broken' }, { ...auth, 'x-request-id': 'op-4' });

  expect(requestLine('op-1')).toMatchObject({ path: '/graphql', operation: 'TenantName', operationType: 'query' });
  expect(requestLine('op-2')).toMatchObject({ operation: 'B', operationType: 'mutation' });
  expect(requestLine('op-3')).toMatchObject({ operation: 'anonymous', operationType: 'query' });
  // A document that does not parse: the operation the caller asked for.
  expect(requestLine('op-4')).toMatchObject({ operation: 'Broken' });
});
