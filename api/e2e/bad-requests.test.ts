import { request as httpRequest } from 'node:http';
import { type Client, createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type TestServer, type TestTenant } from '../test/harness.ts';

type ErrorJson = { message: string; extensions?: Record<string, unknown> };
type Answer = { status: number; errors: ErrorJson[]; text: string };

let server: TestServer;
let tenant: TestTenant;
let ws: Client;

beforeAll(async () => {
  server = await startTestServer({ env: { GRAPHQL_MAX_BODY_BYTES: '16384' } });
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

/** Error-level (50+) log lines written while `run` ran. */
async function errorLogsOf<T>(run: () => Promise<T>): Promise<{ result: T; errorLines: string[] }> {
  const from = server.logs.lines.length;
  const result = await run();
  const errorLines = server.logs.lines.slice(from).filter((l) => (JSON.parse(l) as { level: number }).level >= 50);
  return { result, errorLines };
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  let errors: ErrorJson[] = [];
  try {
    const parsed = JSON.parse(text.startsWith(':') ? (/data: (.+)/.exec(text)?.[1] ?? '{}') : text);
    errors = parsed.errors ?? [];
  } catch {
    // not JSON: no errors to read
  }
  return { status: response.status, errors, text };
}

const auth = () => ({ authorization: `Bearer ${tenant.apiKey}` });
const get = (search: string, accept = 'application/graphql-response+json') =>
  fetch(`${server.url}?${search}`, { headers: { accept, ...auth() } }).then(answer);
const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(server.url, { method: 'POST', headers: { accept: 'application/json', ...auth(), ...headers }, body }).then(
    answer,
  );

const badRequests: [string, () => Promise<Answer>, number, string, RegExp][] = [
  [
    'GET with extensions that are not JSON',
    () => get('query={viewer{kind}}&extensions=%7Bbad'),
    400,
    'BAD_REQUEST',
    /extensions/,
  ],
  [
    'GET with variables that are not JSON',
    () => get('query={viewer{kind}}&variables={bad'),
    400,
    'BAD_REQUEST',
    /variables/,
  ],
  [
    'SSE GET with variables that are not JSON',
    () => get('query={viewer{kind}}&variables={bad', 'text/event-stream'),
    400,
    'BAD_REQUEST',
    /variables/,
  ],
  [
    'a numeric operationName',
    () => post('{"query":"{ viewer { kind } }","operationName":1}'),
    400,
    'BAD_REQUEST',
    /operationName/,
  ],
  [
    'an object as operationName',
    () => post('{"query":"{ viewer { kind } }","operationName":{"a":1}}'),
    400,
    'BAD_REQUEST',
    /operationName/,
  ],
  [
    'a multipart body whose operations are not JSON',
    () => {
      const form = new FormData();
      form.set('operations', '{bad');
      form.set('map', '{}');
      return fetch(server.url, { method: 'POST', headers: { accept: 'application/json', ...auth() }, body: form }).then(
        answer,
      );
    },
    400,
    'BAD_REQUEST',
    /operations/,
  ],
  [
    'a text/plain body',
    () => post('{ viewer { kind } }', { 'content-type': 'text/plain' }),
    415,
    'BAD_REQUEST',
    /application\/json/,
  ],
  ['a body without content-type', () => post('{ viewer { kind } }', {}), 415, 'BAD_REQUEST', /application\/json/],
  [
    'accept: application/xml only',
    () => post('{"query":"{ viewer { kind } }"}', { 'content-type': 'application/json', accept: 'application/xml' }),
    406,
    'BAD_REQUEST',
    /application\/json/,
  ],
];

describe('bad requests are 4xx with a code and a message saying what to send, and no error-level log', () => {
  it.each(badRequests)('%s', async (_name, send, status, code, message) => {
    const { result, errorLines } = await errorLogsOf(send);
    expect(result.status, result.text).toBe(status);
    expect(result.errors.length, result.text).toBeGreaterThan(0);
    for (const error of result.errors) {
      expect(error.extensions?.code).toBe(code);
      expect(error.message).toMatch(message);
    }
    expect(errorLines).toEqual([]);
  });

  it('a chunked body over the limit: 413 LIMIT_EXCEEDED with limit and max', async () => {
    const body = JSON.stringify({ query: `{ viewer { kind } } # ${'x'.repeat(20000)}` });
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpRequest(
        server.url,
        { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
        (res) => {
          let data = '';
          res.on('data', (c) => {
            data += c;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: data }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10000));
      req.end(body.slice(10000));
    });
    expect(status).toBe(413);
    const errors = (JSON.parse(text) as { errors: ErrorJson[] }).errors;
    expect(errors[0]?.extensions).toEqual({ code: 'LIMIT_EXCEEDED', limit: 'bodyBytes', max: 16384 });
  });

  it('first: -1 is VALIDATION naming the page size, without an error-level log', async () => {
    const { result, errorLines } = await errorLogsOf(() =>
      server.post({ query: '{ tenant { users(first: -1) { edges { cursor } } } }' }, auth()),
    );
    const errors = result.body.errors ?? [];
    expect(errors.map((e) => e.extensions?.code)).toEqual(['VALIDATION']);
    expect(errors[0].message).toMatch(/between 0 and 100/);
    expect(errorLines).toEqual([]);
  });
});

/** The errors a graphql-ws operation ends with. */
function overWebSocket(payload: {
  query: string;
  operationName?: unknown;
  extensions?: unknown;
}): Promise<ErrorJson[]> {
  return new Promise((resolve, reject) => {
    const unsubscribe = ws.subscribe(payload as { query: string }, {
      next: (result) => {
        if (result.errors?.length) {
          unsubscribe();
          resolve(result.errors as ErrorJson[]);
        }
      },
      error: (error) => (Array.isArray(error) ? resolve(error as ErrorJson[]) : reject(error)),
      complete: () => resolve([]),
    });
  });
}

describe('graphql-ws errors carry the same codes as HTTP, without HTTP details', () => {
  it.each([
    [
      'two operations and no operationName',
      { query: 'query A { viewer { kind } } query B { viewer { kind } }' },
      'OPERATION_RESOLUTION_FAILURE',
    ],
    [
      'an operationName the document lacks',
      { query: 'query A { viewer { kind } }', operationName: 'B' },
      'OPERATION_RESOLUTION_FAILURE',
    ],
    [
      'a trusted-document hash that is not a string',
      { query: '', extensions: { persistedQuery: { version: 1, sha256Hash: 5 } } },
      'BAD_REQUEST',
    ],
    ['a document too large', { query: `{ ${'viewer { kind } '.repeat(600)} }` }, 'LIMIT_EXCEEDED'],
    [
      'too many ids (refused at execution)',
      { query: `{ nodes(ids: [${Array.from({ length: 101 }, () => '"x"').join(',')}]) { id } }` },
      'LIMIT_EXCEEDED',
    ],
  ])('%s', async (_name, payload, code) => {
    const errors = await overWebSocket(payload);
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error.extensions?.code).toBe(code);
      expect(error.extensions).not.toHaveProperty('http');
    }
  });
});
