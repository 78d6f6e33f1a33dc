// The fan-out benchmark's baseline: a bare `ws` server that sends every message of a Redis
// channel to all its sockets, formatted as the graphql-ws `next` message the service sends for
// `tenantEvents`. PORT and BENCH_CHANNEL come from the benchmark.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { Redis } from 'ioredis';
import { WebSocketServer } from 'ws';
import { encodeCursor } from '../events/cursor.ts';
import type { LoggedEvent } from '../events/tenant-events.ts';

const port = Number(process.env.PORT);
const wss = new WebSocketServer({ port, host: '127.0.0.1' });
const redis = new Redis(process.env.REDIS_URL as string);
await redis.subscribe(process.env.BENCH_CHANNEL as string);
redis.on('message', (_channel: string, message: string) => {
  const e = JSON.parse(message) as LoggedEvent;
  const frame = JSON.stringify({
    id: '1',
    type: 'next',
    payload: {
      data: {
        tenantEvents: {
          cursor: encodeCursor(BigInt(e.position)),
          type: e.type,
          subjectId: encodeGlobalID('Message', e.subjectId),
          conversationId: e.conversationId ? encodeGlobalID('Conversation', e.conversationId) : null,
          payload: e.payload,
          occurredAt: e.occurredAt,
        },
      },
    },
  });
  for (const socket of wss.clients) socket.send(frame);
});
wss.on('listening', () => process.stdout.write(`bare ws listening on ${port}\n`));
process.on('SIGTERM', () => {
  wss.close();
  redis.disconnect();
  process.exit(0);
});
