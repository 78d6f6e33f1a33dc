import type { Actor } from '../auth/actor.ts';
import { holderOf, holderKey as keyOf } from '../auth/holder.ts';
import type { CredentialChange } from '../events/tenant-events.ts';

type Close = (reason: string) => void;
type Tracked = { actor: Actor; close: Close };

const reasons: Record<CredentialChange['kind'], string> = {
  apiKey: 'This API key was revoked.',
  user: 'This user was deactivated or their role changed; sign in again.',
  // Announced when requireTrustedDocuments changes: operations a user's socket runs may no longer be allowed.
  tenant:
    'Your tenant changed which documents user tokens may run: reconnect (and send trusted documents if it requires them).',
};
const EXPIRED = 'Your user token expired: mint a new one with createUserToken.';

/** Which tracked actors no longer hold (a revoked key, a deactivated or re-roled user), by their own lookup. */
export type StaleCheck = (actors: Actor[]) => Promise<CredentialChange[]>;

/**
 * The open WebSockets and SSE streams of each API key and user, so that a
 * revocation or a change of the user closes them (and with them every
 * subscription they carry) on this copy of the service. A user token's
 * connections also close when the token expires, and every `recheckMs` the
 * holders are looked up again, so a change whose announcement was lost
 * (a Redis outage) still closes them.
 */
export function createLiveConnections(options: { recheckMs: number; stale: StaleCheck }) {
  const byHolder = new Map<string, Set<Tracked>>();
  /** Places taken per holder by long-lived connections (SSE streams), against GRAPHQL_MAX_CONNECTIONS_PER_CREDENTIAL. */
  const places = new Map<string, number>();

  function closeFor(change: CredentialChange, reason = reasons[change.kind]) {
    if (change.kind === 'tenant') {
      for (const set of byHolder.values())
        for (const tracked of set)
          if (tracked.actor.kind === 'user' && tracked.actor.tenantId === change.id) tracked.close(reason);
      return;
    }
    const set = byHolder.get(keyOf(change));
    if (!set) return;
    byHolder.delete(keyOf(change));
    for (const tracked of set) tracked.close(reason);
  }

  const timer = setInterval(() => {
    const actors = [...byHolder.values()].flatMap((set) => [...set].slice(0, 1).map((t) => t.actor));
    if (!actors.length) return;
    options
      .stale(actors)
      .then((changes) => {
        for (const change of changes) closeFor(change);
      })
      .catch(() => {}); // the database is away: the next round checks again
  }, options.recheckMs);
  timer.unref();

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
      const tracked: Tracked = { actor, close };
      set.add(tracked);
      const expiry =
        actor.kind === 'user' && actor.expiresAt !== undefined
          ? setTimeout(() => close(EXPIRED), Math.max(0, actor.expiresAt - Date.now()))
          : null;
      expiry?.unref();
      return () => {
        if (expiry) clearTimeout(expiry);
        set.delete(tracked);
        if (set.size === 0 && byHolder.get(key) === set) byHolder.delete(key);
      };
    },
    /**
     * Takes one of the `max` connection places of `actor`'s API key or user; null when all are taken.
     * The returned release may be called any number of times (the stream's end, its abort, a revocation).
     */
    claim(actor: Actor, max: number): (() => void) | null {
      const holder = holderOf(actor);
      if (!holder) return () => {};
      const key = keyOf(holder);
      const taken = places.get(key) ?? 0;
      if (taken >= max) return null;
      places.set(key, taken + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (places.get(key) ?? 1) - 1;
        if (left > 0) places.set(key, left);
        else places.delete(key);
      };
    },
    /** Open connections tracked (for /metrics). */
    count(): number {
      let n = 0;
      for (const set of byHolder.values()) n += set.size;
      return n;
    },
    /** Closes every live connection of the changed holder. */
    closeFor: (change: CredentialChange) => closeFor(change),
    close() {
      clearInterval(timer);
    },
  };
}

export type LiveConnections = ReturnType<typeof createLiveConnections>;
