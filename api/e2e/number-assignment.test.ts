import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddSendingNumberDocument,
  AssignNumberDocument,
  ConversationDocument,
  NumberActivityDocument,
  NumberUsageDocument,
  PreviewAllowanceDocument,
  SendMessageWithinAllowanceDocument,
  SetTenantTimeZoneDocument,
  UnassignNumberDocument,
} from '../../clients/generated/graphql.ts';
import { rawId, startTestServer, type TestServer } from '../test/harness.ts';
import { type Hiring, setUpHiring, usNumber } from '../test/messaging-fixture.ts';
import { optIn } from '../test/opted-in.ts';

type Client = Hiring['admin']['client'];

async function numberIds(h: Hiring) {
  const { sendingNumbers } = await h.tenant.client.request(NumberUsageDocument, {});
  return sendingNumbers.map((n) => n.id);
}

async function assign(client: Client, numberId: string, userId: string) {
  return (await client.request(AssignNumberDocument, { numberId, userId })).assignNumber;
}

async function settings(h: Hiring, input: { requireNumberAssignment?: boolean; maxUsersPerNumber?: number }) {
  const { updateTenantSettings } = await h.admin.client.request(SetTenantTimeZoneDocument, {
    timeZone: 'UTC',
    ...input,
  });
  return updateTenantSettings;
}

let n = 0;
const send = (h: Hiring, client: Client) =>
  client.request(SendMessageWithinAllowanceDocument, {
    input: { conversationId: h.conversationId, channel: 'SMS', body: 'Hello', idempotencyKey: `assigned-${n++}-key` },
  });

