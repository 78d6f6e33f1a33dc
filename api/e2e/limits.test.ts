import { request as httpRequest } from 'node:http';
import { type GraphQLField, isObjectType } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { schema } from '../../schema/index.ts';
import { startTestServer, type TestServer, type TestTenant } from '../test/harness.ts';

/** Counts every root-field resolver call in this process (the server runs in it), so a test can tell none ran. */
let resolverCalls = 0;
const rootTypes = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
for (const type of rootTypes) {
  if (!type || !isObjectType(type)) continue;
  for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
    const resolve = field.resolve;
    if (!resolve) continue;
    field.resolve = (...args) => {
      resolverCalls++;
      return resolve(...args);
    };
  }
}

type Refusal = { status: number; code?: string; limit?: string; message?: string; ms: number; resolvers: number };

/** Hostile documents, built once so the test's own CPU goes into sending them. */
const hostile = {
  /** 1,000 aliases of a user list (the issue's 3 s document). */
  thousandUserLists: `{ tenant { ${Array.from({ length: 1000 }, (_, i) => `u${i}: users(first: 100) { edges { node { id name email } } }`).join(' ')} } }`,
  /** 25 aliases: within the token limit, over the alias limit. */
  aliases: `{ tenant { ${Array.from({ length: 25 }, (_, i) => `u${i}: users(first: 1) { edges { node { id } } }`).join(' ')} } }`,
  /** 10,000 aliases, sent without credentials. */
  tenThousandAliases: `{ ${Array.from({ length: 10_000 }, (_, i) => `v${i}: viewer { kind }`).join(' ')} }`,
  /** Each fragment spreads the next twice under two aliases: 2^40 fields once expanded. */
  fragmentDoubling: `query Doubling { ...F0 }\n${Array.from(
    { length: 40 },
    (_, i) => `fragment F${i} on Query { a${i}: viewer { __typename } ...F${i + 1} b${i}: tenant { __typename } }`,
  ).join('\n')}\nfragment F40 on Query { viewer { kind } }`,
  /** 50,000 operations in one document (800 KB, under the body limit). */
  fiftyThousandOperations: Array.from({ length: 50_000 }, (_, i) => `query Q${i}{kind}`).join('\n'),
  /** 6 operations: within the token limit, over the operation limit. */
  sixOperations: Array.from({ length: 6 }, (_, i) => `query Q${i} { viewer { kind } }`).join('\n'),
  /** 100,000 levels deep (300 KB, under the body limit). */
  hundredThousandDeep: `{${'viewer{'.repeat(100_000)}kind${'}'.repeat(100_000)}}`,
  /** 20 levels deep: within the token limit, over the depth limit. */
  twentyDeep: `{ tenant { ${'users(first: 1) { edges { node { tenant { '.repeat(4)} id ${'} } } } '.repeat(4)} } }`,
  /** 200 levels deep, the shape that tripped Prisma's recursion limit. */
  twoHundredDeep: `{ tenant { ${'users(first: 1) { edges { node { tenant { '.repeat(50)} id ${'} } } } '.repeat(50)} } }`,
  /** One field 495 times in a selection set (under the token limit): graphql's validation compares every pair. */
  repeatedField: `{ ${'viewer { kind } '.repeat(495)} }`,
  /** The same through fragments: 11 fragments of one field 45 times each, spread side by side. */
  repeatedThroughFragments: `{ ${Array.from({ length: 11 }, (_, i) => `...R${i}`).join(' ')} }\n${Array.from(
    { length: 11 },
    (_, i) => `fragment R${i} on Query { ${'viewer { kind } '.repeat(9)} }`,
  ).join('\n')}`,
  /** 30 directives. */
  directives: `{ viewer { kind ${'@include(if: true) '.repeat(30)} } }`,
  /** One page of 10,000 users, nested. */
  hugePage: '{ tenant { users(first: 10000) { edges { node { id name email seat { id } } } } } }',
};

