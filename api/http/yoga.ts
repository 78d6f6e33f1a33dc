import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { GraphQLError } from 'graphql';
import { createYoga, maskError, type Plugin } from 'graphql-yoga';
import type { Registry } from 'prom-client';
import { schema } from '../../schema/index.ts';
import type { Actor } from '../auth/actor.ts';
import { AuthenticationError, type Authenticator, bearerCredential } from '../auth/authenticate.ts';
import { unauthenticated } from '../auth/unauthenticated.ts';
import type { RequestContext, Services } from '../context.ts';
import { scopeToTenant } from '../db/tenant-scope.ts';
import { scopeToViewer } from '../db/viewer-scope.ts';
import { CursorExpiredError, DomainError } from '../domain/errors.ts';
import type { Logger } from '../log.ts';
import { useGraphQLMetrics } from '../metrics/graphql-metrics.ts';
import { badInput } from './bad-input.ts';
import { useErrorCodes } from './error-codes.ts';
import { type GraphQLLimits, useGraphQLLimits } from './limits.ts';
import type { LiveConnections } from './live-connections.ts';
import { isRecordNotFound, recordNotFound } from './not-found.ts';
import { useOperationLog } from './operation-log.ts';
import { useRequestErrors } from './request-errors.ts';
import { serviceUnavailable } from './service-unavailable.ts';
import { useSseStreamLimit } from './sse-stream-limit.ts';
import { requireTrustedDocument, trustedDocuments, useTrustedDocuments } from './trusted-documents.ts';

/** Filled in while a request runs, logged when it ends. */
export type RequestLog = {
  requestId: string;
  tenantId?: string;
  actor?: Actor['kind'];
  /** The GraphQL operation's name ("anonymous" without one) and type (`operation-log.ts`). */
  operation?: string;
  operationType?: string;
};

/** What the HTTP and WebSocket layers hand to Yoga with each request. */
export type ServerContext = {
  req?: IncomingMessage;
  requestLog?: RequestLog;
  /** Set for graphql-ws operations: the actor authenticated for this operation. */
  wsActor?: Actor;
  /** Set for SSE streams: told who the stream belongs to, so a revocation can end it. */
  onAuthenticated?: (actor: Actor) => void;
};

export function buildContext(services: Services, actor: Actor, requestId: string): RequestContext {
  if (actor.kind !== 'apiKey' && actor.kind !== 'user')
    return { requestId, actor, scope: null, reader: null, services };
  const db = scopeToTenant(services.prisma, actor.tenantId);
  return {
    requestId,
    actor,
    scope: {
      tenantId: actor.tenantId,
      db,
      events: { relayNow: services.relay.wake, credentialsChanged: services.credentials.announce },
    },
    reader: scopeToViewer(db, actor),
    services,
  };
}

/** A domain error, as thrown or as graphql located it (graphql may be loaded twice, so look at the shape). */
function isDomainError(value: unknown): boolean {
  const original = (value as Partial<GraphQLError> | undefined)?.originalError ?? value;
  // Input refused below the resolvers (a negative page size, a bad cursor) is the caller's, answered VALIDATION.
  // A row Prisma did not find (the viewer scope filtered it out) is a refusal too, answered NOT_FOUND.
  return (
    original instanceof DomainError ||
    (original instanceof Error && (badInput(original, undefined) !== null || isRecordNotFound(original)))
  );
}

