import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
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

type Failure = { status: number; code: number; message: string };

const sid = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;

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

/**
 * A loopback stand-in for Twilio's REST API (the edge of the internet), for the
 * real `twilio` SDK to talk to, plus Twilio's side of the webhooks: it signs
 * status callbacks and inbound messages exactly as Twilio does.
 */
export async function startFakeTwilioApi(options: { accountSid?: string; authToken?: string } = {}) {
  const accountSid = options.accountSid ?? sid('AC');
  const authToken = options.authToken ?? randomBytes(16).toString('hex');
  const messages: FakeMessage[] = [];
  const failures = new Map<string, Failure[]>();
  let hold: Promise<void> | null = null;
  let release: () => void = () => {};
  const received: { method: string; path: string }[] = [];

  const authorized = (req: IncomingMessage) =>
    req.headers.authorization === `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    received.push({ method: req.method ?? '', path: url.pathname });
    if (!authorized(req)) return json(res, 401, { code: 20003, message: 'Authenticate', status: 401 });
    const base = `/2010-04-01/Accounts/${accountSid}/Messages`;
    if (req.method === 'POST' && url.pathname === `${base}.json`) {
      const form = Object.fromEntries(new URLSearchParams(await readBody(req)));
      const failure = failures.get(form.To ?? '')?.shift();
      if (failure)
        return json(res, failure.status, { code: failure.code, message: failure.message, status: failure.status });
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
      if (hold) await hold;
      return json(res, 201, resource(accountSid, message));
    }
    if (req.method === 'GET' && url.pathname === `${base}.json`) {
      const after = url.searchParams.get('DateSent>');
      const list = messages.filter(
        (m) =>
          (!url.searchParams.get('To') || m.to === url.searchParams.get('To')) &&
          (!url.searchParams.get('From') || m.from === url.searchParams.get('From')) &&
          (!after || m.dateCreated.getTime() >= new Date(after).getTime() - 1000),
      );
      return json(res, 200, {
        messages: list.map((m) => resource(accountSid, m)),
        page: 0,
        page_size: 50,
        first_page_uri: `${base}.json?PageSize=50&Page=0`,
        next_page_uri: null,
        previous_page_uri: null,
        uri: `${base}.json`,
      });
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

  return {
    accountSid,
    authToken,
    baseUrl: `http://127.0.0.1:${port}`,
    messages,
    received,
    /** The next sends to `to` fail with these answers, in order. */
    failNext(to: string, ...answers: Failure[]) {
      failures.set(to, [...(failures.get(to) ?? []), ...answers]);
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
    /** Twilio reports a status change to the message's StatusCallback, signed. */
    async reportStatus(message: FakeMessage, status: string, errorCode?: number) {
      message.status = status;
      if (!message.statusCallback) throw new Error('message has no StatusCallback');
      const params: Record<string, string> = {
        MessageSid: message.sid,
        MessageStatus: status,
        AccountSid: accountSid,
        To: message.to,
        From: message.from,
      };
      if (errorCode) params.ErrorCode = String(errorCode);
      return postSigned(message.statusCallback, params);
    },
    /** A candidate's text arrives at `url` as Twilio would post it; `signature` overrides the real one. */
    async deliverInbound(
      url: string,
      input: { from: string; to: string; body: string; sid?: string },
      signature?: string,
    ) {
      const params = {
        MessageSid: input.sid ?? sid('SM'),
        AccountSid: accountSid,
        From: input.from,
        To: input.to,
        Body: input.body,
        NumMedia: '0',
      };
      return { sid: params.MessageSid, response: await postSigned(url, params, signature) };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeTwilioApi = Awaited<ReturnType<typeof startFakeTwilioApi>>;
