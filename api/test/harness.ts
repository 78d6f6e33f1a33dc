import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { pino } from 'pino';
import WebSocket from 'ws';
import { CreateTenantDocument, CreateUserDocument, CreateUserTokenDocument } from '../../clients/generated/graphql.ts';
import { createParleyClient, type ParleyClient } from '../../clients/parley-client.ts';
import { type FakeTwilioApi, startFakeTwilioApi } from '../../plugins/twilio-sms/testing/fake-twilio-api.ts';
import { buildApp, type RunningApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createTestDatabase } from './databases.ts';
import { eventPayloadLeaks } from './event-payload-scan.ts';

/** A port nobody listens on, so the server's PUBLIC_URL can be known before it starts. */
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

/** The database id inside a GraphQL global id. */
export function rawId(globalId: string): string {
  return decodeGlobalID(globalId).id;
}

export type TestTenant = { id: string; name: string; apiKey: string; client: ParleyClient };

/** Every log line the server wrote, for tests that check what is (not) logged. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void) {
    this.lines.push(...chunk.toString().split('\n').filter(Boolean));
    done();
  }
  get text() {
    return this.lines.join('\n');
  }
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/**
 * The real service on a random port, against a database of its own (PGlite or
 * PostgreSQL + Redis, by PARLEY_TEST_MODE), with helpers to act as its users.
 */
export async function startTestServer(
  options: {
    env?: Record<string, string>;
    database?: Awaited<ReturnType<typeof createTestDatabase>>;
    twilio?: FakeTwilioApi;
  } = {},
) {
  const database = options.database ?? (await createTestDatabase());
  const twilio = options.twilio ?? (await startFakeTwilioApi());
  const operatorKey = randomBytes(24).toString('hex');
  const port = await freePort();
  const env = {
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    OPERATOR_KEY: operatorKey,
    LOG_LEVEL: 'info',
    SHUTDOWN_GRACE_MS: '2000',
    TWILIO_ACCOUNT_SID: twilio.accountSid,
    TWILIO_AUTH_TOKEN: twilio.authToken,
    TWILIO_API_URL: twilio.baseUrl,
    OUTBOX_RETRY_BASE_MS: '20',
    // Outbound webhooks' loops poll beside requests (statement counts, EXPLAIN tests): on where a test uses them.
    WEBHOOK_WORKER: 'off',
    // Delayed workflow steps: on where a test uses them (a trigger handles steps due at once itself).
    WORKFLOW_WORKER: 'off',
    // A fixed key for channel credentials, so tests can also start in production mode.
    CHANNEL_CREDENTIALS_KEYS: `test:${Buffer.alloc(32, 7).toString('base64')}`,
    ...database.env,
    ...options.env,
  };
  const config = loadConfig(env);
  const logs = new LogCapture();
  const app: RunningApp = await buildApp(config, pino({ level: config.logLevel }, logs)).start();
  const clients: ParleyClient[] = [];
  /** Every credential the test used, looked for in event payloads at stop. */
  const secrets = new Set<string>([operatorKey, twilio.authToken]);
  const client = (credential?: string) => {
    if (credential) secrets.add(credential);
    const c = createParleyClient({ url: app.url, credential, webSocketImpl: WebSocket });
    clients.push(c);
    return c;
  };
  const operator = client(operatorKey);
  let stopped = false;

  async function createTenant(name = `Tenant ${randomBytes(3).toString('hex')}`): Promise<TestTenant> {
    const { createTenant: created } = await operator.request(CreateTenantDocument, { input: { name } });
    if (created.__typename !== 'CreatedTenant') throw new Error(`createTenant failed: ${JSON.stringify(created)}`);
    return { id: created.tenant.id, name, apiKey: created.apiKeySecret, client: client(created.apiKeySecret) };
  }

  /** A user in the tenant and a client that acts as them with a user token. */
  async function createUser(
    tenant: TestTenant,
    input: { name?: string; email?: string; role?: 'ADMIN' | 'RECRUITER' } = {},
  ) {
    const suffix = randomBytes(3).toString('hex');
    const { createUser: user } = await tenant.client.request(CreateUserDocument, {
      input: {
        name: input.name ?? `User ${suffix}`,
        email: input.email ?? `user-${suffix}@example.com`,
        role: input.role ?? 'RECRUITER',
      },
    });
    if (user.__typename !== 'User') throw new Error(`createUser failed: ${JSON.stringify(user)}`);
    const { createUserToken: minted } = await tenant.client.request(CreateUserTokenDocument, { userId: user.id });
    if (minted.__typename !== 'UserToken') throw new Error(`createUserToken failed: ${JSON.stringify(minted)}`);
    return { user, token: minted.token, client: client(minted.token) };
  }

  return {
    app,
    url: app.url,
    twilio,
    publicUrl: config.publicUrl,
    config,
    logs,
    database,
    operator,
    operatorKey,
    client,
    createTenant,
    createUser,
    /** Raw POST for requests the typed client would refuse to make. */
    async post(body: unknown, headers: Record<string, string> = {}) {
      const response = await fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
    },
    async stop({ keepDatabase = false } = {}) {
      if (stopped) return;
      stopped = true;
      // Every event payload any test wrote, of every type: no message body, no secret (a database already gone is skipped).
      const leaks = await eventPayloadLeaks(app.services.prisma, [...secrets]).catch(() => []);
      await Promise.all(clients.map((c) => c.close()));
      await app.stop();
      if (!options.twilio) await twilio.close();
      if (!keepDatabase) await database.drop();
      if (leaks.length) throw new Error(`event payloads must not carry bodies or secrets: ${leaks.join('; ')}`);
    },
  };
}
