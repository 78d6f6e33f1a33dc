import { useEffect, useRef } from 'react';
import type { Document } from '../../parley-client.ts';
import { useClient } from './session.ts';

const RETRY_MS = 2000;

/**
 * Runs a subscription while the component is mounted. Each event carries a cursor; when the socket
 * drops, the subscription starts again from the last one (`after`), so nothing is missed.
 */
export function useLive<R, V extends { after?: string | null }>(
  document: Document<R, V>,
  variables: Omit<V, 'after'>,
  onEvent: (event: R) => void,
) {
  const client = useClient();
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const key = JSON.stringify(variables);
  useEffect(() => {
    let stopped = false;
    let after: string | undefined;
    let iterator: AsyncIterableIterator<R> | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      iterator = client.subscribe(document, { ...JSON.parse(key), ...(after ? { after } : {}) } as V);
      try {
        for await (const event of iterator) {
          after = cursorOf(event) ?? after;
          handler.current(event);
        }
      } catch (error) {
        console.warn('live updates interrupted; reconnecting', error);
      }
      if (!stopped) timer = setTimeout(run, RETRY_MS);
    };
    run();
    return () => {
      stopped = true;
      clearTimeout(timer);
      void iterator?.return?.();
    };
  }, [client, document, key]);
}

/** Every Parley subscription field has a `cursor`; the event is `{ <field>: { cursor, … } }`. */
function cursorOf(event: unknown): string | undefined {
  const field = Object.values(event as Record<string, { cursor?: string } | null>)[0];
  return field?.cursor;
}
