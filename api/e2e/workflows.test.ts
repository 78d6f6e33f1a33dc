import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawId, startTestServer, type TestServer } from '../test/harness.ts';
import { type Hiring, setUpHiring, usNumber, waitFor } from '../test/messaging-fixture.ts';
import { optIn } from '../test/opted-in.ts';

const MIN = 60_000;
let seq = 0;
const unique = (prefix: string) => `${prefix}-${Date.now()}-${seq++}`;
const floorMinute = (ms: number) => new Date(Math.floor(ms / MIN) * MIN).toISOString();

const TEMPLATE = `mutation($input: CreateMessageTemplateInput!) { createMessageTemplate(input: $input) {
  __typename ... on MessageTemplate { id } ... on Error { code message } } }`;
const CREATE = `mutation($input: WorkflowInput!) { createWorkflow(input: $input) {
  __typename ... on Workflow { id active stopOnReply steps { position delayMinutes senderId } }
  ... on ValidationError { issues { field message } } ... on Error { code message } } }`;
const PAUSE = `mutation($id: ID!) { pauseWorkflow(id: $id) { __typename ... on Workflow { active } } }`;
const RESUME = `mutation($id: ID!) { resumeWorkflow(id: $id) { __typename ... on Workflow { active } } }`;
const RUN = `id status partnerEventId steps { position outcome reason detail dueAt
  message { id status body scheduledFor senderName author { id } } }`;
const REPORT = `mutation($input: ApplicationStatusChangedInput!) { reportApplicationStatusChanged(input: $input) {
  __typename ... on WorkflowTriggerResult { runs { ${RUN} } alreadyRecorded { id }
    plan { position verdict text to fromNumber sendAt reason sender { name } workflow { name } } }
  ... on Error { code message } } }`;
const CTA = `mutation($input: CallToActionCompletedInput!) { reportCallToActionCompleted(input: $input) {
  __typename ... on WorkflowTriggerResult { runs { ${RUN} } } ... on Error { code message } } }`;
const RUNS = `query($filter: WorkflowRunFilter) { workflowRuns(first: 50, filter: $filter) { edges { node { ${RUN} } } } }`;
const NOTIFICATIONS = `{ viewer { notifications(first: 20) { edges { node { kind text message { id } } } } } }`;

