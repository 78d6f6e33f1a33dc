import { ChannelError, type ChannelProvider } from '../../plugins/sdk/index.ts';
import type { ChannelRegistry, ConfiguredChannel } from '../channels/registry.ts';
import type { Message, PrismaClient } from '../db/generated/prisma/client.ts';
import { scopeToTenant } from '../db/tenant-scope.ts';
import { changeConsent } from '../domain/consent.ts';
import type { EventRelay } from '../events/relay.ts';
import type { Logger } from '../log.ts';
import { type Claim, claimDue, claimExpired, restartAttempt } from './claims.ts';
import { markUnclear, recordFailed, recordSent, retryLater } from './records.ts';

export type OutboxWorkerOptions = {
  prisma: PrismaClient;
  channels: ChannelRegistry;
  relay: Pick<EventRelay, 'wake'>;
  log: Logger;
  /** Base for status-callback URLs (PUBLIC_URL). */
  publicUrl: string;
  /** How long a claimed row is this worker's; past it, another worker reconciles it with the provider. */
  leaseMs: number;
  maxAttempts: number;
  /** Rows claimed per query. */
  batchSize?: number;
  /** Deliveries in flight at once; the loop keeps claiming while earlier ones are still running. */
  concurrency?: number;
  pollMs?: number;
  /** Delay before the first retry after a transient failure; it doubles each time, up to five minutes. */
  retryBaseMs: number;
  /** How long one provider call may take; past it the send is unclear and is reconciled, never resent blindly. */
  sendTimeoutMs?: number;
};

/** Where the provider reports this message's status; the Parley id in it is covered by the provider's signature. */
function statusCallbackUrl(publicUrl: string, route: string, messageId: string) {
  return `${publicUrl}/webhooks/${route}/sms/status?messageId=${messageId}`;
}

class TimedOut extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Clock differences between this database and the provider, allowed around an attempt's window. */
const SKEW_MS = 5_000;

/**
 * Delivers outbox rows through channel plugins. Each row is marked SENDING
 * before the provider is called. An attempt whose answer does not prove refusal
 * (5xx, reset, timeout, a worker that died) is reconciled with the provider
 * (`findSent`) before any new attempt, never sent blindly again. Refusals worth
 * retrying back off up to `maxAttempts`. Deliveries are independent: a slow
 * provider call holds one slot, not the loop.
 */
