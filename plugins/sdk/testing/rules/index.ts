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

/** A rule: what it proves, and the check that throws when a plugin breaks it. */
export type ConformanceRule = { title: string; check(ctx: RuleContext): Promise<void> };
const rule = (title: string, check: (ctx: RuleContext) => Promise<void>): ConformanceRule => ({ title, check });

/** Every rule of the contract, by name. */
export const conformanceRules = {
  manifest: rule('declares a manifest the core loads (id, sdkVersion, channel, capabilities, credentials)', manifest),
  sendAndFind: rule('sends, returns the provider id, and finds that message again for reconciliation', sendAndFind),
  lostAnswers: rule(
    'reports a lost answer (5xx, reset) as unclear, and findSent finds what the vendor created',
    lostAnswers,
  ),
  statusOrdering: rule(
    'maps a sent message’s statuses to its id, QUEUED → SENT → DELIVERED, failures with a code',
    statusOrdering,
  ),
  inboundParsing: rule('parses inbound messages into the core vocabulary', inboundParsing),
  idempotentInbound: rule(
    'gives a redelivered inbound webhook the same id, so the core drops the duplicate',
    idempotentInbound,
  ),
  forgedWebhooks: rule('refuses forged and unsigned webhooks, inbound and status', forgedWebhooks),
  malformedWebhooks: rule('refuses signed webhooks that are not well-formed, as ChannelErrors', malformedWebhooks),
  badCredentials: rule(
    'reports refused credentials clearly: AUTHENTICATION_FAILED, not transient, no secret',
    badCredentials,
  ),
  errorCodes: rule('maps the vendor’s refusals onto the core’s error codes, refused, nothing created', errorCodes),
  capabilities: rule('declares capabilities that fit its channel (session window, segments, templates)', capabilities),
  lengthLimit: rule('sends a body of maxLength whole and never sends one character more', lengthLimit),
};

export type RuleName = keyof typeof conformanceRules;
export const ruleNames = Object.keys(conformanceRules) as RuleName[];
