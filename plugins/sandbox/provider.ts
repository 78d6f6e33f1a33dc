import { randomBytes } from 'node:crypto';
import {
  ChannelError,
  type ChannelProvider,
  type DeliveryStatus,
  type ProviderDeps,
  type SendResult,
} from '../sdk/index.ts';
import type { SandboxCredentials } from './credentials.ts';
import { outcomeFor, refusalFor } from './magic-numbers.ts';
import { inboundBody, parseBody, SIGNATURE_HEADER, sign, statusBody, verify } from './webhook.ts';

const STATUSES: Record<string, DeliveryStatus> = {
  sent: 'SENT',
  delivered: 'DELIVERED',
  undelivered: 'UNDELIVERED',
  failed: 'FAILED',
};

/** `300-800` (a random delay in that range) or `500`; the default is 300–800 ms. */
export function parseDelay(value: string | undefined): { min: number; max: number } {
  const match = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(value ?? '');
  if (!match) return { min: 300, max: 800 };
  const min = Number(match[1]);
  const max = Math.max(min, Number(match[2] ?? match[1]));
  return { min, max };
}

/** Twilio's default opt-out and opt-in keywords: the carrier-side block the sandbox keeps, as Twilio does. */
const OPT_OUT = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT']);
const OPT_IN = new Set(['START', 'UNSTOP', 'YES']);
const keyword = (body: string) =>
  body
    .trim()
    .toUpperCase()
    .replace(/[\s.!?]+$/, '');

const newId = () => `SB${randomBytes(16).toString('hex')}`;

type Sent = { providerMessageId: string; from: string; to: string; body: string; at: Date; status: DeliveryStatus };

/**
 * A simulated carrier for one sandbox account. It calls no external API: a send
 * is accepted at once (or refused, for the magic numbers that fail at once),
 * and its status is reported later through the core's ordinary status webhook,
 * signed with the account's secret, as a real provider's is.
 */
export function createSandboxProvider(credentials: SandboxCredentials, deps: ProviderDeps): ChannelProvider {
  const delay = parseDelay(deps.options?.deliveryDelayMs);
  const pick = () => delay.min + Math.floor(Math.random() * (delay.max - delay.min + 1));
  /** What this provider sent, for `findSent` (in memory: a restart forgets, and the core then resends). */
  const sent: Sent[] = [];
  /** `candidate>sendingNumber` pairs blocked by a STOP the candidate texted, until START (Twilio's 21610). */
  const blocked = new Set<string>();

  /** How long a simulated inbound text waits for Parley's webhook to answer (SANDBOX_SIMULATE_TIMEOUT_MS). */
  const simulateTimeoutMs = Number(deps.options?.simulateTimeoutMs ?? 10_000);

  async function post(url: string, payload: unknown, timeoutMs = 10_000): Promise<Response> {
    const rawBody = JSON.stringify(payload);
    return fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: sign(credentials.signingSecret, url, rawBody),
      },
      body: rawBody,
      signal: AbortSignal.timeout(timeoutMs),
    });
  }

  /** A status callback after `ms`; a callback the core could not take is dropped, as a carrier's would be. */
  function report(url: string, ms: number, payload: Record<string, unknown>) {
    setTimeout(() => {
      post(url, { type: 'status', ...payload }).then(
        (res) => res.body?.cancel(),
        () => {},
      );
    }, ms).unref();
  }

  return {
    async send({ from, to, body, statusCallbackUrl }) {
      const refusal = refusalFor(to, body);
      if (refusal) throw refusal;
      if (blocked.has(`${to}>${from}`)) {
        throw new ChannelError(
          'RECIPIENT_OPTED_OUT',
          `Attempt to send to unsubscribed recipient ${to}: they texted STOP to ${from} and have not texted START since.`,
          false,
          '21610',
        );
      }
      const providerMessageId = newId();
      const message: Sent = { providerMessageId, from, to, body, at: new Date(), status: 'QUEUED' };
      sent.push(message);
      if (sent.length > 10_000) sent.splice(0, sent.length - 10_000);
      const total = pick();
      const outcome = outcomeFor(to);
      report(statusCallbackUrl, Math.floor(total / 3), { messageId: providerMessageId, status: 'sent' });
      report(
        statusCallbackUrl,
        total,
        outcome.status === 'delivered'
          ? { messageId: providerMessageId, status: 'delivered' }
          : {
              messageId: providerMessageId,
              status: 'undelivered',
              error: { code: outcome.code, providerCode: outcome.providerCode, message: outcome.message },
            },
      );
      return { providerMessageId, status: 'QUEUED' };
    },

    async findSent({ from, to, body, since, until, exclude }): Promise<SendResult | null> {
      const skip = new Set(exclude);
      const match = sent.find(
        (m) =>
          m.from === from &&
          m.to === to &&
          m.body === body &&
          !skip.has(m.providerMessageId) &&
          m.at >= since &&
          m.at <= until,
      );
      return match ? { providerMessageId: match.providerMessageId, status: match.status } : null;
    },

    verifyWebhook({ url, headers, rawBody }) {
      return verify(credentials.signingSecret, url, rawBody, headers[SIGNATURE_HEADER]);
    },

    parseInbound({ rawBody }) {
      const p = parseBody(inboundBody, rawBody);
      return { providerMessageId: p.messageId, from: p.from, to: p.to, body: p.body, mediaCount: 0 };
    },

    parseStatus({ rawBody }) {
      const p = parseBody(statusBody, rawBody);
      return {
        providerMessageId: p.messageId,
        status: STATUSES[p.status] ?? 'QUEUED',
        ...(p.error ? { error: p.error } : {}),
      };
    },

    webhookReply: { contentType: 'application/json', body: '{"ok":true}' },

    async simulateInbound({ from, to, body }, inboundWebhookUrl) {
      const providerMessageId = newId();
      const res = await post(
        inboundWebhookUrl,
        { type: 'inbound', messageId: providerMessageId, from, to, body },
        simulateTimeoutMs,
      ).catch((error: Error) => {
        if (error.name !== 'TimeoutError') throw error;
        // Parley may still take the text: unclear, and worth trying again once it is less busy.
        throw ChannelError.unclear(
          `Parley did not answer the simulated text within ${simulateTimeoutMs} ms: it is busy. Try again in a moment.`,
        );
      });
      if (!res.ok) {
        throw new ChannelError(
          'REJECTED',
          `Parley answered the simulated message with ${res.status}: ${await res.text()}`,
          false,
        );
      }
      await res.body?.cancel();
      const word = keyword(body);
      if (OPT_OUT.has(word)) blocked.add(`${from}>${to}`);
      if (OPT_IN.has(word)) blocked.delete(`${from}>${to}`);
      return { providerMessageId };
    },
  };
}
