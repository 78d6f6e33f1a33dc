import type { CredentialCipher } from '../channels/credential-crypto.ts';
import type { Config } from '../config.ts';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import type { EventRelay } from '../events/relay.ts';
import type { Logger } from '../log.ts';
import { createWebhookDispatcher } from './dispatcher.ts';
import { createWebhookSender } from './sender.ts';
import type { PresentEvent } from './services.ts';

/** How often a copy with no endpoint looks whether one was created (by another copy). */
const IDLE_CHECK_MS = 30_000;

/**
 * Whether any endpoint exists: until one does, the loops run no SQL beside
 * one small look every IDLE_CHECK_MS (most installations and most tests have
 * none). Creating an endpoint on this copy activates it at once.
 */
function createActivityGate(prisma: PrismaClient) {
  let active = false;
  let checkedAt = 0;
  return {
    activate() {
      active = true;
    },
    async active(): Promise<boolean> {
      if (active || Date.now() - checkedAt < IDLE_CHECK_MS) return active;
      checkedAt = Date.now();
      const [row] = await prisma.$queryRaw<{ any: boolean }[]>`SELECT EXISTS (SELECT 1 FROM "WebhookEndpoint") AS any`;
      active = row?.any ?? false;
      return active;
    },
  };
}

/**
 * Outbound webhooks' two loops, apart from the outbox and from each other:
 * the dispatcher queues deliveries from the event log; the sender posts them.
 */
export function createWebhookWorker(deps: {
  prisma: PrismaClient;
  cipher: CredentialCipher;
  relay: Pick<EventRelay, 'wake'>;
  log: Logger;
  present: PresentEvent;
  config: Config['webhooks'];
  retentionDays: number;
}) {
  const { config } = deps;
  const gate = createActivityGate(deps.prisma);
  const sender = createWebhookSender({
    prisma: deps.prisma,
    cipher: deps.cipher,
    relay: deps.relay,
    log: deps.log,
    sendTimeoutMs: config.sendTimeoutMs,
    retryBaseMs: config.retryBaseMs,
    allowPrivateTargets: config.allowPrivateTargets,
    concurrency: config.concurrency,
    endpointConcurrency: config.endpointConcurrency,
    tenantConcurrency: config.tenantConcurrency,
    active: gate.active,
  });
  const dispatcher = createWebhookDispatcher({
    prisma: deps.prisma,
    present: deps.present,
    retryWindowMs: config.retryWindowMs,
    retentionDays: deps.retentionDays,
    log: deps.log,
    queued: sender.wake,
    active: gate.active,
  });
  return {
    dispatcher,
    sender,
    start() {
      dispatcher.start();
      sender.start();
    },
    /** An endpoint was created or deliveries were queued by a request (a replay): look now. */
    wake() {
      gate.activate();
      dispatcher.wake();
      sender.wake();
    },
    async stop() {
      await dispatcher.stop();
      await sender.stop();
    },
  };
}

export type WebhookWorker = ReturnType<typeof createWebhookWorker>;
