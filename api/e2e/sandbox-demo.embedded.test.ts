import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnService } from '../test/spawn-service.ts';

const run = promisify(execFile);
const exampleScript = fileURLToPath(new URL('../../clients/examples/follow-conversation.ts', import.meta.url));

/** clients/examples/follow-conversation.ts run as the README says, against the demo service. */
function followConversation(port: string, token?: string, conversationId?: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', exampleScript], {
    env: {
      ...process.env,
      PARLEY_URL: `http://127.0.0.1:${port}/graphql`,
      PARLEY_TOKEN: token,
      CONVERSATION_ID: conversationId,
    },
  });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (out += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return {
    exited,
    output: () => out,
    async printed(pattern: RegExp) {
      for (const began = Date.now(); !pattern.test(out); await new Promise((r) => setTimeout(r, 100))) {
        if (child.exitCode !== null || Date.now() - began > 30_000) throw new Error(`the example printed:\n${out}`);
      }
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * The newcomer's path: `npm start` on the embedded default, then the sandbox
 * commands its banner prints, pasted into a shell as they are.
 */
describe('the demo tenant on the sandbox carrier', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'parley-sandbox-demo-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('invites, gets a YES, sends and receives with the commands the start banner prints', async () => {
    const port = await freePort();
    const service = spawnService({
      PUBLIC_URL: undefined,
      OPERATOR_KEY: undefined,
      CHANNEL_PLUGINS: undefined,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    });
    try {
      await service.waitFor(/magic numbers/);
      const out = service.output();
      const lines = out.split('\n').filter((l) => l.startsWith('  parley'));
      const [define, invite, yes, send, reply, read] = lines.map((l) => l.trim());
      expect(lines).toHaveLength(6);
      const shell = async (command: string | undefined) =>
        JSON.parse((await run('bash', ['-c', `${define}\n${command}`])).stdout) as { data: any; errors?: unknown };
      const began = Date.now();

      expect((await shell(invite)).data.sendConsentInvite).toMatchObject({ __typename: 'Message' });
      expect((await shell(yes)).data.simulateInboundMessage).toMatchObject({ __typename: 'SimulatedInboundMessage' });
      expect((await shell(send)).data.sendMessage).toMatchObject({ __typename: 'Message' });
      // The README's typed-client example follows the conversation live, sends, and sees the reply arrive.
      const conversationId = /conversation\(id: \\"([^\\]+)\\"/.exec(read ?? '')?.[1];
      const token = /Bearer ([^']+)'/.exec(define ?? '')?.[1];
      const example = followConversation(String(port), token, conversationId);
      await example.printed(/^sent /m);
      expect((await shell(reply)).data.simulateInboundMessage).toMatchObject({
        __typename: 'SimulatedInboundMessage',
      });
      expect(await example.exited).toBe(0);
      expect(example.output()).toMatch(
        /status DELIVERED[\s\S]*reply: Yes, see you then|reply: Yes, see you then[\s\S]*status DELIVERED/,
      );
      type Node = { direction: string; body: string; status: string };
      let messages: Node[] = [];
      for (;;) {
        const conversation = (await shell(read)).data.conversation;
        messages = conversation.messages.edges.map((e: { node: Node }) => e.node);
        if (messages.filter((m) => m.status === 'DELIVERED').length === 3 || Date.now() - began > 20_000) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(messages.map((m) => [m.direction, m.status])).toEqual([
        ['OUTBOUND', 'DELIVERED'],
        ['INBOUND', 'RECEIVED'],
        ['OUTBOUND', 'DELIVERED'],
        ['OUTBOUND', 'DELIVERED'],
        ['INBOUND', 'RECEIVED'],
      ]);
      console.log(`the demo conversation took ${Date.now() - began} ms`);
    } finally {
      await service.stop();
    }
  }, 90_000);
});
