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
