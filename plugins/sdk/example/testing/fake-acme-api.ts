import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookRequest } from '../../index.ts';
import { sign } from '../webhooks.ts';

type Message = { id: string; from: string; to: string; text: string; status: string; created_at: string };
/** What the next send to a number gets instead of a 201: an Acme error code, or accepted and the answer lost. */
type Scripted = { refuse: string } | { lose: 'server-error' | 'reset' };

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const HTTP_STATUS: Record<string, number> = { rate_limited: 429, unauthorized: 401 };

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<Record<string, string>> {
  let body = '';
  for await (const chunk of req) body += chunk;
  return JSON.parse(body || '{}');
}

/** A loopback stand-in for Acme's API, and Acme's side of the webhooks (it signs them as Acme does). */
export async function startFakeAcmeApi() {
  const apiKey = `acme_${hex(16)}`;
  const webhookSecret = hex(32);
  const messages: Message[] = [];
  const scripted = new Map<string, Scripted[]>();

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (req.headers.authorization !== `Bearer ${apiKey}`) {
      return json(res, 401, { error: { code: 'unauthorized', message: 'Invalid API key' } });
    }
    if (req.method === 'POST' && url.pathname === '/v1/messages') {
      const form = await readJson(req);
      const next = scripted.get(form.to ?? '')?.shift();
      if (next && 'refuse' in next) {
        return json(res, HTTP_STATUS[next.refuse] ?? 400, { error: { code: next.refuse, message: next.refuse } });
      }
      if ((form.text ?? '').length > 1600)
        return json(res, 400, { error: { code: 'text_too_long', message: '>1600' } });
      const message = {
        id: `msg_${hex(12)}`,
        from: form.from ?? '',
        to: form.to ?? '',
        text: form.text ?? '',
        status: 'accepted',
        created_at: new Date().toISOString(),
      };
      messages.push(message);
      if (next?.lose === 'reset') return void req.socket.destroy();
      if (next?.lose === 'server-error') return json(res, 502, { error: { code: 'bad_gateway', message: '' } });
      return json(res, 201, message);
    }
    if (req.method === 'GET' && url.pathname === '/v1/messages') {
      const q = url.searchParams;
      const list = messages
        .filter((m) => m.from === q.get('from') && m.to === q.get('to'))
        .filter(
          (m) => m.created_at >= (q.get('created_after') ?? '') && m.created_at <= (q.get('created_before') ?? '~'),
        )
        .reverse();
      const start = Number(q.get('cursor') ?? 0);
      const end = start + 20;
      return json(res, 200, { data: list.slice(start, end), next_cursor: end < list.length ? String(end) : null });
    }
    return json(res, 404, { error: { code: 'not_found', message: 'Not found' } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const signed = (url: string, payload: unknown): WebhookRequest => {
    const rawBody = JSON.stringify(payload);
    return { url, headers: { 'acme-signature': sign(webhookSecret, url, rawBody) }, rawBody };
  };
  const script = (to: string, next: Scripted) => scripted.set(to, [...(scripted.get(to) ?? []), next]);

  return {
    apiKey,
    webhookSecret,
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    messages,
    /** Acme posts a candidate's text to the number's webhook. */
    signedInbound: (input: { url: string; from: string; to: string; text: string; id?: string }) =>
      signed(input.url, {
        event: 'message.received',
        id: input.id ?? `in_${hex(12)}`,
        from: input.from,
        to: input.to,
        text: input.text,
        media_count: 0,
      }),
    /** Acme reports a message's status to its callback_url. */
    signedStatus: (input: { url: string; messageId: string; status: string; errorCode?: string }) =>
      signed(input.url, {
        event: 'message.status',
        message_id: input.messageId,
        status: input.status,
        ...(input.errorCode ? { error: { code: input.errorCode, message: `Acme error ${input.errorCode}` } } : {}),
      }),
    refuseNextSend: (to: string, code: string) => script(to, { refuse: code }),
    loseNextAnswer: (to: string, how: 'server-error' | 'reset') => script(to, { lose: how }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeAcmeApi = Awaited<ReturnType<typeof startFakeAcmeApi>>;
