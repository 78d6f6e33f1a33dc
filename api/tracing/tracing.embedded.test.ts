import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnService } from '../test/spawn-service.ts';

const run = promisify(execFile);
const recorder = join(import.meta.dirname, '../test/module-loads/record.mjs');

type Span = { name: string; traceId: string; kind: number; attributes: { key: string; value: unknown }[] };

/** A loopback OTLP/HTTP receiver: the spans of every JSON export posted to /v1/traces. */
async function startReceiver() {
  const spans: Span[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        const payload = JSON.parse(body) as {
          resourceSpans: { scopeSpans: { spans: Span[] }[] }[];
        };
        for (const r of payload.resourceSpans) for (const s of r.scopeSpans) spans.push(...s.spans);
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, spans, close: () => new Promise((r) => server.close(r)) };
}

/** Runs the service (sources, embedded, demo tenant on the sandbox) with `env`; records the OpenTelemetry modules it loads. */
async function startService(dir: string, env: Record<string, string>) {
  await mkdir(dir, { recursive: true });
  const loads = join(dir, 'loads.txt');
  const service = spawnService({
    DATA_DIR: join(dir, 'data'),
    PORT: '0',
    HOST: '127.0.0.1',
    PUBLIC_URL: undefined,
    OPERATOR_KEY: undefined,
    CHANNEL_PLUGINS: undefined,
    LOG_LEVEL: 'warn',
    NODE_OPTIONS: `--import=${recorder}`,
    PARLEY_RECORD_LOADS: loads,
    ...env,
  });
  await service.waitFor(/magic numbers/);
  const lines = service
    .output()
    .split('\n')
    .filter((l) => l.startsWith('  parley'))
    .map((l) => l.trim());
  const shell = async (command: string) =>
    JSON.parse((await run('bash', ['-c', `${lines[0]}\n${command}`])).stdout) as { data: any; errors?: unknown };
  return {
    service,
    /** The banner's invitation, on the sandbox carrier: a GraphQL mutation, SQL, and a provider send. */
    invite: () => shell(lines[1] as string),
    query: (q: string) => shell(`parley '${q}'`),
    loads: async () => (await readFile(loads, 'utf8').catch(() => '')).split('\n').filter(Boolean),
  };
}

describe('OpenTelemetry tracing', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parley-tracing-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is off without an OTLP endpoint: no OpenTelemetry SDK, exporter or instrumentation is loaded', async () => {
    const started = await startService(join(dir, 'off'), { OTEL_EXPORTER_OTLP_ENDPOINT: '' });
    try {
      expect((await started.query('query Off { tenant { name } }')).data.tenant.name).toEqual(expect.any(String));
      expect((await started.invite()).data.sendConsentInvite).toMatchObject({ __typename: 'Message' });
      // Only the API, which prom-client reads once for exemplars: no SDK, exporter or instrumentation.
      expect((await started.loads()).filter((path) => !/[\\/]@opentelemetry[\\/]api[\\/]/.test(path))).toEqual([]);
    } finally {
      expect(await started.service.stop()).toBe(0);
    }
  }, 90_000);

  it('exports spans of the request, its resolvers, its SQL and the provider send to the OTLP endpoint', async () => {
    const receiver = await startReceiver();
    const started = await startService(join(dir, 'on'), {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_BSP_SCHEDULE_DELAY: '100',
    });
    try {
      expect((await started.query('query Traced { tenant { name } }')).data.tenant.name).toEqual(expect.any(String));
      expect((await started.invite()).data.sendConsentInvite).toMatchObject({ __typename: 'Message' });
      await expect
        .poll(() => receiver.spans.map((s) => s.name), { timeout: 15_000 })
        .toEqual(expect.arrayContaining(['query.Traced', 'Query.tenant', 'channel send']));
      const request = receiver.spans.find((s) => s.name === 'query.Traced') as Span;
      const inTrace = receiver.spans.filter((s) => s.traceId === request.traceId).map((s) => s.name);
      expect(inTrace).toContain('Query.tenant');
      expect(inTrace.some((name) => name.startsWith('prisma:') && name.includes('db_query'))).toBe(true);
      const send = receiver.spans.find((s) => s.name === 'channel send') as Span;
      expect(send.attributes).toContainEqual({ key: 'parley.channel.plugin', value: { stringValue: 'sandbox' } });
      // What people wrote stays out: no arguments, variables, documents or results on any span.
      const keys = receiver.spans.flatMap((s) => s.attributes.map((a) => a.key));
      expect(keys.filter((k) => /resolver\.args|execute\.(variables|document|result)/.test(k))).toEqual([]);
      // The recorder sees them when they are loaded (so its silence above means something).
      expect((await started.loads()).some((path) => path.includes('sdk-trace'))).toBe(true);
    } finally {
      expect(await started.service.stop()).toBe(0);
      await receiver.close();
    }
  }, 90_000);
});
