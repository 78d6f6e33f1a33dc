import type { Actor } from '../auth/actor.ts';
import { holderOf } from '../auth/actor-cache.ts';
import type { CredentialChange } from '../events/tenant-events.ts';

type Close = (reason: string) => void;

const reasons: Record<CredentialChange['kind'], string> = {
  apiKey: 'This API key was revoked.',
  user: 'This user was deactivated or their role changed; sign in again.',
};

/**
 * The open WebSockets and SSE streams of each API key and user, so that a
 * revocation or a change of the user closes them (and with them every
 * subscription they carry) on this copy of the service.
 */
export function createLiveConnections() {
  const byHolder = new Map<string, Set<Close>>();
  const keyOf = (holder: { kind: string; id: string }) => `${holder.kind}:${holder.id}`;

  return {
    /** Tracks a live connection of `actor`; call the returned function when it ends. */
    track(actor: Actor, close: Close): () => void {
      const holder = holderOf(actor);
      if (!holder) return () => {};
      const key = keyOf(holder);
      let set = byHolder.get(key);
      if (!set) {
        set = new Set();
        byHolder.set(key, set);
      }
      set.add(close);
      return () => {
        set.delete(close);
        if (set.size === 0 && byHolder.get(key) === set) byHolder.delete(key);
      };
    },
    /** Closes every live connection of the changed holder. */
    closeFor(change: CredentialChange) {
      const set = byHolder.get(keyOf(change));
      if (!set) return;
      byHolder.delete(keyOf(change));
      for (const close of set) close(reasons[change.kind]);
    },
  };
}

export type LiveConnections = ReturnType<typeof createLiveConnections>;
