import { type Client, createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type TestServer, type TestTenant } from '../test/harness.ts';

type GraphQLErrorJson = { message: string; extensions?: { code?: unknown } };

/** Each error's code, or a note naming the message that came without one. */
function codes(errors: GraphQLErrorJson[] | undefined): string[] {
  return (errors ?? []).map((e) =>
    typeof e.extensions?.code === 'string' ? e.extensions.code : `NO CODE: ${e.message}`,
  );
}

const UUID = '00000000-0000-4000-8000-000000000000';
const globalId = (type: string) => Buffer.from(`${type}:${UUID}`).toString('base64');

describe('every GraphQL error carries extensions.code', () => {
  let server: TestServer;
  let tenant: TestTenant;
  let ws: Client;

  beforeAll(async () => {
    server = await startTestServer();
    tenant = await server.createTenant();
    ws = createClient({
      url: server.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${tenant.apiKey}` },
      retryAttempts: 0,
    });
  }, 60_000);
  afterAll(async () => {
    await ws?.dispose();
    await server?.stop();
  });

  async function http(init: {
    method?: 'GET' | 'POST';
    body?: string;
    query?: Record<string, string>;
    credential?: string | null;
  }): Promise<{ status: number; errors: GraphQLErrorJson[] }> {
    const url = new URL(server.url);
    for (const [k, v] of Object.entries(init.query ?? {})) url.searchParams.set(k, v);
    const credential = init.credential === undefined ? tenant.apiKey : init.credential;
    const response = await fetch(url, {
      method: init.method ?? 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        ...(credential ? { authorization: `Bearer ${credential}` } : {}),
      },
      body: init.body,
    });
    const text = await response.text();
    const json = JSON.parse(text) as { errors?: GraphQLErrorJson[] };
    return { status: response.status, errors: json.errors ?? [] };
  }

  const post = (query: string, variables?: unknown, extra: Record<string, unknown> = {}) =>
    http({ body: JSON.stringify({ query, variables, ...extra }) });

  const httpCases: [string, () => ReturnType<typeof http>, string][] = [
    ['a document that does not parse', () => post('{ viewer {'), 'GRAPHQL_PARSE_FAILED'],
    ['a field the schema does not have', () => post('{ noSuchField }'), 'GRAPHQL_VALIDATION_FAILED'],
    ['a required argument left out', () => post('{ user { id } }'), 'GRAPHQL_VALIDATION_FAILED'],
    [
      'two anonymous operations',
      () => post('{ viewer { __typename } } { viewer { __typename } }'),
      'OPERATION_RESOLUTION_FAILURE',
    ],
    ['a required variable not provided', () => post('query ($id: ID!) { node(id: $id) { id } }'), 'BAD_USER_INPUT'],
    [
      'a variable of the wrong type',
      () => post('query ($id: ID!) { node(id: $id) { id } }', { id: { a: 1 } }),
      'BAD_USER_INPUT',
    ],
    ['an id that is no global id', () => post('{ node(id: "not-an-id") { id } }'), 'VALIDATION'],
    ['a global id of a type that is no node', () => post(`{ node(id: "${globalId('Nope')}") { id } }`), 'VALIDATION'],
    ['a global id of another type', () => post(`{ user(id: "${globalId('Tenant')}") { id } }`), 'VALIDATION'],
    ['a list of ids with one that is no global id', () => post('{ nodes(ids: ["not-an-id"]) { id } }'), 'VALIDATION'],
    [
      'a malformed page cursor',
      () => post('{ tenant { users(first: 2, after: "garbage") { edges { cursor } } } }'),
      'VALIDATION',
    ],
    [
      'an operation name the document lacks',
      () => post('query A { viewer { __typename } }', undefined, { operationName: 'B' }),
      'OPERATION_RESOLUTION_FAILURE',
    ],
    [
      'two operations and no name',
      () => post('query A { viewer { __typename } } query B { viewer { __typename } }'),
      'OPERATION_RESOLUTION_FAILURE',
    ],
    ['a document of too many tokens', () => post(`{ ${'viewer { __typename } '.repeat(600)} }`), 'LIMIT_EXCEEDED'],
    [
      'too many directives',
      () => post(`{ viewer { __typename ${'@include(if: true) '.repeat(30)} } }`),
      'LIMIT_EXCEEDED',
    ],
    [
      'too many operations in one document',
      () =>
        post(Array.from({ length: 6 }, (_, i) => `query Q${i} { viewer { __typename } }`).join(' '), undefined, {
          operationName: 'Q0',
        }),
      'LIMIT_EXCEEDED',
    ],
    [
      'a trusted-document hash no document has',
      () =>
        http({ body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } }) }),
      'PERSISTED_QUERY_NOT_FOUND',
    ],
    ['no query at all', () => http({ body: '{}' }), 'BAD_REQUEST'],
    ['a body that is not JSON', () => http({ body: '{"query": ' }), 'BAD_REQUEST'],
    [
      'a mutation over GET',
      () => http({ method: 'GET', query: { query: 'mutation { createApiKey(name: "x") { __typename } }' } }),
      'BAD_REQUEST',
    ],
    [
      'no credential for a tenant field',
      () => http({ body: JSON.stringify({ query: '{ tenant { id } }' }), credential: null }),
      'UNAUTHENTICATED',
    ],
    [
      'an unknown credential',
      () => http({ body: JSON.stringify({ query: '{ viewer { __typename } }' }), credential: 'pk_nope' }),
      'UNAUTHENTICATED',
    ],
    [
      'a document nested too deep',
      () =>
        post(
          `{ ${'viewer { '.repeat(1)}${'__typename '}${'} '.repeat(1)} a: ${'tenant { users { edges { node { tenant { users { edges { node { tenant { users { edges { node { id } } } } } } } } } } } }'} }`,
        ),
      'LIMIT_EXCEEDED',
    ],
    [
      'too many aliases',
      () => post(`{ ${Array.from({ length: 200 }, (_, i) => `a${i}: viewer { __typename }`).join(' ')} }`),
      'LIMIT_EXCEEDED',
    ],
    [
      'a body over the size limit',
      () => post(`{ viewer { __typename } } # ${'x'.repeat(2_000_000)}`),
      'LIMIT_EXCEEDED',
    ],
  ];

  it.each(httpCases)('over HTTP: %s', async (_name, send, expected) => {
    const { errors } = await send();
    expect(errors.length).toBeGreaterThan(0);
    expect(codes(errors)).toEqual(errors.map(() => expected));
  });

  /** What a graphql-ws subscription ends with: the errors of an `error` message or of a `next` result. */
  async function overWebSocket(
    query: string,
    variables?: Record<string, unknown>,
    extensions?: Record<string, unknown>,
  ): Promise<GraphQLErrorJson[]> {
    return new Promise((resolve, reject) => {
      const unsubscribe = ws.subscribe(
        { query, variables, extensions },
        {
          next: (result) => {
            if (result.errors?.length) {
              unsubscribe();
              resolve(result.errors as GraphQLErrorJson[]);
            }
          },
          error: (error) => (Array.isArray(error) ? resolve(error as GraphQLErrorJson[]) : reject(error)),
          complete: () => resolve([]),
        },
      );
    });
  }

  const wsCases: [string, string, Record<string, unknown> | undefined, string][] = [
    ['a document that does not parse', 'subscription { tenantEvents {', undefined, 'GRAPHQL_PARSE_FAILED'],
    ['a field the schema does not have', 'subscription { noSuchField }', undefined, 'GRAPHQL_VALIDATION_FAILED'],
    [
      'a required argument left out',
      'subscription { conversationUpdated { __typename } }',
      undefined,
      'GRAPHQL_VALIDATION_FAILED',
    ],
    [
      'a required variable not provided',
      'subscription ($id: ID!) { conversationUpdated(id: $id) { __typename } }',
      undefined,
      'BAD_USER_INPUT',
    ],
    [
      'a variable of the wrong type',
      'subscription ($id: ID!) { conversationUpdated(id: $id) { __typename } }',
      { id: [1] },
      'BAD_USER_INPUT',
    ],
    [
      'an id that is no global id',
      'subscription { conversationUpdated(id: "not-an-id") { __typename } }',
      undefined,
      'VALIDATION',
    ],
    [
      'a global id of another type',
      `subscription { conversationUpdated(id: "${globalId('Tenant')}") { __typename } }`,
      undefined,
      'VALIDATION',
    ],
    [
      'a conversation that does not exist',
      `subscription { conversationUpdated(id: "${globalId('Conversation')}") { __typename } }`,
      undefined,
      'NOT_FOUND',
    ],
    ['a malformed cursor', 'subscription { tenantEvents(after: "garbage") { cursor } }', undefined, 'VALIDATION'],
    ['a query whose field fails', '{ node(id: "not-an-id") { id } }', undefined, 'VALIDATION'],
    [
      'too many aliases',
      `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: viewer { __typename }`).join(' ')} }`,
      undefined,
      'LIMIT_EXCEEDED',
    ],
    ['a document of too many tokens', `{ ${'viewer { __typename } '.repeat(600)} }`, undefined, 'LIMIT_EXCEEDED'],
  ];

  it.each(wsCases)('over graphql-ws: %s', async (_name, query, variables, expected) => {
    const errors = await overWebSocket(query, variables);
    expect(errors.length).toBeGreaterThan(0);
    expect(codes(errors)).toEqual(errors.map(() => expected));
  });

  it('over graphql-ws: a trusted-document hash no document has', async () => {
    const errors = await overWebSocket('', undefined, { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } });
    expect(errors.length).toBeGreaterThan(0);
    expect(codes(errors)).toEqual(errors.map(() => 'PERSISTED_QUERY_NOT_FOUND'));
  });

  /** The errors of a subscription over SSE (graphql-sse's distinct connections mode, as Yoga serves it). */
  async function overSse(query: string, variables?: Record<string, unknown>): Promise<GraphQLErrorJson[]> {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        authorization: `Bearer ${tenant.apiKey}`,
      },
      body: JSON.stringify({ query, variables }),
    });
    const reader = response.body?.getReader();
    if (!reader) return [];
    let text = '';
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
        const data = text
          .split('\n')
          .filter((l) => l.startsWith('data: '))
          .map((l) => JSON.parse(l.slice(6)));
        const withErrors = data.find((d: { errors?: GraphQLErrorJson[] }) => d?.errors?.length);
        if (withErrors) return withErrors.errors;
      }
    } finally {
      await reader.cancel().catch(() => {});
    }
    return [];
  }

  const sseCases: [string, string, Record<string, unknown> | undefined, string][] = [
    ['a document that does not parse', 'subscription { tenantEvents {', undefined, 'GRAPHQL_PARSE_FAILED'],
    ['a field the schema does not have', 'subscription { noSuchField }', undefined, 'GRAPHQL_VALIDATION_FAILED'],
    [
      'a required variable not provided',
      'subscription ($id: ID!) { conversationUpdated(id: $id) { __typename } }',
      undefined,
      'BAD_USER_INPUT',
    ],
    [
      'an id that is no global id',
      'subscription { conversationUpdated(id: "not-an-id") { __typename } }',
      undefined,
      'VALIDATION',
    ],
    ['a malformed cursor', 'subscription { tenantEvents(after: "garbage") { cursor } }', undefined, 'VALIDATION'],
  ];

  it.each(sseCases)('over SSE: %s', async (_name, query, variables, expected) => {
    const errors = await overSse(query, variables);
    expect(errors.length).toBeGreaterThan(0);
    expect(codes(errors)).toEqual(errors.map(() => expected));
  });
});
