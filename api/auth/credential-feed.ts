import { randomUUID } from 'node:crypto';
import type { PubSub } from 'graphql-yoga';
import type { CredentialChange, PubSubEvents } from '../events/tenant-events.ts';

type Listener = (change: CredentialChange) => void;

const ROUND_TRIP_LIMIT_MS = 1_000;

/**
 * Tells every copy of the service that an API key was revoked or a user was
 * deactivated or re-roled. This copy's listeners (the actor cache, the open
 * connections) hear it before `announce` publishes; `announce` then waits
 * until the change has come back through pub/sub (Redis delivers it to every
 * copy at once), so when the mutation answers, no copy still trusts the
 * credential.
 */
export function createCredentialFeed(pubsub: PubSub<PubSubEvents>) {
  const listeners = new Set<Listener>();
  const roundTrips = new Map<string, () => void>();
  const changes = pubsub.subscribe('credentials');
  const notify = (change: CredentialChange) => {
    for (const listener of listeners) listener(change);
  };
  const listening = (async () => {
    for await (const change of changes) {
      notify(change);
      if (change.nonce) roundTrips.get(change.nonce)?.();
    }
  })();

  return {
    onChange(listener: Listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async announce(kind: CredentialChange['kind'], id: string) {
      const change: CredentialChange = { kind, id, nonce: randomUUID() };
      notify(change);
      const nonce = change.nonce as string;
      let timer: NodeJS.Timeout | undefined;
      const back = new Promise<void>((resolve) => {
        roundTrips.set(nonce, resolve);
        timer = setTimeout(resolve, ROUND_TRIP_LIMIT_MS);
      });
      pubsub.publish('credentials', change);
      await back;
      clearTimeout(timer);
      roundTrips.delete(nonce);
    },
    async close() {
      await changes.return?.();
      await listening.catch(() => {});
    },
  };
}

export type CredentialFeed = ReturnType<typeof createCredentialFeed>;