export function createGraphQLHandler(deps: {
  services: Services;
  authenticate: Authenticator;
  log: Logger;
  graphiql: boolean;
  /** Document, page and body limits (api/http/limits.ts). */
  limits: GraphQLLimits;
  /** Hide graphql's "Did you mean …?" suggestions (production). */
  hideSuggestions: boolean;
  /** Counts each credential's SSE streams against `limits.connectionsPerCredential`. */
  live: Pick<LiveConnections, 'claim'>;
  /** The registry GraphQL request, latency and error series go to (`api/metrics/`). */
  metrics?: Registry;
  /** OpenTelemetry operation and resolver spans, when tracing is on (`api/tracing/`). */
  tracing?: Plugin;
}) {
  const { services, authenticate, log } = deps;
  return createYoga<ServerContext, RequestContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    maxRequestBodySize: deps.limits.bodyBytes,
    plugins: [
      useRequestErrors(deps.limits.bodyBytes),
      useTrustedDocuments(trustedDocuments()),
      useGraphQLLimits(deps.limits),
      useSseStreamLimit(deps.live, deps.limits.connectionsPerCredential),
      useErrorCodes(),
      ...(deps.tracing ? [deps.tracing] : []),
      useOperationLog(),
      ...(deps.metrics ? useGraphQLMetrics(deps.metrics) : []),
      ...(deps.hideSuggestions ? [blockFieldSuggestionsPlugin({ mask: '' })] : []),
    ],
    graphiql: deps.graphiql ? { title: 'Parley', subscriptionsProtocol: 'WS' } : false,
    // GraphiQL's script, styles and workers inline in the page, so it works offline (Yoga's default loads them
    // from unpkg); loaded on first use, so production never holds its 9 MB.
    renderGraphiQL: async (options) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
    logging: {
      debug: (...args) => log.debug(args.map(String).join(' ')),
      info: (...args) => log.info(args.map(String).join(' ')),
      warn: (...args) => log.warn(args.map(String).join(' ')),
      // Yoga logs every error a resolver threw; a typed domain error (a refusal, bad input) is routine, not a fault.
      error: (...args) =>
        args.length > 0 && args.every(isDomainError)
          ? log.debug(args.map(String).join(' '))
          : log.error(args.map(String).join(' ')),
    },
    maskedErrors: {
      maskError(error, message, isDev) {
        // graphql may be loaded twice (ESM and CommonJS), so look at the shape, not the class.
        const located = error as Partial<GraphQLError>;
        const original = located.originalError ?? error;
        // A domain error on a field without a result union keeps its message and code.
        if (original instanceof DomainError) {
          const details = original instanceof CursorExpiredError ? { oldestCursor: original.oldestCursor } : {};
          return new GraphQLError(original.message, {
            path: located.path,
            extensions: { code: original.code, ...details },
          });
        }
        if (original instanceof Error && (original.name === 'PothosValidationError' || !('extensions' in original))) {
          const invalid = badInput(original, located.path);
          if (invalid) {
            // The caller's input as far as we can tell; logged so a query of ours that Prisma refuses is not hidden.
            log.warn({ err: original.message, path: located.path }, 'request input refused below the resolvers');
            return invalid;
          }
          // The database being unreachable is no bug of the request: a typed, retryable 503.
          const unavailable = serviceUnavailable(original, located.path);
          if (unavailable) {
            log.warn({ err: original.message }, 'database unavailable');
            return unavailable;
          }
          // A row Prisma did not find: out of the viewer's scope, or gone meanwhile. Routine, not a fault.
          const missing = recordNotFound(original, located.path);
          if (missing) {
            log.info({ path: located.path }, 'record not found below the resolvers');
            return missing;
          }
          log.error({ err: original }, 'unexpected error in resolver');
        }
        return maskError(error, message, isDev);
      },
    },
    context: async ({ request, params, wsActor, requestLog, onAuthenticated }): Promise<RequestContext> => {
      let actor = wsActor;
      if (!actor) {
        try {
          actor = await authenticate(bearerCredential(request.headers.get('authorization')));
        } catch (error) {
          if (error instanceof AuthenticationError) throw unauthenticated(error.message);
          throw error;
        }
      }
      onAuthenticated?.(actor);
      if (requestLog) {
        requestLog.actor = actor.kind;
        if ('tenantId' in actor) requestLog.tenantId = actor.tenantId;
      }
      requireTrustedDocument(trustedDocuments(), actor, params);
      return buildContext(services, actor, requestLog?.requestId ?? randomUUID());
    },
  });
}

export type GraphQLHandler = ReturnType<typeof createGraphQLHandler>;
