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
};

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