export function createOutboxWorker(options: OutboxWorkerOptions) {
  const { prisma, channels, relay, log, leaseMs, maxAttempts } = options;
  const batchSize = options.batchSize ?? 16;
  const concurrency = options.concurrency ?? 32;
  const pollMs = options.pollMs ?? 500;
  const sendTimeoutMs = options.sendTimeoutMs ?? 15_000;
  const backoff = (attempt: number) => Math.min(options.retryBaseMs * 2 ** (attempt - 1), 5 * 60_000);

  let running = false;
  let wakeUp: (() => void) | null = null;
  let loop: Promise<void> | null = null;
  const inFlight = new Set<Promise<void>>();

  async function succeed(claim: Claim, pluginId: string, providerMessageId: string) {
    const { advanced } = await recordSent(prisma, claim, pluginId, providerMessageId);
    if (advanced) relay.wake();
  }

  /** The row and the message fail together; a carrier opt-out changes consent in the same transaction. */
  async function fail(
    claim: Claim,
    error: ChannelError,
    message: Pick<Message, 'channel' | 'toNumber' | 'conversationId'>,
  ) {
    if (error.code !== 'RECIPIENT_OPTED_OUT') {
      const { advanced } = await recordFailed(prisma, claim, error);
      if (advanced) relay.wake();
      return;
    }
    const db = scopeToTenant(prisma, claim.tenantId);
    const { candidateId } = await db.conversation.findUniqueOrThrow({
      where: { id: message.conversationId },
      select: { candidateId: true },
    });
    const outcome = await db.$transaction(async (tx) => {
      const recorded = await recordFailed(tx, claim, error);
      if (!recorded.held) return { ...recorded, consentChanged: false };
      const consent = await changeConsent(tx, claim.tenantId, {
        candidateId,
        channel: message.channel,
        to: 'OPTED_OUT',
        source: 'CARRIER',
        evidence: `The provider refused to deliver to ${message.toNumber}: ${error.message}`,
        messageId: claim.messageId,
      });
      return { ...recorded, consentChanged: consent.changed };
    });
    if (outcome.advanced || outcome.consentChanged) relay.wake();
  }

  /** Whether the provider has the message of an attempt whose outcome is unknown. */
  async function lookUp(claim: Claim, message: Message, provider: ChannelProvider) {
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
      sendTimeoutMs,
      'findSent',
    );
  }

  async function attemptSend(attempt: Claim, message: Message, channel: ConfiguredChannel, provider: ChannelProvider) {
    const call = provider.send({
      from: message.fromNumber,
      to: message.toNumber,
      body: message.body,
      statusCallbackUrl: statusCallbackUrl(options.publicUrl, channel.route, message.id),
    });
    let providerMessageId: string;
    try {
      providerMessageId = (await withTimeout(call, sendTimeoutMs, 'send')).providerMessageId;
    } catch (error) {
      if (error instanceof TimedOut) {
        // The call may still be accepted: record it if it is, and reconcile no sooner than it had to answer.
        call.then((late) => succeed(attempt, channel.pluginId, late.providerMessageId)).catch(() => {});
        log.warn({ messageId: message.id, timeoutMs: sendTimeoutMs }, 'outbox: send timed out; will reconcile');
        await markUnclear(prisma, attempt, error.message, Math.max(backoff(attempt.attempts), sendTimeoutMs));
        return;
      }
      if (!(error instanceof ChannelError) || error.outcome === 'unclear') {
        const reason = (error as Error).message;
        log.warn({ messageId: message.id, err: reason }, 'outbox: send outcome unclear; will reconcile');
        await markUnclear(prisma, attempt, reason, backoff(attempt.attempts));
        return;
      }
      if (error.transient && attempt.attempts < maxAttempts) {
        await retryLater(prisma, attempt, error.message, backoff(attempt.attempts));
        return;
      }
      return fail(attempt, error, message);
    }
    await succeed(attempt, channel.pluginId, providerMessageId);
  }

  async function deliver(claim: Claim, reconcile: boolean) {
    const message = await prisma.message.findUnique({ where: { id: claim.messageId } });
    if (!message) return void (await prisma.outboxEntry.delete({ where: { id: claim.id } }).catch(() => {}));
    const channel = channels.get(message.channel);
    if (!channel?.provider) {
      const missing = new ChannelError(
        'PROVIDER_UNAVAILABLE',
        `No ${message.channel} provider is configured on this installation.`,
        false,
      );
      return fail(claim, missing, message);
    }
    let attempt = claim;
    if (reconcile) {
      let found: Awaited<ReturnType<typeof lookUp>>;
      try {
        found = await lookUp(claim, message, channel.provider);
      } catch (error) {
        log.warn({ messageId: message.id, err: (error as Error).message }, 'outbox: reconciliation failed; will retry');
        await markUnclear(prisma, claim, claim.lastError ?? 'reconciliation failed', backoff(claim.attempts));
        return;
      }
      if (found) {
        log.info({ messageId: message.id }, 'outbox: reconciled a send whose outcome was unclear: the provider has it');
        return succeed(claim, channel.pluginId, found.providerMessageId);
      }
      if (claim.attempts >= maxAttempts) {
        const reason = `No clear answer from the provider after ${claim.attempts} attempts (${claim.lastError ?? 'no answer'}); it does not have the message.`;
        return fail(claim, new ChannelError('PROVIDER_UNAVAILABLE', reason, false), message);
      }
      const [restarted] = await restartAttempt(prisma, claim, leaseMs);
      if (!restarted) return;
      attempt = restarted;
    }
    await attemptSend(attempt, message, channel, channel.provider);
  }

  function track(claim: Claim, reconcile: boolean) {
    const work = deliver(claim, reconcile)
      .catch((error: Error) =>
        log.error({ err: error, outboxId: claim.id }, 'outbox: delivery crashed; the lease will bring it back'),
      )
      .finally(() => {
        inFlight.delete(work);
        // A slot is free: a loop that was full may claim again.
        if (inFlight.size === concurrency - 1) wakeUp?.();
      });
    inFlight.add(work);
    return work;
  }

  /** Claims up to `limit` rows (reconciliations first) and starts their deliveries. */
  async function claim(limit: number): Promise<Promise<void>[]> {
    const expired = await claimExpired(prisma, limit, leaseMs);
    const due = expired.length < limit ? await claimDue(prisma, limit - expired.length, leaseMs) : [];
    return [...expired.map((c) => track(c, true)), ...due.map((c) => track(c, false))];
  }

  /** One pass: claims a batch and waits for its deliveries (tests and tools; the loop does not wait). */
  async function runOnce(): Promise<number> {
    const started = await claim(batchSize);
    await Promise.all(started);
    return started.length;
  }

  async function run() {
    while (running) {
      const room = Math.min(batchSize, concurrency - inFlight.size);
      let claimed = 0;
      if (room > 0) {
        try {
          claimed = (await claim(room)).length;
        } catch (error) {
          log.error({ err: error }, 'outbox: claiming failed; retrying');
        }
      }
      // A full batch means more may be due: claim again at once while there is room.
      if (!running || (claimed > 0 && claimed === room && inFlight.size < concurrency)) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wakeUp = null;
    }
  }

  return {
    runOnce,
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    /** A message was queued: look now rather than at the next poll. */
    wake() {
      wakeUp?.();
    },
    async stop() {
      running = false;
      wakeUp?.();
      await loop;
      await Promise.all([...inFlight]);
    },
  };
}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>;
