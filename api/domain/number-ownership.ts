import type { ChannelRegistry } from '../channels/registry.ts';
import { NotAuthorizedError, NumberNotOwnedError, NumberOwnershipUnverifiedError, ValidationError } from './errors.ts';

/**
 * How a number's ownership was proved when it joined a pool: the provider's API
 * lists it for the account (PROVIDER), it is in the plugin's own range (RANGE,
 * the sandbox), or the platform operator vouched for it (OPERATOR: the
 * platform's account, or a provider that cannot list numbers, such as credit-sms).
 */
export type OwnershipProof = 'PROVIDER' | 'RANGE' | 'OPERATOR';

export type OwnershipQuestion = {
  tenantId: string;
  /** The tenant's channel account; null: the platform's account. */
  account: { id: string; pluginId: string } | null;
  e164: string;
  /** The platform operator asks (else a tenant admin): only the operator's word counts without a provider's proof. */
  byOperator: boolean;
};

/**
 * Proves that the account holds the number before it joins a tenant's pool
 * (whoever holds it receives its inbound texts), or refuses: not owned
 * (NumberNotOwnedError), the provider could not be asked
 * (NumberOwnershipUnverifiedError), or nothing can prove it and the caller is
 * not the operator (NotAuthorizedError).
 */
export async function proveOwnership(channels: ChannelRegistry, q: OwnershipQuestion): Promise<OwnershipProof> {
  if (!q.account) {
    if (q.byOperator) return 'OPERATOR';
    throw new NotAuthorizedError("Only the platform operator adds numbers of the platform's own account.");
  }
  const plugin = channels.plugins.get(q.account.pluginId);
  if (plugin?.sendingNumbers) {
    if (plugin.sendingNumbers.owns(q.e164)) return 'RANGE';
    throw ValidationError.of(
      'e164',
      `is not a number this channel account can send from: use ${plugin.sendingNumbers.description}`,
    );
  }
  const provider = await channels.accountProvider(q.tenantId, q.account.id);
  if (!provider?.ownsNumber) {
    if (q.byOperator) return 'OPERATOR';
    throw new NotAuthorizedError(
      `${q.account.pluginId} cannot list an account's numbers, so Parley cannot prove this account holds ${q.e164}: ask the platform operator to add it.`,
    );
  }
  let owned: boolean;
  try {
    owned = await provider.ownsNumber(q.e164);
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'UNKNOWN';
    const todo =
      code === 'AUTHENTICATION_FAILED'
        ? "the provider refused the account's credentials: update them (updateChannelAccountCredentials), then add the number again"
        : 'try again in a few minutes; nothing was added';
    throw new NumberOwnershipUnverifiedError(
      q.account.pluginId,
      code,
      `Parley could not ask ${q.account.pluginId} whether this account holds ${q.e164}: ${todo}.`,
    );
  }
  if (!owned) throw new NumberNotOwnedError(q.e164, q.account.pluginId);
  return 'PROVIDER';
}
