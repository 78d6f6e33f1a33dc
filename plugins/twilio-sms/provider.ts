import twilio from 'twilio';
import {
  ChannelError,
  type ChannelProvider,
  type ProviderDeps,
  type SendResult,
  type WebhookRequest,
} from '../sdk/index.ts';
import type { TwilioCredentials } from './credentials.ts';
import { channelErrorFromRest, deliveryStatus, errorCode } from './vocabulary.ts';

function formParams(rawBody: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(rawBody));
}

function required(params: Record<string, string>, name: string): string {
  const value = params[name];
  if (!value) throw new ChannelError('REJECTED', `Twilio webhook without ${name}`, false);
  return value;
}

const isRestException = (error: unknown): error is { status: number; code?: number; message: string } =>
  typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number';

/** Twilio Programmable Messaging over the official SDK, for one account. */
export function createTwilioProvider(credentials: TwilioCredentials, deps: ProviderDeps): ChannelProvider {
  const client = twilio(credentials.accountSid, credentials.authToken, { autoRetry: false });
  if (deps.apiBaseUrl) client.api.baseUrl = deps.apiBaseUrl;

  return {
    async send({ from, to, body, statusCallbackUrl }) {
      try {
        const message = await client.messages.create({ from, to, body, statusCallback: statusCallbackUrl });
        return { providerMessageId: message.sid, status: deliveryStatus(message.status) };
      } catch (error) {
        if (isRestException(error)) throw channelErrorFromRest(error);
        if ((error as { code?: string }).code === 'ECONNREFUSED') {
          throw new ChannelError('PROVIDER_UNAVAILABLE', 'Twilio refused the connection', true);
        }
        throw error; // outcome unknown: the core reconciles with findSent
      }
    },

    async findSent({ from, to, body, since, exclude }): Promise<SendResult | null> {
      const sent = await client.messages.list({ from, to, dateSentAfter: since, limit: 50 });
      const match = sent.find((m) => m.body === body && !exclude.includes(m.sid));
      return match ? { providerMessageId: match.sid, status: deliveryStatus(match.status) } : null;
    },

    verifyWebhook({ url, headers, rawBody }: WebhookRequest) {
      const signature = headers['x-twilio-signature'];
      if (!signature) return false;
      return twilio.validateRequest(credentials.authToken, signature, url, formParams(rawBody));
    },

    parseInbound({ rawBody }) {
      const p = formParams(rawBody);
      return {
        providerMessageId: required(p, 'MessageSid'),
        from: required(p, 'From'),
        to: required(p, 'To'),
        body: p.Body ?? '',
        mediaCount: Number(p.NumMedia ?? 0) || 0,
      };
    },

    parseStatus({ rawBody }) {
      const p = formParams(rawBody);
      const status = deliveryStatus(required(p, 'MessageStatus'));
      const code = p.ErrorCode ? Number(p.ErrorCode) : undefined;
      return {
        providerMessageId: required(p, 'MessageSid'),
        status,
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
