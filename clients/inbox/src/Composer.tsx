import { type FormEvent, useState } from 'react';
import { type Channel, type RefMessageFragment, RefSendDocument } from '../../generated/graphql.ts';
import { PreviewLine } from './PreviewLine.tsx';
import { useClient } from './session.ts';
import { usePreview } from './usePreview.ts';

/** A retry of the same send must reuse its key, so one is made per message typed, not per click. */
const newKey = () => `inbox-${Date.now()}-${Math.random().toString(36).slice(2)}`;

export function Composer(props: {
  conversationId: string;
  channels: Channel[];
  channel: Channel;
  onChannel: (channel: Channel) => void;
  locked: boolean;
  onSent: (message: RefMessageFragment) => void;
}) {
  const { conversationId, channel } = props;
  const client = useClient();
  const [body, setBody] = useState('');
  const [key, setKey] = useState(newKey);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const preview = usePreview(conversationId, channel, body, props.locked);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setRefusal(null);
    try {
      const { sendMessage: result } = await client.request(RefSendDocument, {
        input: { conversationId, channel, body, idempotencyKey: key },
      });
      if (result.__typename === 'Message') {
        props.onSent(result);
        setBody('');
        setKey(newKey());
      } else if ('message' in result) setRefusal(result.message);
    } catch (e) {
      setRefusal((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="composer" onSubmit={send} aria-label="Composer">
      <label>
        Channel
        <select value={channel} onChange={(e) => props.onChannel(e.target.value as Channel)}>
          {props.channels.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </label>
      <label>
        Message
        <textarea value={body} onChange={(e) => setBody(e.target.value)} rows={3} />
      </label>
      <PreviewLine preview={preview} />
      {refusal && <p role="alert">{refusal}</p>}
      <button type="submit" disabled={busy || !body.trim()}>
        Send
      </button>
    </form>
  );
}
