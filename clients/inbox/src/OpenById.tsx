import { type FormEvent, useState } from 'react';

/**
 * A conversation enters the inbox with its first message. Before that, open it by the id your ATS
 * got from upsertApplication (the demo's is printed by `npm start`), e.g. to send the invitation.
 */
export function OpenById({ onOpen }: { onOpen: (id: string) => void }) {
  const [id, setId] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (id.trim()) onOpen(id.trim());
  };
  return (
    <form className="open-by-id" onSubmit={submit}>
      <label>
        Conversation id
        <input value={id} onChange={(e) => setId(e.target.value)} placeholder="Q29udmVyc2F0aW9u…" />
      </label>
      <button type="submit">Open</button>
    </form>
  );
}