describe('GraphQL limits', () => {
  let server: TestServer;
  let acme: TestTenant;
  let auth: Record<string, string>;

  async function post(
    query: string,
    headers: Record<string, string> = {},
    variables?: unknown,
    operationName?: string,
  ): Promise<Refusal> {
    const before = resolverCalls;
    const started = performance.now();
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables, operationName }),
    });
    const body = (await response.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
    const ms = performance.now() - started;
    const error = body.errors?.[0];
    return {
      status: response.status,
      code: error?.extensions?.code as string | undefined,
      limit: error?.extensions?.limit as string | undefined,
      message: error?.message,
      ms,
      resolvers: resolverCalls - before,
    };
  }

  beforeAll(async () => {
    server = await startTestServer();
    acme = await server.createTenant('Acme');
    auth = { authorization: `Bearer ${acme.apiKey}` };
  });
  afterAll(() => server?.stop());

  it.each([
    ['1,000 aliased user lists', 'thousandUserLists', 'tokens'],
    ['25 aliased user lists', 'aliases', 'aliases'],
    ['a fragment-doubling document', 'fragmentDoubling', 'depth'],
    ['50,000 operations', 'fiftyThousandOperations', 'tokens'],
    ['6 operations', 'sixOperations', 'operations'],
    ['a 100,000-deep document', 'hundredThousandDeep', 'tokens'],
    ['a 20-deep document', 'twentyDeep', 'depth'],
    ['a 200-deep document (Prisma recursion)', 'twoHundredDeep', 'depth'],
    ['30 directives', 'directives', 'directives'],
    ['one field 495 times in a selection set', 'repeatedField', 'fieldRepeats'],
    ['one field 99 times through fragments', 'repeatedThroughFragments', 'fieldRepeats'],
    ['a page of 10,000 users', 'hugePage', 'cost'],
  ] as const)('refuses %s with 400 LIMIT_EXCEEDED before any resolver runs', async (_name, key, limit) => {
    const refused = await post(hostile[key], auth, undefined, key === 'sixOperations' ? 'Q0' : undefined);
    expect(refused).toMatchObject({ status: 400, code: 'LIMIT_EXCEEDED', limit, resolvers: 0 });
    // Unlimited, such documents took 1.5-11 s; a loaded CI machine can take a few hundred ms for a cold one.
    expect(refused.ms).toBeLessThan(2000);
  });

  it('refuses 10,000 aliases without credentials, and gives callers without credentials tighter limits', async () => {
    expect(await post(hostile.tenThousandAliases)).toMatchObject({ status: 400, code: 'LIMIT_EXCEEDED', resolvers: 0 });
    const threeAliases = '{ a: viewer { kind } b: viewer { kind } c: viewer { kind } }';
    // Authenticated first, so Yoga's validation cache holds this document as valid.
    const allowed = await post(threeAliases, auth);
    expect(allowed).toMatchObject({ status: 200, code: undefined });
    expect(await post(threeAliases)).toMatchObject({
      status: 400,
      code: 'LIMIT_EXCEEDED',
      limit: 'aliases',
      resolvers: 0,
    });
    expect(await post(threeAliases, auth)).toMatchObject({ status: 200, code: undefined });
    // 600 tokens: fine with a credential, too many without.
    // (A list literal: fields repeated this often would be refused as repeated fields.)
    const tokens600 = `{ viewer { kind } previewMessage(input: { conversationId: "x", channel: SMS, attachments: [${'"a" '.repeat(575)}] }) { __typename } }`;
    expect(await post(tokens600, auth)).toMatchObject({ status: 200 });
    expect(await post(tokens600)).toMatchObject({ status: 400, code: 'LIMIT_EXCEEDED', limit: 'tokens', resolvers: 0 });
    // Introspection stays open to anyone (GraphiQL and codegen need it).
    const { getIntrospectionQuery } = await import('graphql');
    expect(await post(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }))).toMatchObject({
      status: 200,
      code: undefined,
    });
  });

  it('caps nodes(ids:) at 100 ids, literal or in variables', async () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `id${i}`);
    const query = 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }';
    const many = await post(query, auth, { ids });
    expect(many).toMatchObject({ status: 400, code: 'LIMIT_EXCEEDED', limit: 'nodeIds', resolvers: 0 });
    expect(await post(query, auth, { ids: ids.slice(0, 101) })).toMatchObject({ limit: 'nodeIds', resolvers: 0 });
    const literal = `{ nodes(ids: [${ids
      .slice(0, 101)
      .map((id) => `"${id}"`)
      .join(',')}]) { id } }`;
    expect(await post(literal, auth)).toMatchObject({ status: 400, limit: 'nodeIds', resolvers: 0 });
    const hundred = await post(query, auth, { ids: ids.slice(0, 100) });
    expect(hundred.code).not.toBe('LIMIT_EXCEEDED');
  });

  it('returns at most 100 rows for first: 10000 given in a variable', async () => {
    await Promise.all(
      Array.from({ length: 101 }, (_, i) =>
        server.post(
          { query: `mutation { createUser(input: { name: "P${i}", email: "p${i}@example.com" }) { __typename } }` },
          auth,
        ),
      ),
    );
    const page = await server.post(
      { query: 'query($n: Int) { tenant { users(first: $n) { edges { node { id } } } } }', variables: { n: 10_000 } },
      auth,
    );
    expect(page.status).toBe(200);
    expect(page.body.data.tenant.users.edges).toHaveLength(100);
    // 101 users created first: on PGlite on a loaded 2-core machine that alone took over 30 s.
  }, 120_000);

  it('refuses a body over the limit with 413 before reading it, and closes the connection', async () => {
    const body = JSON.stringify({ query: `{ viewer { kind } }`, padding: 'x'.repeat(2 * 1024 * 1024) });
    const answer = await new Promise<{ status: number; connection?: string; json: any; closed: boolean }>(
      (resolve, reject) => {
        const req = httpRequest(server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        });
        req.on('error', reject);
        req.on('response', (res) => {
          let text = '';
          res.on('data', (d) => {
            text += d;
          });
          res.on('end', () => {
            const socket = req.socket as NonNullable<typeof req.socket>;
            const done = (closed: boolean) =>
              resolve({
                status: res.statusCode ?? 0,
                connection: res.headers.connection,
                json: JSON.parse(text),
                closed,
              });
            if (socket.destroyed) return done(true);
            socket.once('close', () => done(true));
            setTimeout(() => done(socket.destroyed), 2000);
          });
        });
        req.write(body.slice(0, 64 * 1024)); // the server answers without waiting for the rest
      },
    );
    expect(answer).toMatchObject({ status: 413, connection: 'close', closed: true });
    expect(answer.json.errors[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'bodyBytes' });

    // Without a length (chunked), Yoga stops reading at the limit.
    const chunked = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(body));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it.each([
    ['a 100,000-deep document', hostile.hundredThousandDeep, 'tokens'],
    ['a 200-deep document', hostile.twoHundredDeep, 'depth'],
    ['25 aliased user lists', hostile.aliases, 'aliases'],
    [
      'a 20-deep subscription',
      `subscription { tenantEvents { conversation { ${'application { candidate { applications { '.repeat(5)} id ${'} } } '.repeat(5)} } } }`,
      'depth',
    ],
  ])('refuses %s over SSE with 400 LIMIT_EXCEEDED before any resolver runs', async (_name, query, limit) => {
    const before = resolverCalls;
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...auth },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(5000),
    });
    const text = await response.text();
    const data = text
      .split('\n')
      .filter((l) => l.startsWith('data: '))
      .map((l) => JSON.parse(l.slice(6)));
    expect({ status: response.status, resolvers: resolverCalls - before }).toEqual({ status: 400, resolvers: 0 });
    expect(data[0]?.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit });
  });

  it('closes a WebSocket whose message is over the body limit with 1009, one info log line each, nothing on stderr', async () => {
    // graphql-ws's own handler wrote an unstructured "Internal error emitted on a WebSocket socket" to stderr for
    // each: anyone could flood it. Now one structured info line per socket, without the message.
    const stderr = vi.spyOn(console, 'error');
    const before = server.logs.lines.length;
    try {
      for (let i = 0; i < 3; i++) {
        const socket = new WebSocket(server.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
        await new Promise((resolve, reject) => {
          socket.once('open', resolve);
          socket.once('error', reject);
        });
        const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
        socket.send(JSON.stringify({ type: 'connection_init', payload: { padding: 'x'.repeat(2 * 1024 * 1024) } }));
        expect(await closed).toBe(1009);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(stderr.mock.calls.map((c) => String(c[0]))).toEqual([]);
    } finally {
      stderr.mockRestore();
    }
    const lines = server.logs.lines.slice(before);
    const refused = lines.map((l) => JSON.parse(l)).filter((l) => l.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH');
    expect(refused.map((l) => l.level)).toEqual([30, 30, 30]);
    expect(lines.join('\n')).not.toContain('xxxx');
  });

  describe('over graphql-ws', () => {
    let ws: Client;
    beforeAll(() => {
      ws = createClient({
        url: server.url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${acme.apiKey}` },
        retryAttempts: 0,
      });
    });
    afterAll(() => ws?.dispose());

    function run(query: string) {
      return new Promise<{ data?: unknown; errors?: any[] }>((resolve, reject) => {
        const results: unknown[] = [];
        ws.subscribe(
          { query },
          {
            next: (r) => results.push(r),
            error: (e) => (Array.isArray(e) ? resolve({ errors: e }) : reject(e)),
            complete: () => resolve(results[0] as { data?: unknown }),
          },
        );
      });
    }

    it('answers a 100,000-deep document with an error message, not a closed socket', async () => {
      const refused = await run(hostile.hundredThousandDeep);
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'tokens' });
      const refusedDepth = await run(hostile.twoHundredDeep);
      expect(refusedDepth.errors?.[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'depth' });
      const fine = await run('{ viewer { kind } }');
      expect(fine).toMatchObject({ data: { viewer: { kind: 'API_KEY' } } });
    });

    it('refuses subscriptions past 20 on one connection', async () => {
      const stops: (() => void)[] = [];
      const refusals: any[] = [];
      for (let i = 0; i < 25; i++) {
        stops.push(
          ws.subscribe(
            { query: 'subscription { tenantEvents { type } }' },
            { next: () => {}, error: (e) => refusals.push(e), complete: () => {} },
          ),
        );
      }
      await expect.poll(() => refusals.length, { timeout: 5000 }).toBe(5);
      await new Promise((r) => setTimeout(r, 200));
      expect(refusals).toHaveLength(5);
      for (const refusal of refusals) {
        expect(refusal[0].extensions).toMatchObject({
          code: 'LIMIT_EXCEEDED',
          limit: 'subscriptionsPerConnection',
          max: 20,
        });
      }
      for (const stop of stops) stop();
      // Once they are completed, the connection may run operations again.
      await expect.poll(async () => (await run('{ viewer { kind } }')).data, { timeout: 5000 }).toBeTruthy();
    });
  });

  it('costs a page size given by a variable as the largest page, and a bare connection as the default page', async () => {
    const aliases = Array.from(
      { length: 12 },
      (_, i) => `a${i}: tenant { users(first: $n) { edges { node { id name email seat { id } } } } }`,
    );
    const variable = await server.post(
      { query: `query($n: Int) { ${aliases.join(' ')} }`, variables: { n: 100 } },
      { ...auth },
    );
    const literal = await server.post({ query: `query { ${aliases.join(' ').replaceAll('$n', '100')} }` }, { ...auth });
    expect(literal.body.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
    expect(variable.status).toBe(400);
    expect(variable.body.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
  });

  it('costs a report page given by a variable as the largest page too (a connection inside a result union)', async () => {
    const period = 'filter: { from: "2020-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z" }';
    const report = (page: string) =>
      Array.from(
        { length: 12 },
        (_, i) =>
          `r${i}: consentChanges(first: ${page}, ${period}) { ... on QueryConsentChangesConnection { edges { node { channel fromState toState source evidence createdAt candidate { id name } actor { id name } } } } }`,
      ).join(' ');
    const literal = await post(`query { ${report('100')} }`, auth);
    expect(literal).toMatchObject({ status: 400, code: 'LIMIT_EXCEEDED', limit: 'cost' });
    const variable = await post(`query($n: Int) { ${report('$n')} }`, auth, { n: 100 });
    expect(variable).toMatchObject({ status: 400, code: 'LIMIT_EXCEEDED', limit: 'cost', resolvers: 0 });
  });

  it('keeps a trivial query and /healthz fast while hostile documents arrive', async () => {
    const bodies = [
      hostile.thousandUserLists,
      hostile.tenThousandAliases,
      hostile.fragmentDoubling,
      hostile.fiftyThousandOperations,
      hostile.hundredThousandDeep,
    ].map((query) => JSON.stringify({ query }));
    let stop = false;
    let refusedCount = 0;
    let resets = 0;
    const attackers = Array.from({ length: 4 }, async (_, i) => {
      for (let n = i; !stop; n++) {
        try {
          const res = await fetch(server.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...auth },
            body: bodies[n % bodies.length],
          });
          await res.arrayBuffer();
          if (res.status === 400) refusedCount++;
        } catch {
          resets++; // a hostile request must be answered, not cut off
        }
      }
    });
    const viewerTimes: number[] = [];
    const healthTimes: number[] = [];
    await new Promise((r) => setTimeout(r, 200));
    const until = Date.now() + 3000;
    while (Date.now() < until) {
      let started = performance.now();
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: '{"query":"{ viewer { __typename } }"}',
      });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
      viewerTimes.push(performance.now() - started);
      started = performance.now();
      const health = await fetch(new URL('/healthz', server.url));
      await health.arrayBuffer();
      healthTimes.push(performance.now() - started);
    }
    stop = true;
    await Promise.all(attackers);
    const p = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * q)] ?? 0;
    const figures = {
      hostileRefused: refusedCount,
      resets,
      viewer: { n: viewerTimes.length, p50: p(viewerTimes, 0.5), p99: p(viewerTimes, 0.99) },
      healthz: { p50: p(healthTimes, 0.5), p99: p(healthTimes, 0.99) },
    };
    console.log('while hostile documents arrive:', JSON.stringify(figures));
    expect(refusedCount).toBeGreaterThan(20);
    expect(resets).toBe(0);
    // Unlimited, one such document held the process for seconds (11 s for the fragment doubling).
    // The attackers share this process's CPU (and CI's cores), so the bounds only catch that: the
    // 50 ms aim is measured by `npm run bench:hostile` (its own process, beside baselines), not here.
    expect(figures.viewer.p50).toBeLessThan(1_000);
    expect(figures.healthz.p50).toBeLessThan(1_000);
    expect(figures.viewer.p99).toBeLessThan(2_000);
    expect(figures.healthz.p99).toBeLessThan(2_000);
  }, 30_000);
});

describe('GraphQL in production', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { NODE_ENV: 'production' } });
  });
  afterAll(() => server?.stop());

  it('hides field suggestions and serves no GraphiQL', async () => {
    const wrong = await server.post({ query: '{ viewr { kind } }' });
    expect(wrong.body.errors?.[0].message).toMatch(/Cannot query field "viewr"/);
    expect(JSON.stringify(wrong.body)).not.toMatch(/Did you mean/);
    const page = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/graphiql/i);
  });
});
