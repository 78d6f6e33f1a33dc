import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SpawnedService, spawnService } from '../test/spawn-service.ts';

type Started = {
  service: SpawnedService;
  url: string;
  apiKey: string;
  userToken: string;
  output: () => string;
  answeredAfterMs: number;
};

/** Runs the service as `npm start` does, on the embedded default, and waits for its first GraphQL answer. */
async function start(dataDir: string): Promise<Started> {
  const began = Date.now();
  const service = spawnService({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info' }, { as: 'npm start' });
  await service.waitFor(/User token[^\n]*\n\s+(\S+)/);
  const out = service.output();
  const url = /Parley is running: (\S+)/.exec(out)?.[1] as string;
  const apiKey = /API key \(partner backend\):\s+(\S+)/.exec(out)?.[1] as string;
  const userToken = /User token[^\n]*\n\s+(\S+)/.exec(out)?.[1] as string;
  await query(url, apiKey, '{ tenant { name } }');
  return { service, url, apiKey, userToken, output: service.output, answeredAfterMs: Date.now() - began };
}

async function query(url: string, credential: string, q: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
    body: JSON.stringify({ query: q }),
  });
  return (await res.json()) as { data?: any; errors?: unknown[] };
}

const stop = (started: Started) => started.service.stop();

describe('the README start command on the embedded default', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'parley-readme-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('starts with a demo tenant, answers, stops cleanly and keeps its data across a restart', async () => {
    const first = await start(dataDir);
    console.log(`first start answered a GraphQL query after ${first.answeredAfterMs} ms`);
    // Start time is measured by npm run bench:footprint (2 s quiet); this only catches a start that hangs
    // (a loaded CI machine took 10 s).
    expect(first.answeredAfterMs).toBeLessThan(30_000);
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