describe('automated workflows', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const gql = async (token: string, query: string, variables: Record<string, unknown> = {}) => {
    const { body } = await server.post({ query, variables }, { authorization: `Bearer ${token}` });
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const events = (h: Hiring, type: string) =>
    server.app.services.prisma.event.findMany({
      where: { tenantId: rawId(h.tenant.id), type },
      orderBy: { id: 'asc' },
    });

  async function hiring() {
    const h = await setUpHiring(server);
    await optIn(h);
    const { createMessageTemplate: template } = await gql(h.tenant.apiKey, TEMPLATE, {
      input: {
        name: unique('invite'),
        body: 'Hi {candidate.firstName}, {recruiter.name} here: interview for {job.title}?',
      },
    });
    if (template.__typename !== 'MessageTemplate') throw new Error(JSON.stringify(template));
    return { ...h, templateId: template.id as string };
  }
  type H = Awaited<ReturnType<typeof hiring>>;

  const workflow = async (h: H, input: Record<string, unknown> = {}) => {
    const { createWorkflow } = await gql(h.tenant.apiKey, CREATE, {
      input: {
        name: unique('Interview invite'),
        trigger: 'APPLICATION_STATUS_CHANGED',
        toStatus: 'Interview',
        steps: [{ senderId: h.recruiter.user.id, templateId: h.templateId, channel: 'SMS' }],
        ...input,
      },
    });
    return createWorkflow;
  };
  const report = async (h: H, input: Record<string, unknown> = {}, event: Record<string, unknown> = {}) =>
    (
      await gql(h.tenant.apiKey, REPORT, {
        input: {
          to: 'Interview',
          event: { eventId: unique('evt'), applicationExternalId: `app-${h.candidateExternalId}`, ...event },
          ...input,
        },
      })
    ).reportApplicationStatusChanged;
  const rendered = 'Hi Cara, Rita Recruiter here: interview for Barista?';

  it("a status change sends the template as the recruiter, from the recruiter's own number", async () => {
    const h = await hiring();
    // A second number in the pool, assigned to the recruiter: the workflow's message goes from it.
    const own = usNumber();
    const { addSendingNumber } = await gql(
      server.operatorKey,
      'mutation($t: ID!, $e: String!) { addSendingNumber(tenantId: $t, e164: $e) { ... on SendingNumber { id } } }',
      { t: h.tenant.id, e: own },
    );
    await gql(h.tenant.apiKey, 'mutation($n: ID!, $u: ID!) { assignNumber(numberId: $n, userId: $u) { __typename } }', {
      n: addSendingNumber.id,
      u: h.recruiter.user.id,
    });
    const created = await workflow(h, { fromStatus: 'Screening' });
    expect(created).toMatchObject({ __typename: 'Workflow', active: true });
    expect((await events(h, 'WORKFLOW_CHANGED')).map((e) => e.payload)).toEqual([{ change: 'CREATED', active: true }]);

    // Another status, or the wrong one before it: nothing starts.
    expect((await report(h, { to: 'Offer', from: 'Screening' })).runs).toEqual([]);
    expect((await report(h, { from: 'Applied' })).runs).toEqual([]);

    const result = await report(h, { from: 'screening' });
    expect(result.runs).toHaveLength(1);
    const [run] = result.runs;
    expect(run.status).toBe('COMPLETED');
    expect(run.steps).toEqual([
      expect.objectContaining({
        position: 0,
        outcome: 'SENT',
        reason: null,
        message: expect.objectContaining({
          body: rendered,
          senderName: 'Rita Recruiter',
          author: { id: h.recruiter.user.id },
        }),
      }),
    ]);
    await waitFor(async () => h.sentToCandidate().find((m) => m.body === rendered), 'the text sent');
    expect(h.sentToCandidate().find((m) => m.body === rendered)?.from).toBe(own);
    expect((await events(h, 'WORKFLOW_RUN_STARTED')).map((e) => [e.subjectId, e.payload])).toEqual([
      [rawId(run.id), { status: 'RUNNING', trigger: 'APPLICATION_STATUS_CHANGED' }],
    ]);
    expect((await events(h, 'WORKFLOW_RUN_STEP_DONE')).map((e) => e.payload)).toEqual([
      { position: 0, outcome: 'SENT', reason: null, runStatus: 'COMPLETED' },
    ]);
  });

  it('the same event twice sends once, also when both reports arrive at once', async () => {
    const h = await hiring();
    const created = await workflow(h);
    const other = await workflow(h, { toStatus: 'Hired' });
    const eventId = unique('dup');
    const [a, b] = await Promise.all([report(h, {}, { eventId }), report(h, {}, { eventId })]);
    expect(a.runs.length + b.runs.length).toBe(1);
    const again = await report(h, {}, { eventId });
    expect(again.runs).toEqual([]);
    expect(again.alreadyRecorded).toHaveLength(1);
    await waitFor(async () => h.sentToCandidate().length >= 1, 'the text sent');
    await new Promise((r) => setTimeout(r, 300));
    expect(h.sentToCandidate().filter((m) => m.body === rendered)).toHaveLength(1);
    expect((await gql(h.tenant.apiKey, RUNS)).workflowRuns.edges).toHaveLength(1);
    // Runs filter by workflow and period.
    const count = async (filter: Record<string, unknown>) =>
      (await gql(h.tenant.apiKey, RUNS, { filter })).workflowRuns.edges.length;
    const hour = 3_600_000;
    expect(await count({ workflowId: created.id })).toBe(1);
    expect(await count({ workflowId: other.id })).toBe(0);
    expect(
      await count({ from: new Date(Date.now() - hour).toISOString(), to: new Date(Date.now() + hour).toISOString() }),
    ).toBe(1);
    expect(await count({ from: new Date(Date.now() + hour).toISOString() })).toBe(0);
  });

  it('a paused workflow sends nothing and records why; resumed, it sends again', async () => {
    const h = await hiring();
    const created = await workflow(h);
    expect((await gql(h.tenant.apiKey, PAUSE, { id: created.id })).pauseWorkflow).toEqual({
      __typename: 'Workflow',
      active: false,
    });
    const paused = await report(h);
    expect(paused.runs).toEqual([
      expect.objectContaining({
        status: 'PAUSED',
        steps: [expect.objectContaining({ outcome: 'PAUSED', reason: 'WORKFLOW_PAUSED', message: null })],
      }),
    ]);
    expect(h.sentToCandidate()).toEqual([]);
    await gql(h.tenant.apiKey, RESUME, { id: created.id });
    expect((await events(h, 'WORKFLOW_CHANGED')).map((e) => (e.payload as { change: string }).change)).toEqual([
      'CREATED',
      'PAUSED',
      'RESUMED',
    ]);
    expect((await report(h)).runs[0].status).toBe('COMPLETED');
    await waitFor(async () => h.sentToCandidate().length === 1, 'sent once resumed');
  });

  it('in quiet hours the message is scheduled for the allowed time and sent then', async () => {
    const h = await hiring();
    await gql(h.tenant.apiKey, 'mutation($i: CandidateInput!) { upsertCandidate(input: $i) { __typename } }', {
      i: { externalId: h.candidateExternalId, name: 'Cara Candidate', timeZone: 'UTC' },
    });
    const base = Date.now();
    const clock = (ms: number) => new Date(ms).toISOString().slice(11, 16);
    const quiet = { enabled: true, start: clock(base - 60 * MIN), end: clock(base + 120 * MIN) };
    await gql(
      h.tenant.apiKey,
      'mutation($i: TenantSettingsInput!) { updateTenantSettings(input: $i) { __typename } }',
      {
        i: { quietHours: quiet },
      },
    );
    await workflow(h);
    const [run] = (await report(h)).runs;
    const [step] = run.steps;
    expect(step.outcome).toBe('SCHEDULED');
    expect(step.message.status).toBe('SCHEDULED');
    expect(new Date(step.message.scheduledFor).toISOString()).toBe(floorMinute(base + 120 * MIN));
    expect(h.sentToCandidate()).toEqual([]);
    // The allowed time comes: quiet hours are over and the outbox row is due.
    await gql(
      h.tenant.apiKey,
      'mutation($i: TenantSettingsInput!) { updateTenantSettings(input: $i) { __typename } }',
      {
        i: { quietHours: { enabled: false } },
      },
    );
    await server.app.services.prisma.$executeRaw`
      UPDATE "OutboxEntry" SET "nextAttemptAt" = now() - interval '1 second' WHERE "messageId" = ${rawId(step.message.id)}::uuid`;
    await waitFor(async () => h.sentToCandidate().find((m) => m.body === rendered), 'sent at the allowed time');
  });

  it('the send policy refuses a step past the allowance or after a STOP, and the run records why', async () => {
    const h = await hiring();
    await workflow(h);
    const { sendingNumbers } = await gql(h.tenant.apiKey, '{ sendingNumbers { id e164 } }');
    const number = sendingNumbers.find((n: { e164: string }) => n.e164 === h.sendingNumber);
    await gql(
      server.operatorKey,
      'mutation($n: ID!) { setNumberAllowance(numberId: $n, monthlyAllowance: 1) { __typename } }',
      { n: number.id },
    );
    expect((await report(h)).runs[0].steps[0].outcome).toBe('SENT');
    const [exhausted] = (await report(h)).runs;
    expect(exhausted).toMatchObject({
      status: 'COMPLETED',
      steps: [{ outcome: 'REFUSED', reason: 'ALLOWANCE_EXHAUSTED', message: null }],
    });
    await gql(
      server.operatorKey,
      'mutation($n: ID!) { setNumberAllowance(numberId: $n, monthlyAllowance: null) { __typename } }',
      { n: number.id },
    );
    await h.candidateTexts('STOP');
    const [optedOut] = (await report(h)).runs;
    expect(optedOut.steps[0]).toMatchObject({ outcome: 'REFUSED', reason: 'OPTED_OUT', message: null });
    expect(optedOut.steps[0].detail).toEqual(expect.any(String));
    expect((await events(h, 'WORKFLOW_RUN_STEP_DONE')).map((e) => (e.payload as { reason: string }).reason)).toEqual([
      null,
      'ALLOWANCE_EXHAUSTED',
      'OPTED_OUT',
    ]);
    expect(h.sentToCandidate().filter((m) => m.body === rendered)).toHaveLength(1);
  });

  it('a dry run shows who would receive what from whom, and writes and sends nothing', async () => {
    const h = await hiring();
    await workflow(h, {
      name: 'Two senders',
      steps: [
        { senderId: h.recruiter.user.id, templateId: h.templateId, channel: 'SMS' },
        { senderId: h.admin.user.id, templateId: h.templateId, channel: 'SMS', delayMinutes: 60 },
      ],
    });
    const result = await report(h, {}, { dryRun: true });
    expect(result.runs).toEqual([]);
    expect(result.plan).toEqual([
      {
        position: 0,
        verdict: 'WILL_SEND',
        text: rendered,
        to: h.candidatePhone,
        fromNumber: h.sendingNumber,
        sendAt: null,
        reason: null,
        sender: { name: 'Rita Recruiter' },
        workflow: { name: 'Two senders' },
      },
      expect.objectContaining({
        position: 1,
        verdict: 'REFUSED',
        reason: 'NOT_ON_HIRING_TEAM',
        text: 'Hi Cara, Ada Admin here: interview for Barista?',
      }),
    ]);
    expect((await gql(h.tenant.apiKey, RUNS)).workflowRuns.edges).toEqual([]);
    expect(await events(h, 'WORKFLOW_RUN_STARTED')).toEqual([]);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.sentToCandidate()).toEqual([]);
  });

  it("the candidate's reply to an automated message notifies the named sender with the full text", async () => {
    const h = await hiring();
    await workflow(h);
    await report(h);
    await waitFor(async () => h.sentToCandidate().length === 1, 'sent');
    const reply = 'Yes, Thursday at 3pm works for me. Should I bring my certificates?';
    await h.candidateTexts(reply);
    const notified = await waitFor(async () => {
      const { viewer } = await gql(h.recruiter.token, NOTIFICATIONS);
      return viewer.notifications.edges.find((e: { node: { kind: string } }) => e.node.kind === 'CANDIDATE_REPLIED');
    }, 'the sender notified');
    expect(notified.node.text).toBe(reply);
    const { viewer } = await gql(h.outsider.token, NOTIFICATIONS);
    expect(viewer.notifications.edges).toEqual([]);
  });

  it('enforces the job criteria, passes a call-to-action’s values to the template, and refuses what it does not support', async () => {
    const h = await hiring();
    const chefOnly = await workflow(h, { jobTitleContains: 'chef' });
    expect(chefOnly.__typename).toBe('Workflow');
    expect((await report(h)).runs).toEqual([]);
    const { createMessageTemplate: link } = await gql(h.tenant.apiKey, TEMPLATE, {
      input: { name: unique('book'), body: 'Book your slot: {interview.bookingLink}' },
    });
    const jobId = (
      await gql(h.tenant.apiKey, 'query($id: ID!) { conversation(id: $id) { application { job { id } } } }', {
        id: h.conversationId,
      })
    ).conversation.application.job.id;
    await workflow(h, {
      trigger: 'CALL_TO_ACTION_COMPLETED',
      toStatus: null,
      callToAction: 'assessment',
      jobIds: [jobId],
      steps: [{ senderId: h.recruiter.user.id, templateId: link.id, channel: 'SMS' }],
    });
    const { reportCallToActionCompleted } = await gql(h.tenant.apiKey, CTA, {
      input: {
        callToAction: 'Assessment',
        event: {
          eventId: unique('cta'),
          applicationExternalId: `app-${h.candidateExternalId}`,
          values: [{ name: 'interview.bookingLink', value: 'https://book.example.com/x1' }],
        },
      },
    });
    expect(reportCallToActionCompleted.runs[0].steps[0]).toMatchObject({
      outcome: 'SENT',
      message: { body: 'Book your slot: https://book.example.com/x1' },
    });
    // Without the value the template needs, the step is refused, and says why.
    const { reportCallToActionCompleted: missing } = await gql(h.tenant.apiKey, CTA, {
      input: {
        callToAction: 'assessment',
        event: { eventId: unique('cta'), applicationExternalId: `app-${h.candidateExternalId}` },
      },
    });
    expect(missing.runs[0].steps[0]).toMatchObject({ outcome: 'REFUSED', reason: 'VALIDATION', message: null });

    const invalid = await workflow(h, {
      toStatus: null,
      callToAction: 'x',
      steps: [{ senderId: h.recruiter.user.id, templateId: h.templateId, channel: 'SMS', delayMinutes: -1 }],
    });
    expect(invalid.__typename).toBe('ValidationError');
    expect(invalid.issues.map((i: { field: string }) => i.field)).toEqual(['input.steps.0.delayMinutes']);
    // Another tenant's template is not one of yours.
    const other = await server.createTenant();
    const { createMessageTemplate: theirs } = await gql(other.apiKey, TEMPLATE, {
      input: { name: unique('theirs'), body: 'Hello' },
    });
    const refs = await workflow(h, {
      steps: [{ senderId: h.recruiter.user.id, templateId: theirs.id, channel: 'SMS' }],
    });
    expect(refs.issues).toEqual([{ field: 'input.steps.0.templateId', message: 'is not a template of your tenant' }]);
    const mixed = await workflow(h, { callToAction: 'x' });
    expect(mixed.issues).toEqual([{ field: 'input.callToAction', message: 'is only for CALL_TO_ACTION_COMPLETED' }]);
  });

  it('an update replaces the definition and a delete stops the workflow, each a WORKFLOW_CHANGED event', async () => {
    const h = await hiring();
    const created = await workflow(h);
    const { updateWorkflow } = await gql(
      h.tenant.apiKey,
      `mutation($id: ID!, $input: WorkflowInput!) { updateWorkflow(id: $id, input: $input) {
        __typename ... on Workflow { toStatus steps { position } } } }`,
      {
        id: created.id,
        input: {
          name: 'Offer',
          trigger: 'APPLICATION_STATUS_CHANGED',
          toStatus: 'Offer',
          steps: [{ senderId: h.recruiter.user.id, templateId: h.templateId, channel: 'SMS' }],
        },
      },
    );
    expect(updateWorkflow).toEqual({ __typename: 'Workflow', toStatus: 'Offer', steps: [{ position: 0 }] });
    expect((await report(h)).runs).toEqual([]);
    expect((await report(h, { to: 'Offer' })).runs).toHaveLength(1);
    const { deleteWorkflow } = await gql(
      h.tenant.apiKey,
      'mutation($id: ID!) { deleteWorkflow(id: $id) { __typename ... on MutationDeleteWorkflowSuccess { data } } }',
      { id: created.id },
    );
    expect(deleteWorkflow.data).toBe(created.id);
    expect((await report(h, { to: 'Offer' })).runs).toEqual([]);
    expect((await events(h, 'WORKFLOW_CHANGED')).map((e) => (e.payload as { change: string }).change)).toEqual([
      'CREATED',
      'UPDATED',
      'DELETED',
    ]);
    expect((await gql(h.tenant.apiKey, RUNS)).workflowRuns.edges).toEqual([]);
  });

  it('only admins and API keys manage workflows and read runs; only the partner backend reports events', async () => {
    const h = await hiring();
    const byRecruiter = await gql(h.recruiter.token, CREATE, {
      input: {
        name: 'x',
        trigger: 'APPLICATION_STATUS_CHANGED',
        toStatus: 'Interview',
        steps: [{ senderId: h.recruiter.user.id, templateId: h.templateId, channel: 'SMS' }],
      },
    });
    expect(byRecruiter.createWorkflow).toMatchObject({ code: 'NOT_AUTHORIZED' });
    const byAdmin = await gql(h.admin.token, REPORT, {
      input: { to: 'Interview', event: { eventId: 'e-1', applicationExternalId: `app-${h.candidateExternalId}` } },
    });
    expect(byAdmin.reportApplicationStatusChanged).toMatchObject({ code: 'NOT_AUTHORIZED' });
    const unknown = await report(h, {}, { applicationExternalId: 'no-such-application' });
    expect(unknown).toMatchObject({ __typename: 'NotFoundError' });
    const { body } = await server.post({ query: RUNS }, { authorization: `Bearer ${h.recruiter.token}` });
    expect(body.errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
  });

  it('caps what one event can start (5 active workflows per trigger) and how many workflows a tenant keeps (50)', async () => {
    const h = await hiring();
    const ten = Array.from({ length: 10 }, () => ({
      senderId: h.recruiter.user.id,
      templateId: h.templateId,
      channel: 'SMS',
    }));
    // Four from any status and one from Screening all start on Screening → Interview: five is the cap.
    for (let i = 0; i < 4; i++) expect((await workflow(h, { steps: ten })).__typename).toBe('Workflow');
    expect((await workflow(h, { fromStatus: 'Screening' })).__typename).toBe('Workflow');
    const sixth = await workflow(h, { fromStatus: 'screening ' });
    expect(sixth.__typename).toBe('ValidationError');
    expect(sixth.issues[0].field).toBe('input.toStatus');
    expect(sixth.issues[0].message).toContain('more than 5 active workflows');
    // From another status only the four without fromStatus start with it; a sixth from any status would not.
    const fromApplied = await workflow(h, { fromStatus: 'Applied' });
    expect(fromApplied.__typename).toBe('Workflow');
    expect((await workflow(h)).__typename).toBe('ValidationError');
    // Paused ones do not count; resuming one past the cap is refused, and so is an update onto a full trigger.
    const paused = await workflow(h, { toStatus: 'Offer' });
    await gql(h.tenant.apiKey, PAUSE, { id: paused.id });
    const UPDATE = `mutation($id: ID!, $input: WorkflowInput!) { updateWorkflow(id: $id, input: $input) {
      __typename ... on ValidationError { issues { field message } } } }`;
    const offer = await workflow(h, { toStatus: 'Offer' });
    const onto = await gql(h.tenant.apiKey, UPDATE, {
      id: offer.id,
      input: { name: 'x', trigger: 'APPLICATION_STATUS_CHANGED', toStatus: 'INTERVIEW', steps: ten.slice(0, 1) },
    });
    expect(onto.updateWorkflow.__typename).toBe('ValidationError');
    const { updateWorkflow: moved } = await gql(h.tenant.apiKey, UPDATE, {
      id: paused.id,
      input: { name: 'y', trigger: 'APPLICATION_STATUS_CHANGED', toStatus: 'Interview', steps: ten.slice(0, 1) },
    });
    expect(moved.__typename).toBe('Workflow');
    const resumed = await gql(
      h.tenant.apiKey,
      `mutation($id: ID!) { resumeWorkflow(id: $id) { __typename ... on ValidationError { issues { field message } } } }`,
      { id: paused.id },
    );
    expect(resumed.resumeWorkflow).toMatchObject({ __typename: 'ValidationError', issues: [{ field: 'id' }] });

    // One event sends at most 5 × 10 messages (the paused workflow records a PAUSED run and sends nothing).
    const result = await report(h, { from: 'Screening' });
    const running = result.runs.filter((r: { status: string }) => r.status !== 'PAUSED');
    expect(running).toHaveLength(5);
    expect(running.flatMap((r: { steps: unknown[] }) => r.steps)).toHaveLength(41);

    // The tenant cap: 50 workflows, then a ValidationError saying what to do.
    const kept = await server.app.services.prisma.workflow.count({ where: { tenantId: rawId(h.tenant.id) } });
    await server.app.services.prisma.workflow.createMany({
      data: Array.from({ length: 50 - kept }, (_, i) => ({
        tenantId: rawId(h.tenant.id),
        name: `filler ${i}`,
        trigger: 'APPLICATION_STATUS_CHANGED' as const,
        toStatus: `Status ${i}`,
      })),
    });
    const over = await workflow(h, { toStatus: 'Hired' });
    expect(over.__typename).toBe('ValidationError');
    expect(over.issues[0].message).toMatch(/at most 50 workflows: delete one/);
  });

  it('a report with a bad value writes nothing and names input.event.values, so the same event id can be sent again', async () => {
    const h = await hiring();
    const { createMessageTemplate: link } = await gql(h.tenant.apiKey, TEMPLATE, {
      input: { name: unique('book'), body: 'Book your slot: {interview.bookingLink}' },
    });
    await workflow(h, {
      trigger: 'CALL_TO_ACTION_COMPLETED',
      toStatus: null,
      callToAction: 'booked',
      steps: [{ senderId: h.recruiter.user.id, templateId: link.id, channel: 'SMS' }],
    });
    const VALUES_CTA = `mutation($input: CallToActionCompletedInput!) { reportCallToActionCompleted(input: $input) {
      __typename ... on WorkflowTriggerResult { runs { status steps { outcome } } alreadyRecorded { id } }
      ... on ValidationError { issues { field message } } } }`;
    const eventId = unique('cta');
    const send = async (values: { name: string; value: string }[]) =>
      (
        await gql(h.tenant.apiKey, VALUES_CTA, {
          input: {
            callToAction: 'booked',
            event: { eventId, applicationExternalId: `app-${h.candidateExternalId}`, values },
          },
        })
      ).reportCallToActionCompleted;
    const bad = await send([{ name: 'interview.bookingLink', value: 'javascript:alert(1)' }]);
    expect(bad.__typename).toBe('ValidationError');
    expect(bad.issues.map((i: { field: string }) => i.field)).toEqual(['input.event.values.0.value']);
    const twice = await send([
      { name: 'interview.time', value: 'Monday 10:00' },
      { name: 'interview.time', value: 'Tuesday 10:00' },
      { name: 'job.title', value: 'x' },
    ]);
    expect(twice.issues.map((i: { field: string }) => i.field).sort()).toEqual([
      'input.event.values.1.name',
      'input.event.values.2.name',
    ]);
    expect(await server.app.services.prisma.workflowRun.count({ where: { partnerEventId: eventId } })).toBe(0);
    const good = await send([{ name: 'interview.bookingLink', value: 'https://book.example.com/slot' }]);
    expect(good).toMatchObject({ runs: [{ status: 'COMPLETED', steps: [{ outcome: 'SENT' }] }], alreadyRecorded: [] });
  });

  it('a sender off the hiring team or deactivated is refused with the true reason, also in a dry run', async () => {
    const h = await hiring();
    await workflow(h, { steps: [{ senderId: h.outsider.user.id, templateId: h.templateId, channel: 'SMS' }] });
    const offTeam = await report(h);
    expect(offTeam.runs[0].steps[0]).toMatchObject({
      outcome: 'REFUSED',
      reason: 'NOT_ON_HIRING_TEAM',
      detail: 'Only members of the hiring team may write in this conversation.',
    });
    await workflow(h, {
      toStatus: 'Offer',
      steps: [{ senderId: h.recruiter.user.id, templateId: h.templateId, channel: 'SMS' }],
    });
    await server.app.services.prisma.user.update({
      where: { id: rawId(h.recruiter.user.id) },
      data: { deactivatedAt: new Date() },
    });
    const plan = await report(h, { to: 'Offer' }, { dryRun: true });
    expect(plan.plan).toEqual([expect.objectContaining({ verdict: 'REFUSED', reason: 'SENDER_DEACTIVATED' })]);
    const deactivated = await report(h, { to: 'Offer' });
    expect(deactivated.runs[0].steps[0]).toMatchObject({
      outcome: 'REFUSED',
      reason: 'SENDER_DEACTIVATED',
      detail: 'The sender Rita Recruiter is deactivated: name another sender in the workflow.',
    });
  });

  it('a template a workflow sends, or a run still has due, cannot be deleted: ConflictError names the workflows', async () => {
    const h = await hiring();
    const DELETE = `mutation($id: ID!) { deleteMessageTemplate(id: $id) {
      __typename ... on MutationDeleteMessageTemplateSuccess { data } ... on ConflictError { message } } }`;
    const created = await workflow(h, {
      name: 'Later reminder',
      steps: [{ senderId: h.recruiter.user.id, templateId: h.templateId, channel: 'SMS', delayMinutes: 60 }],
    });
    const used = (await gql(h.tenant.apiKey, DELETE, { id: h.templateId })).deleteMessageTemplate;
    expect(used).toEqual({
      __typename: 'ConflictError',
      message: expect.stringContaining('Workflows send this template: "Later reminder".'),
    });
    // A run's step still due keeps it too, after the workflow moved to another template.
    expect((await report(h)).runs[0].steps[0].outcome).toBe('PENDING');
    const { createMessageTemplate: other } = await gql(h.tenant.apiKey, TEMPLATE, {
      input: { name: unique('other'), body: 'Hello {candidate.firstName}' },
    });
    await gql(
      h.tenant.apiKey,
      `mutation($id: ID!, $input: WorkflowInput!) { updateWorkflow(id: $id, input: $input) { __typename } }`,
      {
        id: created.id,
        input: {
          name: 'Later reminder',
          trigger: 'APPLICATION_STATUS_CHANGED',
          toStatus: 'Interview',
          steps: [{ senderId: h.recruiter.user.id, templateId: other.id, channel: 'SMS' }],
        },
      },
    );
    expect((await gql(h.tenant.apiKey, DELETE, { id: h.templateId })).deleteMessageTemplate.__typename).toBe(
      'ConflictError',
    );
    await gql(h.tenant.apiKey, 'mutation($id: ID!) { deleteWorkflow(id: $id) { __typename } }', { id: created.id });
    expect((await gql(h.tenant.apiKey, DELETE, { id: h.templateId })).deleteMessageTemplate).toEqual({
      __typename: 'MutationDeleteMessageTemplateSuccess',
      data: h.templateId,
    });
  });
});
