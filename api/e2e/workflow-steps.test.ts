import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeTwilioApi, startFakeTwilioApi } from '../../plugins/twilio-sms/testing/fake-twilio-api.ts';
import { createTestDatabase } from '../test/databases.ts';
import { rawId, startTestServer, type TestServer } from '../test/harness.ts';
import { setUpHiring, waitFor } from '../test/messaging-fixture.ts';
import { optIn } from '../test/opted-in.ts';

let seq = 0;
const unique = (prefix: string) => `${prefix}-${Date.now()}-${seq++}`;

const TEMPLATE = `mutation($input: CreateMessageTemplateInput!) { createMessageTemplate(input: $input) {
  __typename ... on MessageTemplate { id } } }`;
const CREATE = `mutation($input: WorkflowInput!) { createWorkflow(input: $input) { __typename ... on Workflow { id } } }`;
const RUN = `id status steps { position outcome reason dueAt message { body } }`;
const REPORT = `mutation($input: ApplicationStatusChangedInput!) { reportApplicationStatusChanged(input: $input) {
  ... on WorkflowTriggerResult { runs { ${RUN} } } } }`;
const RUN_BY_ID = `query($id: ID!) { node(id: $id) { ... on WorkflowRun { ${RUN} } } }`;

/**
 * Delayed steps: durable rows that a worker sends when due, after a restart
 * too; with stop-on-reply, a reply after the run started stops the rest.
 */
describe('workflow steps with delays', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let twilio: FakeTwilioApi;
  let first: TestServer;
  let second: TestServer;
  beforeAll(async () => {
    database = await createTestDatabase();
    twilio = await startFakeTwilioApi();
    first = await startTestServer({ database, twilio });
  });
  afterAll(async () => {
    await first?.stop({ keepDatabase: true });
    await second?.stop();
    await twilio?.close();
  });

  const gql = async (server: TestServer, token: string, query: string, variables: Record<string, unknown> = {}) => {
    const { body } = await server.post({ query, variables }, { authorization: `Bearer ${token}` });
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };

  it('sends a delayed step after a restart when it is due, and stops on the candidate’s reply', async () => {
    const h = await setUpHiring(first);
    await optIn(h);
    const template = async (body: string) =>
      (await gql(first, h.tenant.apiKey, TEMPLATE, { input: { name: unique('t'), body } })).createMessageTemplate.id;
    const [welcome, reminder] = [
      await template('Welcome {candidate.firstName}'),
      await template('Reminder for {job.title}'),
    ];
    await gql(first, h.tenant.apiKey, CREATE, {
      input: {
        name: 'Nudge',
        trigger: 'APPLICATION_STATUS_CHANGED',
        toStatus: 'Interview',
        stopOnReply: true,
        steps: [
          { senderId: h.recruiter.user.id, templateId: welcome, channel: 'SMS' },
          { senderId: h.recruiter.user.id, templateId: reminder, channel: 'SMS', delayMinutes: 24 * 60 },
        ],
      },
    });
    const report = async (server: TestServer) =>
      (
        await gql(server, h.tenant.apiKey, REPORT, {
          input: {
            to: 'Interview',
            event: { eventId: unique('e'), applicationExternalId: `app-${h.candidateExternalId}` },
          },
        })
      ).reportApplicationStatusChanged.runs[0];
    const started = Date.now();
    const replied = await report(first);
    const kept = await report(first);
    for (const run of [replied, kept]) {
      expect(run.status).toBe('RUNNING');
      expect(run.steps.map((s: { outcome: string }) => s.outcome)).toEqual(['SENT', 'PENDING']);
      expect(new Date(run.steps[1].dueAt).getTime()).toBeGreaterThanOrEqual(started + 24 * 3_600_000 - 1000);
    }

    // The service restarts (the first copy runs no step worker); the steps wait in the database.
    await first.stop({ keepDatabase: true });
    second = await startTestServer({ database, twilio, env: { WORKFLOW_WORKER: 'on', WORKFLOW_POLL_MS: '100' } });
    await new Promise((r) => setTimeout(r, 500));
    expect(twilio.messages.filter((m) => m.body === 'Reminder for Barista')).toEqual([]);

    // The candidate answers between the two reports' runs: the first run (started before) stops, …
    await twilio.deliverInbound(`${second.publicUrl}/webhooks/twilio-sms/platform/inbound`, {
      from: h.candidatePhone,
      to: h.sendingNumber,
      body: 'Thanks, see you then',
    });
    // … while a run started after the reply still sends (its reply check looks only after its own start).
    const afterReply = await report(second);
    const prisma = second.app.services.prisma;
    await prisma.$executeRaw`UPDATE "WorkflowRunStep" SET "dueAt" = now() - interval '1 second'
      WHERE "runId" IN (${rawId(replied.id)}::uuid, ${rawId(afterReply.id)}::uuid) AND position = 1`;
    const read = async (id: string) => (await gql(second, h.tenant.apiKey, RUN_BY_ID, { id })).node;
    const stopped = await waitFor(async () => {
      const run = await read(replied.id);
      return run.status !== 'RUNNING' && run;
    }, 'the replied run handled');
    expect(stopped).toMatchObject({
      status: 'STOPPED',
      steps: [{ outcome: 'SENT' }, { outcome: 'STOPPED_BY_REPLY', reason: 'CANDIDATE_REPLIED', message: null }],
    });
    const sent = await waitFor(async () => {
      const run = await read(afterReply.id);
      return run.status !== 'RUNNING' && run;
    }, 'the later run handled');
    expect(sent).toMatchObject({
      status: 'COMPLETED',
      steps: [{ outcome: 'SENT' }, { outcome: 'SENT', message: { body: 'Reminder for Barista' } }],
    });
    await waitFor(async () => twilio.messages.some((m) => m.body === 'Reminder for Barista'), 'the reminder sent');
    expect(twilio.messages.filter((m) => m.body === 'Reminder for Barista')).toHaveLength(1);
    // The run whose step is not due yet is untouched.
    expect((await read(kept.id)).steps[1].outcome).toBe('PENDING');

    // A worker that sent a step and died before recording it: once its lease lapses the step runs again,
    // and its idempotency key (run step id) gives back the first message instead of sending another.
    const [before] = await prisma.$queryRaw<{ messageId: string }[]>`
      UPDATE "WorkflowRunStep" SET outcome = 'PENDING', "leaseUntil" = now() - interval '1 second', "finishedAt" = NULL
      WHERE "runId" = ${rawId(afterReply.id)}::uuid AND position = 1 RETURNING "messageId"::text`;
    await prisma.$executeRaw`UPDATE "WorkflowRun" SET status = 'RUNNING' WHERE id = ${rawId(afterReply.id)}::uuid`;
    const again = await waitFor(async () => {
      const run = await read(afterReply.id);
      return run.status === 'COMPLETED' && run;
    }, 'the step run again');
    expect(again.steps[1]).toMatchObject({ outcome: 'SENT' });
    const [after] = await prisma.$queryRaw<{ messageId: string }[]>`
      SELECT "messageId"::text FROM "WorkflowRunStep" WHERE "runId" = ${rawId(afterReply.id)}::uuid AND position = 1`;
    expect(after?.messageId).toBe(before?.messageId);
    await new Promise((r) => setTimeout(r, 300));
    expect(twilio.messages.filter((m) => m.body === 'Reminder for Barista')).toHaveLength(1);
  });
});
