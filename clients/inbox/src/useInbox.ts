import { useCallback, useEffect, useState } from 'react';
import { RefInboxDocument, RefInboxLiveDocument, type RefRowFragment } from '../../generated/graphql.ts';
import { useClient } from './session.ts';
import { useLive } from './useLive.ts';

const PAGE = 25;

const newestFirst = (a: RefRowFragment, b: RefRowFragment) =>
  (b.lastMessageAt ?? '').localeCompare(a.lastMessageAt ?? '');

/** The inbox's rows, newest activity first: a page at a time, each row replaced as inboxUpdated reports it. */
export function useInbox() {
  const client = useClient();
  const [rows, setRows] = useState<RefRowFragment[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (after?: string) => {
      try {
        const { inbox } = await client.request(RefInboxDocument, { first: PAGE, after });
        const page = inbox.edges.map((e) => e.node);
        setRows((old) => {
          const fresh = new Set(page.map((r) => r.id));
          return [...old.filter((r) => !fresh.has(r.id)), ...page].sort(newestFirst);
        });
        setNext(inbox.pageInfo.hasNextPage ? (inbox.pageInfo.endCursor ?? null) : null);
      } catch (e) {
        setError((e as Error).message);
      }
    },
    [client],
  );
  useEffect(() => {
    load();
  }, [load]);

  useLive(RefInboxLiveDocument, {}, ({ inboxUpdated }) => {
    setRows((old) => {
      const others = old.filter((r) => r.id !== inboxUpdated.conversationId);
      // null: no longer readable, archived or snoozed away; it leaves the list.
      return inboxUpdated.conversation ? [inboxUpdated.conversation, ...others].sort(newestFirst) : others;
    });
  });

  return { rows, error, loadMore: next ? () => load(next) : null };
}
