import type { ServerResponse } from 'node:http';

export type ReadinessCheck = { name: string; check: () => Promise<void> };

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** GET /healthz: the process is up and serving. */
export function live(res: ServerResponse) {
  sendJson(res, 200, { status: 'ok' });
}

/** GET /readyz: every dependency answers within the timeout; otherwise 503 naming the ones that did not. */
export async function ready(res: ServerResponse, checks: ReadinessCheck[], draining: boolean, timeoutMs = 2000) {
  if (draining) return sendJson(res, 503, { status: 'draining' });
  const results = await Promise.all(
    checks.map(async ({ name, check }) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([check(), timeout]);
        return [name, 'ok'] as const;
      } catch (error) {
        return [name, error instanceof Error ? error.message : String(error)] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const ok = results.every(([, status]) => status === 'ok');
  sendJson(res, ok ? 200 : 503, { status: ok ? 'ok' : 'unavailable', checks: Object.fromEntries(results) });
}
