import { ChannelError, type ChannelProvider, type SendResult } from '../../plugins/sdk/index.ts';
import type { Message, PrismaClient } from '../db/generated/prisma/client.ts';
import type { Logger } from '../log.ts';
import { type Claim, restartAttempt } from './claims.ts';
import type { Outcomes } from './outcomes.ts';
import { withTimeout } from './timeout.ts';

/** Clock differences between this database and the provider, allowed around an attempt's window. */
const SKEW_MS = 5_000;

export type ReconcileDeps = {
  prisma: PrismaClient;
  outcomes: Outcomes;
  log: Logger;
  leaseMs: number;
  maxAttempts: number;
  sendTimeoutMs: number;
  backoff: (attempt: number) => number;
  /**
   * How long an unclear send waits for the provider's status webhook when the provider cannot be
   * asked (its `reconciliation` is 'status-webhook'), counted from the first unclear attempt; then it fails as
   * OUTCOME_UNKNOWN instead of being sent again.
   */
  unknowableWaitMs: number;
};

/** While waiting for a status webhook, how often the row is looked at again (at most). */
const RECHECK_MS = 1_000;

/**
 * Whether the provider has the message of an attempt whose outcome is unknown:
 * a message between the same numbers with the same body, created since the
 * first unclear attempt began, that no other Parley message has recorded. The
 * claim never lets two identical texts be in flight at once (claims.ts), so
 * the one found is this message's, not a twin's.
 */
export async function lookUp(
  prisma: PrismaClient,
  claim: Claim,
  message: Message,
  provider: ChannelProvider,
  timeoutMs: number,
): Promise<SendResult | null> {
  const known = await prisma.message.findMany({
    where: {
      tenantId: message.tenantId,
      fromNumber: message.fromNumber,
      toNumber: message.toNumber,
      body: message.body,
      providerMessageId: { not: null },
      id: { not: message.id },
    },
    select: { providerMessageId: true },
  });
  return withTimeout(
    provider.findSent({
      from: message.fromNumber,
      to: message.toNumber,
      body: message.body,
      since: new Date(claim.claimedAt.getTime() - SKEW_MS),
      until: new Date(Date.now() + SKEW_MS),
      exclude: known.map((m) => m.providerMessageId as string),
      correlationId: message.id,
    }),
    timeoutMs,
    'findSent',
  );
}

/**
 * Settles a row whose last attempt is unclear before anything is sent again:
 * found at the provider, it is SENT; not found with attempts used up, FAILED;
 * otherwise a new attempt (with its own slot on the number) is returned for
 * the caller to deliver. Returns null when nothing more is to be done now
 * (settled, the lookup failed and is rescheduled, or the row was taken).
 */
export async function reconcile(
  deps: ReconcileDeps,
  claim: Claim,
  message: Message,
  route: { pluginId: string; provider: ChannelProvider },
): Promise<Claim | null> {
  const { prisma, outcomes, log } = deps;
  // A status webhook carrying this message's correlation id attached the provider's id: it has the message.
  if (message.providerMessageId) {
    await outcomes.sent(claim, route.pluginId, message.providerMessageId);
    return null;
  }
  if (route.provider.reconciliation === 'status-webhook') return awaitStatusWebhook(deps, claim);
  let found: SendResult | null;
  try {
    found = await lookUp(prisma, claim, message, route.provider, deps.sendTimeoutMs);
  } catch (error) {
    log.warn({ messageId: message.id, err: (error as Error).message }, 'outbox: reconciliation failed; will retry');
    await outcomes.unclear(claim, claim.lastError ?? 'reconciliation failed', deps.backoff(claim.attempts));
    return null;
  }
  if (found) {
    log.info({ messageId: message.id }, 'outbox: reconciled a send whose outcome was unclear: the provider has it');
    await outcomes.sent(claim, route.pluginId, found.providerMessageId);
    return null;
  }
  if (claim.attempts >= deps.maxAttempts) {
    const reason = `No clear answer from the provider after ${claim.attempts} attempts (${claim.lastError ?? 'no answer'}); it does not have the message.`;
    await outcomes.failed(claim, new ChannelError('PROVIDER_UNAVAILABLE', reason, false), message);
    return null;
  }
  const [restarted] = await restartAttempt(prisma, claim, deps.leaseMs);
  return restarted ?? null;
}

/**
 * The provider cannot be asked whether it has the message, and sending it again
 * could give the candidate the same text twice: wait for its status webhook
 * (which attaches the provider's id, see above), then, after `unknowableWaitMs`,
 * fail it saying that it may or may not have arrived.
 */
async function awaitStatusWebhook(deps: ReconcileDeps, claim: Claim): Promise<null> {
  const waited = Date.now() - claim.claimedAt.getTime();
  if (waited < deps.unknowableWaitMs) {
    const delay = Math.min(deps.unknowableWaitMs - waited, Math.max(deps.backoff(claim.attempts), RECHECK_MS));
    await deps.outcomes.unclear(claim, claim.lastError ?? 'no answer from the provider', delay);
    return null;
  }
  const minutes = Math.max(1, Math.round(deps.unknowableWaitMs / 60_000));
  await deps.outcomes.outcomeUnknown(
    claim,
    `The provider's answer to this send was lost (${claim.lastError ?? 'no answer'}) and it reported nothing about the message within ${minutes} min; the provider offers no way to ask. It may or may not have reached the candidate, so it was not sent again: check with the candidate before sending it again.`,
  );
  return null;
}
