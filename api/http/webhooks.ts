import type { IncomingMessage, ServerResponse } from 'node:http';
import { ChannelError } from '../../plugins/sdk/index.ts';
import type { ChannelRegistry } from '../channels/registry.ts';
import type { Logger } from '../log.ts';
import { type InboundDeps, receiveInbound } from '../messaging/inbound.ts';
import { applyStatusCallback } from '../messaging/status-callback.ts';

const MAX_BODY = 64 * 1024;

async function readBody(req: IncomingMessage): Promise<string | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const ROUTE = /^\/webhooks\/([a-z0-9-]+)\/sms(\/status)?$/;

export function isWebhookPath(path: string) {
  return ROUTE.test(path);
}

/**
 * POST /webhooks/<provider>/sms (inbound) and /webhooks/<provider>/sms/status.
 * The provider's signature over our public URL is checked before anything is
 * parsed; a bad or missing one is a 403 and nothing is stored.
 */
export function createWebhookHandler(
  deps: InboundDeps & { channels: ChannelRegistry; publicUrl: string; log: Logger },
) {
  return async (req: IncomingMessage, res: ServerResponse, path: string) => {
    const [, route, status] = ROUTE.exec(path) ?? [];
    const channel = route ? deps.channels.byWebhookRoute(route) : null;
    if (req.method !== 'POST' || !channel?.provider) {
      res.writeHead(404).end();
      return;
    }
    const rawBody = await readBody(req);
    if (rawBody === null) {
      res.writeHead(413).end();
      return;
    }
    const request = {
      url: `${deps.publicUrl}${req.url ?? ''}`,
      headers: req.headers as Record<string, string>,
      rawBody,
    };
    if (!channel.provider.verifyWebhook(request)) {
      deps.log.warn({ path, route }, 'webhook refused: bad or missing signature');
      res.writeHead(403, { 'content-type': 'text/plain' }).end('signature check failed');
      return;
    }
    try {
      if (status) {
        const messageId = new URL(request.url).searchParams.get('messageId');
        await applyStatusCallback(deps, channel.pluginId, messageId, channel.provider.parseStatus(request));
      } else {
        const outcome = await receiveInbound(deps, channel.pluginId, channel.provider.parseInbound(request));
        if (outcome === 'unknown-number') deps.log.warn({ route }, 'inbound message to a number no tenant owns');
      }
    } catch (error) {
      if (!(error instanceof ChannelError)) throw error;
      res.writeHead(400, { 'content-type': 'text/plain' }).end(error.message); // signed, but not a message
      return;
    }
    res
      .writeHead(200, { 'content-type': channel.provider.webhookReply.contentType })
      .end(channel.provider.webhookReply.body);
  };
}
