import type { CredentialCipher } from '../channels/credential-crypto.ts';
import type { Config } from '../config.ts';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import type { EventRelay } from '../events/relay.ts';
import type { Logger } from '../log.ts';
import { createWebhookDispatcher } from './dispatcher.ts';
import { createWebhookSender } from './sender.ts';
import type { PresentEvent } from './services.ts';

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
  });
  const dispatcher = createWebhookDispatcher({
    prisma: deps.prisma,
    present: deps.present,
    retryWindowMs: config.retryWindowMs,
    retentionDays: deps.retentionDays,
    log: deps.log,
    queued: sender.wake,
  });
  return {
    dispatcher,
    sender,
    start() {
      dispatcher.start();
      sender.start();
    },
    /** Deliveries were queued by a request (a replay): send now. */
    wake: sender.wake,
    async stop() {
      await dispatcher.stop();
      await sender.stop();
    },
  };
}

export type WebhookWorker = ReturnType<typeof createWebhookWorker>;
