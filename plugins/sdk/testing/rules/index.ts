import { badCredentials } from './bad-credentials.ts';
import { capabilities } from './capabilities.ts';
import { errorCodes } from './error-codes.ts';
import { forgedWebhooks } from './forged-webhooks.ts';
import type { RuleContext } from './helpers.ts';
import { idempotentInbound } from './idempotent-inbound.ts';
import { inboundParsing } from './inbound-parsing.ts';
import { lengthLimit } from './length-limit.ts';
import { lostAnswers } from './lost-answers.ts';
import { malformedWebhooks } from './malformed-webhooks.ts';
import { manifest } from './manifest.ts';
import { sendAndFind } from './send-and-find.ts';
import { statusOrdering } from './status-ordering.ts';

export type { RuleContext } from './helpers.ts';

/** Every rule of the contract, by name: each throws when the plugin breaks it. */
export const conformanceRules = {
  manifest: ['declares a manifest the core loads (id, sdkVersion, channel, capabilities, credentials)', manifest],
  sendAndFind: ['sends, returns the provider id, and finds that message again for reconciliation', sendAndFind],
  lostAnswers: [
    'reports a lost answer (5xx, reset) as unclear, and findSent finds what the vendor created',
    lostAnswers,
  ],
  statusOrdering: [
    'maps a sent message’s statuses to its id, QUEUED → SENT → DELIVERED, failures with a code',
    statusOrdering,
  ],
  inboundParsing: ['parses inbound messages into the core vocabulary', inboundParsing],
  idempotentInbound: [
    'gives a redelivered inbound webhook the same id, so the core drops the duplicate',
    idempotentInbound,
  ],
  forgedWebhooks: ['refuses forged and unsigned webhooks, inbound and status', forgedWebhooks],
  malformedWebhooks: ['refuses signed webhooks that are not well-formed, as ChannelErrors', malformedWebhooks],
  badCredentials: [
    'reports refused credentials clearly: AUTHENTICATION_FAILED, not transient, no secret',
    badCredentials,
  ],
  errorCodes: ['maps the vendor’s refusals onto the core’s error codes, refused, nothing created', errorCodes],
  capabilities: ['declares capabilities that fit its channel (session window, segments, templates)', capabilities],
  lengthLimit: ['sends a body of maxLength whole and never sends one character more', lengthLimit],
} satisfies Record<string, [string, (ctx: RuleContext) => Promise<void>]>;

export type RuleName = keyof typeof conformanceRules;
export const ruleNames = Object.keys(conformanceRules) as RuleName[];
