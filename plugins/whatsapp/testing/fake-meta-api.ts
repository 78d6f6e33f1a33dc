import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { hubSignature } from '../signature.ts';

export type FakeWhatsAppMessage = {
  id: string;
  /** The business number it was sent from (E.164). */
  from: string;
  /** The candidate (E.164). */
  to: string;
  type: 'text' | 'template';
  /** The text, or for a template its name and parameters as `name(p1, p2)`. */
  body: string;
  template?: { name: string; language: string; parameters: string[] };
  /** `biz_opaque_callback_data` as sent (Parley's message id). */
  callbackData?: string;
  createdAt: Date;
};

/**
 * What the next send to a number gets instead of a 200: a Graph API error
 * (nothing created), the connection reset before anything was created, or the
 * message created and then the answer lost (a 500, or a reset).
 */
export type FakeMetaAnswer =
  | { status: number; code: number; message?: string }
  | { reset: true }
  | { acceptThen: 500 | 'reset' };

export type FakeStatus = 'sent' | 'delivered' | 'read' | 'failed';

const wamid = () => `wamid.${randomBytes(24).toString('base64')}`;
const digits = (e164: string) => e164.replace(/[^0-9]/g, '');
const now = () => String(Math.floor(Date.now() / 1000));
const trace = () => randomBytes(8).toString('base64');

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const graphError = (res: ServerResponse, status: number, code: number, message: string, type = 'OAuthException') =>
  json(res, status, { error: { message, type, code, error_subcode: undefined, fbtrace_id: trace() } });

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body;
}

type Account = ReturnType<typeof makeAccount>;

