import { once, setMaxListeners } from 'node:events';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub, type PubSub } from 'graphql-yoga';
import { Redis } from 'ioredis';
import type { PubSubEvents } from './tenant-events.ts';

export type EventBus = {
  pubsub: PubSub<PubSubEvents>;

  /** Resolves once the Redis connections are ready (at once without Redis). */
  ready(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
};

/**
 * Live fan-out (the event relay's publications, credential changes): through
 * Redis when `redisUrl` is set, so every copy of the service sees every
 * message; otherwise inside this process. Nothing lives only here: the event
 * log in the database is the record.
 */
export function createEventBus(redisUrl: string | undefined, onError: (error: Error) => void = () => {}): EventBus {
  const clients = redisUrl ? [new Redis(redisUrl), new Redis(redisUrl)] : [];
  for (const client of clients) client.on('error', onError);
  const [publishClient, subscribeClient] = clients;
  let closing = false;
  const pubsub = createPubSub<PubSubEvents>(
    publishClient && subscribeClient
      ? {
          eventTarget: createRedisEventTarget({
            publishClient: guarded(publishClient, () => closing, onError),
            subscribeClient: guarded(subscribeClient, () => closing, onError),
          }),
        }
      : { eventTarget: inProcessTarget() },
  );
  return {
    pubsub,
    async ready() {
      await Promise.all(clients.map((c) => (c.status === 'ready' ? undefined : once(c, 'ready'))));
    },
    async ping() {
      if (publishClient) await publishClient.ping();
    },
    async close() {
      // Whatever still publishes or unsubscribes from now on (a request past the grace period, a
      // subscription ending late) is dropped rather than failing on a closed connection.
      closing = true;
      await Promise.all(clients.map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}

/**
 * The Redis client as the event target uses it (publish, subscribe, unsubscribe,
 * on 'message'), except that those calls never reject: the event target ignores
 * their promises, so a rejection ("Connection is closed." once the service has
 * quit Redis) would be unhandled and end the process. Failures while running are
 * reported to `onError`; after `close` they are expected and dropped.
 */
function guarded(client: Redis, closing: () => boolean, onError: (error: Error) => void): Redis {
  const settle = (call: () => Promise<unknown>) => {
    if (closing()) return Promise.resolve(0);
    return call().catch((error: Error) => {
      if (!closing()) onError(error);
      return 0;
    });
  };
  const facade = {
    publish: (channel: string, message: string) => settle(() => client.publish(channel, message)),
    subscribe: (channel: string) => settle(() => client.subscribe(channel)),
    unsubscribe: (channel: string) => settle(() => client.unsubscribe(channel)),
    on: (event: string, listener: (...args: unknown[]) => void) => {
      client.on(event, listener);
      return facade;
    },
  };
  return facade as unknown as Redis;
}

/** In-process fan-out: one listener per live subscriber of a tenant, so no listener limit applies. */
function inProcessTarget(): EventTarget {
  const target = new EventTarget();
  setMaxListeners(0, target);
  return target;
}
