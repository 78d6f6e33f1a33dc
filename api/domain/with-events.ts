import { appendEvents, type NewEvent } from '../events/append.ts';
import type { TenantScope, TenantTx } from './scope.ts';

/**
 * Runs a write and appends the events it makes in one transaction, so the
 * change and its events commit together, then tells the relay to publish.
 */
export async function withEvents<T>(
  scope: TenantScope,
  write: (tx: TenantTx) => Promise<T>,
  events: (result: T) => NewEvent[],
): Promise<T> {
  const result = await scope.db.$transaction(async (tx) => {
    const written = await write(tx);
    await appendEvents(tx, scope.tenantId, events(written));
    return written;
  });
  scope.events.relayNow();
  return result;
}
