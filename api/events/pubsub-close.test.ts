import { afterEach, describe, expect, it } from 'vitest';
import { testMode, testRedisUrl } from '../test/databases.ts';
import { createEventBus } from './pubsub.ts';

/** Unhandled rejections while `work` runs and a moment after (the event target does not await Redis' promises). */
async function unhandledDuring(work: () => Promise<void>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const record = (reason: unknown) => void seen.push(reason);
  process.on('unhandledRejection', record);
  try {
    await work();
    await new Promise((r) => setTimeout(r, 300));
  } finally {
    process.off('unhandledRejection', record);
  }
  return seen;
}

describe.skipIf(testMode !== 'postgres')('the event bus on Redis, once closed', () => {
  const buses: ReturnType<typeof createEventBus>[] = [];
  afterEach(async () => {
    for (const bus of buses.splice(0)) await bus.close();
  });

  it('drops a late publish and a late unsubscribe instead of rejecting with "Connection is closed"', async () => {
    const errors: Error[] = [];
    const bus = createEventBus(testRedisUrl, (error) => errors.push(error));
    buses.push(bus);
    await bus.ready();
    const subscription = bus.pubsub.subscribe('credentials')[Symbol.asyncIterator]();
    const first = subscription.next();
    await new Promise((r) => setTimeout(r, 100)); // subscribed on Redis
    const unhandled = await unhandledDuring(async () => {
      await bus.close();
      // A request past the grace period publishes; a subscription ends after Redis was quit.
      bus.pubsub.publish('credentials', { kind: 'apiKey', id: 'late' } as never);
      await subscription.return?.();
      await first.catch(() => {});
    });
    expect(unhandled.map(String)).toEqual([]);
    expect(errors.map(String)).toEqual([]);
  });
});
