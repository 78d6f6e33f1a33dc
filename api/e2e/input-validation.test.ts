import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { type Hiring, setUpHiring } from '../test/messaging-fixture.ts';
import { optIn } from '../test/opted-in.ts';

const NUL = '\u0000';
const outcome = '__typename ... on ValidationError { field issues { field message } }';

describe('bad input', () => {
  let server: TestServer;
  let h: Hiring;
  const as = (token: string, query: string, variables: Record<string, unknown>) =>
    server.post({ query, variables }, { authorization: `Bearer ${token}` });

  beforeAll(async () => {
    server = await startTestServer();
    h = await setUpHiring(server);
    await optIn(h);
  });
  afterAll(() => server?.stop());

  it('refuses a NUL byte in any text input as a ValidationError naming the field, and writes nothing', async () => {
    const key = h.tenant.apiKey;
    const cases: [string, string, string, Record<string, unknown>, string][] = [
      [key, 'upsertCandidate', 'CandidateInput!', { externalId: 'nul-1', name: `Ca${NUL}ra` }, 'input.name'],
      [key, 'upsertCandidate', 'CandidateInput!', { externalId: `nul${NUL}2`, name: 'Cara' }, 'input.externalId'],
      [key, 'upsertJob', 'JobInput!', { externalId: 'nul-job', title: `Chef${NUL}` }, 'input.title'],
      [key, 'createUser', 'CreateUserInput!', { name: `Rita${NUL}`, email: 'nul@example.com' }, 'input.name'],
      [key, 'updateTenantSettings', 'TenantSettingsInput!', { helpText: `Help${NUL}` }, 'input.helpText'],
      [key, 'updateTenantSettings', 'TenantSettingsInput!', { inviteText: `Reply YES${NUL}` }, 'input.inviteText'],
      [
        key,
        'upsertApplication',
        'ApplicationInput!',
        {
          externalId: 'nul-app',
          candidateExternalId: h.candidateExternalId,
          jobExternalId: 'job-1',
          status: `x${NUL}`,
        },
        'input.status',
      ],
      [
        h.recruiter.token,
        'recordConsent',
        'RecordConsentInput!',
        { conversationId: h.conversationId, channel: 'SMS', granted: false, reason: `asked${NUL}` },
        'input.reason',
      ],
      [
        h.recruiter.token,
        'sendMessage',
        'SendMessageInput!',
        { conversationId: h.conversationId, channel: 'SMS', body: `Hi${NUL}`, idempotencyKey: 'nul-send-1' },
        'input.body',
      ],
    ];
    for (const [token, field, type, input, path] of cases) {
      const { status, body } = await as(token, `mutation($input: ${type}) { ${field}(input: $input) { ${outcome} } }`, {
        input,
      });
      expect(status, field).toBe(200);
      expect(body.data[field], `${field} ${path}`).toMatchObject({ __typename: 'ValidationError', field: path });
    }
    const prisma = server.app.services.prisma;
    expect(await prisma.candidate.count({ where: { externalId: { startsWith: 'nul' } } })).toBe(0);
    expect(await prisma.job.count({ where: { externalId: 'nul-job' } })).toBe(0);
    expect(await prisma.application.count({ where: { externalId: 'nul-app' } })).toBe(0);
    expect(await prisma.message.count({ where: { idempotencyKey: 'nul-send-1' } })).toBe(0);
    const prospect = await as(
      key,
      `mutation { addProspect(communityExternalId: "x\\u0000", candidateExternalId: "y") { ${outcome} } }`,
      {},
    );
    expect(prospect.body.data.addProspect).toMatchObject({
      __typename: 'ValidationError',
      field: 'communityExternalId',
    });
    const key2 = await as(key, `mutation($n: String!) { createApiKey(name: $n) { ${outcome} } }`, { n: `k${NUL}` });
    expect(key2.body.data.createApiKey).toMatchObject({ __typename: 'ValidationError', field: 'name' });
    for (const [title, ok] of [
      ['Chef\u0001', false],
      ['Chef\u001b[31m', false],
      ['Chef \ud800', false],
      ['Chef\u0085', false],
      ['Head chef\n(nights)\tLondon', true],
      ['Chef 👩‍🍳', true],
    ] as const) {
      const job = await as(key, `mutation($input: JobInput!) { upsertJob(input: $input) { ${outcome} } }`, {
        input: { externalId: 'ctl-job', title },
      });
      expect(job.body.data.upsertJob.__typename, JSON.stringify(title)).toBe(ok ? 'Job' : 'ValidationError');
    }
    const record = await as(
      key,
      `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { __typename ... on Error { code } } }`,
      { input: { conversationId: h.conversationId, channel: 'SMS', granted: true, reason: 'by the ATS' } },
    );
    expect(record.body.data.recordConsent).toMatchObject({ __typename: 'SendNotAllowedError' });
    const country = await as(
      key,
      `mutation { updateTenantSettings(input: { defaultCountry: "ZZ" }) { ${outcome} } }`,
      {},
    );
    expect(country.body.data.updateTenantSettings).toMatchObject({ field: 'defaultCountry' });
    expect(server.logs.text).not.toContain('unexpected error');
  });

  it('lists every problem of an input, not only the first', async () => {
    const candidate = await as(
      h.tenant.apiKey,
      `mutation($input: CandidateInput!) { upsertCandidate(input: $input) { ${outcome} } }`,
      { input: { externalId: ' ', name: '', phone: 'call me', alternatePhone: '12' } },
    );
    const issues = candidate.body.data.upsertCandidate.issues.map((i: { field: string }) => i.field).sort();
    expect(issues).toEqual(['alternatePhone', 'externalId', 'name', 'phone']);

    const application = await as(
      h.tenant.apiKey,
      `mutation($input: ApplicationInput!) { upsertApplication(input: $input) { ${outcome} } }`,
      {
        input: {
          externalId: 'a-many',
          candidateExternalId: 'nobody',
          jobExternalId: 'no-job',
          status: 'x'.repeat(101),
        },
      },
    );
    const fields = application.body.data.upsertApplication.issues.map((i: { field: string }) => i.field).sort();
    expect(fields).toEqual(['candidateExternalId', 'jobExternalId', 'status']);
  });

  it('keeps a candidate whose number could exist but is not valid, and locks SMS saying why', async () => {
    const { body } = await as(
      h.tenant.apiKey,
      `mutation($input: CandidateInput!) { upsertCandidate(input: $input) { __typename ... on Candidate { phone phoneIssue } } }`,
      { input: { externalId: h.candidateExternalId, name: 'Cara Candidate', phone: '+1 (415) 123-4567' } },
    );
    expect(body.data.upsertCandidate).toMatchObject({ __typename: 'Candidate', phone: '+14151234567' });
    expect(body.data.upsertCandidate.phoneIssue).toMatch(/not a valid number/);
    const lock = await h.smsLock();
    expect(lock).toMatchObject({ locked: true, reason: 'INVALID_PHONE_NUMBER' });
    expect(lock?.message).toContain('+14151234567');
    const send = await as(
      h.recruiter.token,
      `mutation($input: SendMessageInput!) { sendMessage(input: $input) { __typename ... on ConversationLockedError { reason message } } }`,
      { input: { conversationId: h.conversationId, channel: 'SMS', body: 'Hi', idempotencyKey: 'invalid-number-1' } },
    );
    expect(send.body.data.sendMessage).toMatchObject({
      __typename: 'ConversationLockedError',
      reason: 'INVALID_PHONE_NUMBER',
    });
  });
});
