import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { checkAddresses, guardedLookup } from './address-guard.ts';

export type PostResult = { statusCode: number | null; error: string | null; latencyMs: number };

const MAX_RESPONSE_BYTES = 64 * 1024;

/** Agents of their own, so no socket opened by other code (unchecked) is ever reused for a webhook. */
const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 64 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

/**
 * POSTs a webhook: connects only to an address the guard checked (resolved
 * here, checked, then connected to: no second lookup a DNS answer could change),
 * never follows a redirect, and gives up after `timeoutMs` for the whole
 * exchange. Resolves with the status or the reason there was none; never rejects.
 */
export function postWebhook(
  target: string,
  headers: Record<string, string>,
  body: string,
  options: { timeoutMs: number; allowPrivate: boolean; signal?: AbortSignal },
): Promise<PostResult> {
  const started = performance.now();
  const done = (statusCode: number | null, error: string | null): PostResult => ({
    statusCode,
    error,
    latencyMs: Math.round(performance.now() - started),
  });
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(target);
      const host = url.hostname.replace(/^\[|\]$/g, '');
      // Node connects to an IP literal without calling `lookup`: check it here.
      if (isIP(host)) checkAddresses(host, [host], options.allowPrivate);
    } catch (error) {
      return resolve(done(null, (error as Error).message));
    }
    const secure = url.protocol === 'https:';
    const request = (secure ? https : http).request(url, {
      method: 'POST',
      agent: secure ? agents.https : agents.http,
      lookup: guardedLookup(options.allowPrivate) as never,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Parley-Webhooks/1',
        'content-length': String(Buffer.byteLength(body)),
        ...headers,
      },
    });
    const timer = setTimeout(
      () => request.destroy(new Error(`no answer within ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
    const abort = () => request.destroy(new Error('the service was stopping; retried later'));
    if (options.signal?.aborted) abort();
    options.signal?.addEventListener('abort', abort, { once: true });
    let settled = false;
    const finish = (result: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', abort);
      resolve(result);
    };
    request.on('response', (response) => {
      let read = 0;
      response.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > MAX_RESPONSE_BYTES) response.destroy();
      });
      response.on('close', () => finish(done(response.statusCode ?? null, null)));
      response.on('error', () => finish(done(response.statusCode ?? null, null)));
    });
    request.on('error', (error) => finish(done(null, error.message)));
    request.end(body);
  });
}
