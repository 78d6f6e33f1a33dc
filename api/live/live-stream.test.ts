import { createPubSub } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import type { TenantDb } from '../db/tenant-scope.ts';
import type { LoggedEvent, PubSubEvents } from '../events/tenant-events.ts';
import { topicCounts } from '../events/tenant-topics.ts';
import { liveAccess } from './access-cache.ts';
import { liveStream } from './live-stream.ts';

const tenantId = 't1';
const actor = { kind: 'apiKey', tenantId, apiKeyId: 'k' } as const;

/** A database stand-in whose tenant log is empty so far: the stream starts from now. */
const prisma = { $queryRaw: async () => [{ last: 0n, first: null }] } as never;

function event(position: number, conversationId: string): LoggedEvent {
  return {
    id: `e${position}`,
    tenantId,
    type: 'MESSAGE_CREATED',
    subjectId: `m${position}`,
    conversationId,
    payload: {},
    position: String(position),
    occurredAt: new Date().toISOString(),
  };
}

describe('a live stream', () => {
  it('delivers what its selector keeps, with the cursor, and releases the topic and access cache when closed', async () => {
    const pubsub = createPubSub<PubSubEvents>();
    const stream = liveStream({ prisma, events: { pubsub } as never }, actor, {} as TenantDb, null, async (e) =>
      e.conversationId === 'c1' ? [{ conversationId: 'c1' }] : [],
    );
    const first = stream.next();
    await new Promise((r) => setTimeout(r, 20));
    expect(topicCounts(pubsub).members).toBe(1);
    pubsub.publish('tenant', tenantId, event(1, 'c2'));
    pubsub.publish('tenant', tenantId, event(2, 'c1'));
    const delivered = await first;
    expect(delivered.value).toMatchObject({ conversationId: 'c1', event: { position: '2' } });
    expect(delivered.value?.cursor).toBe(Buffer.from('ev1:2').toString('base64url'));

    const waiting = stream.next();
    await stream.return(undefined);
    expect(await waiting).toEqual({ done: true, value: undefined });
    expect(topicCounts(pubsub).members).toBe(0);
    expect(liveAccess(prisma).tenant(tenantId)).toBeUndefined();
  });
});
