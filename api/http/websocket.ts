import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { type ExecutionArgs, GraphQLError, getOperationAST } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Actor } from '../auth/actor.ts';
import { AuthenticationError, type Authenticator, bearerCredential } from '../auth/authenticate.ts';
import { unauthenticated } from '../auth/unauthenticated.ts';
import type { Logger } from '../log.ts';
import { type GraphQLLimits, limitExceeded } from './limits.ts';
import type { LiveConnections } from './live-connections.ts';
import { badRequest } from './request-errors.ts';
import { serviceUnavailable } from './service-unavailable.ts';
import { createSharedSubscriptions, sharingKey } from './shared-subscriptions.ts';
import { persistedHash, persistedQueryNotFound, trustedDocuments } from './trusted-documents.ts';
import type { GraphQLHandler } from './yoga.ts';

function isGraphQLError(error: unknown): error is GraphQLError {
  // graphql may be loaded twice (ESM and CommonJS), so look at the shape, not the class.
  return error instanceof Error && 'extensions' in error && 'locations' in error;
}

/** The error without `extensions.http` (the status HTTP would answer with). */
function withoutHttp(error: GraphQLError): GraphQLError {
  if (!error.extensions || !('http' in error.extensions)) return error;
  const { http: _http, ...extensions } = error.extensions;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions,
  });
}

function tooManySubscriptions(max: number) {
  return limitExceeded(
    'subscriptionsPerConnection',
    max,
    `This connection already runs ${max} operations; complete one, or open another connection.`,
  );
}

type Extra = {
  request: IncomingMessage;
  credential?: string | null;
  actor?: Actor;
  untrack?: () => void;
  /** Ids of the operations accepted on this connection (for the per-connection cap). */
  running?: Set<string>;
  /** Gives back this socket's place in its API key's or user's connection budget. */
  release?: () => void;
};

/** How often every socket is pinged; one that has not answered the previous ping by then is dropped. */
const KEEP_ALIVE_MS = 12_000;

/** 4403 is graphql-ws's Forbidden; a close reason may not exceed 123 bytes. */
const forbidden = (reason: string) => [4403, Buffer.from(reason).subarray(0, 123).toString()] as const;
type Enveloped = { execute: (args: ExecutionArgs) => unknown; subscribe: (args: ExecutionArgs) => unknown };

function flat(value: string | null): string | null {
  return value === null ? null : Buffer.from(value).toString();
}

function connectionCredential(params: Record<string, unknown> | undefined): string | null {
  const value = params?.authorization ?? params?.Authorization;
  if (value === undefined || value === null) return null;
  return bearerCredential(String(value));
}

/**
 * graphql-ws on the GraphQL path of the HTTP server. The client authenticates
 * in connection_init ({ authorization: "Bearer ..." }); every operation then
 * runs through Yoga's envelop, so context, auth and validation match HTTP.
 */
