import {
  AddSendingNumberDocument,
  AssignSeatDocument,
  BuySeatsDocument,
  CreateTenantDocument,
  CreateUserDocument,
  CreateUserTokenDocument,
  RecordConsentDocument,
  UpsertApplicationDocument,
  UpsertCandidateDocument,
  UpsertJobDocument,
} from '../../clients/generated/graphql.ts';
import { createParleyClient } from '../../clients/parley-client.ts';

export type SeededTenant = {
  apiKey: string;
  token: string;
  sendingNumber: string;
  conversations: { id: string; candidatePhone: string }[];
};

function must<T extends { __typename: string }, K extends T['__typename']>(
  value: T,
  typename: K,
): Extract<T, { __typename: K }> {
  if (value.__typename !== typename) throw new Error(`expected ${typename}, got ${JSON.stringify(value)}`);
  return value as Extract<T, { __typename: K }>;
}

/** One tenant with a sending number, a seated recruiter and `conversations` opted-in candidates on their team. */
async function seedTenant(
  url: string,
  operatorKey: string,
  index: number,
  conversations: number,
): Promise<SeededTenant> {
  const operator = createParleyClient({ url, credential: operatorKey });
  const created = must(
    (await operator.request(CreateTenantDocument, { input: { name: `Bench ${index}` } })).createTenant,
    'CreatedTenant',
  );
  const backend = createParleyClient({ url, credential: created.apiKeySecret });
  const sendingNumber = `+1415${2 + (index % 8)}${String(index).padStart(6, '0')}`;
  must(
    (await operator.request(AddSendingNumberDocument, { tenantId: created.tenant.id, e164: sendingNumber }))
      .addSendingNumber,
    'SendingNumber',
  );
  await backend.request(BuySeatsDocument, { count: 1 });
  const user = must(
    (
      await backend.request(CreateUserDocument, {
        input: { name: `Recruiter ${index}`, email: `r${index}@bench.test` },
      })
    ).createUser,
    'User',
  );
  await backend.request(AssignSeatDocument, { userId: user.id });
  const token = must(
    (await backend.request(CreateUserTokenDocument, { userId: user.id, ttlSeconds: 86_400 })).createUserToken,
    'UserToken',
  ).token;
  const recruiter = createParleyClient({ url, credential: token });
  await backend.request(UpsertJobDocument, { input: { externalId: 'job', title: 'Bench job' } });
  const seeded: SeededTenant['conversations'] = [];
  for (let c = 0; c < conversations; c++) {
    const candidatePhone = `+1628${2 + (c % 8)}${String(index * 1000 + c).padStart(6, '0')}`;
    await backend.request(UpsertCandidateDocument, {
      input: { externalId: `c${c}`, name: `Candidate ${c}`, phone: candidatePhone },
    });
    const application = must(
      (
        await backend.request(UpsertApplicationDocument, {
          input: {
            externalId: `a${c}`,
            candidateExternalId: `c${c}`,
            jobExternalId: 'job',
            hiringTeam: [user.id],
            consent: { sms: true },
          },
        })
      ).upsertApplication,
      'Application',
    );
    const conversationId = application.conversation?.id as string;
    await recruiter.request(RecordConsentDocument, {
      input: { conversationId, channel: 'SMS', granted: true, reason: 'benchmark set-up' },
    });
    seeded.push({ id: conversationId, candidatePhone });
  }
  return { apiKey: created.apiKeySecret, token, sendingNumber, conversations: seeded };
}

export async function seedTenants(
  url: string,
  operatorKey: string,
  count: number,
  conversationsEach: number,
  onProgress: (done: number) => void,
) {
  const tenants: SeededTenant[] = [];
  for (let start = 0; start < count; start += 10) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(10, count - start) }, (_, i) =>
        seedTenant(url, operatorKey, start + i, conversationsEach),
      ),
    );
    tenants.push(...batch);
    onProgress(tenants.length);
  }
  return tenants;
}
