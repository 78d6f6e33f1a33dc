import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InboxUpdatedDocument, MarkConversationReadDocument } from '../../clients/generated/graphql.ts';
import { liveCounts } from '../live/live-counts.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { lastCursor, setHiringTeam, wsReader } from '../test/live-fixture.ts';
import { setUpHiring } from '../test/messaging-fixture.ts';

describe('inboxUpdated rows shared by the subscribers an event reaches', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.stop());

  it('reads the last message once per event for both recruiters, yet each sees their own unread count', async () => {
    const h = await setUpHiring(server);
    await setHiringTeam(h, [h.recruiter.user.id, h.outsider.user.id]);
    const after = await lastCursor(server, h.tenant);
    const rita = wsReader(h.recruiter.client.subscribe(InboxUpdatedDocument, { after }));
    const otto = wsReader(h.outsider.client.subscribe(InboxUpdatedDocument, { after }));

    await h.candidateTexts('ping');
    const ping = (await rita.next()).inboxUpdated;
    expect((await otto.next()).inboxUpdated.conversation).toMatchObject({ unreadCount: 1 });
    // Rita reads 'ping'; Otto does not.
    await h.recruiter.client.request(MarkConversationReadDocument, {
      conversationId: h.conversationId,
      upTo: ping.conversation?.lastMessage?.id as string,
    });
    expect((await rita.next()).inboxUpdated).toMatchObject({ type: 'CONVERSATION_READ' });

    const before = { ...liveCounts };
    await h.candidateTexts('pong');
    const [ritaPong, ottoPong] = [(await rita.next()).inboxUpdated, (await otto.next()).inboxUpdated];
    expect(ritaPong.conversation).toMatchObject({ unreadCount: 1, lastMessage: { body: 'pong' } });
    expect(ottoPong.conversation).toMatchObject({ unreadCount: 2, lastMessage: { body: 'pong' } });
    // One read each of the conversation and of its last message, the second subscriber served both from memory.
    expect({
      rowsRead: liveCounts.rowsRead - before.rowsRead,
      rowsShared: liveCounts.rowsShared - before.rowsShared,
    }).toEqual({ rowsRead: 2, rowsShared: 2 });
    await rita.close();
    await otto.close();
  });
});
