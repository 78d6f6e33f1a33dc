import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `npm run inbox:build` (and npm ci's postinstall) writes the reference inbox (git-ignored). */
export const INBOX_DIST = fileURLToPath(new URL('../../clients/inbox/dist', import.meta.url));

export const INBOX_PATH = '/inbox';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** The page talks only to this service: its GraphQL endpoint over HTTP and graphql-ws. */
const PAGE_POLICY =
  "default-src 'self'; connect-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export const isInboxPath = (path: string) => path === INBOX_PATH || path.startsWith(`${INBOX_PATH}/`);

/** The file under `root` a request path names, or null when it would leave it (`..`, encoded or not, NUL). */
export function inboxFile(root: string, path: string): string | null {
  let relative: string;
  try {
    relative = decodeURIComponent(path.slice(INBOX_PATH.length + 1));
  } catch {
    return null;
  }
  if (relative.includes('\0') || relative.includes('\\')) return null;
  const file = normalize(join(root, relative || 'index.html'));
  return file === root || file.startsWith(root + sep) ? file : null;
}

/**
 * GET /inbox/…: the built reference inbox (clients/inbox), static files only. A path without a
 * file extension is the app's own (it has one page), so it gets index.html.
 */
export async function serveInbox(req: IncomingMessage, res: ServerResponse, path: string, root = INBOX_DIST) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  if (path === INBOX_PATH) {
    res.writeHead(308, { location: `${INBOX_PATH}/` }).end();
    return;
  }
  let file = inboxFile(root, path);
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found.\n');
    return;
  }
  if (!extname(file)) file = join(root, 'index.html');
  const found = await stat(file).catch(() => null);
  if (!found?.isFile()) {
    const missing = file === join(root, 'index.html');
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(missing ? 'The reference inbox is not built: run `npm run inbox:build`.\n' : 'Not found.\n');
    return;
  }
  const hashed = file.startsWith(join(root, 'assets') + sep);
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': found.size,
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
    'content-security-policy': PAGE_POLICY,
    'referrer-policy': 'no-referrer',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