type SendRequest = {
  to: string;
  text?: string;
  template?: { name: string; language: string; parameters: string[] };
  callbackData?: string;
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** What POST /messages asked for, or null when Meta would answer (#100) Invalid parameter. */
function readSend(payload: unknown): SendRequest | null {
  if (!isObject(payload) || payload.messaging_product !== 'whatsapp' || typeof payload.to !== 'string') return null;
  const to = `+${digits(payload.to)}`;
  if (!/^\+[0-9]{6,15}$/.test(to)) return null;
  const callbackData =
    typeof payload.biz_opaque_callback_data === 'string' ? payload.biz_opaque_callback_data : undefined;
  const { text, template } = payload;
  if (payload.type === 'text' && isObject(text) && typeof text.body === 'string' && text.body.length <= 4096) {
    return { to, text: text.body, callbackData };
  }
  if (payload.type !== 'template' || !isObject(template) || typeof template.name !== 'string') return null;
  const language = isObject(template.language) ? String(template.language.code) : '';
  const components = Array.isArray(template.components) ? template.components : [];
  const parameters = components
    .filter((c): c is Record<string, unknown> => isObject(c) && c.type === 'body')
    .flatMap((c) => (Array.isArray(c.parameters) ? c.parameters : []))
    .map((p) => (isObject(p) ? String(p.text) : ''));
  return { to, template: { name: template.name, language, parameters }, callbackData };
}

/** One WhatsApp business number of one Meta app: its credentials, and Meta's side of its webhooks. */
function makeAccount(input: { displayPhoneNumber: string; sent: FakeWhatsAppMessage[] }) {
  const credentials = {
    accessToken: `EAA${randomBytes(30).toString('hex')}`,
    phoneNumberId: String(100_000_000_000_000 + Math.floor(Math.random() * 899_999_999_999_999)),
    appSecret: randomBytes(16).toString('hex'),
    verifyToken: randomBytes(16).toString('hex'),
  };
  const businessAccountId = String(200_000_000_000_000 + Math.floor(Math.random() * 99_999_999_999_999));
  const displayPhoneNumber = input.displayPhoneNumber;
  let subscription: { url: string; autoStatusMs: number | null } | null = null;

  /** Posts `rawBody` to `url` as Meta does, signed with the app secret (or with `signature` instead). */
  const postRaw = (url: string, rawBody: string, signature?: string | null) =>
    fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(signature === null
          ? {}
          : { 'x-hub-signature-256': signature ?? hubSignature(credentials.appSecret, rawBody) }),
      },
      body: rawBody,
    });

  /** Meta's envelope around one `messages` change of this number. */
  const envelope = (value: Record<string, unknown>) => ({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: businessAccountId,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: {
                display_phone_number: digits(displayPhoneNumber),
                phone_number_id: credentials.phoneNumberId,
              },
              ...value,
            },
          },
        ],
      },
    ],
  });

  /** `sentAt`: when the candidate wrote (Meta's timestamp), for a webhook Meta retries late. */
  type Inbound = { from: string; body: string; id?: string; name?: string; sentAt?: Date };
  type Status = {
    /** A sent message, or its wamid. */
    message: FakeWhatsAppMessage | string;
    status: FakeStatus;
    /** A Meta error code, for `failed`. */
    errorCode?: number;
    /** Overrides the message's own callback data. */
    callbackData?: string;
  };
  const inboundMessage = (m: Inbound & { id: string }) => ({
    from: digits(m.from),
    id: m.id,
    timestamp: m.sentAt ? String(Math.floor(m.sentAt.getTime() / 1000)) : now(),
    type: 'text',
    text: { body: m.body },
  });
  const statusObject = (s: Status) => {
    const message = typeof s.message === 'string' ? input.sent.find((m) => m.id === s.message) : s.message;
    const id = typeof s.message === 'string' ? s.message : s.message.id;
    const callbackData = s.callbackData ?? message?.callbackData;
    return {
      id,
      status: s.status,
      timestamp: now(),
      recipient_id: digits(message?.to ?? '15550000000'),
      ...(callbackData ? { biz_opaque_callback_data: callbackData } : {}),
      ...(s.status === 'sent'
        ? {
            conversation: { id: randomBytes(16).toString('hex'), origin: { type: 'service' } },
            pricing: { billable: true, pricing_model: 'PMP', category: 'service' },
          }
        : {}),
      ...(s.errorCode
        ? {
            errors: [
              {
                code: s.errorCode,
                title: `Error ${s.errorCode}`,
                message: `Error ${s.errorCode}`,
                error_data: { details: `Meta error ${s.errorCode}` },
              },
            ],
          }
        : {}),
    };
  };

  /** The JSON body of a webhook carrying these inbound messages and statuses in one change. */
  function batchBody(events: { inbound?: Inbound[]; statuses?: Status[] }) {
    const inbound = (events.inbound ?? []).map((m) => ({ ...m, id: m.id ?? wamid() }));
    const value: Record<string, unknown> = {};
    if (inbound.length > 0) {
      value.contacts = inbound.map((m) => ({ profile: { name: m.name ?? 'Candidate' }, wa_id: digits(m.from) }));
      value.messages = inbound.map(inboundMessage);
    }
    if (events.statuses?.length) value.statuses = events.statuses.map(statusObject);
    return { ids: inbound.map((m) => m.id), rawBody: JSON.stringify(envelope(value)) };
  }

  const account = {
    credentials,
    businessAccountId,
    displayPhoneNumber,
    /** What this number sent, oldest first (the same array throughout). */
    sent: [] as FakeWhatsAppMessage[],
    /**
     * Sets the callback URL as in Meta's dashboard: Meta GETs it with the verify token and
     * expects the challenge back (throws otherwise). With `autoStatusMs`, each accepted send
     * is then reported `sent` and `delivered` to it after that delay, as Meta does.
     */
    async subscribe(url: string, options: { autoStatusMs?: number | null; verifyToken?: string } = {}) {
      const challenge = randomBytes(8).toString('hex');
      const query = new URLSearchParams({
        'hub.mode': 'subscribe',
        'hub.verify_token': options.verifyToken ?? credentials.verifyToken,
        'hub.challenge': challenge,
      });
      const response = await fetch(`${url}?${query}`);
      const text = await response.text();
      if (response.status !== 200 || text !== challenge) {
        throw new Error(`callback URL refused the handshake (${response.status})`);
      }
      subscription = { url, autoStatusMs: options.autoStatusMs ?? null };
    },
    /** Called by the server after an accepted send. */
    accepted(message: FakeWhatsAppMessage) {
      account.sent.push(message);
      const target = subscription;
      if (!target || target.autoStatusMs === null) return;
      setTimeout(async () => {
        try {
          await account.postStatus(target.url, message, 'sent');
          await account.postStatus(target.url, message, 'delivered');
        } catch {
          // The service stopped: Meta would retry; tests do not need it to.
        }
      }, target.autoStatusMs).unref();
    },
    /** A candidate's text, as Meta posts it (signed). */
    async postInbound(url: string, message: Inbound) {
      const { ids, rawBody } = batchBody({ inbound: [message] });
      return { id: ids[0] as string, response: await postRaw(url, rawBody) };
    },
    /** A status of a sent message, as Meta posts it (signed), carrying the message's callback data. */
    async postStatus(url: string, message: FakeWhatsAppMessage | string, status: FakeStatus, errorCode?: number) {
      return postRaw(url, batchBody({ statuses: [{ message, status, errorCode }] }).rawBody);
    },
    /** Several inbound messages and statuses in one signed request, as Meta batches them. */
    async postBatch(url: string, events: { inbound?: Inbound[]; statuses?: Status[] }) {
      const { ids, rawBody } = batchBody(events);
      return { ids, rawBody, response: await postRaw(url, rawBody) };
    },
    batchBody,
    postRaw,
    sign: (rawBody: string) => hubSignature(credentials.appSecret, rawBody),
  };
  return account;
}

