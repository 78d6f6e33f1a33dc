import {
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../schema/index.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { type Hiring, setUpHiring } from '../test/messaging-fixture.ts';

/** A root field, one of its arguments, and the path inside that argument's input to a text (`input.steps.body`). */
type TextPosition = {
  kind: 'query' | 'mutation' | 'subscription';
  field: GraphQLField<unknown, unknown>;
  path: string[];
};

/** Scalars that carry caller-written text: a String, or a string inside a JSON object. */
const TEXT_SCALARS = new Set(['String', 'JSONObject']);

/** Paths to every text inside an input type (lists walked through), each input type visited once per path. */
function textPaths(type: GraphQLInputType, seen: Set<string> = new Set()): string[][] {
  const named = getNamedType(type);
  if (TEXT_SCALARS.has(named.name)) return [[]];
  if (!isInputObjectType(named) || seen.has(named.name)) return [];
  const next = new Set(seen).add(named.name);
  return Object.values(named.getFields()).flatMap((f) => textPaths(f.type, next).map((p) => [f.name, ...p]));
}

/** Every String (or JSON) argument and input field on the schema's root fields, read from the schema itself. */
function textPositions(): TextPosition[] {
  const roots: [TextPosition['kind'], GraphQLObjectType | null | undefined][] = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ];
  return roots.flatMap(([kind, root]) =>
    Object.values(root?.getFields() ?? {}).flatMap((field) =>
      field.args.flatMap((arg) => textPaths(arg.type).map((p) => ({ kind, field, path: [arg.name, ...p] }))),
    ),
  );
}

/** `Type.field(arg)` for every String argument of a field below the root types (connection cursors today). */
function nestedTextArguments(): string[] {
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  return Object.values(schema.getTypeMap()).flatMap((type) =>
    isObjectType(type) && !roots.has(type) && !type.name.startsWith('__')
      ? Object.values(type.getFields()).flatMap((f) =>
          f.args.flatMap((a) => textPaths(a.type).map((p) => `${type.name}.${f.name}(${[a.name, ...p].join('.')})`)),
        )
      : [],
  );
}

const NUL_TEXT = 'x\u0000y';

/** A value of `type` with only what is required, plus the fields along `path`, where the text holds a NUL. */
function sampleValue(type: GraphQLInputType, path: string[] | null): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType, path);
  if (isListType(type)) return [sampleValue(type.ofType, path)];
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) {
      const onPath = path !== null && f.name === path[0];
      if (isNonNullType(f.type) || onPath) value[f.name] = sampleValue(f.type, onPath ? path.slice(1) : null);
    }
    return value;
  }
  if (isScalarType(type)) {
    const target = path !== null && path.length === 0;
    const scalars: Record<string, unknown> = {
      ID: 'garbage',
      String: target ? NUL_TEXT : 'x',
      Int: 1,
      Float: 1,
      Boolean: false,
      DateTime: new Date(Date.now() + 3_600_000).toISOString(),
      JSONObject: target ? { nulKey: NUL_TEXT } : {},
    };
    if (!(type.name in scalars)) throw new Error(`no sample value for scalar ${type.name}`);
    return scalars[type.name];
  }
  throw new Error(`no sample value for ${String(type)}`);
}

