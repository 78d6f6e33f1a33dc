/**
 * Collects the keys asked for while one GraphQL level resolves and loads them in one call: the fields of every
 * row of a page cost one statement, not one per row.
 */
export function batchLoader<V>(load: (keys: string[]) => Promise<Map<string, V>>) {
  let queued: { keys: Set<string>; result: Promise<Map<string, V>> } | null = null;
  return (key: string): Promise<V | undefined> => {
    if (!queued) {
      const keys = new Set<string>();
      const result = new Promise<Map<string, V>>((resolve, reject) =>
        setImmediate(() => {
          queued = null;
          load([...keys]).then(resolve, reject);
        }),
      );
      queued = { keys, result };
    }
    queued.keys.add(key);
    return queued.result.then((m) => m.get(key));
  };
}

const perRequest = new WeakMap<object, Map<string, unknown>>();

/** One loader per request (`owner`, e.g. the GraphQL context) and name. */
export function requestLoader<V>(owner: object, name: string, make: () => V): V {
  let loaders = perRequest.get(owner);
  if (!loaders) {
    loaders = new Map();
    perRequest.set(owner, loaders);
  }
  let loader = loaders.get(name) as V | undefined;
  if (!loader) {
    loader = make();
    loaders.set(name, loader);
  }
  return loader;
}

const perExecution = new WeakMap<object, WeakMap<object, object>>();

/**
 * The owner of per-request loaders for one execution: the context for a query or mutation; for a
 * subscription, whose context lives as long as the subscription, the context and the event being
 * executed (its root value), so nothing read for one event is served again for the next.
 */
export function executionOwner(ctx: object, rootValue: unknown): object {
  if (!rootValue || typeof rootValue !== 'object') return ctx;
  let byRoot = perExecution.get(ctx);
  if (!byRoot) {
    byRoot = new WeakMap();
    perExecution.set(ctx, byRoot);
  }
  let owner = byRoot.get(rootValue);
  if (!owner) {
    owner = {};
    byRoot.set(rootValue, owner);
  }
  return owner;
}
