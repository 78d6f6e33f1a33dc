import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Actor } from '../auth/actor.ts';
import type { Authenticator } from '../auth/authenticate.ts';
import type { Logger } from '../log.ts';
import { live, type ReadinessCheck, ready } from './health.ts';
import { isInboxPath, serveInbox } from './inbox-static.ts';
import { type GraphQLLimits, limitExceeded } from './limits.ts';
import type { LiveConnections } from './live-connections.ts';
import { isReportPath } from './report-csv.ts';
import { isWebhookPath } from './webhooks.ts';
import { attachWebSocket } from './websocket.ts';
import type { GraphQLHandler, RequestLog } from './yoga.ts';

const REQUEST_ID = /^[\w.-]{1,100}$/;

const isEventStream = (res: ServerResponse) =>
  String(res.getHeader('content-type') ?? '').includes('text/event-stream');

/** 413 with a GraphQL-shaped body, then the connection is closed so the rest of the body is never read. */
function refuseBody(req: IncomingMessage, res: ServerResponse, maxBytes: number) {
  const error = limitExceeded('bodyBytes', maxBytes, `The request body is over ${maxBytes} bytes; send a smaller one.`);
  const socket = req.socket;
  // Node closes the socket once the answer is written; a client still sending its body would then get a
  // reset instead of the answer. So: finish our side, discard what still arrives, and close when the
  // client does (it will, on `connection: close`), or after LINGER_MS at the latest.
  socket.destroySoon = () => {
    socket.end();
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    socket.once('close', () => clearTimeout(timer));
  };
  res.shouldKeepAlive = false;
  res.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
  res.end(
    JSON.stringify({ errors: [{ message: error.message, extensions: { ...error.extensions, http: undefined } }] }),
  );
}

const LINGER_MS = 2000;

function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * One port: GraphQL over HTTP and SSE (Yoga), graphql-ws on the same path,
 * /healthz and /readyz. `close` drains: new requests are refused, open ones may
 * finish within `graceMs`, live streams are closed so clients reconnect elsewhere.
 */
export function createHttpServer(deps: {
  yoga: GraphQLHandler;
  authenticate: Authenticator;
  readiness: ReadinessCheck[];
  log: Logger;
  webhooks: (req: IncomingMessage, res: ServerResponse, path: string) => Promise<void>;
  /** Report downloads (`api/http/report-csv.ts`). */
  reports: (req: IncomingMessage, res: ServerResponse, path: string) => Promise<void>;
  limits: Pick<GraphQLLimits, 'bodyBytes' | 'subscriptionsPerConnection' | 'connectionsPerCredential'>;
  live: LiveConnections;
  /** GET /metrics (`api/metrics/serve-metrics.ts`), which decides who may scrape. */
  metrics?: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** Serve the reference inbox (clients/inbox) at /inbox (REFERENCE_INBOX). */
  inbox?: boolean;
}) {
  const { yoga, log } = deps;
  let draining = false;
  /** Open GraphQL responses; those streaming SSE are ended when the server drains. */
  const responses = new Set<ServerResponse>();

  const server = createServer((req, res) => {
    const started = process.hrtime.bigint();
    const requestLog: RequestLog = { requestId: requestIdOf(req) };
    res.setHeader('x-request-id', requestLog.requestId);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    res.on('close', () => {
      responses.delete(res);
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (path === '/healthz' || path === '/readyz' || path === '/metrics') return;
      log.info(
        {
          ...requestLog,
          method: req.method,
          path,
          status: res.statusCode,
          durationMs: Math.round(durationMs * 10) / 10,
        },
        'request',
      );
    });
    if (draining) res.setHeader('connection', 'close');
    if (req.method === 'GET' && path === '/healthz') return live(res);
    if (req.method === 'GET' && path === '/readyz') return void ready(res, deps.readiness, draining);
    if (req.method === 'GET' && path === '/metrics' && deps.metrics) {
      return void deps.metrics(req, res).catch((error: Error) => {
        log.error({ err: error }, 'metrics failed');
        if (!res.headersSent) res.writeHead(500).end();
      });
    }
    if (deps.inbox && isInboxPath(path)) {
      return void serveInbox(req, res, path).catch((error: Error) => {
        log.error({ err: error, path }, 'inbox file failed');
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      });
    }
    if (isReportPath(path)) {
      return void deps.reports(req, res, path).catch((error: Error) => {
        log.error({ err: error, path }, 'report failed');
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      });
    }
    // GraphQL bodies (webhooks have their own limit): one announced over the limit is refused before a byte
    // of it is read; one without a length is read up to the limit, and its connection is not reused after.
    if (!isWebhookPath(path)) {
      if (Number(req.headers['content-length']) > deps.limits.bodyBytes) {
        return refuseBody(req, res, deps.limits.bodyBytes);
      }
      if (req.headers['transfer-encoding']) res.setHeader('connection', 'close');
    }
    if (isWebhookPath(path)) {
      return void deps.webhooks(req, res, path).catch((error: Error) => {
        log.error({ err: error, path }, 'webhook failed; the provider will retry');
        if (!res.headersSent) res.writeHead(500).end();
      });
    }
    // Yoga answers a subscription with SSE for many Accept headers (*/*, none, any case), so every
    // GraphQL response is tracked, and one that is streaming events when its credential is revoked is
    // ended, with its subscriptions. An ordinary answer in flight (the revoking mutation's own) finishes.
    responses.add(res);
    const onAuthenticated = (actor: Actor) =>
      res.once(
        'close',
        deps.live.track(actor, () => {
          if (isEventStream(res)) res.destroy();
        }),
      );
    return yoga(req, res, { req, requestLog, onAuthenticated });
  });
  server.keepAliveTimeout = 5_000;
  const ws = attachWebSocket(server, yoga, deps.authenticate, log, deps.limits, deps.live);

  return {
    server,
    listen(port: number, host: string) {
      return new Promise<number>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      });
    },
    async close(graceMs: number) {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      for (const res of responses) if (isEventStream(res)) res.destroy();
      await ws.close();
      const timer = setTimeout(() => server.closeAllConnections(), graceMs);
      await closed;
      clearTimeout(timer);
      await yoga.dispose();
    },
  };
}
