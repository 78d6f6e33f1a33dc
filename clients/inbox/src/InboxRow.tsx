import type { RefRowFragment } from '../../generated/graphql.ts';
import { LockBadge } from './LockBadge.tsx';

export function InboxRow({
  row,
  selected,
  onOpen,
}: {
  row: RefRowFragment;
  selected: boolean;
  onOpen: (id: string) => void;
}) {
  const last = row.lastMessage;
  return (
    <li>
      <button
        type="button"
        className={selected ? 'row selected' : 'row'}
        aria-current={selected}
        onClick={() => onOpen(row.id)}
      >
        <span className="row-name">{row.candidate.name}</span>
        {row.unreadCount > 0 && (
          <span className="unread" title={`${row.unreadCount} unread`}>
            {row.unreadCount}
          </span>
        )}
        {last && (
          <span className="row-last">
            <span className="channel">{last.channel}</span> {last.direction === 'OUTBOUND' ? 'You: ' : ''}
            {last.body}
          </span>
        )}
        <span className="row-locks">
          {row.locks.map((lock) => (
            <LockBadge key={lock.channel} lock={lock} />
          ))}
        </span>
      </button>
    </li>
  );
}
