import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'graphql-ws';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestDatabase, testMode } from '../test/databases.ts';
import { alive, descendants, portIsFree } from '../test/process-tree.ts';

const root = join(import.meta.dirname, '..', '..');

type Service = { child: ChildProcess; output: () => string; stdout: () => string; exited: Promise<number | null> };

function launch(command: string, args: string[], env: Record<string, string>): Service {
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so the test can clean up whatever it leaves behind
  });
  let out = '';
  let stdout = '';
  child.stdout?.on('data', (d) => {
    out += d;
    stdout += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, stdout: () => stdout, exited };
}

async function waitForPort(service: Service): Promise<number> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const port = /"port":(\d+)[^\n]*"msg":"listening"/.exec(service.output())?.[1];
    if (port) return Number(port);
    if (Date.now() > deadline || service.child.exitCode !== null) {
      throw new Error(`service did not start:\n${service.output()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

const started: Service[] = [];
afterEach(() => {
  for (const { child } of started.splice(0)) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

describe.skipIf(testMode !== 'embedded')('npm start', () => {
  it('stops every process it started on SIGTERM, frees its port and exits 0; stdout is JSON lines only', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'parley-shutdown-'));
    try {
      const service = launch('npm', ['start', '--silent'], {
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        REDIS_URL: '',
        DEMO_TENANT: 'on',
      });
      started.push(service);
      const port = await waitForPort(service);
      await expect.poll(() => service.output(), { timeout: 30_000 }).toMatch(/API key \(partner backend\)/);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      const npmPid = service.child.pid as number;
      const tree = descendants(npmPid);
      expect(tree.length).toBeGreaterThan(0);

      process.kill(npmPid, 'SIGTERM');
      expect(await service.exited).toBe(0);
      await expect.poll(() => tree.filter(alive), { timeout: 10_000 }).toEqual([]);
      expect(service.output()).toMatch(/"msg":"stopped"/);
      expect(await portIsFree(port)).toBe(true);
      // The banner went to stderr; every line on stdout is a log record.
      const lines = service.stdout().split('\n').filter(Boolean);
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
      expect(service.stdout()).not.toContain('Demo tenant');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});

describe.skipIf(testMode !== 'postgres')('SIGTERM after load (PostgreSQL + Redis)', () => {
  it('closes subscriptions before Redis and exits 0 without "Connection is closed"', async () => {
    const database = await createTestDatabase();
    const operatorKey = randomBytes(24).toString('hex');
    try {
      const service = launch(process.execPath, ['--import', 'tsx', 'api/main.ts'], {
        ...database.env,
        OPERATOR_KEY: operatorKey,
        OUTBOX_WORKER: 'off',
        // No grace: requests still running when the service closes Redis publish into a closed connection.
        SHUTDOWN_GRACE_MS: '0',
      });
      started.push(service);
      const port = await waitForPort(service);
      const url = `http://127.0.0.1:${port}/graphql`;
      const post = async (credential: string, query: string) => {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
          body: JSON.stringify({ query }),
        });
        return (await res.json()) as { data?: any; errors?: unknown[] };
      };
      const created = await post(
        operatorKey,
        'mutation { createTenant(input: { name: "Acme" }) { ... on CreatedTenant { apiKeySecret } } }',
      );
      const apiKey = created.data.createTenant.apiKeySecret as string;

      // Live subscriptions on several sockets, receiving events while the service stops.
      let received = 0;
      const sockets = Array.from({ length: 5 }, () =>
        createClient({
          url: url.replace(/^http/, 'ws'),
          webSocketImpl: WebSocket,
          connectionParams: { authorization: `Bearer ${apiKey}` },
          retryAttempts: 0,
        }),
      );
      for (const ws of sockets) {
        for (let i = 0; i < 4; i++) {
          ws.subscribe(
            { query: 'subscription { tenantEvents { type } }' },
            { next: () => void received++, error: () => {}, complete: () => {} },
          );
        }
      }
      // Load: users created (each one published to Redis) from several loops, still going at SIGTERM.
      let stop = false;
      let n = 0;
      const load = Array.from({ length: 8 }, async () => {
        while (!stop) {
          await post(
            apiKey,
            `mutation { createUser(input: { name: "U${n}", email: "u${n++}-${Date.now()}@example.com" }) { __typename } }`,
          ).catch(() => {});
        }
      });
      await expect.poll(() => received, { timeout: 10_000 }).toBeGreaterThan(50);

      process.kill(service.child.pid as number, 'SIGTERM');
      const code = await service.exited;
      stop = true;
      await Promise.all(load);
      for (const ws of sockets) await ws.dispose();

      expect(service.output()).not.toMatch(/Connection is closed/);
      console.log(
        service
          .output()
          .split('\n')
          .filter((l) => /"level":(40|50)/.test(l))
          .join('\n'),
      );
      expect(code).toBe(0);
      expect(service.output()).toMatch(/"msg":"stopped"/);
    } finally {
      await database.drop();
    }
  }, 90_000);
});
