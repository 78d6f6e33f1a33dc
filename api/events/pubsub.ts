import { once } from 'node:events';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub, type PubSub } from 'graphql-yoga';
import { Redis } from 'ioredis';
import type { PubSubEvents, TenantEvent, TenantEventType } from './tenant-events.ts';

export type EventBus = {
  pubsub: PubSub<PubSubEvents>;
  publish(tenantId: string, type: TenantEventType, subjectId: string): void;

  /** Resolves once the Redis connections are ready (at once without Redis). */
  ready(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
};

/**
 * Live fan-out of tenant events: through Redis when `redisUrl` is set, so every
 * copy of the service sees every event; otherwise inside this process.
 */
export function createEventBus(redisUrl: string | undefined, onError: (error: Error) => void = () => {}): EventBus {
  const clients = redisUrl ? [new Redis(redisUrl), new Redis(redisUrl)] : [];
  for (const client of clients) client.on('error', onError);
  const [publishClient, subscribeClient] = clients;
  const pubsub = createPubSub<PubSubEvents>(
    publishClient && subscribeClient ? { eventTarget: createRedisEventTarget({ publishClient, subscribeClient }) } : {},
  );
  return {
    pubsub,
    publish(tenantId, type, subjectId) {
      const event: TenantEvent = { type, tenantId, subjectId, occurredAt: new Date().toISOString() };
      pubsub.publish('tenant', tenantId, event);
    },
    async ready() {
      await Promise.all(clients.map((c) => (c.status === 'ready' ? undefined : once(c, 'ready'))));
    },
    async ping() {
      if (publishClient) await publishClient.ping();
    },
    async close() {
      await Promise.all(clients.map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}
