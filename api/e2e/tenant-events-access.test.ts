import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ArchiveConversationDocument,
  AssignNumberDocument,
  NumberUsageDocument,
  RecordConsentDocument,
  SendMessageDocument,
  TenantEventsDocument,
  type TenantEventsSubscription,
  UpdateTenantSettingsDocument,
} from '../../clients/generated/graphql.ts';
import type { ParleyClient } from '../../clients/parley-client.ts';
import { rawId, startTestServer, type TestServer } from '../test/harness.ts';
import { lastCursor } from '../test/live-fixture.ts';
import { setUpHiring, waitFor } from '../test/messaging-fixture.ts';
import { optIn } from '../test/opted-in.ts';

type Received = TenantEventsSubscription['tenantEvents'];

/** The recruiter (assigned to the number) records the candidate's SMS consent: a CONSENT_CHANGED with no conversation. */
async function recordConsent(h: Awaited<ReturnType<typeof setUpHiring>>, granted: boolean) {
  const { recordConsent } = await h.recruiter.client.request(RecordConsentDocument, {
    input: { conversationId: h.conversationId, channel: 'SMS', granted, reason: 'tenant-events access' },
  });
  if (recordConsent.__typename !== 'Conversation') throw new Error(JSON.stringify(recordConsent));
}

/** Everything the subscriber receives after `after` up to the event at cursor `end` (one it may read). */
async function until(client: ParleyClient, after: string, end: string): Promise<Received[]> {
  const events: Received[] = [];
  const iterator = client.subscribe(TenantEventsDocument, { after });
  const deadline = Date.now() + 20_000;
  try {
    for (;;) {
      const next = await Promise.race([
        iterator.next(),
        new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), deadline - Date.now())),
      ]);
      if (next === 'late') throw new Error(`timed out after ${events.map((e) => e.type).join(', ')}`);
      if (next.done) return events;
      events.push(next.value.tenantEvents);
      if (next.value.tenantEvents.cursor === end) return events;
    }
  } finally {
    await iterator.return?.();
  }
}

describe('tenantEvents for an admin’s user token', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { OUTBOX_WORKER: 'off' } });
  });
  afterAll(() => server?.stop());

  it('carries only what the admin may read: no events of a number they are not assigned to, no consent changes of its candidate, no other user’s notifications or archive', async () => {
    const h = await setUpHiring(server);
    await optIn(h);
    const {
      sendingNumbers: [number],
    } = await h.tenant.client.request(NumberUsageDocument, {});
    if (!number) throw new Error('no number');
    await h.tenant.client.request(UpdateTenantSettingsDocument, { input: { requireNumberAssignment: true } });
    await h.admin.client.request(AssignNumberDocument, { numberId: number.id, userId: h.recruiter.user.id });
    const after = await lastCursor(server, h.tenant);

    const sent = await h.recruiter.client.request(SendMessageDocument, {
      input: { conversationId: h.conversationId, channel: 'SMS', body: 'Unseen', idempotencyKey: 'tenant-events-1' },
    });
    if (sent.sendMessage.__typename !== 'Message') throw new Error(JSON.stringify(sent));
    await h.candidateTexts('A reply'); // MESSAGE_CREATED, and the recruiter's notification
    await waitFor(
      () => server.app.services.prisma.notification.count({ where: { userId: rawId(h.recruiter.user.id) } }),
      'the recruiter’s notification',
    );
    // The candidate's consent changes (out and in again): events about the candidate, with no conversation on them.
    await recordConsent(h, false);
    await recordConsent(h, true);
    await h.tenant.client.request(UpdateTenantSettingsDocument, { input: { name: 'marker-1' } });
    const end = await lastCursor(server, h.tenant);

    // The partner backend reads the whole tenant: the messages of the conversation and the recruiter's notification.
    const all = await until(h.tenant.client, after, end);
    const ofConversation = (events: Received[]) => events.filter((e) => e.conversationId === h.conversationId);
    expect(ofConversation(all).map((e) => e.type)).toEqual(['MESSAGE_CREATED', 'MESSAGE_CREATED']);
    expect(all.some((e) => e.type === 'NOTIFICATION_CREATED')).toBe(true);
    const consent = (events: Received[]) => events.filter((e) => e.type === 'CONSENT_CHANGED');
    expect(consent(all)).toHaveLength(2);

    // The admin, not assigned to the number, reads neither the thread nor the recruiter's notifications.
    const admin = await until(h.admin.client, after, end);
    expect(ofConversation(admin)).toEqual([]);
    expect(admin.filter((e) => e.type === 'NOTIFICATION_CREATED')).toEqual([]);
    // Nor the consent changes of the candidate, whom node(id) gives it as null.
    expect(consent(admin)).toEqual([]);
    // What it may read comes with the log's cursors (a filtered event leaves a hole, not a renumbering).
    expect(admin.map((e) => e.cursor)).toEqual(
      all
        .filter(
          (e) =>
            e.conversationId !== h.conversationId && e.type !== 'NOTIFICATION_CREATED' && e.type !== 'CONSENT_CHANGED',
        )
        .map((e) => e.cursor),
    );

    // Assigned to the number, the admin reads the thread, and its events come again, on the same kind of stream.
    const before = await lastCursor(server, h.tenant);
    await h.admin.client.request(AssignNumberDocument, { numberId: number.id, userId: h.admin.user.id });
    const again = await h.recruiter.client.request(SendMessageDocument, {
      input: { conversationId: h.conversationId, channel: 'SMS', body: 'Seen', idempotencyKey: 'tenant-events-2' },
    });
    if (again.sendMessage.__typename !== 'Message') throw new Error(JSON.stringify(again));
    // The recruiter's archive is theirs only (an event of a conversation the admin reads, still not the admin's).
    await h.recruiter.client.request(ArchiveConversationDocument, { conversationId: h.conversationId });
    await recordConsent(h, false); // now a candidate the admin reads
    await h.tenant.client.request(UpdateTenantSettingsDocument, { input: { name: 'marker-2' } });
    const end2 = await lastCursor(server, h.tenant);
    expect(ofConversation(await until(h.tenant.client, before, end2)).map((e) => e.type)).toEqual([
      'MESSAGE_CREATED',
      'CONVERSATION_INBOX_STATE_CHANGED',
    ]);
    const assigned = await until(h.admin.client, before, end2);
    expect(ofConversation(assigned)).toMatchObject([{ type: 'MESSAGE_CREATED', subjectId: again.sendMessage.id }]);
    const changed = consent(await until(h.tenant.client, before, end2));
    expect(changed).toHaveLength(1);
    expect(consent(assigned)).toEqual(changed);
  });
});
