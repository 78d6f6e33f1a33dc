import { isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../schema/index.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { type Hiring, setUpHiring } from '../test/messaging-fixture.ts';
import {
  type Answer,
  firstSseEvent,
  type InputPosition,
  inputPaths,
  operationAt,
  rootInputPositions,
} from '../test/schema-inputs.ts';

/** Scalars that carry caller-written text: a String, or a string inside a JSON object. */
const TEXT_SCALARS = new Set(['String', 'JSONObject']);
const isText = (named: { name: string }) => TEXT_SCALARS.has(named.name);

/** Every String (or JSON) argument and input field on the schema's root fields. */
const textPositions = () => rootInputPositions(isText);

/** `Type.field(arg)` for every String argument of a field below the root types (connection cursors today). */
function nestedTextArguments(): string[] {
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  return Object.values(schema.getTypeMap()).flatMap((type) =>
    isObjectType(type) && !roots.has(type) && !type.name.startsWith('__')
      ? Object.values(type.getFields()).flatMap((f) =>
          f.args.flatMap((a) =>
            inputPaths(a.type, isText).map((p) => `${type.name}.${f.name}(${[a.name, ...p].join('.')})`),
          ),
        )
      : [],
  );
}

const NUL_TEXT = 'x\u0000y';

/** The operation that calls the position's field with a NUL in that text (or, `clean`, without one). */
const operation = (p: InputPosition, clean = false) =>
  operationAt(p, {
    targeted: !clean,
    scalar: (name, atTarget) =>
      name === 'ID'
        ? 'garbage'
        : atTarget && name === 'String'
          ? NUL_TEXT
          : atTarget && name === 'JSONObject'
            ? { nulKey: NUL_TEXT }
            : undefined,
    validationFields: 'field issues { field }',
  });

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
          ? firstSseEvent(server.url, op, credential)
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