/**
 * A loopback stand-in for Meta's Graph API (POST /<version>/<phone number id>/messages)
 * and Meta's side of the webhooks (signed with each app's secret). One server hosts
 * any number of business numbers (`addAccount`), as graph.facebook.com does; the fake
 * itself is the first one's.
 */
export async function startFakeMetaApi(options: { displayPhoneNumber?: string } = {}) {
  const sent: FakeWhatsAppMessage[] = [];
  const accounts: Account[] = [];
  const answers = new Map<string, FakeMetaAnswer[]>();
  const requests: { method: string; path: string; body: string }[] = [];
  let numbersDown = false;
  const addAccount = (input: { displayPhoneNumber: string }) => {
    const account = makeAccount({ ...input, sent });
    accounts.push(account);
    return account;
  };
  const first = addAccount({ displayPhoneNumber: options.displayPhoneNumber ?? '+15550100001' });

  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    requests.push({ method: req.method ?? '', path, body });
    const node = /^\/v[0-9]+\.[0-9]+\/([0-9]+)$/.exec(path);
    const phone = accounts.find((a) => a.credentials.phoneNumberId === node?.[1]);
    if (req.method === 'GET' && phone) {
      if (req.headers.authorization !== `Bearer ${phone.credentials.accessToken}`) {
        return graphError(res, 401, 190, 'Invalid OAuth access token - Cannot parse access token');
      }
      if (numbersDown) return graphError(res, 503, 2, 'Service temporarily unavailable', 'OAuthException');
      // Meta shows the number formatted for people, e.g. "+1 555-010-0001".
      const d = digits(phone.displayPhoneNumber);
      return json(res, 200, { display_phone_number: `+${d.slice(0, 1)} ${d.slice(1)}`, id: node?.[1] });
    }
    const match = /^\/v[0-9]+\.[0-9]+\/([0-9]+)\/messages$/.exec(path);
    const account = accounts.find((a) => a.credentials.phoneNumberId === match?.[1]);
    if (req.method !== 'POST' || !match || !account) {
      return graphError(res, 400, 100, 'Unsupported post request.', 'GraphMethodException');
    }
    if (req.headers.authorization !== `Bearer ${account.credentials.accessToken}`) {
      return graphError(res, 401, 190, 'Invalid OAuth access token - Cannot parse access token');
    }
    let request: SendRequest | null = null;
    try {
      request = readSend(JSON.parse(body));
    } catch {
      // Not JSON: refused below like any invalid parameter.
    }
    if (!request) return graphError(res, 400, 100, '(#100) Invalid parameter');
    const { to } = request;
    const answer = answers.get(to)?.shift();
    if (answer && 'reset' in answer) return void req.socket.destroy();
    if (answer && 'status' in answer) {
      return graphError(res, answer.status, answer.code, answer.message ?? `(#${answer.code}) refused`);
    }
    const { template } = request;
    const message: FakeWhatsAppMessage = {
      id: wamid(),
      from: account.displayPhoneNumber,
      to,
      type: template ? 'template' : 'text',
      body: template ? `${template.name}(${template.parameters.join(', ')})` : (request.text ?? ''),
      ...(template ? { template } : {}),
      ...(request.callbackData ? { callbackData: request.callbackData } : {}),
      createdAt: new Date(),
    };
    sent.push(message);
    account.accepted(message);
    if (answer && 'acceptThen' in answer) {
      if (answer.acceptThen === 'reset') return void req.socket.destroy();
      return graphError(res, 500, 1, 'An unknown error occurred', 'OAuthException');
    }
    json(res, 200, {
      messaging_product: 'whatsapp',
      contacts: [{ input: digits(to), wa_id: digits(to) }],
      messages: [{ id: message.id }],
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    ...first,
    /** The Graph API's address, for WHATSAPP_API_URL or the provider's `apiBaseUrl`. */
    url: `http://127.0.0.1:${port}`,
    /** Everything sent through every number of this fake. */
    allSent: sent,
    requests,
    /** Another business number (its own app secret, token and phone number id), on the same Graph API. */
    addAccount,
    /** GET /<phone number id> answers 503 until called with false. */
    numbersUnavailable(down = true) {
      numbersDown = down;
    },
    /** The next sends to `to` (E.164) get these answers, in order. */
    failNext(to: string, ...next: FakeMetaAnswer[]) {
      answers.set(to, [...(answers.get(to) ?? []), ...next]);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type FakeMetaApi = Awaited<ReturnType<typeof startFakeMetaApi>>;
export type FakeMetaAccount = ReturnType<FakeMetaApi['addAccount']>;
