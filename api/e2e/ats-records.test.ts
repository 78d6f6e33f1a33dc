import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  UpsertApplicationDocument,
  UpsertCandidateDocument,
  UpsertJobDocument,
} from '../../clients/generated/graphql.ts';
import { startTestServer, type TestServer, type TestTenant } from '../test/harness.ts';

describe('records from the ATS', () => {
  let server: TestServer;
  let tenant: TestTenant;
  beforeAll(async () => {
    server = await startTestServer();
    tenant = await server.createTenant();
  });
  afterAll(() => server?.stop());

  const upsert = (input: {
    externalId: string;
    name?: string;
    phone?: string;
    alternatePhone?: string | null;
    country?: string;
    preferredPhone?: 'MAIN' | 'ALTERNATE';
  }) => tenant.client.request(UpsertCandidateDocument, { input: { name: 'Cara', ...input } });

  it('stores numbers in E.164 however they are written, and updates by external id', async () => {
    const first = await upsert({
      externalId: 'c-1',
      phone: '(415) 555-2671',
      alternatePhone: '+44 20 7946 0958',
      preferredPhone: 'ALTERNATE',
    });
    expect(first.upsertCandidate).toMatchObject({
      __typename: 'Candidate',
      phone: '+14155552671',
      alternatePhone: '+442079460958',
      preferredPhone: 'ALTERNATE',
    });
    const again = await upsert({ externalId: 'c-1', name: 'Cara Renamed', phone: '415.555.2671' });
    // Left out: kept as stored.
    expect(again.upsertCandidate).toMatchObject({
      name: 'Cara Renamed',
      phone: '+14155552671',
      alternatePhone: '+442079460958',
      preferredPhone: 'ALTERNATE',
    });
    const cleared = await upsert({ externalId: 'c-1', alternatePhone: null });
    expect(cleared.upsertCandidate).toMatchObject({ phone: '+14155552671', alternatePhone: null });
    expect((again.upsertCandidate as { id: string }).id).toBe((first.upsertCandidate as { id: string }).id);
    const swedish = await upsert({ externalId: 'c-2', phone: '070-123 45 67', country: 'SE' });
    expect(swedish.upsertCandidate).toMatchObject({ phone: '+46701234567' });
  });

  it('refuses letters, symbols and impossible numbers, naming the field, and writes nothing', async () => {
    const cases = [
      [{ phone: '1-800-FLOWERS' }, 'phone'],
      [{ phone: '+1 415 555 2671', alternatePhone: '415*555*2671' }, 'alternatePhone'],
      [{ phone: '+1 415 55' }, 'phone'],
    ] as const;
    for (const [numbers, field] of cases) {
      const result = await upsert({ externalId: 'c-bad', ...numbers });
      expect(result.upsertCandidate, JSON.stringify(numbers)).toMatchObject({
        __typename: 'ValidationError',
        field,
        code: 'VALIDATION',
      });
    }
    expect(await server.app.services.prisma.candidate.count({ where: { externalId: 'c-bad' } })).toBe(0);
  });

  it('upserts the same records concurrently into one row each', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => upsert({ externalId: 'c-race', phone: '+14155550100' })),
    );
    expect(new Set(results.map((r) => (r.upsertCandidate as { id: string }).id)).size).toBe(1);
  });

  it('links applications to known candidates and jobs only, with one conversation each', async () => {
    await upsert({ externalId: 'c-app', phone: '+14155550101' });
    await tenant.client.request(UpsertJobDocument, { input: { externalId: 'j-1', title: 'Chef' } });
    const unknown = await tenant.client.request(UpsertApplicationDocument, {
      input: { externalId: 'a-0', candidateExternalId: 'nobody', jobExternalId: 'j-1' },
    });
    expect(unknown.upsertApplication).toMatchObject({ __typename: 'ValidationError', field: 'candidateExternalId' });
    const { user } = await server.createUser(tenant);
    const other = await server.createTenant();
    const stranger = await server.createUser(other);
    const foreignTeam = await tenant.client.request(UpsertApplicationDocument, {
      input: { externalId: 'a-1', candidateExternalId: 'c-app', jobExternalId: 'j-1', hiringTeam: [stranger.user.id] },
    });
    expect(foreignTeam.upsertApplication).toMatchObject({ __typename: 'ValidationError', field: 'hiringTeam' });
    const input = { externalId: 'a-1', candidateExternalId: 'c-app', jobExternalId: 'j-1', hiringTeam: [user.id] };
    const first = await tenant.client.request(UpsertApplicationDocument, { input });
    const second = await tenant.client.request(UpsertApplicationDocument, { input });
    expect(first.upsertApplication).toMatchObject({ __typename: 'Application', hiringTeam: [{ id: user.id }] });
    expect((second.upsertApplication as { conversation: { id: string } }).conversation.id).toBe(
      (first.upsertApplication as { conversation: { id: string } }).conversation.id,
    );
  });

  it('leaves out-of-input fields of an application and a community as they were; an empty list clears a team', async () => {
    await upsert({ externalId: 'c-keep', phone: '+14155550102' });
    await tenant.client.request(UpsertJobDocument, { input: { externalId: 'j-keep', title: 'Cook' } });
    const { user, token } = await server.createUser(tenant);
    const write = (input: Record<string, unknown>) =>
      server.post(
        {
          query: `mutation($input: ApplicationInput!) { upsertApplication(input: $input) {
            __typename ... on Application { status hiringTeam { id } conversation { id } } } }`,
          variables: {
            input: { externalId: 'a-keep', candidateExternalId: 'c-keep', jobExternalId: 'j-keep', ...input },
          },
        },
        { authorization: `Bearer ${tenant.apiKey}` },
      );
    await write({ status: 'Interview', hiringTeam: [user.id] });
    const resynced = (await write({})).body.data.upsertApplication;
    expect(resynced).toMatchObject({ status: 'Interview', hiringTeam: [{ id: user.id }] });
    const seen = await server.post(
      { query: 'query($id: ID!) { conversation(id: $id) { id } }', variables: { id: resynced.conversation.id } },
      { authorization: `Bearer ${token}` },
    );
    expect(seen.body.data.conversation?.id).toBe(resynced.conversation.id); // the recruiter keeps the conversation
    expect((await write({ hiringTeam: [], status: null })).body.data.upsertApplication).toMatchObject({
      status: null,
      hiringTeam: [],
    });

    const community = (input: Record<string, unknown>) =>
      server.post(
        {
          query: 'mutation($input: CommunityInput!) { upsertCommunity(input: $input) { __typename } }',
          variables: { input: { externalId: 'com-keep', name: 'Chefs', ...input } },
        },
        { authorization: `Bearer ${tenant.apiKey}` },
      );
    await community({ team: [user.id] });
    await community({ name: 'Chefs and cooks' });
    const members = await server.app.services.prisma.communityTeamMember.count({
      where: { community: { externalId: 'com-keep' } },
    });
    expect(members).toBe(1);
    await community({ team: [] });
    expect(
      await server.app.services.prisma.communityTeamMember.count({ where: { community: { externalId: 'com-keep' } } }),
    ).toBe(0);
  });

  it('keeps an application with its candidate, so no one is handed another candidate’s conversation', async () => {
    await upsert({ externalId: 'c-alice', phone: '+14155550111' });
    await upsert({ externalId: 'c-bob', phone: '+14155550112' });
    await tenant.client.request(UpsertJobDocument, { input: { externalId: 'j-move', title: 'Driver' } });
    const input = { externalId: 'a-move', candidateExternalId: 'c-alice', jobExternalId: 'j-move' };
    expect((await tenant.client.request(UpsertApplicationDocument, { input })).upsertApplication.__typename).toBe(
      'Application',
    );
    const moved = await tenant.client.request(UpsertApplicationDocument, {
      input: { ...input, candidateExternalId: 'c-bob' },
    });
    expect(moved.upsertApplication).toMatchObject({ __typename: 'ValidationError', field: 'candidateExternalId' });
  });
});
