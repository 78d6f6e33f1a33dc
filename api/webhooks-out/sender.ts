import { v7 as uuidv7 } from 'uuid';
import type { CredentialCipher } from '../channels/credential-crypto.ts';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import type { EventRelay } from '../events/relay.ts';
import type { Logger } from '../log.ts';
import { createClaimLoop } from '../outbox/loop.ts';
import { claimDeliveries, type DeliveryClaim } from './claims.ts';
import { markFailing, markRecovered } from './failing-notice.ts';
import { type PostResult, postWebhook } from './post.ts';
import { nextRetryAt } from './retry-schedule.ts';
import { openSecret } from './secret-box.ts';
import { webhookHeaders } from './signing.ts';

export type WebhookSenderOptions = {
  prisma: PrismaClient;
  cipher: CredentialCipher;
  relay: Pick<EventRelay, 'wake'>;
  log: Logger;
  sendTimeoutMs: number;
  retryBaseMs: number;
  allowPrivateTargets: boolean;
  /** Deliveries in flight at once, in all, to one endpoint and for one tenant. */
  concurrency: number;
  endpointConcurrency: number;
  tenantConcurrency: number;
  pollMs?: number;
  /** False while there is no endpoint at all: no claim runs. */
  active?: () => Promise<boolean>;
};

/**
 * Sends claimed deliveries, each in its own slot of the claim loop, so an
 * endpoint that hangs holds at most `endpointConcurrency` slots (its tenant at
 * most `tenantConcurrency`) and never the
 * loop. Every attempt is logged; a 2xx settles the delivery, anything else is
 * retried with backoff until its retry window ends, then it fails and its
 * endpoint is marked FAILING (admins notified once).
 */
export function createWebhookSender(options: WebhookSenderOptions) {
  const { prisma, cipher, log } = options;
  // Past the send timeout the attempt is over; the margin keeps a slow database from letting another copy resend early.
  const leaseMs = options.sendTimeoutMs + 5_000;
  /** Aborted by stop(): requests in flight end at once and are retried, rather than holding the shutdown. */
  let stopping = new AbortController();

  /** The secrets that sign now: the current one, and the previous one while its overlap lasts. */
  async function signingSecrets(endpointId: string) {
    const endpoint = await prisma.webhookEndpoint.findUnique({ where: { id: endpointId } });
    if (!endpoint) return null;
    const secrets = [openSecret(cipher, endpoint.secret)];
    if (endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > new Date()) {
      secrets.push(openSecret(cipher, endpoint.previousSecret));
    }
    return { url: endpoint.url, secrets };
  }

  async function record(claim: DeliveryClaim, result: PostResult) {
    const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    const now = new Date();
    const retryAt = ok ? null : nextRetryAt(now, claim.attempts, options.retryBaseMs, claim.retryUntil);
    let events = false;
    await prisma.$transaction(async (tx) => {
      // Nothing to record when the endpoint (and its deliveries) was deleted during the attempt.
      const logged = await tx.$executeRaw`
        INSERT INTO "WebhookAttempt" (id, "tenantId", "deliveryId", "statusCode", error, "latencyMs", at)
        SELECT ${uuidv7()}::uuid, ${claim.tenantId}::uuid, d.id, ${result.statusCode}::int, ${result.error}, ${result.latencyMs}::int, ${now}
        FROM "WebhookDelivery" d WHERE d.id = ${claim.id}::uuid FOR UPDATE`;
      if (!logged) return;
      // Only the claim that holds this attempt settles it (a copy that re-claimed after a lost lease owns it now).
      const where = { id: claim.id, state: 'SENDING' as const, attempts: claim.attempts };
      if (ok) {
        await tx.webhookDelivery.updateMany({ where, data: { state: 'DELIVERED', settledAt: now, leaseUntil: null } });
        events = await markRecovered(tx, claim.endpointId);
      } else if (retryAt) {
        await tx.webhookDelivery.updateMany({
          where,
          data: { state: 'PENDING', nextAttemptAt: retryAt, leaseUntil: null },
        });
      } else {
        const failed = await tx.webhookDelivery.updateMany({
          where,
          data: { state: 'FAILED', settledAt: now, leaseUntil: null },
        });
        const reason = result.statusCode !== null ? `HTTP ${result.statusCode}` : (result.error ?? 'no answer');
        if (failed.count) events = await markFailing(tx, claim.endpointId, reason);
      }
    });
    if (events) options.relay.wake();
  }

  async function handle(claim: DeliveryClaim) {
    try {
      await attempt(claim);
    } catch (error) {
      log.error({ err: error, webhookDeliveryId: claim.id }, 'webhooks: delivery crashed; its lease brings it back');
    }
  }

  async function attempt(claim: DeliveryClaim) {
    const target = await signingSecrets(claim.endpointId);
    if (!target) return; // deleted meanwhile: its deliveries went with it
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = webhookHeaders(target.secrets, claim.eventId, timestamp, claim.body);
    const result = await postWebhook(target.url, headers, claim.body, {
      timeoutMs: options.sendTimeoutMs,
      allowPrivate: options.allowPrivateTargets,
      signal: stopping.signal,
    });
    await record(claim, result);
  }

  const loop = createClaimLoop<DeliveryClaim>({
    log,
    batchSize: 16,
    concurrency: options.concurrency,
    pollMs: options.pollMs ?? 200,
    claim: async (limit) =>
      options.active && !(await options.active())
        ? []
        : claimDeliveries(prisma, {
            limit,
            perEndpoint: options.endpointConcurrency,
            perTenant: options.tenantConcurrency,
            leaseMs,
          }),
    handle,
    describe: (claim) => ({ webhookDeliveryId: claim.id }),
  });

  return {
    runOnce: loop.runOnce,
    start() {
      if (stopping.signal.aborted) stopping = new AbortController();
      loop.start();
    },
    wake: loop.wake,
    stop() {
      stopping.abort();
      return loop.stop();
    },
  };
}

export type WebhookSender = ReturnType<typeof createWebhookSender>;
