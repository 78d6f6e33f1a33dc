import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import twilio from 'twilio';

export type FakeMessage = {
  sid: string;
  from: string;
  to: string;
  body: string;
  status: string;
  statusCallback?: string;
  dateCreated: Date;
};

/** Twilio refuses the send: nothing is created. */
type Refusal = { status: number; code: number; message: string };
/**
 * What the next send to a number gets instead of a plain 201: a refusal (nothing
 * created), or the message is created and then the answer is lost: a 502 from
 * Twilio's edge, or the connection dropped before any answer.
 */
export type FakeAnswer = Refusal | { acceptThen: 502 | 'drop' } | { drop: true };

/** Twilio's answer to a wrong Account SID or auth token. */
const AUTHENTICATE = {
  code: 20003,
  message: 'Authenticate',
  more_info: 'https://www.twilio.com/docs/errors/20003',
  status: 401,
};

const sid = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;
const day = (d: Date) => d.toISOString().slice(0, 10);

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body;
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function resource(accountSid: string, m: FakeMessage) {
  return {
    sid: m.sid,
    account_sid: accountSid,
    from: m.from,
    to: m.to,
    body: m.body,
    status: m.status,
    num_segments: '1',
    direction: 'outbound-api',
    date_created: m.dateCreated.toUTCString(),
    date_sent: m.dateCreated.toUTCString(),
    date_updated: m.dateCreated.toUTCString(),
    uri: `/2010-04-01/Accounts/${accountSid}/Messages/${m.sid}.json`,
  };
}

/** One page of IncomingPhoneNumbers, filtered by `PhoneNumber` as Twilio does (exact E.164 here). */
function incomingNumbersPage(accountSid: string, owned: string[], q: URLSearchParams) {
  const wanted = q.get('PhoneNumber');
  const list = owned.filter((n) => !wanted || n === wanted);
  const uri = `/2010-04-01/Accounts/${accountSid}/IncomingPhoneNumbers.json?${q.toString()}`;
  return {
    incoming_phone_numbers: list.map((n) => ({
      sid: `PN${n.replace(/\D/g, '').padEnd(32, '0').slice(0, 32)}`,
      account_sid: accountSid,
      phone_number: n,
      friendly_name: n,
      capabilities: { sms: true, mms: false, voice: true },
      status: 'in-use',
    })),
    page: 0,
    page_size: Number(q.get('PageSize') ?? 50),
    start: 0,
    end: Math.max(list.length - 1, 0),
    first_page_uri: uri,
    next_page_uri: null,
    previous_page_uri: null,
    uri,
  };
}

/**
 * Twilio's DateSent filters are day-granular (GMT): `DateSent>=YYYY-MM-DD` is "on
 * or after midnight of that day", `DateSent<=` "on or before that day". The SDK
 * sends `DateSent>` / `DateSent<` with a full timestamp; like Twilio, only its
 * date counts here.
 */
function dateSentMatches(params: URLSearchParams, sent: Date) {
  const on = params.get('DateSent');
  const after = params.get('DateSent>');
  const before = params.get('DateSent<');
  const d = day(sent);
  return (!on || d === on.slice(0, 10)) && (!after || d >= after.slice(0, 10)) && (!before || d <= before.slice(0, 10));
}

/**
 * A loopback stand-in for Twilio's REST API (the edge of the internet), for the
 * real `twilio` SDK to talk to, plus Twilio's side of the webhooks: it signs
 * status callbacks and inbound messages exactly as Twilio does.
 */
