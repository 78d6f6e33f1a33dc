import { useCallback, useEffect, useState } from 'react';
import {
  RefConversationDocument,
  RefConversationLiveDocument,
  type RefConversationQuery,
  type RefLockFragment,
  RefMarkReadDocument,
  type RefMessageFragment,
} from '../../generated/graphql.ts';
import { furtherAlong } from './labels.ts';
import { useClient } from './session.ts';
import { useLive } from './useLive.ts';

const PAGE = 30;

type Header = Omit<NonNullable<RefConversationQuery['conversation']>, 'messages'>;

/** Adds or updates messages by id (a status only moves forward), oldest first. */
function merge(old: RefMessageFragment[], incoming: RefMessageFragment[]) {
  const byId = new Map(old.map((m) => [m.id, m]));
  for (const m of incoming) {
    const had = byId.get(m.id);
    byId.set(m.id, had ? { ...m, status: furtherAlong(had.status, m.status) } : m);
  }
  return [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/**
 * One conversation: its newest page of messages, older pages on demand (`last` + `before`), and
 * conversationUpdated keeping messages, delivery statuses and locks current. What the signed-in user
 * has seen is marked read.
 */
export function useConversation(id: string) {
  const client = useClient();
  const [header, setHeader] = useState<Header | null>(null);
  const [locks, setLocks] = useState<RefLockFragment[]>([]);
  const [messages, setMessages] = useState<RefMessageFragment[]>([]);
  const [older, setOlder] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (before?: string) => {
      try {
        const { conversation } = await client.request(RefConversationDocument, { id, last: PAGE, before });
        if (!conversation) return setError('No conversation with this id that you may read.');
        const { messages: page, ...rest } = conversation;
        if (!before) {
          setHeader(rest);
          setLocks(rest.locks);
        }
        setMessages((old) =>
          merge(
            old,
            page.edges.map((e) => e.node),
          ),
        );
        setOlder(page.pageInfo.hasPreviousPage ? (page.pageInfo.startCursor ?? null) : null);
      } catch (e) {
        setError((e as Error).message);
      }
    },
    [client, id],
  );
  useEffect(() => {
    load();
  }, [load]);

  useLive(RefConversationLiveDocument, { id }, ({ conversationUpdated: event }) => {
    if (event.message) {
      const message = event.message;
      setMessages((old) => merge(old, [message]));
    }
    const now = event.conversation;
    if (now) {
      setLocks(now.locks);
      setHeader((h) => h && { ...h, sendingNumber: now.sendingNumber });
    }
  });

  const newestInbound = messages.findLast((m) => m.direction === 'INBOUND')?.id;
  useEffect(() => {
    if (newestInbound) void client.request(RefMarkReadDocument, { conversationId: id, upTo: newestInbound });
  }, [client, id, newestInbound]);

  return {
    header,
    locks,
    messages,
    error,
    loadOlder: older ? () => load(older) : null,
    /** A message this page sent: shown at once, then kept current by conversationUpdated. */
    added: (message: RefMessageFragment) => setMessages((old) => merge(old, [message])),
  };
}