export function attachWebSocket(
  server: Server,
  yoga: GraphQLHandler,
  authenticate: Authenticator,
  log: Logger,
  limits: Pick<GraphQLLimits, 'bodyBytes' | 'subscriptionsPerConnection' | 'connectionsPerCredential'>,
  live: LiveConnections,
) {
  const wss = new WebSocketServer({ server, path: yoga.graphqlEndpoint, maxPayload: limits.bodyBytes });
  const keepAlive = keepSocketsAlive(wss);
  const shared = createSharedSubscriptions();
  const disposable = useServer<Record<string, unknown> | undefined, Extra>(
    {
      execute: (args) => (args.rootValue as Enveloped).execute(args) as never,
      subscribe: (args) => (args.rootValue as Enveloped).subscribe(args) as never,
      onConnect: async (ctx) => {
        try {
          // A flat copy (not a slice of the connection_init payload), which is then let go.
          ctx.extra.credential = flat(connectionCredential(ctx.connectionParams));
          (ctx as { connectionParams?: unknown }).connectionParams = undefined;
          const actor = await authenticate(ctx.extra.credential);
          if (actor.kind === 'anonymous') {
            // Everything a socket is for needs a tenant credential: refuse rather than hold it open.
            ctx.extra.socket.close(
              4401,
              'Send a credential in connection_init: { "authorization": "Bearer <key or token>" }',
            );
            return false;
          }
          // One budget per API key or user on this copy, shared with its SSE streams.
          const release = live.claim(actor, limits.connectionsPerCredential);
          if (!release) {
            ctx.extra.socket.close(
              4429,
              `At most ${limits.connectionsPerCredential} open connections (WebSockets and SSE streams) per credential.`,
            );
            return false;
          }
          // The upgrade request (headers and all) is not needed past authentication: not held per socket.
          (ctx.extra as { request?: IncomingMessage }).request = undefined;
          ctx.extra.release = release;
          ctx.extra.actor = actor;
          ctx.extra.untrack = live.track(actor, (reason) => ctx.extra.socket.close(...forbidden(reason)));
          // The socket may have closed while the credential was looked up: then onClose has run already.
          if (ctx.extra.socket.readyState !== ctx.extra.socket.OPEN) {
            ctx.extra.untrack();
            release();
          }
          return true;
        } catch (error) {
          if (error instanceof AuthenticationError) {
            log.info({ reason: error.message }, 'websocket connection refused');
            // 4403 is graphql-ws's Forbidden; the reason says what to send instead.
            ctx.extra.socket.close(...forbidden(error.message));
            return false;
          }
          // The credential could not be looked up because the database is unreachable: 1013, try again later.
          if (serviceUnavailable(error)) {
            log.warn({ err: (error as Error).message }, 'database unavailable');
            ctx.extra.socket.close(1013, 'The database is unavailable for a moment; reconnect shortly.');
            return false;
          }
          throw error;
        }
      },
      // HTTP status hints mean nothing on a socket.
      onError: (_ctx, _id, _payload, errors) => errors.map(withoutHttp),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors?.some((e) => e.extensions && 'http' in e.extensions)
          ? { ...result, errors: result.errors.map((e) => withoutHttp(e).toJSON()) }
          : undefined,
      onClose: (ctx) => {
        ctx.extra.untrack?.();
        ctx.extra.release?.();
      },
      onSubscribe: async (ctx, _id, sent) => {
        // The credential is checked again for every operation: it may have been revoked since connection_init.
        try {
          ctx.extra.actor = await authenticate(ctx.extra.credential ?? null);
        } catch (error) {
          // The database unreachable (a restart, a failover): a typed, retryable error, the socket kept.
          const unavailable = serviceUnavailable(error);
          if (unavailable) {
            log.warn({ err: (error as Error).message }, 'database unavailable');
            return [withoutHttp(unavailable)];
          }
          if (!(error instanceof AuthenticationError)) throw error;
          ctx.extra.socket.close(...forbidden(error.message));
          return [unauthenticated(error.message)];
        }
        // Operations accepted on this connection that are still running (graphql-ws forgets finished ones).
        ctx.extra.running ??= new Set();
        const running = ctx.extra.running;
        for (const id of running) if (!(id in ctx.subscriptions)) running.delete(id);
        if (running.size >= limits.subscriptionsPerConnection) {
          return [tooManySubscriptions(limits.subscriptionsPerConnection)];
        }
        running.add(_id); // taken now, so operations arriving together cannot all slip under the cap
        // A trusted document sent by hash (query: ""), as Yoga's persisted operations plugin does over HTTP.
        const hash = sent.query ? null : persistedHash(sent);
        if (!sent.query && hash === null) {
          return [
            withoutHttp(
              badRequest(
                'Send a query, or extensions.persistedQuery { version: 1, sha256Hash: "<64 hex characters>" } of a generated operation.',
              ),
            ),
          ];
        }
        const stored = hash === null ? undefined : trustedDocuments().get(hash);
        if (hash !== null && stored === undefined) return [persistedQueryNotFound()];
        const payload = stored === undefined ? sent : { ...sent, query: stored };
        const requestId = randomUUID();
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          wsActor: ctx.extra.actor,
          requestLog: { requestId },
          params: payload,
        });
        // A document refused while parsing (too many tokens, bad syntax) is an error message, not a closed socket.
        let parsed: ExecutionArgs['document'];
        try {
          parsed = parse(payload.query);
        } catch (error) {
          if (isGraphQLError(error)) return [error];
          throw error;
        }
        let contextValue: unknown;
        try {
          contextValue = await contextFactory(); // refuses an untrusted document where the tenant requires trusted ones
        } catch (error) {
          if (isGraphQLError(error)) return [error];
          throw error;
        }
        const args: ExecutionArgs = {
          schema,
          operationName: payload.operationName,
          document: parsed,
          variableValues: payload.variables,
          contextValue,
          rootValue: { execute, subscribe },
        };
        const errors = validate(args.schema, args.document);
        if (errors.length) return errors;
        if (!getOperationAST(parsed, payload.operationName)) {
          return [
            new GraphQLError(
              payload.operationName
                ? `The document has no operation named "${String(payload.operationName).slice(0, 100)}": send the name of one of its operations.`
                : 'The document has several operations: send operationName to say which one to run.',
              { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } },
            ),
          ];
        }
        const actor = ctx.extra.actor;
        const found = sharingKey(parsed, payload, actor && 'tenantId' in actor ? actor.tenantId : undefined);
        if (found) {
          const key = shared.canonical(found);
          const socket = ctx.extra.socket;
          args.rootValue = {
            execute,
            subscribe: async (a: ExecutionArgs) => {
              const joined = await shared.join(key, socket, _id, async () => subscribe(a));
              // graphql-ws keeps these arguments as long as the operation runs; the shared execution holds its own.
              const held = a as { contextValue?: unknown; rootValue?: unknown };
              held.contextValue = undefined;
              held.rootValue = undefined;
              return joined;
            },
          };
        }
        return args;
      },
    },
    wss,
    0, // keep-alive: one timer for all sockets (keepSocketsAlive) rather than one per socket
  );
  // After graphql-ws's own connection listener, so its socket 'error' handler is there to replace.
  wss.on('connection', (socket) => logSocketErrors(socket, log));
  return {
    async close() {
      keepAlive.stop();
      for (const client of wss.clients) client.close(1001, 'server shutting down');
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/**
 * graphql-ws answers a socket's 'error' with an unstructured console.error line; ws emits one for every message a
 * client sends over the size limit (maxPayload, closed 1009) or breaking the protocol (1002, 1007), so anyone could
 * fill stderr. Replaced: a client's broken or oversized frame (ws has closed the socket already) is one info line
 * with ws's error code and nothing of the message; any other socket error is a warning, closed 1011 as graphql-ws did.
 */
function logSocketErrors(socket: WebSocket, log: Logger) {
  socket.removeAllListeners('error');
  socket.on('error', (error: Error & { code?: unknown }) => {
    const code = typeof error.code === 'string' ? error.code : undefined;
    if (code?.startsWith('WS_ERR_')) {
      log.info({ code }, 'websocket closed: a message over the size limit or breaking the protocol');
      return;
    }
    log.warn({ code, err: error.message }, 'websocket socket error');
    if (socket.readyState === socket.OPEN) socket.close(1011, 'Internal server error');
  });
}

/** Pings every open socket every KEEP_ALIVE_MS from one timer; a socket that missed the last pong is terminated. */
function keepSocketsAlive(wss: WebSocketServer) {
  const awaitingPong = new WeakSet<WebSocket>();
  function answered(this: WebSocket) {
    awaitingPong.delete(this);
  }
  wss.on('connection', (socket) => socket.on('pong', answered));
  const timer = setInterval(() => {
    for (const socket of wss.clients) {
      if (socket.readyState !== socket.OPEN) continue;
      if (awaitingPong.has(socket)) {
        socket.terminate();
        continue;
      }
      awaitingPong.add(socket);
      socket.ping();
    }
  }, KEEP_ALIVE_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
