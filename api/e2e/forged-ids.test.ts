import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { type Hiring, setUpHiring } from '../test/messaging-fixture.ts';
import {
  type Answer,
  firstSseEvent,
  type InputPosition,
  operationAt,
  rootInputPositions,
} from '../test/schema-inputs.ts';

/** Every argument and input field of type ID on the schema's root fields. */
const idPositions = () => rootInputPositions((named) => named.name === 'ID');

/** The operation that calls the position's field with `id` in it (and in every other ID it requires). */
const operation = (p: InputPosition, id: string) =>
  operationAt(p, { scalar: (name) => (name === 'ID' ? id : undefined), validationFields: 'field message' });

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
          ? firstSseEvent(server.url, op, credential)
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
