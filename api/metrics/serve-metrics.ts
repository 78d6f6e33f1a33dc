import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Who may scrape: with METRICS_TOKEN set, whoever sends `Authorization: Bearer <token>`; without it,
 * callers on this host only, and not through a proxy (the series show how busy the service is, which is
 * no one else's business).
 */
export function mayScrape(req: IncomingMessage, token: string | undefined): boolean {
  if (token) {
    const header = req.headers.authorization ?? '';
    return header.startsWith('Bearer ') && sameSecret(header.slice(7), token);
  }
  // A proxy on this host connects from loopback too: a request it forwarded is not this host's.
  const forwarded = ['forwarded', 'x-forwarded-for', 'x-real-ip', 'via'].some((name) => name in req.headers);
  return !forwarded && LOOPBACK.has(req.socket.remoteAddress ?? '');
}

/** GET /metrics in Prometheus' text format. */
export function createMetricsHandler(registry: Registry, token: string | undefined) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (!mayScrape(req, token)) {
      res.writeHead(token ? 401 : 403, {
        'content-type': 'text/plain',
        ...(token ? { 'www-authenticate': 'Bearer realm="metrics"' } : {}),
      });
      return void res.end(
        token
          ? 'metrics: send Authorization: Bearer <METRICS_TOKEN>\n'
          : 'metrics: loopback only unless METRICS_TOKEN is set\n',
      );
    }
    const body = await registry.metrics();
    res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
    res.end(body);
  };
}
