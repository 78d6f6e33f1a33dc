import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { gatewayEncoding } from '../encoding.ts';
import { SIGNATURE_HEADER, sign } from '../webhook.ts';

export type FakeGatewayMessage = {
  id: string;
  type: 'SENT' | 'RECEIVED';
  from: string;
  to: string;
  body: string;
  encoding: 'TEXT' | 'UNICODE';
  userSuppliedId: string | null;
  status: { id: string; type: string; subtype: string | null };
  submission: { id: string; date: string };
  creditCost: number;
};

/**
 * What the next send to a number gets instead of 201: a refusal (an RFC 7807
 * problem; nothing created), or the message is created and then the answer is
 * lost (a 502 from the gateway's edge, or the connection reset).
 */
export type FakeAnswer = { status: number; problem: string; detail: string } | { acceptThen: 502 | 'reset' };

function json(res: ServerResponse, status: number, body: unknown, type = 'application/json') {
  res.writeHead(status, { 'content-type': type });
  res.end(JSON.stringify(body));
}

const problem = (res: ServerResponse, status: number, name: string, detail: string) =>
  json(
    res,
    status,
    { type: `https://developer.bulksms.com/json/v1/errors#${name}`, title: name, status, detail },
    'application/problem+json',
  );

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body;
}

/** GSM-7 segments as the gateway bills them (160/153, 70/67 for UNICODE; extension characters count twice). */
function parts(body: string, encoding: 'TEXT' | 'UNICODE'): number {
  const units =
    encoding === 'TEXT' ? [...body].reduce((n, ch) => n + ('^{}\\[~]|€\f'.includes(ch) ? 2 : 1), 0) : body.length;
  const [single, multi] = encoding === 'TEXT' ? [160, 153] : [70, 67];
  return units <= single ? 1 : Math.ceil(units / multi);
}

/** One clause of `filter`: `field==v`, `field>=v`, `field<=v`, `field<v`, `field>v`. */
function matches(m: FakeGatewayMessage, clause: string): boolean {
  const match = /^([a-zA-Z.]+)(==|>=|<=|<|>)(.+)$/.exec(clause.trim());
  if (!match) throw new Error(`bad filter clause ${clause}`);
  const [, field, op, value] = match as unknown as [string, string, string, string];
  const actual: string | number =
    field === 'id' ? Number(m.id) : field === 'submission.date' ? m.submission.date : String(m[field as 'type']);
  const wanted: string | number = field === 'id' ? Number(value) : value;
  if (field === 'submission.date') {
    const [a, w] = [Date.parse(actual as string), Date.parse(wanted as string)];
    return op === '==' ? a === w : op === '>=' ? a >= w : op === '<=' ? a <= w : op === '<' ? a < w : a > w;
  }
  return op === '=='
    ? actual === wanted
    : op === '>='
      ? actual >= wanted
      : op === '<='
        ? actual <= wanted
        : op === '<'
          ? actual < wanted
          : actual > wanted;
}

/**
 * A loopback stand-in for the credit-billed gateway's JSON REST API (BulkSMS's
 * shape): POST /v1/messages, GET /v1/messages?filter=…&limit=…, Basic auth; and
 * its side of the webhooks: delivery reports and received messages posted as a
 * JSON array of one message, signed with the account's webhook secret.
 */
