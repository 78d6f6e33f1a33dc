import { ChannelError, type ChannelProvider, type ProviderDeps, type SendResult } from '../index.ts';
import type { AcmeCredentials } from './index.ts';
import { channelError, deliveryStatus, errorCode } from './vocabulary.ts';
import { parseInboundBody, parseStatusBody, verifySignature } from './webhooks.ts';

const ACME_API = 'https://api.acme-sms.example';
const MAX_LENGTH = 1600;

type AcmeMessage = { id: string; from: string; to: string; text: string; status: string; created_at: string };

async function refusal(res: Response) {
  const answer = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
  return channelError(res.status, answer.error ?? {});
}

/** Acme SMS for one account: a fresh instance per set of credentials, sharing nothing. */
export function createAcmeProvider(credentials: AcmeCredentials, deps: ProviderDeps): ChannelProvider {
  const base = deps.apiBaseUrl ?? ACME_API;
  const headers = { authorization: `Bearer ${credentials.apiKey}`, 'content-type': 'application/json' };

  async function call(path: string, init: RequestInit = {}): Promise<Response> {
    try {
      return await fetch(`${base}${path}`, { ...init, headers, signal: AbortSignal.timeout(10_000) });
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code;
      // Refused before the request left: Acme cannot have the message.
      if (code === 'ECONNREFUSED') throw new ChannelError('PROVIDER_UNAVAILABLE', 'Acme could not be reached', true);
      throw ChannelError.unclear(`Acme's answer was lost (${code ?? (error as Error).message})`);
    }
  }

  return {
    async send({ from, to, body, statusCallbackUrl }) {
      if (body.length > MAX_LENGTH) {
        throw new ChannelError('REJECTED', `The body has ${body.length} characters; Acme takes ${MAX_LENGTH}`, false);
      }
      const res = await call('/v1/messages', {
        method: 'POST',
        body: JSON.stringify({ from, to, text: body, callback_url: statusCallbackUrl }),
      });
      if (!res.ok) throw await refusal(res);
      const message = (await res.json()) as AcmeMessage;
      return { providerMessageId: message.id, status: deliveryStatus(message.status) };
    },

    /** Acme lists an account's messages newest first, a page at a time: page until found or past `since`. */
    async findSent({ from, to, body, since, until, exclude }): Promise<SendResult | null> {
      const query = new URLSearchParams({ from, to, created_after: since.toISOString() });
      query.set('created_before', until.toISOString());
      for (let cursor: string | null = ''; cursor !== null; ) {
        const res = await call(`/v1/messages?${query}${cursor ? `&cursor=${cursor}` : ''}`);
        if (!res.ok) throw await refusal(res);
        const page = (await res.json()) as { data: AcmeMessage[]; next_cursor: string | null };
        const match = page.data.find((m) => m.text === body && !exclude.includes(m.id));
        if (match) return { providerMessageId: match.id, status: deliveryStatus(match.status) };
        cursor = page.next_cursor;
      }
      return null;
    },

    verifyWebhook: ({ url, headers, rawBody }) =>
      verifySignature(credentials.webhookSecret, url, rawBody, headers['acme-signature']),

    parseInbound({ rawBody }) {
      const p = parseInboundBody(rawBody);
      return { providerMessageId: p.id, from: p.from, to: p.to, body: p.text, mediaCount: p.media_count };
    },

    parseStatus({ rawBody }) {
      const p = parseStatusBody(rawBody);
      const status = deliveryStatus(p.status);
      if (!p.error) return { providerMessageId: p.message_id, status };
      const error = { code: errorCode(p.error.code), providerCode: p.error.code, message: p.error.message };
      return { providerMessageId: p.message_id, status, error };
    },

    webhookReply: { contentType: 'application/json', body: '{"received":true}' },
  };
}
