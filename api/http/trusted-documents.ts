import { readFileSync } from 'node:fs';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { GraphQLError } from 'graphql';
import type { Actor } from '../auth/actor.ts';

/**
 * Trusted documents: the operations in clients/operations, as `npm run codegen`
 * writes them to clients/generated/persisted-documents.json (sha256 of the
 * document -> document). A client sends
 * `extensions: { persistedQuery: { version: 1, sha256Hash } }` instead of the
 * document (over graphql-ws with `query: ""`). A tenant with
 * requireTrustedDocuments set accepts nothing else from its user tokens.
 */
export type TrustedDocuments = { get(hash: string): string | undefined; readonly size: number };

/** Read at run time next to the sources (npm start's bundle keeps this module's URL), so a codegen run needs no rebuild. */
const STORE_URL = new URL('../../clients/generated/persisted-documents.json', import.meta.url);

function loadTrustedDocuments(url: URL = STORE_URL): TrustedDocuments {
  const raw = JSON.parse(readFileSync(url, 'utf8')) as Record<string, string>;
  const byHash = new Map(Object.entries(raw).map(([key, document]) => [bareHash(key), document]));
  return { get: (hash) => byHash.get(bareHash(hash)), size: byHash.size };
}

let loaded: TrustedDocuments | undefined;
/** The store, read once per process. */
export function trustedDocuments(): TrustedDocuments {
  loaded ??= loadTrustedDocuments();
  return loaded;
}

/** codegen writes `sha256:<hex>`; Apollo-style clients send the bare hex. Both name the same document. */
function bareHash(hash: string): string {
  return hash.startsWith('sha256:') ? hash.slice('sha256:'.length) : hash;
}

type Params = { query?: string | null; extensions?: Record<string, unknown> | null };

/** The hash a request names in extensions.persistedQuery, if any. */
export function persistedHash(params: Params | undefined): string | null {
  const persisted = params?.extensions?.persistedQuery as { version?: unknown; sha256Hash?: unknown } | undefined;
  return persisted?.version === 1 && typeof persisted.sha256Hash === 'string' ? persisted.sha256Hash : null;
}

export function persistedQueryNotFound(): GraphQLError {
  return new GraphQLError(
    'No trusted document has this hash: send the sha256Hash from clients/generated/persisted-documents.json of this Parley version (npm run codegen).',
    { extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 400, spec: false } } },
  );
}

function persistedQueryRequired(): GraphQLError {
  return new GraphQLError(
    'Your tenant accepts only trusted documents from user tokens: send extensions.persistedQuery { version: 1, sha256Hash } of a generated operation instead of the query (the typed client: trustedDocuments: true). Arbitrary documents need an API key.',
    { extensions: { code: 'PERSISTED_QUERY_REQUIRED', http: { status: 403, spec: false } } },
  );
}

/**
 * Yoga's persisted operations plugin over the store: a request with a hash and
 * no document runs the stored document; one with a document runs it as before
 * (who may send one is decided by `requireTrustedDocument`, once the caller is known).
 */
export function useTrustedDocuments(store: TrustedDocuments) {
  return usePersistedOperations({
    allowArbitraryOperations: true,
    getPersistedOperation: (hash) => store.get(hash) ?? null,
    customErrors: {
      notFound: () => persistedQueryNotFound(),
      keyNotFound: () =>
        new GraphQLError(
          'Send a GraphQL document in "query", or a trusted document\'s hash in extensions.persistedQuery { version: 1, sha256Hash }.',
          { extensions: { code: 'BAD_REQUEST', http: { status: 400, spec: false } } },
        ),
    },
  });
}

/** Whether the document about to run is the trusted document the request named by its hash. */
function runsTrustedDocument(store: TrustedDocuments, params: Params | undefined): boolean {
  const hash = persistedHash(params);
  return hash !== null && typeof params?.query === 'string' && store.get(hash) === params.query;
}

/**
 * Refuses (before any resolver runs) a user token's document that is not a
 * trusted document when its tenant requires them; introspection included.
 * API keys and the operator are not held to it. Enforced in every mode.
 */
export function requireTrustedDocument(store: TrustedDocuments, actor: Actor, params: Params | undefined): void {
  if (actor.kind === 'user' && actor.requireTrustedDocuments && !runsTrustedDocument(store, params))
    throw persistedQueryRequired();
}
