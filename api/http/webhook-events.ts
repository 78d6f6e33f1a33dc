import type { WebhookEvent } from '../../plugins/sdk/index.ts';
import type { WebhookChannel } from '../channels/registry.ts';
import type { Logger } from '../log.ts';
import { type InboundDeps, receiveInbound } from '../messaging/inbound/receive-inbound.ts';
import { applyStatusCallback } from '../messaging/status/status-callback.ts';

/** Control characters (NUL above all: PostgreSQL refuses it) in ids and numbers; a plugin should refuse them first. */
export const badText = (...values: string[]) =>
  values.some((v) => [...v].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f));

/** A text (a message's body, a provider's error message) with a control character other than tab and line breaks, or broken Unicode. */
const badProse = (v: string) =>
  /\p{Cc}/u.test(v.replace(/[\t\n\r]/g, '')) || !(v as string & { isWellFormed(): boolean }).isWellFormed();

/**
 * Why a parsed event cannot be stored, or null when it can: checked here for every plugin, whatever its
 * parser let through, so a signed request with bad bytes in any field that is stored is a 400, never a 500.
 */
export function eventProblem(event: WebhookEvent): string | null {
  if (event.type === 'status') {
    const { providerMessageId, correlationId, error } = event.update;
    if (badText(providerMessageId, correlationId ?? '')) return 'control characters in the message id';
    return error && (badText(error.code, error.providerCode) || badProse(error.message))
      ? 'control characters in the error'
      : null;
  }
  const m = event.message;
  return badText(m.providerMessageId, m.from, m.to) || badProse(m.body) ? 'control characters in the message' : null;
}

/**
 * Applies every event of one verified, fully parsed request, in order: inbound
 * messages as one provider message each (stored once per provider id), statuses
 * to the message they name. A status carries Parley's id as its correlation id
 * (Meta's biz_opaque_callback_data) or is found by the provider's id; either way
 * only a message sent through this account is touched. Each event is idempotent,
 * so a provider retrying the whole request changes nothing twice.
 */
export async function applyWebhookEvents(
  deps: InboundDeps & { log: Logger },
  channel: WebhookChannel,
  events: WebhookEvent[],
  messageIdInUrl: string | null,
) {
  const route = `${channel.pluginId}/${channel.accountId ?? 'platform'}`;
  for (const event of events) {
    if (event.type === 'status') {
      const messageId = event.update.correlationId ?? messageIdInUrl;
      await applyStatusCallback(deps, channel.pluginId, messageId, event.update, channel.accountId);
      continue;
    }
    const outcome = await receiveInbound(deps, channel.pluginId, event.message, channel.accountId);
    if (outcome === 'unknown-number') deps.log.warn({ route }, 'inbound message to a number no tenant owns');
  }
}
