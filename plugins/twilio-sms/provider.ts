import { validateRequest } from 'twilio/lib/webhooks/webhooks.js';
import {
  ChannelError,
  type ChannelProvider,
  type ProviderDeps,
  type SendResult,
  type WebhookRequest,
} from '../sdk/index.ts';
import type { TwilioCredentials } from './credentials.ts';
import { channelErrorFromRest, deliveryStatus, errorCode } from './vocabulary.ts';
import { parseInboundParams, parseStatusParams, signedParams } from './webhook-params.ts';

type RestClient = import('twilio').Twilio;

const isRestException = (error: unknown): error is { status: number; code?: number; message: string } =>
  typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number';

/** Errors raised before the request left this machine: Twilio cannot have the message. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

const DAY_MS = 86_400_000;
const utcDay = (date: Date) => new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);

/** Twilio Programmable Messaging over the official SDK, for one account. */
export function createTwilioProvider(credentials: TwilioCredentials, deps: ProviderDeps): ChannelProvider {
  // The REST client (every Twilio API domain, some 20 MiB) loads when this account first calls Twilio.
  let rest: Promise<RestClient> | undefined;
  const restClient = () => {
    rest ??= import('twilio').then(({ default: twilio }) => {
      const client = twilio(credentials.accountSid, credentials.authToken, { autoRetry: false });
      if (deps.apiBaseUrl) client.api.baseUrl = deps.apiBaseUrl;
      return client;
    });
    return rest;
  };

  return {
    async send({ from, to, body, statusCallbackUrl }) {
      const client = await restClient();
      try {
        const message = await client.messages.create({ from, to, body, statusCallback: statusCallbackUrl });
        return { providerMessageId: message.sid, status: deliveryStatus(message.status) };
      } catch (error) {
        if (isRestException(error)) throw channelErrorFromRest(error);
        const code = (error as { code?: string }).code;
        if (code && NEVER_SENT.has(code)) {
          throw new ChannelError('PROVIDER_UNAVAILABLE', `Twilio could not be reached (${code})`, true);
        }
        // A reset or timeout after the request went out: Twilio may have created the message.
        throw ChannelError.unclear(`Twilio's answer was lost (${code ?? (error as Error).message})`);
      }
    },

    /**
     * Twilio's list cannot filter by the status callback (which carries Parley's
     * id), and its DateSent filters are whole GMT days; so ask for the days the
     * window touches, page through all of them (newest first), and keep the
     * exact window here.
     */
    async findSent({ from, to, body, since, until, exclude }): Promise<SendResult | null> {
      const skip = new Set(exclude);
      let match: SendResult | null = null;
      const client = await restClient();
      await client.messages.each(
        {
          from,
          to,
          dateSentAfter: utcDay(since),
          dateSentBefore: new Date(utcDay(until).getTime() + DAY_MS),
          pageSize: 50,
        },
        (m, done) => {
          const at = m.dateCreated ?? m.dateSent;
          if (m.body !== body || skip.has(m.sid) || !at || at < since || at > until) return;
          match = { providerMessageId: m.sid, status: deliveryStatus(m.status) };
          done();
        },
      );
      return match;
    },

    /** Twilio's IncomingPhoneNumbers list for this account, filtered by the number. */
    async ownsNumber(e164) {
      try {
        const client = await restClient();
        const found = await client.incomingPhoneNumbers.list({ phoneNumber: e164, limit: 20 });
        return found.some((n) => n.phoneNumber === e164);
      } catch (error) {
        if (isRestException(error)) throw channelErrorFromRest(error);
        const code = (error as { code?: string }).code;
        throw new ChannelError('PROVIDER_UNAVAILABLE', `Twilio could not be reached (${code ?? 'no answer'})`, true);
      }
    },

    verifyWebhook({ url, headers, rawBody }: WebhookRequest) {
      const signature = headers['x-twilio-signature'];
      if (!signature) return false;
      return validateRequest(credentials.authToken, signature, url, signedParams(rawBody));
    },

    parseInbound({ rawBody }) {
      const p = parseInboundParams(rawBody, credentials.accountSid);
      return {
        providerMessageId: p.MessageSid,
        from: p.From,
        to: p.To,
        body: p.Body,
        mediaCount: Number(p.NumMedia),
      };
    },

    parseStatus({ rawBody }) {
      const p = parseStatusParams(rawBody, credentials.accountSid);
      const code = p.ErrorCode ? Number(p.ErrorCode) : undefined;
      return {
        providerMessageId: p.MessageSid,
        status: deliveryStatus(p.MessageStatus),
        ...(code
          ? {
              error: {
                code: errorCode(code),
                providerCode: String(code),
                message: p.ErrorMessage ?? `Twilio error ${code}`,
              },
            }
          : {}),
      };
    },

    webhookReply: { contentType: 'text/xml', body: '<?xml version="1.0" encoding="UTF-8"?><Response></Response>' },
  };
}
