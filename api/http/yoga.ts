import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import { createYoga, maskError } from 'graphql-yoga';
import { schema } from '../../schema/index.ts';
import type { Actor } from '../auth/actor.ts';
import { AuthenticationError, type Authenticator, bearerCredential } from '../auth/authenticate.ts';
import { unauthenticated } from '../auth/unauthenticated.ts';
import type { RequestContext, Services } from '../context.ts';
import { scopeToTenant } from '../db/tenant-scope.ts';
import { DomainError } from '../domain/errors.ts';
import type { Logger } from '../log.ts';

/** Filled in while a request runs, logged when it ends. */
export type RequestLog = { requestId: string; tenantId?: string; actor?: Actor['kind'] };

/** What the HTTP and WebSocket layers hand to Yoga with each request. */
export type ServerContext = {
  req?: IncomingMessage;
  requestLog?: RequestLog;
  /** Set for graphql-ws operations: the actor authenticated at connection_init. */
  wsActor?: Actor;
};

export function buildContext(services: Services, actor: Actor, requestId: string): RequestContext {
  const tenantId = 'tenantId' in actor ? actor.tenantId : null;
  return {
    requestId,
    actor,
    scope: tenantId ? { tenantId, db: scopeToTenant(services.prisma, tenantId), events: services.events } : null,
    services,
  };
}

export function createGraphQLHandler(deps: {
  services: Services;
  authenticate: Authenticator;
  log: Logger;
  graphiql: boolean;
}) {
  const { services, authenticate, log } = deps;
  return createYoga<ServerContext, RequestContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: deps.graphiql ? { title: 'Parley', subscriptionsProtocol: 'WS' } : false,
    logging: {
      debug: (...args) => log.debug(args.map(String).join(' ')),
      info: (...args) => log.info(args.map(String).join(' ')),
      warn: (...args) => log.warn(args.map(String).join(' ')),
      error: (...args) => log.error(args.map(String).join(' ')),
    },
    maskedErrors: {
      maskError(error, message, isDev) {
        // graphql may be loaded twice (ESM and CommonJS), so look at the shape, not the class.
        const located = error as Partial<GraphQLError>;
        const original = located.originalError ?? error;
        // A domain error on a field without a result union keeps its message and code.
        if (original instanceof DomainError) {
          return new GraphQLError(original.message, { path: located.path, extensions: { code: original.code } });
        }
        if (original instanceof Error && !('extensions' in original)) {
          log.error({ err: original }, 'unexpected error in resolver');
        }
        return maskError(error, message, isDev);
      },
    },
    context: async ({ request, wsActor, requestLog }): Promise<RequestContext> => {
      let actor = wsActor;
      if (!actor) {
        try {
          actor = await authenticate(bearerCredential(request.headers.get('authorization')));
        } catch (error) {
          if (error instanceof AuthenticationError) throw unauthenticated(error.message);
          throw error;
        }
      }
      if (requestLog) {
        requestLog.actor = actor.kind;
        if ('tenantId' in actor) requestLog.tenantId = actor.tenantId;
      }
      return buildContext(services, actor, requestLog?.requestId ?? randomUUID());
    },
  });
}

export type GraphQLHandler = ReturnType<typeof createGraphQLHandler>;
