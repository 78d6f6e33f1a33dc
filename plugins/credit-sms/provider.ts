import {
  ChannelError,
  type ChannelProvider,
  type ProviderDeps,
  type SendResult,
  type WebhookRequest,
} from '../sdk/index.ts';
import type { CreditSmsCredentials } from './credentials.ts';
import { gatewayEncoding } from './encoding.ts';
import { channelErrorFromProblem, deliveryStatus, failureCode, type Problem } from './vocabulary.ts';
import { parseOne, receivedMessage, SIGNATURE_HEADER, sentReport, verify } from './webhook.ts';

/** The gateway's production address (BulkSMS's JSON REST API). */
export const DEFAULT_API_URL = 'https://api.bulksms.com';

/** Errors raised before the request left this machine: the gateway cannot have the message. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

type GatewayMessage = {
  id: string;
  from: string;
  to: string;
  body: string;
  userSuppliedId?: string | null;
  submission: { date: string };
  status: { type: string; subtype?: string | null };
};

const PAGE = 100;
/** The longest body sent (the manifest's maxLength): 1600 characters, as the core counts them. */
export const MAX_LENGTH = 1600;
const plus = (n: string) => (n.startsWith('+') ? n : `+${n}`);

/** Parley's message id, which the core puts in every status-callback URL; sent as `userSuppliedId`. */
function correlationOf(statusCallbackUrl: string): string | undefined {
  try {
    return new URL(statusCallbackUrl).searchParams.get('messageId') ?? undefined;
  } catch {
    return undefined;
  }
}

/** A credit-billed HTTP SMS gateway modelled on BulkSMS's JSON REST API, for one account. */
export function createCreditSmsProvider(credentials: CreditSmsCredentials, deps: ProviderDeps): ChannelProvider {
  const base = (deps.apiBaseUrl ?? DEFAULT_API_URL).replace(/\/$/, '');
  const authorization = `Basic ${Buffer.from(`${credentials.tokenId}:${credentials.tokenSecret}`).toString('base64')}`;

  async function call(path: string, init: { method: string; body?: unknown }): Promise<Response> {
    try {
      return await fetch(`${base}${path}`, {
        method: init.method,
        headers: { authorization, 'content-type': 'application/json', accept: 'application/json' },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code;
      if (code && NEVER_SENT.has(code)) {
        throw new ChannelError('PROVIDER_UNAVAILABLE', `the gateway could not be reached (${code})`, true);
      }
      // A reset after the request went out: the gateway may have created the message.
      throw ChannelError.unclear(`the gateway's answer was lost (${code ?? (error as Error).message})`);
    }
  }

  async function problemOf(res: Response): Promise<ChannelError> {
    const text = await res.text().catch(() => '');
    let problem: Problem = { status: res.status };
    try {
      problem = { ...(JSON.parse(text) as Problem), status: res.status };
    } catch {}
    return channelErrorFromProblem(problem);
  }

  return {
    async send({ from, to, body, statusCallbackUrl, correlationId }) {
      if (body.length > MAX_LENGTH) {
        throw new ChannelError('REJECTED', `the body is longer than ${MAX_LENGTH} characters`, false);
      }
      const userSuppliedId = correlationId ?? correlationOf(statusCallbackUrl);
      const res = await call('/v1/messages', {
        method: 'POST',
        body: { from, to, body, encoding: gatewayEncoding(body), routingGroup: 'STANDARD', userSuppliedId },
      });
      if (!res.ok) throw await problemOf(res);
      let sent: GatewayMessage[];
      try {
        sent = (await res.json()) as GatewayMessage[];
      } catch {
        throw ChannelError.unclear('the gateway accepted the request but its answer was not JSON');
      }
      const [message] = Array.isArray(sent) ? sent : [];
      if (!message?.id) throw ChannelError.unclear('the gateway answered without a message id');
      if (message.status?.type === 'FAILED') {
        throw new ChannelError(failureCode(message.status.subtype), 'the gateway refused the message', false);
      }
      return { providerMessageId: String(message.id), status: deliveryStatus(message.status?.type ?? 'ACCEPTED') };
    },

    /**
     * Pages through the account's sent messages in the window, newest first
     * (`filter=type==SENT and submission.date>=… and submission.date<=…`, the next
     * page below the last id), matching numbers and body here and preferring the
     * message that carries Parley's id as `userSuppliedId`.
     */
    async findSent({ from, to, body, since, until, exclude, correlationId }): Promise<SendResult | null> {
      const skip = new Set(exclude);
      let below: string | null = null;
      let fallback: SendResult | null = null;
      for (;;) {
        const clauses = [
          'type==SENT',
          `submission.date>=${since.toISOString()}`,
          `submission.date<=${until.toISOString()}`,
        ];
        if (below) clauses.push(`id<${below}`);
        const query = new URLSearchParams({ filter: clauses.join(' and '), limit: String(PAGE) });
        const res = await call(`/v1/messages?${query}`, { method: 'GET' });
        if (!res.ok) throw await problemOf(res);
        const page = (await res.json()) as GatewayMessage[];
        for (const m of page) {
          if (plus(m.from) !== from || plus(m.to) !== to || m.body !== body || skip.has(String(m.id))) continue;
          const found = { providerMessageId: String(m.id), status: deliveryStatus(m.status.type) };
          if (!correlationId || m.userSuppliedId === correlationId) return found;
          if (!m.userSuppliedId) fallback ??= found;
        }
        if (page.length < PAGE) return fallback;
        below = String(page[page.length - 1]?.id);
      }
    },

    verifyWebhook({ url, headers, rawBody }: WebhookRequest) {
      return verify(credentials.webhookSecret, url, rawBody, headers[SIGNATURE_HEADER]);
    },

    parseInbound({ rawBody }) {
      const m = parseOne(receivedMessage, rawBody);
      return { providerMessageId: m.id, from: m.from, to: m.to, body: m.body, mediaCount: 0 };
    },

    parseStatus({ rawBody }) {
      const m = parseOne(sentReport, rawBody);
      const status = deliveryStatus(m.status.type);
      const correlation = m.userSuppliedId ? { correlationId: m.userSuppliedId } : {};
      if (m.status.type !== 'FAILED') return { providerMessageId: m.id, status, ...correlation };
      const subtype = m.status.subtype ?? 'UNKNOWN';
      return {
        providerMessageId: m.id,
        status,
        ...correlation,
        error: { code: failureCode(subtype), providerCode: subtype, message: `The gateway reported ${m.status.id}` },
      };
    },

    webhookReply: { contentType: 'application/json', body: '{}' },
  };
}
