import { randomBytes } from 'node:crypto';
import { ChannelError, type ChannelPlugin, type ChannelProvider } from '../../index.ts';
import type { RuleName } from '../../testing/index.ts';
import acmeSms, { type AcmeCredentials } from '../index.ts';

type Acme = ChannelPlugin<AcmeCredentials>;

/** The example plugin with its provider changed by `change`: each variant below breaks one rule. */
const withProvider = (change: (provider: ChannelProvider) => Partial<ChannelProvider>): Acme => ({
  ...acmeSms,
  create(credentials, deps) {
    const provider = acmeSms.create(credentials, deps);
    return { ...provider, ...change(provider) };
  },
});

/** Rethrows a send's ChannelError as `replace` makes it. */
const sendFailing = (replace: (error: ChannelError) => ChannelError) =>
  withProvider((p) => ({
    send: (message) =>
      p.send(message).catch((e: unknown) => {
        throw e instanceof ChannelError ? replace(e) : e;
      }),
  }));

/** A deliberately broken copy of the example plugin for each rule of the kit, breaking only that rule. */
export const brokenVariants: Record<RuleName, Acme> = {
  manifest: { ...acmeSms, sdkVersion: '2.0.0' },
  sendAndFind: withProvider((p) => ({ findSent: (query) => p.findSent({ ...query, exclude: [] }) })),
  lostAnswers: sendFailing((e) => new ChannelError(e.code, e.message, e.transient, e.providerCode, 'refused')),
  statusOrdering: withProvider((p) => ({ parseStatus: (r) => ({ ...p.parseStatus(r), error: undefined }) })),
  inboundParsing: withProvider((p) => ({
    parseInbound: (r) => ({ ...p.parseInbound(r), from: p.parseInbound(r).to, to: p.parseInbound(r).from }),
  })),
  idempotentInbound: withProvider((p) => ({
    parseInbound: (r) => ({ ...p.parseInbound(r), providerMessageId: `in_${randomBytes(12).toString('hex')}` }),
  })),
  forgedWebhooks: withProvider(() => ({ verifyWebhook: (r) => Boolean(r.headers['acme-signature']) })),
  malformedWebhooks: withProvider((p) => ({
    parseInbound: (r) => {
      try {
        return p.parseInbound(r);
      } catch {
        return { providerMessageId: '', from: '', to: '', body: '', mediaCount: 0 };
      }
    },
  })),
  badCredentials: sendFailing((e) =>
    e.code === 'AUTHENTICATION_FAILED' ? new ChannelError('PROVIDER_UNAVAILABLE', 'Acme said 401', true) : e,
  ),
  errorCodes: sendFailing((e) =>
    e.code === 'RECIPIENT_OPTED_OUT' ? new ChannelError('REJECTED', e.message, false, e.providerCode) : e,
  ),
  capabilities: { ...acmeSms, capabilities: { ...acmeSms.capabilities, sessionWindowHours: 24 } },
  // Declares less than Acme takes, so a body one character over the declared limit is sent.
  lengthLimit: { ...acmeSms, capabilities: { ...acmeSms.capabilities, maxLength: 1000 } },
};

/**
 * The example with a `parseEvents` (one webhook, one event) that gives each
 * parse of an inbound message a new id: the kit must check through it, as the core parses through it.
 */
export const brokenParseEvents: Acme = withProvider((p) => ({
  parseEvents: (r) => {
    try {
      const message = p.parseInbound(r);
      return [{ type: 'inbound', message: { ...message, providerMessageId: `in_${randomBytes(12).toString('hex')}` } }];
    } catch {
      return [{ type: 'status', update: p.parseStatus(r) }];
    }
  },
}));
