import { useEffect, useRef } from 'react';
import type { RefMessageFragment } from '../../generated/graphql.ts';
import { MessageItem } from './MessageItem.tsx';

/** The messages, oldest first; "Older messages" fetches the page before the first one shown. */
export function History({ messages, loadOlder }: { messages: RefMessageFragment[]; loadOlder: (() => void) | null }) {
  const end = useRef<HTMLLIElement>(null);
  const newest = messages.at(-1)?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll when the newest message changes
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' }); // returns a Promise in recent Chromium: not the effect's result
  }, [newest]);
  return (
    <div className="history">
      {loadOlder && (
        <button type="button" onClick={loadOlder}>
          Older messages
        </button>
      )}
      <ol aria-label="Messages">
        {messages.map((m) => (
          <MessageItem key={m.id} message={m} />
        ))}
        <li ref={end} className="end" aria-hidden />
      </ol>
    </div>
  );
}
