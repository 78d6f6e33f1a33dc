import type { CredentialFeed } from '../auth/credential-feed.ts';
import type { TenantDb } from '../db/tenant-scope.ts';

/** What a domain function needs to act inside one tenant; always passed explicitly. */
export type TenantScope = {
  tenantId: string;
  db: TenantDb;
  events: {
    /** Events were committed: the relay publishes them now rather than at its next poll. */
    relayNow(): void;
    credentialsChanged: CredentialFeed['announce'];
  };
};

type TransactionFn = Extract<Parameters<TenantDb['$transaction']>[0], (...args: never[]) => unknown>;
/** The client inside `scope.db.$transaction(async (tx) => …)`: still scoped to the tenant. */
export type TenantTx = Parameters<TransactionFn>[0];
