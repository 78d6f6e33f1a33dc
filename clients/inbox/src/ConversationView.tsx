import { useState } from 'react';
import type { Channel } from '../../generated/graphql.ts';
import { Composer } from './Composer.tsx';
import { History } from './History.tsx';
import { LockBanner } from './LockBanner.tsx';
import { useConversation } from './useConversation.ts';

export function ConversationView({ id }: { id: string }) {
  const conversation = useConversation(id);
  const [channel, setChannel] = useState<Channel>('SMS');
  const { header, locks, error } = conversation;
  if (error) return <p role="alert">{error}</p>;
  if (!header) return <p className="loading">Loading the conversation…</p>;
  const lock = locks.find((l) => l.channel === channel);
  return (
    <section className="conversation" aria-label={`Conversation with ${header.candidate.name}`}>
      <h2>{header.candidate.name}</h2>
      <p className="meta">{header.sendingNumber ? `From ${header.sendingNumber}` : 'No sending number yet'}</p>
      <History messages={conversation.messages} loadOlder={conversation.loadOlder} />
      {lock?.locked && <LockBanner conversationId={id} lock={lock} onSent={conversation.added} />}
      <Composer
        conversationId={id}
        channels={locks.map((l) => l.channel)}
        channel={channel}
        onChannel={setChannel}
        locked={lock?.locked ?? false}
        onSent={conversation.added}
      />
    </section>
  );
}
