import { createContext, useContext } from 'react';
import { createParleyClient, type ParleyClient } from '../../parley-client.ts';

/** The service that serves this page also answers GraphQL, over HTTP and graphql-ws, at /graphql. */
export const GRAPHQL_URL = new URL('/graphql', window.location.href).href;

const TOKEN_KEY = 'parley.userToken';

/** The token lives for this tab only (sessionStorage), never in the URL. */
export const savedToken = () => sessionStorage.getItem(TOKEN_KEY);
export const saveToken = (token: string | null) =>
  token ? sessionStorage.setItem(TOKEN_KEY, token) : sessionStorage.removeItem(TOKEN_KEY);

export const connect = (token: string): ParleyClient =>
  createParleyClient({ url: GRAPHQL_URL, credential: token, trustedDocuments: true });

export const ClientContext = createContext<ParleyClient | null>(null);

/** The signed-in user's client: `request` over HTTP, `subscribe` over graphql-ws. */
export function useClient(): ParleyClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient outside a signed-in page');
  return client;
}
