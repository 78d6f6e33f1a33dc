import type { PubSub } from 'graphql-yoga';
import type { PubSubEvents } from '../events/tenant-events.ts';
import type { Actor } from './actor.ts';

const MAX_ENTRIES = 10_000;

/**
 * Remembers who a credential belongs to for a few seconds, so a request need
 * not look its key or user up again. Revoking a key or changing a user
 * reaches every copy of the service through pub/sub and drops the entry at
 * once; the time limit bounds what a lost message could leave behind.
 */
export function createActorCache(ttlMs: number, pubsub: PubSub<PubSubEvents>) {
  const entries = new Map<string, { actor: Actor; until: number }>();
  const changes = pubsub.subscribe('credentials');
  const listening = (async () => {
    for await (const change of changes) {
      for (const [credential, { actor }] of entries) {
        const id = actor.kind === 'apiKey' ? actor.apiKeyId : actor.kind === 'user' ? actor.userId : null;
        if (id === change.id && actor.kind === change.kind) entries.delete(credential);
      }
    }
  })().catch(() => entries.clear()); // without the feed, cached entries can no longer be trusted

  return {
    get(credential: string): Actor | null {
      const hit = entries.get(credential);
      if (!hit) return null;
      if (hit.until > Date.now()) return hit.actor;
      entries.delete(credential);
      return null;
    },
    set(credential: string, actor: Actor, notAfter = Number.POSITIVE_INFINITY) {
      if (ttlMs <= 0) return;
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
      entries.set(credential, { actor, until: Math.min(Date.now() + ttlMs, notAfter) });
    },
    async close() {
      await changes.return?.();
      await listening;
    },
  };
}

export type ActorCache = ReturnType<typeof createActorCache>;
