import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

type Started = {
  child: ChildProcess;
  url: string;
  apiKey: string;
  userToken: string;
  output: () => string;
  answeredAfterMs: number;
};

/** Runs the service as `npm start` does, on the embedded default, and waits for its first GraphQL answer. */
async function start(dataDir: string): Promise<Started> {
  const began = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      PORT: '0',
      LOG_LEVEL: 'info',
      DATABASE_URL: '',
      REDIS_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const deadline = Date.now() + 60_000;
  while (!/User token[^\n]*\n\s+(\S+)/.test(out)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`service did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const url = /Parley is running: (\S+)/.exec(out)?.[1] as string;
  const apiKey = /API key \(partner backend\):\s+(\S+)/.exec(out)?.[1] as string;
  const userToken = /User token[^\n]*\n\s+(\S+)/.exec(out)?.[1] as string;
  await query(url, apiKey, '{ tenant { name } }');
  return { child, url, apiKey, userToken, output: () => out, answeredAfterMs: Date.now() - began };
}

async function query(url: string, credential: string, q: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
    body: JSON.stringify({ query: q }),
  });
  return (await res.json()) as { data?: any; errors?: unknown[] };
}

async function stop(started: Started): Promise<number | null> {
  started.child.kill('SIGTERM');
  return new Promise((resolve) => started.child.once('exit', (code) => resolve(code)));
}

describe('the README start command on the embedded default', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'parley-readme-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('starts with a demo tenant, answers within 10 s, stops cleanly and keeps its data across a restart', async () => {
    const first = await start(dataDir);
    console.log(`first start answered a GraphQL query after ${first.answeredAfterMs} ms`);
    expect(first.answeredAfterMs).toBeLessThan(10_000);
    expect(first.output()).toMatch(/GraphiQL/);
    expect(first.output()).toMatch(/applying migration/);
    const viewer = await query(first.url, first.userToken, '{ viewer { kind user { email role seat { id } } } }');
    expect(viewer.data.viewer).toMatchObject({
      kind: 'USER',
      user: { role: 'ADMIN', seat: { id: expect.any(String) } },
    });
    const created = await query(
      first.url,
      first.apiKey,
      'mutation { createUser(input: { name: "Kept", email: "kept@example.com" }) { __typename } }',
    );
    expect(created.data.createUser.__typename).toBe('User');
    expect(await stop(first)).toBe(0);

    const second = await start(dataDir);
    try {
      expect(second.apiKey).toBe(first.apiKey);
      const users = await query(
        second.url,
        second.apiKey,
        '{ tenant { users(first: 10) { edges { node { email } } } } }',
      );
      expect(users.data.tenant.users.edges.map((e: { node: { email: string } }) => e.node.email)).toContain(
        'kept@example.com',
      );
      expect(second.output()).not.toMatch(/applying migration/);
    } finally {
      expect(await stop(second)).toBe(0);
    }
  }, 120_000);
});
