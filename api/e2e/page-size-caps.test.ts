import { type GraphQLOutputType, getNamedType, isInterfaceType, isObjectType, isUnionType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateWebhookEndpointDocument } from '../../clients/generated/graphql.ts';
import { schema } from '../../schema/index.ts';
import { pageSizes } from '../http/page-sizes.ts';
import { testMode } from '../test/databases.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { setUpHiring } from '../test/messaging-fixture.ts';
import { captureSql } from '../test/sql-capture.ts';

type Field = { name: string; type: GraphQLOutputType; args: readonly { name: string }[] };

/** Every field of the schema that takes a page size (`first`/`last`), as `Type.field`, with its connection type. */
const pagedFields = new Map(
  Object.values(schema.getTypeMap())
    .filter((t) => !t.name.startsWith('__') && (isObjectType(t) || isInterfaceType(t)))
    .flatMap((t) =>
      Object.values((t as { getFields(): Record<string, Field> }).getFields())
        .filter((f) => f.args.some((a) => a.name === 'first' || a.name === 'last'))
        .map((f) => {
          // A field with typed errors answers a union of its errors and the connection.
          const named = getNamedType(f.type);
          const connection = isUnionType(named)
            ? named.getTypes().find((m) => m.name.endsWith('Connection'))?.name
            : named.name;
          return [`${t.name}.${f.name}`, connection as string] as const;
        }),
    )
    .sort(([a], [b]) => a.localeCompare(b)),
);

/** The largest LIMIT among the statements (a parameter or a literal). */
function largestLimit(statements: { text: string; values: unknown[] }[]): number | null {
  let largest: number | null = null;
  for (const s of statements) {
    for (const m of s.text.matchAll(/\bLIMIT\s+(?:\$(\d+)|(\d+))/gi)) {
      const value = Number(m[1] ? s.values[Number(m[1]) - 1] : m[2]);
      if (Number.isFinite(value)) largest = Math.max(largest ?? 0, value);
    }
  }
  return largest;
}

// The page's LIMIT is read from the SQL the `pg` driver runs, so on PostgreSQL only.
describe.skipIf(testMode !== 'postgres')('page sizes', () => {
  let server: TestServer;
  /** How to reach each paged field, and as whom: the field's own arguments follow `$n`. */
  let shapes: Record<string, { query: (page: string, rows: string) => string; credential: string }>;

  beforeAll(async () => {
    server = await startTestServer({ env: { WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_WORKER: 'off' } });
    const h = await setUpHiring(server);
    const { createWebhookEndpoint: endpoint } = await h.tenant.client.request(CreateWebhookEndpointDocument, {
      input: { url: 'http://127.0.0.1:9/hook' },
    });
    if (endpoint.__typename !== 'CreatedWebhookEndpoint') throw new Error(JSON.stringify(endpoint));
    // Only the request's own statements while SQL is captured: the background loops stop.
    await server.app.outbox?.stop();
    await server.app.notifier.stop();
    await server.app.services.relay.stop();
    const key = h.tenant.apiKey;
    const period = 'filter: { from: "2020-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z" }';
    const root =
      (field: string, args = '') =>
      (page: string, rows: string) =>
        `{ ${field}(${page}${args}) ${rows} }`;
    shapes = {
      'Query.consentChanges': { query: root('consentChanges', `, ${period}`), credential: key },
      'Query.messageActivity': { query: root('messageActivity', `, ${period}`), credential: key },
      'Query.inbox': { query: root('inbox'), credential: key },
      'Query.messageTemplates': { query: root('messageTemplates'), credential: key },
      'Query.scheduledMessages': { query: root('scheduledMessages'), credential: h.admin.token },
      'Query.tenants': { query: root('tenants'), credential: server.operatorKey },
      'Query.unmatchedInboundMessages': { query: root('unmatchedInboundMessages'), credential: key },
      'Query.webhookEndpoints': { query: root('webhookEndpoints'), credential: key },
      'Query.workflowRuns': { query: root('workflowRuns'), credential: key },
      'Query.workflows': { query: root('workflows'), credential: key },
      'Tenant.users': { query: (page, rows) => `{ tenant { users(${page}) ${rows} } }`, credential: key },
      'Tenant.creditLedger': { query: (page, rows) => `{ tenant { creditLedger(${page}) ${rows} } }`, credential: key },
      'Conversation.messages': {
        query: (page, rows) => `{ conversation(id: "${h.conversationId}") { messages(${page}) ${rows} } }`,
        credential: key,
      },
      'WebhookEndpoint.deliveries': {
        query: (page, rows) =>
          `{ node(id: "${endpoint.endpoint.id}") { ... on WebhookEndpoint { deliveries(${page}) ${rows} } } }`,
        credential: key,
      },
      'Viewer.notifications': {
        query: (page, rows) => `{ viewer { notifications(${page}) ${rows} } }`,
        credential: h.admin.token,
      },
    };
  });
  afterAll(() => server?.stop());

  it('knows how to reach every paged field of the schema', () => {
    expect([...pagedFields.keys()]).toEqual(Object.keys(shapes).sort());
  });

  it.each([...pagedFields.keys()].flatMap((field) => [[field, 'first'] as const, [field, 'last'] as const]))(
    '%s(%s: 10000 in a variable) reads at most one page of 100 (or refuses)',
    async (field, arg) => {
      const shape = shapes[field];
      if (!shape) throw new Error(`add a shape for ${field}`);
      const { query, credential } = shape;
      let answer: { status: number; body: any } = { status: 0, body: null };
      const statements = await captureSql(async () => {
        answer = await server.post(
          {
            // The rows asked for (a connection asked for nothing but its __typename reads nothing).
            query: `query($n: Int) ${query(`${arg}: $n`, `{ __typename ... on ${pagedFields.get(field)} { edges { cursor } } }`)}`,
            variables: { n: 10_000 },
          },
          { authorization: `Bearer ${credential}` },
        );
      });
      const data = JSON.stringify(answer.body);
      // A field that pages one way only refuses the other with a typed error; the other answers a page.
      if (/"code":"VALIDATION"|"__typename":"ValidationError"/.test(data)) {
        expect(arg, data).toBe('last');
        return;
      }
      expect(answer.body.errors, data).toBeUndefined();
      const limit = largestLimit(statements);
      expect(limit, `${field}: no LIMIT in ${statements.map((s) => s.text).join('\n')}`).not.toBeNull();
      expect(limit).toBeLessThanOrEqual(pageSizes.max + 1);
    },
  );
});
