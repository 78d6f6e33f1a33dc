import { useEffect, useState } from 'react';
import { type Channel, RefPreviewDocument, type RefPreviewQuery } from '../../generated/graphql.ts';
import { useClient } from './session.ts';
import { useDebounced } from './useDebounced.ts';

export type Preview = NonNullable<RefPreviewQuery['previewMessage']>;

/**
 * previewMessage for the text being typed, 300 ms after the last keystroke: segments, cost and every
 * reason it would be refused, exactly as sendMessage would decide now. An answer to older text is dropped.
 * `version` changes when something else may change the answer (a lock opening, a message sent).
 */
export function usePreview(conversationId: string, channel: Channel, body: string, version: unknown) {
  const client = useClient();
  const text = useDebounced(body, 300);
  const [preview, setPreview] = useState<Preview | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` only asks again
  useEffect(() => {
    if (!text) return setPreview(null);
    let current = true;
    client.request(RefPreviewDocument, { input: { conversationId, channel, body: text } }).then(
      ({ previewMessage }) => current && setPreview(previewMessage ?? null),
      () => current && setPreview(null),
    );
    return () => {
      current = false;
    };
  }, [client, conversationId, channel, text, version]);
  return text === body ? preview : preview && { ...preview, stale: true };
}
