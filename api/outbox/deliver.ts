import { setTimeout as sleep } from 'node:timers/promises';
import { type ApprovedTemplate, ChannelError, type ChannelProvider } from '../../plugins/sdk/index.ts';
import type { Message } from '../db/generated/prisma/client.ts';
import type { Logger } from '../log.ts';
import { providerCalls } from '../tracing/provider-span.ts';
import type { Claim } from './claims.ts';
import type { Outcomes } from './outcomes.ts';
import { TimedOut, withTimeout } from './timeout.ts';

export type DeliverDeps = {
  outcomes: Outcomes;
  log: Logger;
  sendTimeoutMs: number;
  maxAttempts: number;
  /** The delay before retry `attempt` (jittered, see backoff.ts). */
  backoff: (attempt: number) => number;
};

export type Route = {
  pluginId: string;
  provider: ChannelProvider;
  /** Where the provider reports this message's status; the Parley id in it is covered by the provider's signature. */
  statusCallbackUrl(messageId: string): string;
};

/**
 * One send attempt of a claimed row: waits for the row's slot on its number
 * (`waitMs`, from the claim), calls the provider once with a timeout, and
 * records what the answer means:
 * - accepted: SENT with the provider's id;
 * - no answer that proves refusal (5xx, reset, timeout, anything unexpected):
 *   unclear, reconciled with the provider after a delay, never resent blindly;
 *   an answer that arrives after the timeout is still recorded;
 * - a refusal worth retrying (429), while attempts remain: back to PENDING after a jittered delay;
 * - any other refusal: FAILED.
 */
export async function deliver(deps: DeliverDeps, attempt: Claim, message: Message, route: Route): Promise<void> {
  const { outcomes, log, sendTimeoutMs, maxAttempts, backoff } = deps;
  if (attempt.waitMs > 0) await sleep(attempt.waitMs);
  const call = providerCalls.trace(route.pluginId, 'send', () =>
    route.provider.send({
      from: message.fromNumber,
      to: message.toNumber,
      body: message.body,
      ...(message.template ? { template: message.template as ApprovedTemplate } : {}),
      statusCallbackUrl: route.statusCallbackUrl(message.id),
      correlationId: message.id,
    }),
  );
  let providerMessageId: string;
  try {
    providerMessageId = (await withTimeout(call, sendTimeoutMs, 'send')).providerMessageId;
  } catch (error) {
    if (error instanceof TimedOut) {
      // The call may still be accepted: record it if it is, and reconcile no sooner than it had to answer.
      call.then((late) => outcomes.sent(attempt, route.pluginId, late.providerMessageId)).catch(() => {});
      log.warn({ messageId: message.id, timeoutMs: sendTimeoutMs }, 'outbox: send timed out; will reconcile');
      await outcomes.unclear(attempt, error.message, Math.max(backoff(attempt.attempts), sendTimeoutMs));
      return;
    }
    if (!(error instanceof ChannelError) || error.outcome === 'unclear') {
      const reason = (error as Error).message;
      log.warn({ messageId: message.id, err: reason }, 'outbox: send outcome unclear; will reconcile');
      await outcomes.unclear(attempt, reason, backoff(attempt.attempts));
      return;
    }
    if (error.transient && attempt.attempts < maxAttempts) {
      await outcomes.retry(attempt, error.message, backoff(attempt.attempts));
      return;
    }
    await outcomes.failed(attempt, error, message);
    return;
  }
  await outcomes.sent(attempt, route.pluginId, providerMessageId);
}
