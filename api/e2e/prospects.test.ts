import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddProspectDocument,
  ConversationDocument,
  RecordConsentDocument,
  SendMessageDocument,
  UpsertCommunityDocument,
} from '../../clients/generated/graphql.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { setUpHiring, waitFor } from '../test/messaging-fixture.ts';

describe('prospects in sourcing communities', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.stop());

  it('gives a prospect one conversation per community, readable and writable by its team only', async () => {
    const h = await setUpHiring(server);
    const community = await h.tenant.client.request(UpsertCommunityDocument, {
      input: { externalId: 'baristas', name: 'Baristas talent pool', team: [h.outsider.user.id] },
    });
    expect(community.upsertCommunity.__typename).toBe('Community');
    const unknown = await h.tenant.client.request(AddProspectDocument, {
      communityExternalId: 'nope',
      candidateExternalId: h.candidateExternalId,
    });
    expect(unknown.addProspect.__typename).toBe('NotFoundError');
    const added = await h.tenant.client.request(AddProspectDocument, {
      communityExternalId: 'baristas',
      candidateExternalId: h.candidateExternalId,
    });
    const again = await h.tenant.client.request(AddProspectDocument, {
      communityExternalId: 'baristas',
      candidateExternalId: h.candidateExternalId,
    });
    if (added.addProspect.__typename !== 'Conversation' || again.addProspect.__typename !== 'Conversation')
      throw new Error('addProspect failed');
    const conversationId = added.addProspect.id;
    expect(again.addProspect.id).toBe(conversationId);
    expect(conversationId).not.toBe(h.conversationId);

    expect((await h.outsider.client.request(ConversationDocument, { id: conversationId })).conversation?.id).toBe(
      conversationId,
    );
    expect((await h.recruiter.client.request(ConversationDocument, { id: conversationId })).conversation).toBeNull();

    await h.outsider.client.request(RecordConsentDocument, {
      input: { conversationId, channel: 'SMS', granted: true, reason: 'Asked at the job fair' },
    });
    const sent = await h.outsider.client.request(SendMessageDocument, {
      input: { conversationId, channel: 'SMS', body: 'New barista roles near you!', idempotencyKey: 'prospect-1-key' },
    });
    expect(sent.sendMessage.__typename).toBe('Message');
    await waitFor(
      async () => h.sentToCandidate().some((m) => m.body === 'New barista roles near you!'),
      'the prospect text',
    );
    // Consent belongs to the candidate: the application conversation opened too.
    expect(await h.smsLock()).toMatchObject({ locked: false });
  });
});