/** The operation that calls the position's field with a NUL in that text (or, `clean`, without one). */
function operation(p: TextPosition, clean = false) {
  const args = p.field.args.filter((a) => isNonNullType(a.type) || a.name === p.path[0]);
  const variables = Object.fromEntries(
    args.map((a) => [a.name, sampleValue(a.type, !clean && a.name === p.path[0] ? p.path.slice(1) : null)]),
  );
  const returned = getNamedType(p.field.type);
  const validation = isUnionType(returned) && returned.getTypes().some((t) => t.name === 'ValidationError');
  const selection =
    isScalarType(returned) || isEnumType(returned)
      ? ''
      : `{ __typename${validation ? ' ... on ValidationError { field issues { field } }' : ''} }`;
  const declared = args.map((a) => `$${a.name}: ${a.type}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return {
    query: `${p.kind}${declared ? `(${declared})` : ''} { ${p.field.name}${passed ? `(${passed})` : ''} ${selection} }`,
    variables,
  };
}

type Answer = { status: number; body: { data?: any; errors?: any[] } };

const refused = (a: Answer, field: string) =>
  ['NOT_AUTHORIZED', 'UNAUTHENTICATED', 'FORBIDDEN'].includes(a.body.errors?.[0]?.extensions?.code) ||
  a.body.data?.[field]?.__typename === 'NotAuthorizedError';

describe('a NUL byte in any text input', () => {
  let server: TestServer;
  let h: Hiring;

  beforeAll(async () => {
    server = await startTestServer({ env: { OUTBOX_WORKER: 'off', WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' } });
    h = await setUpHiring(server);
  });
  afterAll(() => server?.stop());

  /** A subscription over SSE: its first event (or the refusal of the request). */
  async function subscribe(body: object, credential: string): Promise<Answer> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), 5_000);
    try {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream',
          authorization: `Bearer ${credential}`,
        },
        body: JSON.stringify(body),
        signal: abort.signal,
      });
      if (!response.headers.get('content-type')?.includes('text/event-stream')) {
        return { status: response.status, body: await response.json() };
      }
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      let text = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
        const data = /^data: (.+)$/m.exec(text);
        if (data?.[1]) return { status: response.status, body: JSON.parse(data[1]) };
      }
      throw new Error(`stream ended without an event: ${text}`);
    } finally {
      clearTimeout(timer);
      abort.abort();
    }
  }

  it('is a ValidationError naming that field, for every String argument and input field the schema has', async () => {
    const positions = textPositions();
    // The schema's text inputs today: a new one is covered without editing this test.
    expect(positions.length).toBeGreaterThan(100);
    const callers = [h.tenant.apiKey, h.admin.token, server.operatorKey, h.recruiter.token];
    const failures: string[] = [];

    for (const p of positions) {
      const name = `${p.field.name}(${p.path.join('.')})`;
      const ask = (credential: string, clean = false): Promise<Answer> => {
        const op = operation(p, clean);
        return p.kind === 'subscription'
          ? subscribe(op, credential)
          : server.post(op, { authorization: `Bearer ${credential}` });
      };
      // The first caller allowed to call the field at all (an operator-only mutation, a users-only query, …).
      let caller: string | undefined;
      for (const credential of callers) {
        if (!refused(await ask(credential, true), p.field.name)) {
          caller = credential;
          break;
        }
      }
      if (!caller) {
        failures.push(`${name}: every caller was refused, so the text was never checked`);
        continue;
      }
      const a = await ask(caller);
      const text = JSON.stringify(a.body);
      // The field as the guard names it: the path, with list positions (`input.steps.0.body`) and a JSON key.
      const named = (field: unknown) =>
        typeof field === 'string' &&
        field
          .split('.')
          .filter((part) => !/^\d+$/.test(part) && part !== 'nulKey')
          .join('.') === p.path.join('.');
      const union = a.body.data?.[p.field.name];
      const top = a.body.errors?.[0];
      const ok =
        (union?.__typename === 'ValidationError' && named(union.field)) ||
        (top?.extensions?.code === 'VALIDATION' && named(String(top.message).split(':')[0]));
      if (!ok || a.status >= 500) failures.push(`${name}: ${text.slice(0, 300)}`);
    }
    expect(failures).toEqual([]);
    expect(server.logs.lines.filter((l) => JSON.parse(l).level >= 50)).toEqual([]);
  }, 300_000);

  it('is a VALIDATION error naming the argument in the String arguments of nested fields too', async () => {
    const { body } = await server.post(
      {
        query: `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) {
          __typename ... on CreatedWebhookEndpoint { endpoint { id } } } }`,
        variables: { input: { url: 'http://127.0.0.1:4740/hook', eventTypes: ['USER_CREATED'] } },
      },
      { authorization: `Bearer ${h.tenant.apiKey}` },
    );
    if (!body.data?.createWebhookEndpoint?.endpoint) throw new Error(JSON.stringify(body));
    const endpointId = body.data.createWebhookEndpoint.endpoint.id;
    // Where each nested field is reached from, and by whom; a new nested text argument fails here until added.
    const reach: Record<string, [string, (field: string) => string, Record<string, unknown>]> = {
      'Conversation.messages': [
        h.admin.token,
        (f) => `query($id: ID!, $v: String) { conversation(id: $id) { ${f} { __typename } } }`,
        { id: h.conversationId },
      ],
      'Tenant.creditLedger': [h.tenant.apiKey, (f) => `query($v: String) { tenant { ${f} { __typename } } }`, {}],
      'Tenant.users': [h.tenant.apiKey, (f) => `query($v: String) { tenant { ${f} { __typename } } }`, {}],
      'Viewer.notifications': [h.recruiter.token, (f) => `query($v: String) { viewer { ${f} { __typename } } }`, {}],
      'WebhookEndpoint.deliveries': [
        h.tenant.apiKey,
        (f) => `query($id: ID!, $v: String) { node(id: $id) { ... on WebhookEndpoint { ${f} { __typename } } } }`,
        { id: endpointId },
      ],
    };
    const nested = nestedTextArguments();
    expect(nested.filter((n) => !(n.slice(0, n.indexOf('(')) in reach))).toEqual([]);
    const failures: string[] = [];
    for (const position of nested) {
      const [, field, arg] = /^(\w+\.\w+)\((\w+)\)$/.exec(position) ?? [];
      const [credential, query, variables] = reach[field as string] as (typeof reach)[string];
      const name = (field as string).split('.')[1];
      // A NUL, and (for a page cursor) a value that is no cursor: both a VALIDATION error naming the argument,
      // also where a Prisma relation connection reads its cursor while its parent loads (Tenant.users).
      const values = ['after', 'before'].includes(arg as string) ? [NUL_TEXT, 'garbage'] : [NUL_TEXT];
      for (const v of values) {
        const a = await server.post(
          { query: query(`${name}(${arg}: $v)`), variables: { ...variables, v } },
          { authorization: `Bearer ${credential}` },
        );
        const refused = a.body.errors?.some(
          (e: { message: string; extensions?: { code?: string } }) =>
            e.extensions?.code === 'VALIDATION' && e.message.startsWith(`${arg}:`),
        );
        if (!refused || a.status >= 500)
          failures.push(`${position} ${JSON.stringify(v)}: ${JSON.stringify(a.body).slice(0, 300)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