export async function startFakeGateway(
  options: { tokenId?: string; tokenSecret?: string; webhookSecret?: string } = {},
) {
  const tokenId = options.tokenId ?? `tok_${randomBytes(6).toString('hex')}`;
  const tokenSecret = options.tokenSecret ?? randomBytes(16).toString('hex');
  const webhookSecret = options.webhookSecret ?? randomBytes(24).toString('hex');
  const messages: FakeGatewayMessage[] = [];
  const answers = new Map<string, FakeAnswer[]>();
  const received: { method: string; path: string; query: string; body?: unknown }[] = [];
  let nextId = 1_000_000 + Math.floor(Math.random() * 1_000_000);
  let webhookUrl: string | null = null;
  let credits = Number.POSITIVE_INFINITY;

  const authorized = (req: IncomingMessage) =>
    req.headers.authorization === `Basic ${Buffer.from(`${tokenId}:${tokenSecret}`).toString('base64')}`;

  function create(
    input: { from: string; to: string; body: string; userSuppliedId?: string | null },
    type: 'SENT' | 'RECEIVED',
  ) {
    const encoding = gatewayEncoding(input.body);
    const id = String(nextId++);
    const message: FakeGatewayMessage = {
      id,
      type,
      from: input.from,
      to: input.to,
      body: input.body,
      encoding,
      userSuppliedId: input.userSuppliedId ?? null,
      status:
        type === 'SENT'
          ? { id: 'ACCEPTED.null', type: 'ACCEPTED', subtype: null }
          : { id: 'RECEIVED.null', type: 'RECEIVED', subtype: null },
      submission: { id: `sub-${id}`, date: new Date().toISOString() },
      creditCost: type === 'SENT' ? parts(input.body, encoding) : 0,
    };
    messages.push(message);
    return message;
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const entry: (typeof received)[number] = { method: req.method ?? '', path: url.pathname, query: url.search };
    received.push(entry);
    if (!authorized(req)) return problem(res, 401, 'authentication-failed', 'Invalid credentials');
    if (req.method === 'POST' && url.pathname === '/v1/messages') {
      const input = JSON.parse(await readBody(req)) as {
        from: string;
        to: string;
        body: string;
        userSuppliedId?: string;
      };
      entry.body = input;
      const answer = answers.get(input.to)?.shift();
      if (answer && 'problem' in answer) return problem(res, answer.status, answer.problem, answer.detail);
      const message = create(input, 'SENT');
      if (message.creditCost > credits) {
        messages.pop();
        return problem(res, 403, 'insufficient-credits', 'Insufficient credits');
      }
      credits -= message.creditCost;
      if (answer?.acceptThen === 502) return json(res, 502, { status: 502, title: 'Bad Gateway' });
      if (answer?.acceptThen === 'reset') return void req.socket.destroy();
      return json(res, 201, [message]);
    }
    if (req.method === 'GET' && url.pathname === '/v1/messages') {
      const clauses = (url.searchParams.get('filter') ?? '').split(' and ').filter(Boolean);
      const limit = Math.min(Math.max(Number(url.searchParams.get('limit') ?? 1000) || 1000, 1), 1000);
      // Newest first, as the gateway lists them.
      const list = [...messages].reverse().filter((m) => clauses.every((c) => matches(m, c)));
      return json(res, 200, list.slice(0, limit));
    }
    return problem(res, 404, 'not-found', 'Not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  /** A webhook request as the gateway would post it (signed for `url`). */
  function signed(url: string, message: unknown) {
    const rawBody = JSON.stringify([message]);
    return { url, headers: { [SIGNATURE_HEADER]: sign(webhookSecret, url, rawBody) }, rawBody };
  }

  async function post(url: string, message: unknown) {
    const request = signed(url, message);
    return fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...request.headers },
      body: request.rawBody,
    });
  }

  function findMessage(id: string) {
    const message = messages.find((m) => m.id === id);
    if (!message) throw new Error(`no message ${id}`);
    return message;
  }

  return {
    tokenId,
    tokenSecret,
    webhookSecret,
    credentials: { tokenId, tokenSecret, webhookSecret },
    baseUrl: `http://127.0.0.1:${port}`,
    messages,
    received,
    /** The account's webhook address, as set in the gateway's web app (one per account, not per message). */
    setWebhookUrl(url: string) {
      webhookUrl = url;
    },
    /** The gateway account's own credit; a send beyond it is refused with 403 insufficient-credits. */
    setGatewayCredits(n: number) {
      credits = n;
    },
    /** The next sends to `to` get these answers, in order. */
    failNext(to: string, ...next: FakeAnswer[]) {
      answers.set(to, [...(answers.get(to) ?? []), ...next]);
    },
    /** A message sent outside Parley's outbox (or an earlier identical one). */
    addMessage(input: { from: string; to: string; body: string; date?: Date; userSuppliedId?: string }) {
      const message = create(input, 'SENT');
      if (input.date) message.submission.date = input.date.toISOString();
      return message;
    },
    signed,
    /** The body of a delivery report for a message, as the webhook posts it. */
    reportOf(message: FakeGatewayMessage, type: string, subtype: string | null = null) {
      return { ...message, status: { id: `${type}.${subtype ?? 'null'}`, type, subtype } };
    },
    /** Posts a signed delivery report for message `id` to the account's webhook address. */
    async reportStatus(id: string, type: 'SENT' | 'DELIVERED' | 'FAILED', subtype: string | null = null) {
      const message = findMessage(id);
      message.status = { id: `${type}.${subtype ?? 'null'}`, type, subtype };
      if (!webhookUrl) throw new Error('no webhook address set (setWebhookUrl)');
      return post(`${webhookUrl}/status`, message);
    },
    /** A candidate's text to one of the account's numbers, posted signed to the account's webhook address. */
    async deliverInbound(input: { from: string; to: string; body: string }) {
      const message = create(input, 'RECEIVED');
      if (!webhookUrl) throw new Error('no webhook address set (setWebhookUrl)');
      return { id: message.id, response: await post(`${webhookUrl}/inbound`, message) };
    },
    /** The message object of a received text, for building webhook requests by hand. */
    receivedMessage(input: { from: string; to: string; body: string }) {
      const message = create(input, 'RECEIVED');
      messages.pop();
      return message;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeGateway = Awaited<ReturnType<typeof startFakeGateway>>;
