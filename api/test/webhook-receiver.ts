import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedWebhook = { headers: IncomingHttpHeaders; body: string; at: number; path: string };

/** What the receiver answers a request: a status, a status after a delay, or 'hang' (never answers). */
export type Answer = number | 'hang' | { status: number; afterMs: number };

/**
 * A real HTTP endpoint on 127.0.0.1 that records every webhook it gets and
 * answers as `answer` says (200 unless told otherwise).
 */
export async function startWebhookReceiver(answer: (request: ReceivedWebhook, index: number) => Answer = () => 200) {
  const received: ReceivedWebhook[] = [];
  const hanging = new Set<ServerResponse>();
  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = {
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
        at: Date.now(),
        path: req.url ?? '/',
      };
      received.push(request);
      const reply = answer(request, received.length - 1);
      if (reply === 'hang') return void hanging.add(res);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const { status, afterMs } = typeof reply === 'number' ? { status: reply, afterMs: 0 } : reply;
      setTimeout(() => {
        inFlight--;
        res.writeHead(status, status >= 300 && status < 400 ? { location: '/redirected' } : {}).end('ok');
      }, afterMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    port,
    received,
    /** The most requests it was answering at once (hung ones not counted). */
    maxInFlight: () => maxInFlight,
    /** The parsed bodies received so far. */
    bodies: () =>
      received.map((r) => JSON.parse(r.body) as { type: string; timestamp: string; data: Record<string, any> }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
