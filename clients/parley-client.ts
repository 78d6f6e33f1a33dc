/**
 * A small typed client for Parley, for partner backends and frontends:
 * `request` over HTTP and `subscribe` over graphql-ws, both typed by the
 * documents generated from clients/operations/ (npm run codegen).
 */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { createClient as createWsClient } from 'graphql-ws';

export type ParleyClientOptions = {
  /** The GraphQL endpoint, e.g. https://parley.example.com/graphql */
  url: string;
  /** A tenant API key (partner backend) or a user token (partner frontend). */
  credential?: string;
  fetch?: typeof fetch;
  /** A WebSocket implementation when the runtime has none (e.g. the `ws` package on Node 20). */
  webSocketImpl?: unknown;
};

export type GraphQLErrorBody = { message: string; path?: (string | number)[]; extensions?: { code?: string } };

/** A transport or GraphQL-level failure (as opposed to a typed error inside `data`). */
export class ParleyRequestError extends Error {
  constructor(
    readonly status: number,
    readonly errors: GraphQLErrorBody[],
  ) {
    super(errors.map((e) => e.message).join('; ') || `HTTP ${status}`);
  }
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

export type Document<R, V> = DocumentTypeDecoration<R, V> & { toString(): string };

export function createParleyClient(options: ParleyClientOptions) {
  const doFetch = options.fetch ?? fetch;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json',
  };
  if (options.credential) headers.authorization = `Bearer ${options.credential}`;
  let ws: ReturnType<typeof createWsClient> | undefined;

  return {
    async request<R, V>(
      document: Document<R, V>,
      ...[variables]: V extends Record<string, never> ? [] | [V] : [V]
    ): Promise<R> {
      const response = await doFetch(options.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: document.toString(), variables }),
      });
      const body = (await response.json()) as { data?: R | null; errors?: GraphQLErrorBody[] };
      if (body.errors?.length || !body.data) throw new ParleyRequestError(response.status, body.errors ?? []);
      return body.data;
    },

    /** Live results of a subscription; iterate with `for await`, `return()` to stop. */
    subscribe<R, V>(document: Document<R, V>, variables?: V): AsyncIterableIterator<R> {
      ws ??= createWsClient({
        url: options.url.replace(/^http/, 'ws'),
        connectionParams: options.credential ? { authorization: `Bearer ${options.credential}` } : {},
        webSocketImpl: options.webSocketImpl,
        lazy: true,
        retryAttempts: 0,
      });
      const iterator = ws.iterate({ query: document.toString(), variables: variables as Record<string, unknown> });
      return (async function* () {
        for await (const result of iterator) {
          if (result.errors?.length || !result.data) {
            throw new ParleyRequestError(0, (result.errors ?? []) as GraphQLErrorBody[]);
          }
          yield result.data as R;
        }
      })();
    },

    async close() {
      await ws?.dispose();
    },
  };
}

export type ParleyClient = ReturnType<typeof createParleyClient>;
