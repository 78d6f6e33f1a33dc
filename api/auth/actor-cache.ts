import type { CredentialChange } from '../events/tenant-events.ts';
import type { Actor } from './actor.ts';
import { holderKey, holderOf } from './holder.ts';

const MAX_ENTRIES = 10_000;

/**
 * Remembers who a credential belongs to for a few seconds, so a request need
 * not look its key or user up again. A change to the holder (fed from the
 * credential feed) drops its entries at once. A lookup that began before such
 * a change is not cached when it ends: it may have read the row as it was.
 */
export function createActorCache(ttlMs: number) {
  const entries = new Map<string, { actor: Actor; until: number }>();
  let generation = 0;
  const changedAt = new Map<string, number>();

  return {
    /** A marker to pass to `set`, taken before the credential is looked up. */
    generation: () => generation,
    get(credential: string): Actor | null {
      const hit = entries.get(credential);
      if (!hit) return null;
      if (hit.until > Date.now()) return hit.actor;
      entries.delete(credential);
      return null;
    },
    set(credential: string, actor: Actor, lookedUpAt: number, notAfter = Number.POSITIVE_INFINITY) {
      const holder = holderOf(actor);
      if (ttlMs <= 0 || !holder) return;
      const tenantChangedAt =
        'tenantId' in actor ? (changedAt.get(holderKey({ kind: 'tenant', id: actor.tenantId })) ?? -1) : -1;
      if (Math.max(changedAt.get(holderKey(holder)) ?? -1, tenantChangedAt) > lookedUpAt) return;
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
      entries.set(credential, { actor, until: Math.min(Date.now() + ttlMs, notAfter) });
    },
    invalidate(change: CredentialChange) {
      generation += 1;
      // Re-inserted, so the oldest change is the one evicted when the map is full.
      changedAt.delete(holderKey(change));
      changedAt.set(holderKey(change), generation);
      if (changedAt.size > MAX_ENTRIES) changedAt.delete(changedAt.keys().next().value as string);
      for (const [credential, { actor }] of entries) {
        const holder = holderOf(actor);
        const changed =
          change.kind === 'tenant'
            ? 'tenantId' in actor && actor.tenantId === change.id
            : holder !== null && holderKey(holder) === holderKey(change);
        if (changed) entries.delete(credential);
      }
    },
  };
}

export type ActorCache = ReturnType<typeof createActorCache>;
