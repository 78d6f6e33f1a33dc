import type { IncomingMessage, ServerResponse } from 'node:http';
import { ChannelError, type WebhookEvent } from '../../plugins/sdk/index.ts';
import type { ChannelRegistry, WebhookChannel } from '../channels/registry.ts';
import { messageIdOf } from '../channels/webhook-urls.ts';
import type { Logger } from '../log.ts';
import type { InboundDeps } from '../messaging/inbound/receive-inbound.ts';
import { applyWebhookEvents, eventProblem } from './webhook-events.ts';

/** Room for a full batch of a provider that batches (Meta: up to 1,000 statuses with their pricing details). */
const MAX_BODY = 256 * 1024;
/** After a 413, how much more of the request is read (and dropped) so the client sees the answer, not a reset. */
const DRAIN_BYTES = 1024 * 1024;
const DRAIN_MS = 5_000;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The body, or null when it is larger than MAX_BODY (the rest is left unread). */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
  if (Number(req.headers['content-length']) > MAX_BODY) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        req.off('data', onData).off('end', onEnd).off('error', reject);
        req.pause();
        resolve(null);
      } else chunks.push(chunk);
    };
    const onEnd = () => resolve(Buffer.concat(chunks));
    req.on('data', onData).on('end', onEnd).on('error', reject);
  });
}

/**
 * 413, closed cleanly: `Connection: close`, then what the client is still
 * sending is read and dropped (up to a limit) so that it reads the answer
 * instead of a connection reset.
 */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse) {
  res.shouldKeepAlive = false;
  res.writeHead(413, { connection: 'close', 'content-type': 'text/plain' }).end(`request body over ${MAX_BODY} bytes`);
  let drained = 0;
  const stop = () => req.socket.destroy();
  const timer = setTimeout(stop, DRAIN_MS).unref();
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > DRAIN_BYTES) stop();
  });
  req.on('end', () => clearTimeout(timer));
  req.on('close', () => clearTimeout(timer));
  req.resume();
}

/** Provider webhooks: the registry says which account's (`api/channels/webhook-urls.ts`); others are a 404 there. */
export function isWebhookPath(path: string) {
  return path.startsWith('/webhooks/');
}

/** Counts a refused provider webhook (for /metrics). */
export type WebhookRefused = (pluginId: string, reason: 'signature' | 'verify-token' | 'malformed') => void;

/**
 * GET on an account's inbound webhook: the provider confirming the address
 * (Meta's hub.mode=subscribe, hub.verify_token, hub.challenge), answered by the
 * account's provider: 200 and the challenge as plain text, or 403. The query
 * holds the verify token, so it is never logged.
 */
function answerSubscription(
  res: ServerResponse,
  channel: WebhookChannel,
  query: URLSearchParams,
  log: Logger,
  refused?: WebhookRefused,
) {
  const route = `${channel.pluginId}/${channel.accountId ?? 'platform'}`;
  const challenge = channel.kind === 'inbound' ? channel.provider.verifySubscription?.(query) : undefined;
  if (challenge === undefined) return void res.writeHead(404).end();
  if (challenge === null) {
    log.warn({ route }, 'webhook subscription refused: wrong verify token or mode');
    refused?.(channel.pluginId, 'verify-token');
    return void res.writeHead(403, { 'content-type': 'text/plain' }).end('verification failed');
  }
  res.writeHead(200, { 'content-type': 'text/plain' }).end(challenge);
}

/**
 * POST /webhooks/<plugin id>/<account id>/inbound and …/status: each channel
 * account's own, verified with that account's credentials. The provider's
 * signature over our public URL is checked before anything is
 * parsed; a bad or missing one is a 403 and nothing is stored. A signed request
 * that is not exactly what the provider sends (unknown or repeated parameters,
 * malformed values, bad bytes) is a 400 and nothing is stored.
 */
export function createWebhookHandler(
  deps: InboundDeps & { channels: ChannelRegistry; publicUrl: string; log: Logger; refused?: WebhookRefused },
) {
  return async (req: IncomingMessage, res: ServerResponse, path: string) => {
    const channel = req.method === 'POST' || req.method === 'GET' ? await deps.channels.webhook(path) : null;
    const route = channel ? `${channel.pluginId}/${channel.accountId ?? 'platform'}` : null;
    if (!channel) {
      res.writeHead(404).end();
      return;
    }
    if (req.method === 'GET') {
      const query = new URL(req.url ?? '/', 'http://webhook').searchParams;
      return answerSubscription(res, channel, query, deps.log, deps.refused);
    }
    const bytes = await readBody(req);
    if (bytes === null) return refuseTooLarge(req, res);
    let rawBody: string;
    let validUtf8 = true;
    try {
      rawBody = utf8.decode(bytes);
    } catch {
      rawBody = bytes.toString('utf8');
      validUtf8 = false;
    }
    const request = {
      url: `${deps.publicUrl}${req.url ?? ''}`,
      headers: req.headers as Record<string, string>,
      rawBody,
    };
    if (!channel.provider.verifyWebhook(request)) {
      deps.log.warn({ path, route }, 'webhook refused: bad or missing signature');
      deps.refused?.(channel.pluginId, 'signature');
      res.writeHead(403, { 'content-type': 'text/plain' }).end('signature check failed');
      return;
    }
    const refuse = (why: string) => {
      deps.log.warn({ path, route, why }, 'webhook refused: signed, but not a well-formed message');
      deps.refused?.(channel.pluginId, 'malformed');
      res.writeHead(400, { 'content-type': 'text/plain' }).end(why);
    };
    if (!validUtf8) return refuse('the body is not valid UTF-8');
    // Every event is parsed and checked before the first is applied: a malformed request stores nothing.
    let events: WebhookEvent[];
    try {
      const { provider } = channel;
      events = provider.parseEvents
        ? provider.parseEvents(request)
        : channel.kind === 'status'
          ? [{ type: 'status', update: provider.parseStatus(request) }]
          : [{ type: 'inbound', message: provider.parseInbound(request) }];
    } catch (error) {
      if (!(error instanceof ChannelError)) throw error;
      return refuse(error.message);
    }
    const problem = events.map(eventProblem).find((p) => p !== null);
    if (problem) return refuse(problem);
    // The Parley id in a status URL counts only where the provider signs the URL (not a batch provider's).
    const urlMessageId = channel.kind === 'status' && !channel.provider.parseEvents ? messageIdOf(request.url) : null;
    await applyWebhookEvents(deps, channel, events, urlMessageId);
    res
      .writeHead(200, { 'content-type': channel.provider.webhookReply.contentType })
      .end(channel.provider.webhookReply.body);
  };
}
