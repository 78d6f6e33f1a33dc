import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { ExecutionArgs } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Actor } from '../auth/actor.ts';
import { AuthenticationError, type Authenticator, bearerCredential } from '../auth/authenticate.ts';
import type { Logger } from '../log.ts';
import type { GraphQLHandler } from './yoga.ts';

type Extra = { request: IncomingMessage; actor?: Actor };
type Enveloped = { execute: (args: ExecutionArgs) => unknown; subscribe: (args: ExecutionArgs) => unknown };

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
export function attachWebSocket(server: Server, yoga: GraphQLHandler, authenticate: Authenticator, log: Logger) {
  const wss = new WebSocketServer({ server, path: yoga.graphqlEndpoint });
  const disposable = useServer<Record<string, unknown> | undefined, Extra>(
    {
      execute: (args) => (args.rootValue as Enveloped).execute(args) as never,
      subscribe: (args) => (args.rootValue as Enveloped).subscribe(args) as never,
      onConnect: async (ctx) => {
        try {
          ctx.extra.actor = await authenticate(connectionCredential(ctx.connectionParams));
          return true;
        } catch (error) {
          if (error instanceof AuthenticationError) {
            log.info({ reason: error.message }, 'websocket connection refused');
            return false; // closes with 4403 Forbidden
          }
          throw error;
        }
      },
      onSubscribe: async (ctx, _id, payload) => {
        const requestId = randomUUID();
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          wsActor: ctx.extra.actor,
          requestLog: { requestId },
          params: payload,
        });
        const args: ExecutionArgs = {
          schema,
          operationName: payload.operationName,
          document: parse(payload.query),
          variableValues: payload.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
        const errors = validate(args.schema, args.document);
        return errors.length ? errors : args;
      },
    },
    wss,
  );
  return {
    async close() {
      for (const client of wss.clients) client.close(1001, 'server shutting down');
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
