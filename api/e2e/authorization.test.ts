import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddSendingNumberDocument,
  CreateChannelAccountDocument,
  SendMessageDocument,
  SetTenantTimeZoneDocument,
} from '../../clients/generated/graphql.ts';
import { rawId, startTestServer, type TestServer } from '../test/harness.ts';
import { type Hiring, setUpHiring, usNumber } from '../test/messaging-fixture.ts';
import { optIn } from '../test/opted-in.ts';

const nodeQuery = `query($id: ID!) { node(id: $id) { id
  ... on Candidate { phone consentHistory { evidence } }
  ... on Application { status candidate { phone } }
  ... on Message { body }
  ... on ApiKey { prefix } } }`;

describe('who may read what', () => {
  let server: TestServer;
  let h: Hiring;
  let candidateId: string;
  let applicationId: string;
  let messageId: string;

  const ask = (token: string, query: string, variables: Record<string, unknown> = {}) =>
    server.post({ query, variables }, { authorization: `Bearer ${token}` });

  beforeAll(async () => {
    server = await startTestServer();
    h = await setUpHiring(server);
    await optIn(h);
    const sent = await h.recruiter.client.request(SendMessageDocument, {
      input: { conversationId: h.conversationId, channel: 'SMS', body: 'Hello', idempotencyKey: 'authz-test-1' },
    });
    if (sent.sendMessage.__typename !== 'Message') throw new Error(JSON.stringify(sent));
    messageId = sent.sendMessage.id;
    const read = await ask(
      h.admin.token,
      'query($id: ID!) { conversation(id: $id) { candidate { id } application { id } } }',
      { id: h.conversationId },
    );
    candidateId = read.body.data.conversation.candidate.id;
    applicationId = read.body.data.conversation.application.id;
  });
  afterAll(() => server?.stop());

  it('lets the hiring team and admins read the candidate, the application and the messages', async () => {
    for (const who of [h.recruiter, h.admin]) {
      for (const id of [candidateId, applicationId, messageId]) {
        const { body } = await ask(who.token, nodeQuery, { id });
        expect(body.errors).toBeUndefined();
        expect(body.data.node.id).toBe(id);
      }
      // The hiring team with what is selected beneath each member, read with the application (no error, no extra query).
      const team = await ask(
        who.token,
        'query($id: ID!) { node(id: $id) { ... on Application { hiringTeam { name seat { id } } } } }',
        {
          id: applicationId,
        },
      );
      expect(team.body).toMatchObject({
        data: { node: { hiringTeam: [{ name: 'Rita Recruiter', seat: { id: expect.any(String) } }] } },
      });
      expect(team.body.errors).toBeUndefined();
    }
  });

  it('answers a recruiter outside the hiring team exactly as if the rows did not exist, on every path', async () => {
    const missing = encodeGlobalID('Candidate', '00000000-0000-7000-8000-000000000000');
    const { body: absent } = await ask(h.outsider.token, nodeQuery, { id: missing });
    expect(absent).toEqual({ data: { node: null } });
    for (const id of [candidateId, applicationId, messageId]) {
      const { body } = await ask(h.outsider.token, nodeQuery, { id });
      expect(body).toEqual(absent);
    }
    const { body: many } = await ask(h.outsider.token, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
      ids: [candidateId, applicationId, messageId, h.conversationId],
    });
    expect(many).toEqual({ data: { nodes: [null, null, null, null] } });
    expect(server.logs.lines.filter((l) => JSON.parse(l).level >= 50)).toEqual([]);
  });

  it('with number assignment, keeps unassigned users, admins and team members alike, out of the candidate, the application and the consent evidence', async () => {
    const other = await setUpHiring(server);
    await optIn(other);
    const read = await ask(
      other.admin.token,
      'query($id: ID!) { conversation(id: $id) { candidate { id } application { id } } }',
      { id: other.conversationId },
    );
    const ids = [read.body.data.conversation.candidate.id, read.body.data.conversation.application.id];
    const deep = `query($id: ID!) { node(id: $id) { id
      ... on Candidate { phone consentHistory { evidence } }
      ... on Application { status candidate { phone consentHistory { evidence } } } } }`;
    const { updateTenantSettings } = await other.admin.client.request(SetTenantTimeZoneDocument, {
      timeZone: 'UTC',
      requireNumberAssignment: true,
    });
    expect(updateTenantSettings).toMatchObject({ __typename: 'Tenant' });
    // The admin and the hiring-team recruiter are assigned to no number: the thread is not theirs to read.
    for (const who of [other.admin, other.recruiter]) {
      for (const id of ids) expect((await ask(who.token, deep, { id })).body).toEqual({ data: { node: null } });
      const many = await ask(who.token, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
      expect(many.body).toEqual({ data: { nodes: [null, null] } });
    }
    // The partner backend still reads it all, and with number assignment off the admin and the team read it again.
    const byKey = await server.post(
      { query: deep, variables: { id: ids[1] } },
      { authorization: `Bearer ${other.tenant.apiKey}` },
    );
    expect(byKey.body.data.node.candidate.consentHistory.length).toBeGreaterThan(0);
    await other.admin.client.request(SetTenantTimeZoneDocument, { timeZone: 'UTC', requireNumberAssignment: false });
    for (const who of [other.admin, other.recruiter]) {
      for (const id of ids) expect((await ask(who.token, deep, { id })).body.data.node.id).toBe(id);
    }
    expect(server.logs.lines.filter((l) => JSON.parse(l).level >= 50)).toEqual([]);
  });

  it('keeps the platform operator out of tenants’ candidates, messages and users', async () => {
    for (const id of [candidateId, applicationId, messageId, h.conversationId, h.recruiter.user.id]) {
      const { body } = await server.post(
        { query: 'query($id: ID!) { node(id: $id) { id } }', variables: { id } },
        { authorization: `Bearer ${server.operatorKey}` },
      );
      expect(body, `${id} ${JSON.stringify(body)}`).toEqual({ data: { node: null } });
    }
    const tenants = await server.post(
      { query: '{ tenants(first: 5) { edges { node { name users { edges { node { email } } } } } } }' },
      { authorization: `Bearer ${server.operatorKey}` },
    );
    expect(tenants.body.errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
    expect(JSON.stringify(tenants.body)).not.toContain('@example.com');
  });

  it('hides channel accounts from recruiters without telling them one exists', async () => {
    const created = await server.operator.request(CreateChannelAccountDocument, {
      tenantId: h.tenant.id,
      pluginId: 'twilio-sms',
      label: 'Hidden',
      credentials: { accountSid: `AC${'1'.repeat(32)}`, authToken: 'a'.repeat(32) },
    });
    if (created.createChannelAccount.__typename !== 'ChannelAccount') throw new Error(JSON.stringify(created));
    const id = created.createChannelAccount.id;
    expect((await ask(h.admin.token, nodeQuery, { id })).body.data.node.id).toBe(id);
    expect((await ask(h.recruiter.token, nodeQuery, { id })).body).toEqual({ data: { node: null } });
  });

  it('hides API keys from recruiters without telling them the key exists', async () => {
    const keys = await ask(h.admin.token, '{ tenant { apiKeys { id } } }');
    const keyId = keys.body.data.tenant.apiKeys[0].id;
    expect((await ask(h.admin.token, nodeQuery, { id: keyId })).body.data.node.id).toBe(keyId);
    expect((await ask(h.recruiter.token, nodeQuery, { id: keyId })).body).toEqual({ data: { node: null } });
  });

  it('refuses malformed and forged ids with a typed validation error, never an internal one', async () => {
    const forged = [
      'garbage',
      '!!!',
      '',
      Buffer.from('Conversation:not-a-uuid').toString('base64'),
      Buffer.from('NoSuchType:00000000-0000-7000-8000-000000000000').toString('base64'),
      Buffer.from('ConsentEvent:00000000-0000-7000-8000-000000000000').toString('base64'),
      h.recruiter.user.id, // a real id of another type
    ];
    for (const id of forged) {
      const { body } = await ask(h.admin.token, 'query($id: ID!) { conversation(id: $id) { id } }', { id });
      expect(body.errors?.[0]?.extensions?.code, `conversation(id: ${JSON.stringify(id)})`).toBe('VALIDATION');
      const send = await h.recruiter.client.request(SendMessageDocument, {
        input: { conversationId: id, channel: 'SMS', body: 'hi', idempotencyKey: `forged-${rawIdOr(id)}` },
      });
      expect(send.sendMessage).toMatchObject({ __typename: 'ValidationError', field: 'input.conversationId' });
    }
    for (const after of ['garbage', 'R1BDOlM6eA==', 'R1BDOk46NQ==']) {
      const page = await ask(h.admin.token, 'query($a: String) { tenant { users(after: $a) { edges { cursor } } } }', {
        a: after,
      });
      expect(page.body.errors?.[0]?.extensions?.code, `users(after: ${after})`).toBe('VALIDATION');
    }
    const node = await ask(h.admin.token, 'query($id: ID!) { node(id: $id) { id } }', { id: 'garbage' });
    expect(node.body.errors?.[0]?.extensions?.code).toBe('VALIDATION');
    expect(server.logs.text).not.toContain('unexpected error');
  });

  it('lets only the operator add sending numbers, so no tenant can claim another tenant’s inbound texts', async () => {
    const e164 = usNumber();
    const byTenant = await h.tenant.client.request(AddSendingNumberDocument, { tenantId: h.tenant.id, e164 });
    expect(byTenant.addSendingNumber.__typename).toBe('NotAuthorizedError');
    const byAdmin = await h.admin.client.request(AddSendingNumberDocument, { tenantId: h.tenant.id, e164 });
    expect(byAdmin.addSendingNumber.__typename).toBe('NotAuthorizedError');
    const stolen = await server.operator.request(AddSendingNumberDocument, {
      tenantId: (await server.createTenant()).id,
      e164: h.sendingNumber,
    });
    expect(stolen.addSendingNumber.__typename).toBe('ConflictError');
    const added = await server.operator.request(AddSendingNumberDocument, { tenantId: h.tenant.id, e164 });
    expect(added.addSendingNumber).toMatchObject({ __typename: 'SendingNumber', e164 });
  });
});

function rawIdOr(id: string): string {
  try {
    return rawId(id).slice(0, 12);
  } catch {
    return Buffer.from(id).toString('hex').slice(0, 12);
  }
}
