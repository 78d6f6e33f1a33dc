import { InboxRow } from './InboxRow.tsx';
import { OpenById } from './OpenById.tsx';
import { useInbox } from './useInbox.ts';

export function InboxList({ selectedId, onOpen }: { selectedId: string | null; onOpen: (id: string) => void }) {
  const { rows, error, loadMore } = useInbox();
  return (
    <nav className="inbox" aria-label="Inbox">
      <h2>Inbox</h2>
      {error && <p role="alert">{error}</p>}
      {rows.length === 0 && <p className="empty">No conversations with messages yet.</p>}
      <ul>
        {rows.map((row) => (
          <InboxRow key={row.id} row={row} selected={row.id === selectedId} onOpen={onOpen} />
        ))}
      </ul>
      {loadMore && (
        <button type="button" onClick={loadMore}>
          More conversations
        </button>
      )}
      <OpenById onOpen={onOpen} />
    </nav>
  );
}