export async function startFakeTwilioApi(options: { accountSid?: string; authToken?: string } = {}) {
  const accountSid = options.accountSid ?? sid('AC');
  const authToken = options.authToken ?? randomBytes(16).toString('hex');
  const messages: FakeMessage[] = [];
  const answers = new Map<string, FakeAnswer[]>();
  let hold: Promise<void> | null = null;
  let release: () => void = () => {};
  const heldTo = new Map<string, { promise: Promise<void>; release: () => void }>();
  const received: { method: string; path: string; query: string }[] = [];
  /** The numbers this account holds (IncomingPhoneNumbers), E.164. */
  const ownedNumbers = new Set<string>();
  let numbersDown = false;

  const authorized = (req: IncomingMessage) =>
    req.headers.authorization === `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    received.push({ method: req.method ?? '', path: url.pathname, query: url.search });
    if (!authorized(req)) return json(res, 401, AUTHENTICATE);
    const base = `/2010-04-01/Accounts/${accountSid}/Messages`;
    if (req.method === 'POST' && url.pathname === `${base}.json`) {
      const form = Object.fromEntries(new URLSearchParams(await readBody(req)));
      const answer = answers.get(form.To ?? '')?.shift();
      if (answer && 'drop' in answer) return void req.socket.destroy();
      if (answer && 'status' in answer)
        return json(res, answer.status, { code: answer.code, message: answer.message, status: answer.status });
      if ((form.Body ?? '').length > 1600) {
        const message = 'The concatenated message body exceeds the 1600 character limit.';
        return json(res, 400, { code: 21617, message, status: 400 });
      }
      const message: FakeMessage = {
        sid: sid('SM'),
        from: form.From ?? '',
        to: form.To ?? '',
        body: form.Body ?? '',
        status: 'queued',
        statusCallback: form.StatusCallback,
        dateCreated: new Date(),
      };
      messages.push(message);
      if (answer && 'acceptThen' in answer && answer.acceptThen === 502) {
        res.writeHead(502, { 'content-type': 'text/html' });
        return void res.end('<html><body>502 Bad Gateway</body></html>');
      }
      if (answer && 'acceptThen' in answer) return void req.socket.destroy();
      const held = heldTo.get(message.to);
      if (held) await held.promise;
      if (hold) await hold;
      return json(res, 201, resource(accountSid, message));
    }
    if (req.method === 'GET' && url.pathname === `${base}.json`) {
      const q = url.searchParams;
      // Newest first, as Twilio lists them; pages follow next_page_uri.
      const list = messages
        .filter(
          (m) =>
            (!q.get('To') || m.to === q.get('To')) &&
            (!q.get('From') || m.from === q.get('From')) &&
            dateSentMatches(q, m.dateCreated),
        )
        .reverse();
      const pageSize = Math.min(Math.max(Number(q.get('PageSize') ?? 50) || 50, 1), 1000);
      const page = Math.max(Number(q.get('Page') ?? 0) || 0, 0);
      const slice = list.slice(page * pageSize, (page + 1) * pageSize);
      const pageUri = (n: number) => {
        const next = new URLSearchParams(q);
        next.set('PageSize', String(pageSize));
        next.set('Page', String(n));
        return `${base}.json?${next.toString()}`;
      };
      return json(res, 200, {
        messages: slice.map((m) => resource(accountSid, m)),
        page,
        page_size: pageSize,
        start: page * pageSize,
        end: page * pageSize + Math.max(slice.length - 1, 0),
        first_page_uri: pageUri(0),
        next_page_uri: (page + 1) * pageSize < list.length ? pageUri(page + 1) : null,
        previous_page_uri: page > 0 ? pageUri(page - 1) : null,
        uri: pageUri(page),
      });
    }
    if (req.method === 'GET' && url.pathname === `/2010-04-01/Accounts/${accountSid}/IncomingPhoneNumbers.json`) {
      if (numbersDown) return json(res, 503, { code: 20503, message: 'Service Unavailable', status: 503 });
      return json(res, 200, incomingNumbersPage(accountSid, [...ownedNumbers], url.searchParams));
    }
    const one = messages.find((m) => url.pathname === `${base}/${m.sid}.json`);
    if (req.method === 'GET' && one) return json(res, 200, resource(accountSid, one));
    return json(res, 404, { code: 20404, message: 'Not found', status: 404 });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  async function postSigned(url: string, params: Record<string, string>, signature?: string) {
    return fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': signature ?? twilio.getExpectedTwilioSignature(authToken, url, params),
      },
      body: new URLSearchParams(params).toString(),
    });
  }

  /** The parameters Twilio posts to a number's messaging webhook for an inbound SMS. */
  function inboundParams(input: { from: string; to: string; body: string; sid?: string }): Record<string, string> {
    const messageSid = input.sid ?? sid('SM');
    return {
      ToCountry: 'US',
      ToState: 'CA',
      SmsMessageSid: messageSid,
      NumMedia: '0',
      ToCity: 'SAN FRANCISCO',
      FromZip: '94105',
      SmsSid: messageSid,
      FromState: 'CA',
      SmsStatus: 'received',
      FromCity: 'SAN FRANCISCO',
      Body: input.body,
      FromCountry: 'US',
      To: input.to,
      ToZip: '94105',
      NumSegments: '1',
      MessageSid: messageSid,
      AccountSid: accountSid,
      From: input.from,
      ApiVersion: '2010-04-01',
    };
  }

  return {
    accountSid,
    authToken,
    baseUrl: `http://127.0.0.1:${port}`,
    messages,
    received,
    /** The account holds these numbers: Twilio's IncomingPhoneNumbers lists them. */
    ownNumbers(...e164s: string[]) {
      for (const n of e164s) ownedNumbers.add(n);
    },
    /** IncomingPhoneNumbers answers 503 until called with false. */
    numbersUnavailable(down = true) {
      numbersDown = down;
    },
    /** The next sends to `to` get these answers, in order (refusals, or accepted-then-lost answers). */
    failNext(to: string, ...next: FakeAnswer[]) {
      answers.set(to, [...(answers.get(to) ?? []), ...next]);
    },
    /** Accept messages but hold the HTTP answers until `release()`. */
    holdResponses() {
      hold = new Promise((resolve) => {
        release = resolve;
      });
    },
    release() {
      hold = null;
      release();
    },
    /** Accept messages to `to` but hold their answers until the returned function is called. */
    holdResponsesTo(to: string) {
      let done: () => void = () => {};
      const promise = new Promise<void>((resolve) => {
        done = resolve;
      });
      heldTo.set(to, { promise, release: done });
      return () => {
        heldTo.delete(to);
        done();
      };
    },
    /** A message Twilio has, created outside Parley's outbox (another send between the same numbers). */
    addMessage(input: { from: string; to: string; body: string; dateCreated?: Date }) {
      const message: FakeMessage = {
        sid: sid('SM'),
        status: 'delivered',
        dateCreated: new Date(),
        ...input,
      };
      messages.push(message);
      return message;
    },
    /** Twilio reports a status change to the message's StatusCallback, signed. */
    async reportStatus(message: FakeMessage, status: string, errorCode?: number) {
      message.status = status;
      if (!message.statusCallback) throw new Error('message has no StatusCallback');
      const params: Record<string, string> = {
        SmsSid: message.sid,
        SmsStatus: status,
        MessageStatus: status,
        To: message.to,
        MessageSid: message.sid,
        AccountSid: accountSid,
        From: message.from,
        ApiVersion: '2010-04-01',
      };
      if (errorCode) params.ErrorCode = String(errorCode);
      return postSigned(message.statusCallback, params);
    },
    inboundParams,
    /** A candidate's text arrives at `url` as Twilio would post it; `signature` overrides the real one. */
    async deliverInbound(
      url: string,
      input: { from: string; to: string; body: string; sid?: string },
      signature?: string,
    ) {
      const params = inboundParams(input);
      return { sid: params.MessageSid as string, response: await postSigned(url, params, signature) };
    },
    /** Posts `rawBody` as it is, signed over `params` for `url` (for requests Twilio would never send). */
    async postRaw(url: string, rawBody: string | Uint8Array<ArrayBuffer>, params: Record<string, string | string[]>) {
      return fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': twilio.getExpectedTwilioSignature(authToken, url, params as Record<string, string>),
        },
        body: typeof rawBody === 'string' ? rawBody : new Blob([rawBody]),
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeTwilioApi = Awaited<ReturnType<typeof startFakeTwilioApi>>;

/**
 * One address for several fake accounts, as Twilio's API is one address for
 * every account: each request goes to the fake whose Account SID its path names.
 */
export async function startFakeTwilioEdge(fakes: FakeTwilioApi[]) {
  const server = createServer((req, res) => {
    const sid = /\/Accounts\/(AC[0-9a-fA-F]{32})\//.exec(req.url ?? '')?.[1];
    const fake = fakes.find((f) => f.accountSid === sid);
    if (!fake) return json(res, 401, AUTHENTICATE);
    const upstream = request(
      new URL(req.url ?? '/', fake.baseUrl),
      { method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    // The fake dropped the connection: so does the edge.
    upstream.on('error', () => req.socket.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
