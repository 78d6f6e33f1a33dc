import { RecordConsentDocument } from '../../clients/generated/graphql.ts';
import type { Hiring } from './messaging-fixture.ts';

/** Puts the candidate in OPTED_IN on SMS, recorded by the recruiter. */
export async function optIn(h: Hiring) {
  const { recordConsent } = await h.recruiter.client.request(RecordConsentDocument, {
    input: { conversationId: h.conversationId, channel: 'SMS', granted: true, reason: 'test set-up' },
  });
  if (recordConsent.__typename !== 'Conversation') throw new Error(JSON.stringify(recordConsent));
}
