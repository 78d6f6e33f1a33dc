import {
  ChannelError,
  type ChannelProvider,
  type OutboundMessage,
  type ProviderDeps,
  type SendResult,
  type WebhookEvent,
  type WebhookRequest,
} from '../sdk/index.ts';
import type { WhatsAppCredentials } from './credentials.ts';
import { messageBody } from './message-body.ts';
import { subscriptionChallenge, validHubSignature } from './signature.ts';
import { channelErrorFromGraph } from './vocabulary.ts';
import { parseWebhookEvents } from './webhook-payload.ts';

export const GRAPH_API_URL = 'https://graph.facebook.com';
export const GRAPH_API_VERSION = 'v23.0';

/** Meta's limit on a text message's body. */
const MAX_TEXT = 4096;

/** Errors raised before the request left this machine: Meta cannot have the message. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

type GraphAnswer = {
  messages?: { id?: unknown }[];
  error?: { code?: number; message?: string; error_subcode?: number };
};

async function post(url: string, accessToken: string, body: unknown): Promise<Response> {
  try {
    return await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (code && NEVER_SENT.has(code)) {
      throw new ChannelError('PROVIDER_UNAVAILABLE', `WhatsApp: Meta could not be reached (${code})`, true);
    }
    // A reset or a timeout after the request went out: Meta may have accepted the message.
    throw ChannelError.unclear(`WhatsApp: Meta's answer was lost (${code ?? (error as Error).message})`);
  }
}

function single<T extends WebhookEvent['type']>(events: WebhookEvent[], type: T) {
  const found = events.filter((e): e is Extract<WebhookEvent, { type: T }> => e.type === type);
  if (found.length !== 1) {
    throw new ChannelError('REJECTED', `WhatsApp webhook: expected one ${type} event, got ${found.length}`, false);
  }
  return found[0] as Extract<WebhookEvent, { type: T }>;
}

/** WhatsApp Business Cloud API (Meta's Graph API over fetch), for one phone number of one app. */
export function createWhatsAppProvider(credentials: WhatsAppCredentials, deps: ProviderDeps): ChannelProvider {
  const base = (deps.apiBaseUrl ?? GRAPH_API_URL).replace(/\/+$/, '');
  const version = deps.options?.graphApiVersion ?? GRAPH_API_VERSION;
  const messagesUrl = `${base}/${version}/${credentials.phoneNumberId}/messages`;
  const events = (request: WebhookRequest) => parseWebhookEvents(request.rawBody, credentials.phoneNumberId);

  return {
    async send(message: OutboundMessage): Promise<SendResult> {
      if (!message.template && message.body.length > MAX_TEXT) {
        throw new ChannelError('REJECTED', `WhatsApp: a text is at most ${MAX_TEXT} characters`, false);
      }
      const response = await post(messagesUrl, credentials.accessToken, messageBody(message));
      let answer: GraphAnswer | null = null;
      try {
        answer = (await response.json()) as GraphAnswer;
      } catch {
        // Not JSON: an edge's error page, or an answer cut short.
      }
      if (!response.ok) throw channelErrorFromGraph(response.status, answer?.error);
      const id = answer?.messages?.[0]?.id;
      if (typeof id !== 'string' || !/^wamid\.[A-Za-z0-9+/=_-]{1,512}$/.test(id)) {
        throw ChannelError.unclear('WhatsApp: Meta answered 200 without a message id');
      }
      return { providerMessageId: id, status: 'QUEUED' };
    },

    /** Meta lists no sent messages: an unclear send is settled by its status webhook (`reconciliation`). */
    reconciliation: 'status-webhook',
    async findSent() {
      throw new ChannelError(
        'PROVIDER_UNAVAILABLE',
        "WhatsApp: Meta's Cloud API cannot look a sent message up; wait for its status webhook",
        true,
      );
    },

    /**
     * The account's credentials name one WhatsApp phone number (its phone number id): Meta's
     * GET /<phone number id>?fields=display_phone_number says which number that is.
     */
    async ownsNumber(e164) {
      let response: Response;
      try {
        response = await fetch(`${base}/${version}/${credentials.phoneNumberId}?fields=display_phone_number`, {
          headers: { authorization: `Bearer ${credentials.accessToken}` },
        });
      } catch (error) {
        const code = (error as { cause?: { code?: string } }).cause?.code;
        throw new ChannelError(
          'PROVIDER_UNAVAILABLE',
          `WhatsApp: Meta could not be reached (${code ?? 'no answer'})`,
          true,
        );
      }
      type PhoneAnswer = { display_phone_number?: unknown; error?: GraphAnswer['error'] };
      let answer: PhoneAnswer | null = null;
      try {
        answer = (await response.json()) as PhoneAnswer;
      } catch {
        // Not JSON: an edge's error page.
      }
      if (!response.ok) throw channelErrorFromGraph(response.status, answer?.error);
      const shown = typeof answer?.display_phone_number === 'string' ? answer.display_phone_number : '';
      return shown.replace(/[^0-9]/g, '') === e164.replace(/[^0-9]/g, '');
    },

    verifyWebhook: ({ headers, rawBody }) =>
      validHubSignature(credentials.appSecret, headers['x-hub-signature-256'], rawBody),
    verifySubscription: (query) => subscriptionChallenge(credentials.verifyToken, query),
    parseEvents: events,
    parseInbound: (request) => single(events(request), 'inbound').message,
    parseStatus: (request) => single(events(request), 'status').update,
    webhookReply: { contentType: 'text/plain', body: 'ok' },
  };
}
