import { createClient } from 'graphql-ws';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { testMode } from '../test/databases.ts';
import { startTestServer } from '../test/harness.ts';
import { setUpHiring } from '../test/messaging-fixture.ts';

/** What keeps this process alive, by kind (sockets, servers, timers, pipes). */
function resources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
}

/** Kinds of which more are alive now than before the service started. */
function leftOver(before: Map<string, number>): Record<string, number> {
  const left: Record<string, number> = {};
  for (const [kind, n] of resources()) if (n > (before.get(kind) ?? 0)) left[kind] = n - (before.get(kind) ?? 0);
  return left;
}

// `npm start` exits with process.exit(0) after stop(), which would hide a worker, timer or connection that stop()
// forgot: here the service runs in this process, and after stop() nothing it started may keep the process alive.
describe('stopping the service', () => {
  it('leaves nothing running that it started: workers, relay, notifier, Redis, pool, servers, timers', async () => {
    const before = resources();
    const server = await startTestServer({
      env: { OUTBOX_WORKER: 'on', WEBHOOK_WORKER: 'on', WORKFLOW_WORKER: 'on', SHUTDOWN_GRACE_MS: '500' },
    });
    const h = await setUpHiring(server);
    await h.candidateTexts('Hello');
    // A live subscription open while the service stops (its socket is the service's to close).
    const ws = createClient({
      url: server.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${h.tenant.apiKey}` },
      retryAttempts: 0,
    });
    let received = 0;
    ws.subscribe(
      { query: 'subscription { tenantEvents { type } }' },
      { next: () => void received++, error: () => {}, complete: () => {} },
    );
    // Texts until the subscription (set up asynchronously) has received one.
    await expect
      .poll(
        async () => {
          if (!received) await h.candidateTexts('Are you there?');
          return received;
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBeGreaterThan(0);
    await server.stop({ keepDatabase: true });
    const logged = server.logs.lines.length;
    await ws.dispose();
    try {
      await expect.poll(() => leftOver(before), { timeout: 5_000, interval: 100 }).toEqual({});
      // Loops still running after stop() (outbox, relay, notifier, workflows) would meet the closed pool and log.
      await new Promise((r) => setTimeout(r, 1_500));
      expect(server.logs.lines.slice(logged)).toEqual([]);
      if (testMode === 'postgres') {
        // The pool is closed: no connection of the service's is left on PostgreSQL.
        const admin = new pg.Client({ connectionString: server.database.url });
        await admin.connect();
        try {
          const { rows } = await admin.query(
            'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
          );
          expect(rows[0].n).toBe(0);
        } finally {
          await admin.end();
        }
      }
    } finally {
      await server.database.drop();
    }
  }, 60_000);
});
