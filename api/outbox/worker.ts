import { ChannelError } from '../../plugins/sdk/index.ts';
import type { ChannelRegistry } from '../channels/registry.ts';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import { asSendChannel } from '../domain/send-channels.ts';
import type { EventRelay } from '../events/relay.ts';
import type { Logger } from '../log.ts';
import { backoffDelay } from './backoff.ts';
import { type Claim, claimDue, claimExpired } from './claims.ts';
import { consentWithdrawn } from './consent-check.ts';
import { type DeliverDeps, deliver } from './deliver.ts';
import { createClaimLoop } from './loop.ts';
import { createOutcomes, type SendEnded } from './outcomes.ts';
import { type ReconcileDeps, reconcile } from './reconcile.ts';
import { recordFailed } from './records.ts';
import type { ScheduledRecheck } from './scheduled-recheck.ts';
import { windowClosedSince } from './window-check.ts';

export type OutboxWorkerOptions = {
  prisma: PrismaClient;
  /** The provider of the account that owns each message's sending number. */
  channels: Pick<ChannelRegistry, 'providerFor'>;
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
  /**
   * Deliveries in flight at once through one provider account (a tenant's channel account, or the
   * platform's account per tenant): a hanging account holds at most this many slots, and its other
   * rows wait unclaimed while the free slots go to other accounts (default 8).
   */
  accountConcurrency?: number;
  /** Sleep between claims when nothing more is due; a number's slots up to twice this far ahead are claimed (and waited for). */
  pollMs?: number;
  /** Delay before the first retry after a transient failure; retries back off with jitter, up to five minutes. */
  retryBaseMs: number;
  /** How long one provider call may take; past it the send is unclear and is reconciled, never resent blindly. */
  sendTimeoutMs?: number;
  /** How long an unclear send waits for a status webhook when the provider cannot be asked (reconcile.ts). */
  unknowableWaitMs?: number;
  /** Asks the whole send policy again when a scheduled message is due (scheduled-recheck.ts). */
  scheduled?: ScheduledRecheck;
  /** Told of each final outbox status recorded (the sends counter of /metrics). */
  sendEnded?: SendEnded;
};

type Job = { claim: Claim; reconcile: boolean };

/**
 * Delivers outbox rows through channel plugins, from small parts: the claim
 * (claims.ts: paced per sending number, one identical text in flight at a
 * time), the send attempt (deliver.ts), the records of its outcome (outcomes.ts,
 * records.ts), reconciliation of unclear attempts (reconcile.ts), jittered
 * backoff (backoff.ts) and the claim loop (loop.ts). Each row is marked SENDING
 * before the provider is called; an attempt whose answer does not prove refusal
 * is reconciled with the provider before any new attempt, never sent blindly again.
 */
export function createOutboxWorker(options: OutboxWorkerOptions) {
  const { prisma, channels, log, leaseMs, maxAttempts } = options;
  const pollMs = options.pollMs ?? 500;
  const sendTimeoutMs = options.sendTimeoutMs ?? 15_000;
  const backoff = (attempt: number) => backoffDelay(options.retryBaseMs, attempt);
  const outcomes = createOutcomes({ prisma, relay: options.relay, sendEnded: options.sendEnded });
  const deliverDeps: DeliverDeps = { outcomes, log, sendTimeoutMs, maxAttempts, backoff };
  const reconcileDeps: ReconcileDeps = {
    prisma,
    outcomes,
    log,
    leaseMs,
    maxAttempts,
    sendTimeoutMs,
    backoff,
    unknowableWaitMs: options.unknowableWaitMs ?? 10 * 60_000,
  };

  /** Fails a claimed message that must not go out any more, with the reason the recruiter reads. */
  async function refuse(attempt: Claim, code: string, message: string) {
    const { advanced, held, channel, provider } = await recordFailed(prisma, attempt, { code, message });
    if (held && channel) options.sendEnded?.(channel, provider, 'failed');
    if (advanced) options.relay.wake();
  }

  /** One claimed row: its message, the provider of its number's account, reconciliation if due, then the attempt. */
  async function handle({ claim, reconcile: unclear }: Job) {
    const message = await prisma.message.findUnique({ where: { id: claim.messageId } });
    if (!message) return void (await prisma.outboxEntry.delete({ where: { id: claim.id } }).catch(() => {}));
    // Only queued sends reach the outbox: a recorded email never has an outbox entry.
    const channel = await channels.providerFor({ ...message, channel: asSendChannel(message.channel) });
    if (!channel?.provider) {
      const missing = new ChannelError(
        'PROVIDER_UNAVAILABLE',
        `No ${message.channel} provider is configured on this installation.`,
        false,
      );
      return outcomes.failed(claim, missing, message);
    }
    const route = { ...channel, provider: channel.provider };
    const attempt = unclear ? await reconcile(reconcileDeps, claim, message, route) : claim;
    if (!attempt) return;
    if (message.status === 'SCHEDULED' && (await options.scheduled?.settle(attempt, message))) return;
    if (channel.retired) {
      // Retired while the message waited: the number may be another tenant's now, and replies would reach them.
      return refuse(
        attempt,
        'NUMBER_RETIRED',
        `Not sent: ${message.fromNumber} was retired before the message went out. Send it again: it goes from the conversation's new number.`,
      );
    }
    if (await consentWithdrawn(prisma, message)) return outcomes.withdrawn(attempt);
    const windowHours = route.capabilities?.sessionWindowHours ?? null;
    if (await windowClosedSince(prisma, message, windowHours)) {
      return refuse(
        attempt,
        'POLICY_REFUSED:SESSION_WINDOW_CLOSED',
        `Not sent: the candidate's ${windowHours}-hour window closed while the message waited. Send the re-engagement template.`,
      );
    }
    await deliver(deliverDeps, attempt, message, route);
  }

  const concurrency = options.concurrency ?? 32;
  const perAccount = Math.min(options.accountConcurrency ?? 16, concurrency);
  const loop = createClaimLoop<Job>({
    log,
    batchSize: options.batchSize ?? 16,
    concurrency,
    pollMs,
    key: ({ claim }) => claim.account,
    perKey: perAccount,
    /** Reconciliations first, then due rows as their numbers' pace allows; neither beyond an account's cap. */
    async claim(limit, busy) {
      const expired = await claimExpired(prisma, limit, leaseMs, { busy, perAccount });
      const busier = new Map(busy);
      for (const { account } of expired) busier.set(account, (busier.get(account) ?? 0) + 1);
      const due =
        expired.length < limit
          ? await claimDue(prisma, limit - expired.length, leaseMs, 2 * pollMs, { busy: busier, perAccount })
          : [];
      return [
        ...expired.map((claim) => ({ claim, reconcile: true })),
        ...due.map((claim) => ({ claim, reconcile: false })),
      ];
    },
    handle,
    describe: ({ claim }) => ({ outboxId: claim.id }),
  });

  return {
    /** One pass: claims a batch and waits for its deliveries (tests and tools; the loop does not wait). */
    runOnce: loop.runOnce,
    start: loop.start,
    /** A message was queued: look now rather than at the next poll. */
    wake: loop.wake,
    stop: loop.stop,
  };
}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>;
