import {
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  isUnionType,
} from 'graphql';
import { schema } from '../../schema/index.ts';

/**
 * For tests that walk the schema's inputs (forged ids, NUL bytes): where a value of interest goes, a
 * root field, one of its arguments and the path inside that argument's input (`input.steps.body`).
 */
export type InputPosition = {
  kind: 'query' | 'mutation' | 'subscription';
  field: GraphQLField<unknown, unknown>;
  path: string[];
};

/** Paths to every scalar `wanted` picks inside an input type (lists walked through), each input type once per path. */
export function inputPaths(
  type: GraphQLInputType,
  wanted: (named: GraphQLNamedType) => boolean,
  seen: Set<string> = new Set(),
): string[][] {
  const named = getNamedType(type);
  if (wanted(named)) return [[]];
  if (!isInputObjectType(named) || seen.has(named.name)) return [];
  const next = new Set(seen).add(named.name);
  return Object.values(named.getFields()).flatMap((f) => inputPaths(f.type, wanted, next).map((p) => [f.name, ...p]));
}

/** Every argument and input field `wanted` picks on the schema's root fields, read from the schema itself. */
export function rootInputPositions(wanted: (named: GraphQLNamedType) => boolean): InputPosition[] {
  const roots: [InputPosition['kind'], GraphQLObjectType | null | undefined][] = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ];
  return roots.flatMap(([kind, root]) =>
    Object.values(root?.getFields() ?? {}).flatMap((field) =>
      field.args.flatMap((arg) => inputPaths(arg.type, wanted).map((p) => ({ kind, field, path: [arg.name, ...p] }))),
    ),
  );
}

/** A scalar's value: `atTarget` is true at the end of the position's path. `undefined` takes the plain sample. */
export type ScalarSample = (scalar: string, atTarget: boolean) => unknown;

function sampleValue(type: GraphQLInputType, path: string[] | null, scalar: ScalarSample): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType, path, scalar);
  if (isListType(type)) return [sampleValue(type.ofType, path, scalar)];
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) {
      const onPath = path !== null && f.name === path[0];
      if (isNonNullType(f.type) || onPath) value[f.name] = sampleValue(f.type, onPath ? path.slice(1) : null, scalar);
    }
    return value;
  }
  if (isScalarType(type)) {
    const chosen = scalar(type.name, path !== null && path.length === 0);
    if (chosen !== undefined) return chosen;
    const plain: Record<string, unknown> = {
      String: 'x',
      Int: 1,
      Float: 1,
      Boolean: false,
      DateTime: new Date(Date.now() + 3_600_000).toISOString(),
      JSONObject: {},
    };
    if (!(type.name in plain)) throw new Error(`no sample value for scalar ${type.name}`);
    return plain[type.name];
  }
  throw new Error(`no sample value for ${String(type)}`);
}

/**
 * The operation that calls the position's field with only its required arguments plus the one on the path
 * (`targeted: false` leaves the target plain too), selecting `validationFields` of a ValidationError result.
 */
export function operationAt(
  p: InputPosition,
  options: { scalar: ScalarSample; validationFields: string; targeted?: boolean },
) {
  const targeted = options.targeted ?? true;
  const args = p.field.args.filter((a) => isNonNullType(a.type) || a.name === p.path[0]);
  const variables = Object.fromEntries(
    args.map((a) => [
      a.name,
      sampleValue(a.type, targeted && a.name === p.path[0] ? p.path.slice(1) : null, options.scalar),
    ]),
  );
  const returned = getNamedType(p.field.type);
  const validation = isUnionType(returned) && returned.getTypes().some((t) => t.name === 'ValidationError');
  const selection =
    isScalarType(returned) || isEnumType(returned)
      ? ''
      : `{ __typename${validation ? ` ... on ValidationError { ${options.validationFields} }` : ''} }`;
  const declared = args.map((a) => `$${a.name}: ${a.type}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return {
    query: `${p.kind}${declared ? `(${declared})` : ''} { ${p.field.name}${passed ? `(${passed})` : ''} ${selection} }`,
    variables,
  };
}

export type Answer = { status: number; body: { data?: any; errors?: any[] } };

/** A subscription over SSE: its first event, or the refusal of the request. */
export async function firstSseEvent(url: string, body: object, credential: string): Promise<Answer> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), 5_000);
  try {
    const response = await fetch(url, {
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
