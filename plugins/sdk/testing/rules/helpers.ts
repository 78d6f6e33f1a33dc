import { expect } from 'vitest';
import {
  ChannelError,
  type ChannelProvider,
  type InboundMessage,
  type OutboundMessage,
  type StatusUpdate,
  type WebhookRequest,
} from '../../contract.ts';
import type { ConformanceHarness } from '../harness.ts';

/** What every rule gets: the harness, a provider for its good credentials, and webhook URLs. */
export type RuleContext = { h: ConformanceHarness; provider: ChannelProvider; url: string; statusUrl: string };

let counter = 0;
/** A body no other check sends, so findSent can only find this one. */
export const uniqueBody = (what: string) => `${what} ${Date.now()}-${++counter}`;

export function outbound(ctx: RuleContext, body: string, extra: Partial<OutboundMessage> = {}): OutboundMessage {
  return { from: ctx.h.from, to: ctx.h.to, body, statusCallbackUrl: ctx.statusUrl, ...extra };
}

/** The error a send fails with, or a failure when it succeeds. */
export async function sendError(provider: ChannelProvider, message: OutboundMessage): Promise<ChannelError> {
  const error = await provider.send(message).then(
    (sent) => new Error(`the send succeeded (${sent.providerMessageId}) where it must fail`),
    (e: unknown) => e,
  );
  expect(error, 'a failed send throws a ChannelError').toBeInstanceOf(ChannelError);
  return error as ChannelError;
}

/**
 * Whether the provider has a message from the harness's number to `to` with
 * `body`, sent in the last minute; 'unknowable' for a provider that cannot be asked.
 */
export async function vendorHas(ctx: RuleContext, body: string, to = ctx.h.to): Promise<boolean | 'unknowable'> {
  if (ctx.provider.reconciliation === 'status-webhook') return 'unknowable';
  const now = Date.now();
  const found = await ctx.provider.findSent({
    from: ctx.h.from,
    to,
    body,
    since: new Date(now - 60_000),
    until: new Date(now + 1000),
    exclude: [],
  });
  return found !== null;
}

/** The inbound message of a webhook, through parseEvents when the provider has it (as the core does). */
export function inboundOf(provider: ChannelProvider, request: WebhookRequest): InboundMessage {
  if (!provider.parseEvents) return provider.parseInbound(request);
  const events = provider.parseEvents(request);
  expect(
    events.map((e) => e.type),
    'one inbound message in the webhook',
  ).toEqual(['inbound']);
  return (events[0] as { message: InboundMessage }).message;
}

/** The status update of a webhook, through parseEvents when the provider has it (as the core does). */
export function statusOf(provider: ChannelProvider, request: WebhookRequest): StatusUpdate {
  if (!provider.parseEvents) return provider.parseStatus(request);
  const events = provider.parseEvents(request);
  expect(
    events.map((e) => e.type),
    'one status update in the webhook',
  ).toEqual(['status']);
  return (events[0] as { update: StatusUpdate }).update;
}
