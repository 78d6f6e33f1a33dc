import { ChannelError } from '../../plugins/sdk/index.ts';
import type { ChannelRegistry } from '../channels/registry.ts';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import type { Channel } from '../db/generated/prisma/enums.ts';
import { scopeToTenant } from '../db/tenant-scope.ts';
import { changeConsent } from '../domain/consent.ts';
import type { EventBus } from '../events/pubsub.ts';
import type { Logger } from '../log.ts';
import { advanceMessage } from '../messaging/delivery-status.ts';
import { type Claim, claimDue, claimExpired, restartAttempt } from './claims.ts';

export type OutboxWorkerOptions = {
  prisma: PrismaClient;
  channels: ChannelRegistry;
  events: Pick<EventBus, 'publish'>;
  log: Logger;
  /** Base for status-callback URLs (PUBLIC_URL). */
  publicUrl: string;
  leaseMs: number;
  maxAttempts: number;
  batchSize?: number;
  pollMs?: number;
  /** Delay before the first retry after a transient failure; it doubles each time, up to five minutes. */
  retryBaseMs: number;
};

/** Where the provider reports this message's status; the Parley id in it is covered by the provider's signature. */
function statusCallbackUrl(publicUrl: string, route: string, messageId: string) {
  return `${publicUrl}/webhooks/${route}/sms/status?messageId=${messageId}`;
}

/**
 * Delivers outbox rows through channel plugins. Each row is marked SENDING
 * before the provider is called; a worker that dies mid-send leaves the row
 * to be reconciled with the provider after its lease, never sent blindly
 * again. Transient refusals retry with backoff up to `maxAttempts`.
 */
export function createOutboxWorker(options: OutboxWorkerOptions) {
  const { prisma, channels, events, log, leaseMs, maxAttempts } = options;
  const batchSize = options.batchSize ?? 16;
  const pollMs = options.pollMs ?? 500;
  const backoff = (attempt: number) => Math.min(options.retryBaseMs * 2 ** (attempt - 1), 5 * 60_000);

  let running = false;
  let wakeUp: (() => void) | null = null;
  let loop: Promise<void> | null = null;
  const inFlight = new Set<Promise<void>>();

  async function succeed(claim: Claim, pluginId: string, providerMessageId: string) {
    await prisma.outboxEntry.update({
      where: { id: claim.id },
      data: { state: 'DONE', leaseUntil: null, lastError: null },
    });
    if (await advanceMessage(prisma, claim.messageId, { status: 'SENT', provider: pluginId, providerMessageId })) {
      events.publish(claim.tenantId, 'MESSAGE_STATUS_CHANGED', claim.messageId);
    }
  }

  async function fail(claim: Claim, error: ChannelError, channel: Channel, candidateNumber: string) {
    await prisma.outboxEntry.update({
      where: { id: claim.id },
      data: { state: 'FAILED', leaseUntil: null, lastError: error.message },
    });
    await advanceMessage(prisma, claim.messageId, {
      status: 'FAILED',
      errorCode: error.code,
      errorMessage: error.message,
    });
    events.publish(claim.tenantId, 'MESSAGE_STATUS_CHANGED', claim.messageId);
    if (error.code === 'RECIPIENT_OPTED_OUT') {
      const db = scopeToTenant(prisma, claim.tenantId);
      const message = await db.message.findUniqueOrThrow({
        where: { id: claim.messageId },
        select: { conversation: true },
      });
      const result = await db.$transaction((tx) =>
        changeConsent(tx, claim.tenantId, {
          candidateId: message.conversation.candidateId,
          channel,
          to: 'OPTED_OUT',
          source: 'CARRIER',
          evidence: `The provider refused to deliver to ${candidateNumber}: ${error.message}`,
          messageId: claim.messageId,
        }),
      );
      if (result.changed) events.publish(claim.tenantId, 'CONSENT_CHANGED', message.conversation.candidateId);
    }
  }

  async function retryLater(claim: Claim, error: ChannelError) {
    await prisma.outboxEntry.update({
      where: { id: claim.id },
      data: {
        state: 'PENDING',
        leaseUntil: null,
        lastError: error.message,
        nextAttemptAt: new Date(Date.now() + backoff(claim.attempts)),
      },
    });
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
      return fail(claim, missing, message.channel, message.toNumber);
    }
    const provider = channel.provider;
    let attempt = claim;
    if (reconcile) {
      const known = await prisma.message.findMany({
        where: { conversationId: message.conversationId, providerMessageId: { not: null } },
        select: { providerMessageId: true },
      });
      const found = await provider.findSent({
        from: message.fromNumber,
        to: message.toNumber,
        body: message.body,
        since: new Date(claim.claimedAt.getTime() - 5_000),
        exclude: known.map((m) => m.providerMessageId as string),
      });
      if (found) {
        log.info({ messageId: message.id }, 'outbox: reconciled a send whose outcome was unknown: the provider has it');
        return succeed(claim, channel.pluginId, found.providerMessageId);
      }
      const [restarted] = await restartAttempt(prisma, claim, leaseMs);
      if (!restarted) return;
      attempt = restarted;
    }
    try {
      const result = await provider.send({
        from: message.fromNumber,
        to: message.toNumber,
        body: message.body,
        statusCallbackUrl: statusCallbackUrl(options.publicUrl, channel.route, message.id),
      });
      await succeed(attempt, channel.pluginId, result.providerMessageId);
    } catch (error) {
      if (!(error instanceof ChannelError)) {
        log.warn(
          { messageId: message.id, err: (error as Error).message },
          'outbox: send outcome unknown; will reconcile after the lease',
        );
        return;
      }
      if (error.transient && attempt.attempts < maxAttempts) return retryLater(attempt, error);
      return fail(attempt, error, message.channel, message.toNumber);
    }
  }

  function track(claim: Claim, reconcile: boolean) {
    const work = deliver(claim, reconcile)
      .catch((error: Error) =>
        log.error({ err: error, outboxId: claim.id }, 'outbox: delivery crashed; the lease will bring it back'),
      )
      .finally(() => inFlight.delete(work));
    inFlight.add(work);
  }

  /** One pass: claims what is due and what needs reconciling, and delivers it. Resolves when that work is done. */
  async function runOnce(): Promise<number> {
    const [due, expired] = await Promise.all([
      claimDue(prisma, batchSize, leaseMs),
      claimExpired(prisma, batchSize, leaseMs),
    ]);
    for (const claim of due) track(claim, false);
    for (const claim of expired) track(claim, true);
    await Promise.all([...inFlight]);
    return due.length + expired.length;
  }

  async function run() {
    while (running) {
      let worked = 0;
      try {
        worked = await runOnce();
      } catch (error) {
        log.error({ err: error }, 'outbox: claiming failed; retrying');
      }
      if (worked === 0 && running) {
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
