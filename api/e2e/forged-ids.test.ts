import { encodeGlobalID } from '@pothos/plugin-relay';
import {
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  isUnionType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../schema/index.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { type Hiring, setUpHiring } from '../test/messaging-fixture.ts';

/** Where an id goes: a root field, one of its arguments, and the path inside that argument's input (`input.steps.senderId`). */
type IdPosition = {
  kind: 'query' | 'mutation' | 'subscription';
  field: GraphQLField<unknown, unknown>;
  path: string[];
};

/** Paths to every ID inside an input type (lists walked through), each input type visited once per path. */
function idPaths(type: GraphQLInputType, seen: Set<string> = new Set()): string[][] {
  const named = getNamedType(type);
  if (named.name === 'ID') return [[]];
  if (!isInputObjectType(named) || seen.has(named.name)) return [];
  const next = new Set(seen).add(named.name);
  return Object.values(named.getFields()).flatMap((f) => idPaths(f.type, next).map((p) => [f.name, ...p]));
}

/** Every argument and input field of type ID on the schema's root fields, read from the schema itself. */
function idPositions(): IdPosition[] {
  const roots: [IdPosition['kind'], GraphQLObjectType | null | undefined][] = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ];
  return roots.flatMap(([kind, root]) =>
    Object.values(root?.getFields() ?? {}).flatMap((field) =>
      field.args.flatMap((arg) => idPaths(arg.type).map((p) => ({ kind, field, path: [arg.name, ...p] }))),
    ),
  );
}

/** A value of `type` with only what is required, plus the fields along `path`; every ID is `id`. */
function sampleValue(type: GraphQLInputType, id: string, path: string[]): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType, id, path);
  if (isListType(type)) return [sampleValue(type.ofType, id, path)];
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) {
      if (isNonNullType(f.type) || f.name === path[0]) {
        value[f.name] = sampleValue(f.type, id, f.name === path[0] ? path.slice(1) : []);
      }
    }
    return value;
  }
  if (isScalarType(type)) {
    const scalars: Record<string, unknown> = {
      ID: id,
      String: 'x',
      Int: 1,
      Float: 1,
      Boolean: false,
      DateTime: new Date(Date.now() + 3_600_000).toISOString(),
      JSONObject: {},
    };
    if (!(type.name in scalars)) throw new Error(`no sample value for scalar ${type.name}`);
    return scalars[type.name];
  }
  throw new Error(`no sample value for ${String(type)}`);
}

/** The operation that calls the position's field with `id` in it (and in every other ID it requires). */
function operation(p: IdPosition, id: string) {
  const args = p.field.args.filter((a) => isNonNullType(a.type) || a.name === p.path[0]);
  const variables = Object.fromEntries(
    args.map((a) => [a.name, sampleValue(a.type, id, a.name === p.path[0] ? p.path.slice(1) : [])]),
  );
  const returned = getNamedType(p.field.type);
  const validation = isUnionType(returned) && returned.getTypes().some((t) => t.name === 'ValidationError');
  const selection =
    isScalarType(returned) || isEnumType(returned)
      ? ''
      : `{ __typename${validation ? ' ... on ValidationError { field message }' : ''} }`;
  const declared = args.map((a) => `$${a.name}: ${a.type}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return {
    query: `${p.kind}${declared ? `(${declared})` : ''} { ${p.field.name}${passed ? `(${passed})` : ''} ${selection} }`,
    variables,
  };
}

type Answer = { status: number; body: { data?: any; errors?: any[] } };

const refused = (a: Answer, field: string) =>
  ['NOT_AUTHORIZED', 'UNAUTHENTICATED'].includes(a.body.errors?.[0]?.extensions?.code) ||
  a.body.data?.[field]?.__typename === 'NotAuthorizedError';

describe('a malformed or forged id in any ID argument or input field', () => {
  let server: TestServer;
  let h: Hiring;

  beforeAll(async () => {
    server = await startTestServer({ env: { OUTBOX_WORKER: 'off' } });
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

  it('is a typed VALIDATION error naming an id (node and nodes: null), never an internal error, for every position the schema has', async () => {
    const positions = idPositions();
    // The schema's id arguments today: a new one is covered without editing this test.
    expect(positions.length).toBeGreaterThan(60);
    const uuid = '00000000-0000-7000-8000-000000000000';
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    const malformed = [
      'garbage',
      '',
      '!!!',
      ' ',
      'x'.repeat(4_000),
      b64(`Conversation:not-a-uuid`),
      b64(`NoSuchType:${uuid}`),
      b64(`ConsentEvent:${uuid}`), // a type that is no node
      b64(`:${uuid}`),
      uuid, // a raw row id
    ];
    // Ids of other node types: no argument takes both, so at least one is the wrong type.
    const otherTypes = [encodeGlobalID('Seat', uuid), encodeGlobalID('Job', uuid)];
    const callers = [h.tenant.apiKey, h.admin.token, server.operatorKey, h.recruiter.token];
    const failures: string[] = [];

    for (const p of positions) {
      const name = `${p.field.name}(${p.path.join('.')})`;
      const ask = (id: string, credential: string): Promise<Answer> => {
        const op = operation(p, id);
        return p.kind === 'subscription'
          ? subscribe(op, credential)
          : server.post(op, { authorization: `Bearer ${credential}` });
      };
      // The first caller allowed to call the field at all (an operator-only mutation, a users-only query, …).
      let caller: string | undefined;
      for (const credential of callers) {
        if (!refused(await ask('garbage', credential), p.field.name)) {
          caller = credential;
          break;
        }
      }
      if (!caller) {
        failures.push(`${name}: every caller was refused, so the id was never checked`);
        continue;
      }
      const idNames = new Set(positions.filter((q) => q.field === p.field).flatMap((q) => q.path));
      const verdict = (a: Answer): 'validation' | 'null' | string => {
        const text = JSON.stringify(a.body);
        if (/INTERNAL_SERVER_ERROR|Unexpected error/.test(text) || a.status >= 500) return `internal: ${text}`;
        const union = a.body.data?.[p.field.name];
        const top = a.body.errors?.[0];
        const named = (field: string | undefined) =>
          !!field && field.split(/[.:\s]/).some((part) => idNames.has(part) || /^\d+$/.test(part));
        if (union?.__typename === 'ValidationError' && named(union.field)) return 'validation';
        if (top?.extensions?.code === 'VALIDATION' && named(top.message)) return 'validation';
        if (['node', 'nodes'].includes(p.field.name) && !a.body.errors) {
          const nodes = [a.body.data?.[p.field.name]].flat();
          if (nodes.every((n) => n === null)) return 'null';
        }
        return `neither VALIDATION naming an id nor null: ${text.slice(0, 300)}`;
      };
      for (const id of malformed) {
        const v = verdict(await ask(id, caller));
        if (v !== 'validation' && v !== 'null') failures.push(`${name} = ${JSON.stringify(id.slice(0, 40))}: ${v}`);
      }
      const others = await Promise.all(otherTypes.map(async (id) => verdict(await ask(id, caller))));
      for (const v of others) if (v.startsWith('internal')) failures.push(`${name} = another type's id: ${v}`);
      if (!['node', 'nodes'].includes(p.field.name) && !others.includes('validation')) {
        failures.push(`${name}: neither a Seat's nor a Job's id was refused as the wrong type: ${others.join(' | ')}`);
      }
    }
    expect(failures).toEqual([]);
    expect(server.logs.lines.filter((l) => JSON.parse(l).level >= 50)).toEqual([]);
  }, 240_000);
});