describe('number assignment', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { OUTBOX_WORKER: 'off' } });
  });
  afterAll(() => server?.stop());

  it('shows and sends a number’s conversations only to its assignees; an unassigned admin gets the activity report', async () => {
    const h = await setUpHiring(server);
    await optIn(h);
    const [numberId] = await numberIds(h);
    if (!numberId) throw new Error('no number');
    const readBy = async (client: Client) =>
      (await client.request(ConversationDocument, { id: h.conversationId })).conversation?.id ?? null;

    expect(await settings(h, { requireNumberAssignment: true })).toMatchObject({
      __typename: 'Tenant',
      sendPolicy: { requireNumberAssignment: true, maxUsersPerNumber: 3 },
    });
    // On the hiring team but assigned to no number: the thread is not there, for reading or sending.
    expect(await readBy(h.recruiter.client)).toBeNull();
    expect(await readBy(h.admin.client)).toBeNull();
    expect((await send(h, h.recruiter.client)).sendMessage).toMatchObject({ code: 'NOT_FOUND' });

    expect(await assign(h.admin.client, numberId, h.recruiter.user.id)).toMatchObject({ __typename: 'SendingNumber' });
    expect(await readBy(h.recruiter.client)).toBe(h.conversationId);
    const sent = (await send(h, h.recruiter.client)).sendMessage;
    if (sent.__typename !== 'Message') throw new Error(JSON.stringify(sent));
    const messageBy = async (token: string) =>
      (
        await server.post(
          { query: 'query($id: ID!) { node(id: $id) { id } }', variables: { id: sent.id } },
          { authorization: `Bearer ${token}` },
        )
      ).body.data?.node?.id ?? null;
    expect(await messageBy(h.recruiter.token)).toBe(sent.id);
    // Now the conversation keeps this number: an assignee of another number does not see it.
    const other = usNumber();
    const { addSendingNumber } = await server.operator.request(AddSendingNumberDocument, {
      tenantId: h.tenant.id,
      e164: other,
    });
    if (addSendingNumber.__typename !== 'SendingNumber') throw new Error(JSON.stringify(addSendingNumber));
    await h.admin.client.request(UnassignNumberDocument, { numberId, userId: h.recruiter.user.id });
    await assign(h.admin.client, addSendingNumber.id, h.recruiter.user.id);
    expect(await readBy(h.recruiter.client)).toBeNull();
    await assign(h.admin.client, numberId, h.recruiter.user.id);
    expect(await readBy(h.recruiter.client)).toBe(h.conversationId);

    // The admin, not assigned, reviews the number by counts: who sent how many, no thread, no bodies.
    expect(await readBy(h.admin.client)).toBeNull();
    expect(await messageBy(h.admin.token)).toBeNull();
    // Nor through the application: with the candidate out of reach, so is the application (a bare null), and its
    // conversation is read under the same rule, not loaded with it.
    const application = await server.app.services.prisma.application.findFirstOrThrow({
      where: { externalId: `app-${h.candidateExternalId}`, tenantId: rawId(h.tenant.id) },
    });
    const throughApplication = await server.post(
      {
        query:
          'query($id: ID!) { node(id: $id) { ... on Application { conversation { id messages { edges { node { body } } } } } } }',
        variables: { id: Buffer.from(`Application:${application.id}`).toString('base64') },
      },
      { authorization: `Bearer ${h.admin.token}` },
    );
    expect(throughApplication.body).toEqual({ data: { node: null } });
    const { numberActivity } = await h.admin.client.request(NumberActivityDocument, { numberId });
    expect(numberActivity).toMatchObject({ sent: 1, received: 0 });
    expect(numberActivity.rows).toEqual([
      { userId: h.recruiter.user.id, direction: 'OUTBOUND', status: 'QUEUED', count: 1 },
    ]);
    expect(JSON.stringify(numberActivity)).not.toContain('Hello');
    // Assigned, the admin reads the thread again; the policy says why they may not send (team, seat), not the number.
    await assign(h.admin.client, numberId, h.admin.user.id);
    expect(await readBy(h.admin.client)).toBe(h.conversationId);
    expect(await messageBy(h.admin.token)).toBe(sent.id);
    const { previewMessage } = await h.admin.client.request(PreviewAllowanceDocument, {
      input: { conversationId: h.conversationId, channel: 'SMS', body: 'Hi' },
    });
    expect(previewMessage?.refusals.map((r) => r.sendRefusal)).toEqual(['NOT_ON_HIRING_TEAM', 'NO_SEAT']);
    // A recruiter reading is not enough to send from a number they are not assigned to.
    await h.admin.client.request(UnassignNumberDocument, { numberId, userId: h.recruiter.user.id });
    expect(await readBy(h.recruiter.client)).toBeNull();
    // Turned off, the hiring-team rule alone applies again.
    await settings(h, { requireNumberAssignment: false });
    expect(await readBy(h.recruiter.client)).toBe(h.conversationId);

    // Each assignment and unassignment is an event of the tenant's log, in order, naming number and user.
    const events = await server.app.services.prisma.event.findMany({
      where: { tenantId: rawId(h.tenant.id), type: { in: ['NUMBER_ASSIGNED', 'NUMBER_UNASSIGNED'] } },
      orderBy: { id: 'asc' },
    });
    const recruiter = rawId(h.recruiter.user.id);
    expect(events.map((e) => [e.type, e.subjectId === rawId(numberId), e.payload])).toEqual([
      ['NUMBER_ASSIGNED', true, { userId: recruiter }],
      ['NUMBER_UNASSIGNED', true, { userId: recruiter }],
      ['NUMBER_ASSIGNED', false, { userId: recruiter }],
      ['NUMBER_ASSIGNED', true, { userId: recruiter }],
      ['NUMBER_ASSIGNED', true, { userId: rawId(h.admin.user.id) }],
      ['NUMBER_UNASSIGNED', true, { userId: recruiter }],
    ]);
  });

  it('refuses the 4th user on a number, and a limit below what a number has', async () => {
    const h = await setUpHiring(server);
    const [numberId] = await numberIds(h);
    if (!numberId) throw new Error('no number');
    const extra = await server.createUser(h.tenant);
    for (const u of [h.recruiter, h.outsider, h.admin]) {
      expect(await assign(h.admin.client, numberId, u.user.id)).toMatchObject({ __typename: 'SendingNumber' });
    }
    // Assigning an assignee again changes nothing.
    expect(await assign(h.admin.client, numberId, h.admin.user.id)).toMatchObject({ assignedUsers: { length: 3 } });
    expect(await assign(h.admin.client, numberId, extra.user.id)).toMatchObject({
      __typename: 'NumberAssignmentLimitReachedError',
      code: 'NUMBER_ASSIGNMENT_LIMIT_REACHED',
      limit: 3,
      assigned: 3,
    });
    // Recruiters cannot assign.
    expect(await assign(h.recruiter.client, numberId, extra.user.id)).toMatchObject({ code: 'NOT_AUTHORIZED' });
    expect(await settings(h, { maxUsersPerNumber: 2 })).toMatchObject({
      __typename: 'ConflictError',
      field: 'maxUsersPerNumber',
    });
    expect(await settings(h, { maxUsersPerNumber: 4 })).toMatchObject({ sendPolicy: { maxUsersPerNumber: 4 } });
    expect(await assign(h.admin.client, numberId, extra.user.id)).toMatchObject({ assignedUsers: { length: 4 } });
    expect(await settings(h, { maxUsersPerNumber: 0 })).toMatchObject({ __typename: 'ValidationError' });
  });

  it('holds the limit exactly when 12 admins’ assignments arrive at once', async () => {
    const h = await setUpHiring(server);
    const [numberId] = await numberIds(h);
    if (!numberId) throw new Error('no number');
    const users = await Promise.all(Array.from({ length: 12 }, () => server.createUser(h.tenant)));
    const results = await Promise.all(users.map((u) => assign(h.admin.client, numberId, u.user.id)));
    const ok = results.filter((r) => r.__typename === 'SendingNumber');
    const refused = results.filter((r) => r.__typename === 'NumberAssignmentLimitReachedError');
    expect([ok.length, refused.length]).toEqual([3, 9]);
    const { sendingNumbers } = await h.tenant.client.request(NumberUsageDocument, {});
    expect(sendingNumbers[0]?.assignedUsers).toHaveLength(3);
  });
});
