import WebSocket from 'ws';
import { decodeCursor } from '../events/cursor.ts';

export const now = () => performance.timeOrigin + performance.now();

/** Many WebSocket subscribers in this one process, with the time each received each event. */
export type Subscribers = {
  /** Per event position: when each subscriber received it (epoch ms, fractional). */
  receipts: Map<bigint, number[]>;
  /** How many subscribers have received at least one event since the last `reset`. */
  reached(): number;
  reset(): void;
  close(): Promise<void>;
};

type Options = {
  urls: string[];
  n: number;
  /** graphql-ws: connection_init with the credential, then one subscription; bare: just the socket. */
  protocol:
    | { kind: 'graphql-ws'; credential: string; query: string; variables: Record<string, unknown> }
    | { kind: 'bare' };
  onProgress: (open: number) => void;
};

const IN_FLIGHT = 100;

/** Opens `n` sockets round-robin over `urls`, at most IN_FLIGHT handshakes at a time. */
export async function openSubscribers(options: Options): Promise<Subscribers> {
  const receipts = new Map<bigint, number[]>();
  const sockets: WebSocket[] = [];
  let reachedSet = new Set<number>();
  let errorsShown = 0;

  const CURSOR = Buffer.from('"cursor":"');
  const onMessage = (index: number) => (data: WebSocket.RawData) => {
    const at = now();
    // Both servers send the same frames; the cursor is found without parsing the whole frame.
    const frame = data as Buffer;
    const start = frame.indexOf(CURSOR);
    const end = start < 0 ? -1 : frame.indexOf(34, start + CURSOR.length);
    const position = end < 0 ? null : decodeCursor(frame.toString('latin1', start + CURSOR.length, end));
    if (position === null) {
      if (errorsShown++ < 3) console.error('[fanout] unexpected message', String(data).slice(0, 300));
      return;
    }
    const times = receipts.get(position);
    if (times) times.push(at);
    else receipts.set(position, [at]);
    reachedSet.add(index);
  };

  const openOne = (index: number) =>
    new Promise<void>((resolve, reject) => {
      const url = options.urls[index % options.urls.length] as string;
      const protocol = options.protocol;
      const socket = protocol.kind === 'graphql-ws' ? new WebSocket(url, 'graphql-transport-ws') : new WebSocket(url);
      sockets.push(socket);
      socket.once('error', reject);
      // After the handshake this is a no-op: a settled promise stays settled.
      socket.once('close', (code, reason) => reject(new Error(`socket ${index} closed: ${code} ${reason}`)));
      socket.once('open', () => {
        if (protocol.kind === 'bare') {
          socket.on('message', onMessage(index));
          return resolve();
        }
        socket.send(
          JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${protocol.credential}` } }),
        );
        socket.once('message', (data) => {
          if (JSON.parse(String(data)).type !== 'connection_ack') return reject(new Error(`no ack: ${data}`));
          socket.on('message', onMessage(index));
          socket.send(
            JSON.stringify({
              id: '1',
              type: 'subscribe',
              payload: { query: protocol.query, variables: protocol.variables },
            }),
          );
          resolve();
        });
      });
    });

  let next = 0;
  let open = 0;
  await Promise.all(
    Array.from({ length: Math.min(IN_FLIGHT, options.n) }, async () => {
      while (next < options.n) {
        const index = next++;
        await openOne(index);
        open++;
        if (open % 500 === 0 || open === options.n) options.onProgress(open);
      }
    }),
  );

  return {
    receipts,
    reached: () => reachedSet.size,
    reset() {
      receipts.clear();
      reachedSet = new Set();
    },
    async close() {
      await Promise.all(
        sockets.map(
          (socket) =>
            new Promise<void>((resolve) => {
              if (socket.readyState === WebSocket.CLOSED) return resolve();
              socket.once('close', () => resolve());
              socket.close(1000);
            }),
        ),
      );
    },
  };
}
