import { resolve } from 'node:path';
import { z } from 'zod';
import type { GraphQLLimits } from './http/limits.ts';
import type { ReportDownloadLimits } from './http/report-download-slots.ts';

const optionalUrl = (protocols: string[], example: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || protocols.some((p) => v.startsWith(`${p}://`)), {
      message: `expected a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}, e.g. ${example}`,
    });

/** The channel plugins shipped with Parley, loaded when CHANNEL_PLUGINS is not set. */
const DEFAULT_CHANNEL_PLUGINS =
  './plugins/twilio-sms/index.ts,./plugins/sandbox/index.ts,./plugins/credit-sms/index.ts,./plugins/whatsapp/index.ts';

export type CredentialKey = { id: string; key: Buffer };

/** `id:base64key,…`: the first key encrypts, all decrypt. A message (without the keys) when malformed. */
function parseCredentialKeys(value: string): CredentialKey[] | string {
  const keys: CredentialKey[] = [];
  for (const entry of value.split(',').map((e) => e.trim())) {
    const [id, encoded, extra] = entry.split(':');
    if (!id || !encoded || extra !== undefined || !/^[A-Za-z0-9_-]{1,32}$/.test(id)) {
      return 'expected id:base64key pairs separated by commas, e.g. k2:<32 random bytes in base64>,k1:<older key>';
    }
    const key = Buffer.from(encoded, 'base64');
    if (key.length !== 32) return `key ${id} must be 32 bytes (AES-256), base64-encoded`;
    if (keys.some((k) => k.id === id)) return `key id ${id} is listed twice`;
    keys.push({ id, key });
  }
  return keys;
}

const limit = (fallback: number, min = 1) =>
  z.coerce.number({ message: 'expected a whole number' }).int().min(min).default(fallback);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number({ message: 'expected a port number' }).int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: optionalUrl(['postgres', 'postgresql'], 'postgresql://user@127.0.0.1:5432/parley'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  DATABASE_PREPARED_STATEMENTS: z.enum(['on', 'off']).default('on'),
  REDIS_URL: optionalUrl(['redis', 'rediss'], 'redis://127.0.0.1:6379'),

  DATA_DIR: z.string().min(1).default('.parley-data'),
  PUBLIC_URL: optionalUrl(['http', 'https'], 'https://parley.example.com'),
  OPERATOR_KEY: z
    .string()
    .optional()
    .refine((v) => v === undefined || v.length >= 32, { message: 'expected at least 32 characters of random text' }),
  TOKEN_SECRET: z
    .string()
    .optional()
    .refine((v) => v === undefined || v.length >= 32, { message: 'expected at least 32 characters of random text' }),
  METRICS_TOKEN: z
    .string()
    .optional()
    .refine((v) => v === undefined || v.length >= 32, { message: 'expected at least 32 characters of random text' }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_TENANT: z.enum(['on', 'off']).optional(),
  REFERENCE_INBOX: z.enum(['on', 'off']).optional(),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  TWILIO_ACCOUNT_SID: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/, 'expected a Twilio Account SID (AC followed by 32 hex digits)')
    .optional(),
  TWILIO_AUTH_TOKEN: z.string().min(32, 'expected the 32-character Twilio auth token').optional(),
  TWILIO_API_URL: optionalUrl(['http', 'https'], 'https://api.twilio.com'),
  WHATSAPP_API_URL: optionalUrl(['http', 'https'], 'https://graph.facebook.com'),
  CREDIT_SMS_API_URL: optionalUrl(['http', 'https'], 'https://api.bulksms.com'),
  CHANNEL_PLUGINS: z
    .string()
    .default(DEFAULT_CHANNEL_PLUGINS)
    .transform((v) =>
      v
        .split(',')
        .map((m) => m.trim())
        .filter(Boolean),
    )
    .refine((v) => v.length > 0, { message: 'expected a comma-separated list of plugin modules' }),
  CHANNEL_CREDENTIALS_KEYS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v?.trim()) return undefined;
      const keys = parseCredentialKeys(v);
      if (typeof keys === 'string') {
        ctx.addIssue({ code: 'custom', message: keys });
        return z.NEVER;
      }
      return keys;
    }),
  CHANNEL_PLATFORM_DEFAULT: z.enum(['on', 'off']).optional(),
  QUIET_HOURS_DEFAULT: z.enum(['on', 'off']).optional(),
  SANDBOX_DELIVERY_DELAY_MS: z
    .string()
    .regex(/^\d{1,6}(-\d{1,6})?$/, 'expected milliseconds or a range, e.g. 300-800')
    .default('300-800'),
  SANDBOX_SIMULATE_TIMEOUT_MS: z.coerce.number().int().min(1).max(60_000).default(10_000),
  AUTH_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(5000),
  EVENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  LIVE_CONNECTION_RECHECK_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  OUTBOX_WORKER: z.enum(['on', 'off']).default('on'),

  OUTBOX_LEASE_MS: z.coerce.number().int().min(100).default(60_000),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
  OUTBOX_RETRY_BASE_MS: z.coerce.number().int().min(1).default(1000),
  OUTBOX_SEND_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  OUTBOX_ACCOUNT_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(16),
  OUTBOX_UNKNOWABLE_WAIT_MS: z.coerce.number().int().min(100).default(600_000),

  WEBHOOK_WORKER: z.enum(['on', 'off']).default('on'),
  WORKFLOW_WORKER: z.enum(['on', 'off']).default('on'),
  WORKFLOW_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  WEBHOOK_REQUIRE_HTTPS: z.enum(['on', 'off']).optional(),
  WEBHOOKS_ALLOW_PRIVATE_TARGETS: z.enum(['true', 'false']).default('false'),
  WEBHOOK_SEND_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  WEBHOOK_RETRY_WINDOW_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 86_400_000)
    .default(86_400_000),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).default(5_000),
  WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(32),
  WEBHOOK_ENDPOINT_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(4),
  WEBHOOK_TENANT_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(8),
  WEBHOOK_MAX_ENDPOINTS_PER_TENANT: z.coerce.number().int().min(1).max(1000).default(20),
  WEBHOOK_MAX_PENDING_PER_ENDPOINT: z.coerce.number().int().min(1).max(1_000_000).default(10_000),

  GRAPHQL_MAX_TOKENS: limit(2000, 10),
  GRAPHQL_MAX_DEPTH: limit(12),
  GRAPHQL_MAX_ALIASES: limit(20, 0),
  GRAPHQL_MAX_DIRECTIVES: limit(20, 0),
  GRAPHQL_MAX_COST: limit(50_000),
  GRAPHQL_ANONYMOUS_MAX_TOKENS: limit(500, 10),
  GRAPHQL_ANONYMOUS_MAX_DEPTH: limit(6),
  GRAPHQL_ANONYMOUS_MAX_ALIASES: limit(2, 0),
  GRAPHQL_ANONYMOUS_MAX_COST: limit(100),
  GRAPHQL_MAX_OPERATIONS: limit(5),
  GRAPHQL_MAX_FIELD_REPEATS: limit(10),
  GRAPHQL_MAX_NODE_IDS: limit(100),
  GRAPHQL_MAX_BODY_BYTES: limit(1_048_576, 1024),
  GRAPHQL_MAX_SUBSCRIPTIONS_PER_CONNECTION: limit(20),
  GRAPHQL_MAX_CONNECTIONS_PER_CREDENTIAL: limit(50),
  REPORT_CSV_MAX_PER_TENANT: limit(2),
  REPORT_CSV_MAX_CONCURRENT: limit(4),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** PostgreSQL when set; otherwise the embedded PGlite database in `dataDir`. */
  databaseUrl: string | undefined;
  /** Connections to PostgreSQL per copy of the service. */
  databasePoolSize: number;
  /** The hot statements (send, inbound) prepared once per connection; off behind a pooler that cannot keep them. */
  databasePreparedStatements: boolean;

  /** Redis fan-out when set; otherwise events stay in this process. */
  redisUrl: string | undefined;
  dataDir: string;
  /** Base URL the outside world uses to reach us (webhook URLs and their signatures). */
  publicUrl: string;
  operatorKey: string | undefined;
  tokenSecret: string | undefined;
  logLevel: string;
  /** Bearer token for GET /metrics; without it only loopback callers may scrape. */
  metricsToken: string | undefined;
  /** Create a demo tenant on first start and print its credentials. */
  demoTenant: boolean;
  /** Serve the reference inbox (clients/inbox, built) at /inbox: on in development. */
  referenceInbox: boolean;
  /** New tenants start with quiet hours 21:00-08:00 (QUIET_HOURS_DEFAULT; off in tests). */
  quietHoursByDefault: boolean;
  shutdownGraceMs: number;
  /** How long a verified credential is remembered (0: never); revocations still apply at once. */
  authCacheMs: number;
  /** How long the event log keeps events for replay; older cursors get CURSOR_EXPIRED. */
  eventRetentionDays: number;
  /** How often the holders of open WebSockets and SSE streams are looked up again. */
  liveConnectionRecheckMs: number;
  /** Platform Twilio account for SMS; absent means SMS cannot be delivered. */

  twilio: { accountSid: string; authToken: string; apiBaseUrl: string | undefined } | undefined;
  /** Channel plugins and accounts (`api/channels/`). */
  channels: {
    /** Module specifiers of the plugins to load: package names, or paths relative to the project root. */
    plugins: string[];
    /** Keys that encrypt tenants' channel credentials; the first encrypts. Absent: one kept in the database (not in production). */
    credentialKeys: CredentialKey[] | undefined;
    /** Whether new tenants may use the platform's own accounts (an operator changes it per tenant). */
    platformByDefault: boolean;
    /** The platform's own accounts, by plugin id, from configuration. */
    platformAccounts: { pluginId: string; credentials: Record<string, string> }[];
    /** Per plugin id: the provider API's address (tests' loopback fakes). */
    providerDeps: Record<string, { apiBaseUrl?: string; options?: Record<string, string> }>;
  };
  /** Outbox delivery: lease before an unclear send is reconciled, attempts, first retry delay (doubling), provider call timeout. */
  outbox: {
    worker: boolean;
    leaseMs: number;
    maxAttempts: number;
    retryBaseMs: number;
    sendTimeoutMs: number;
    /** Provider calls in flight at once per provider account in one worker (of its 32), so a hanging account cannot hold them all. */
    accountConcurrency: number;
    /** An unclear send on a provider that cannot be asked waits this long for its status webhook, then fails. */
    unknowableWaitMs: number;
  };
  /** The workflow step scheduler: whether this copy runs it, and how often it looks for due steps. */
  workflows: { worker: boolean; pollMs: number };
  /** What one GraphQL request may ask for (`api/http/limits.ts`); callers without credentials get `anonymous`. */
  graphqlLimits: GraphQLLimits;
  /** CSV report downloads open at once per tenant and in this process; beyond them a 429. */
  reportDownloads: ReportDownloadLimits;
  /** Outbound webhooks (`api/webhooks-out/`). */
  webhooks: {
    worker: boolean;
    /** Endpoint URLs must be https (on in production unless WEBHOOK_REQUIRE_HTTPS=off). */
    requireHttps: boolean;
    /** Loopback and private targets allowed (tests and development only; refused in production). */
    allowPrivateTargets: boolean;
    sendTimeoutMs: number;
    /** How long a delivery is retried before it fails and its endpoint is marked FAILING. */
    retryWindowMs: number;
    retryBaseMs: number;
    /** Deliveries in flight at once, in all, to one endpoint, and for one tenant. */
    concurrency: number;
    endpointConcurrency: number;
    tenantConcurrency: number;
    /** Endpoints one tenant may register. */
    maxEndpointsPerTenant: number;
    /** Unsettled deliveries one endpoint may have before a replay is refused. */
    maxPendingPerEndpoint: number;
  };
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment once, at boot; a bad value names the variable and what it expects. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const secret = new Set([
      'OPERATOR_KEY',
      'TOKEN_SECRET',
      'METRICS_TOKEN',
      'DATABASE_URL',
      'REDIS_URL',
      'TWILIO_AUTH_TOKEN',
      'CHANNEL_CREDENTIALS_KEYS',
    ]);

    const shown = (name: string) => (secret.has(name) ? '' : ` (got ${JSON.stringify(env[name])})`);
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}${shown(String(i.path[0]))}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (Boolean(e.TWILIO_ACCOUNT_SID) !== Boolean(e.TWILIO_AUTH_TOKEN)) {
    throw new ConfigError('Invalid configuration:\n  TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN: set both, or neither');
  }
  if (e.NODE_ENV === 'production' && !e.PUBLIC_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  PUBLIC_URL: required in production, e.g. https://parley.example.com',
    );
  }
  if (e.NODE_ENV === 'production' && !e.CHANNEL_CREDENTIALS_KEYS) {
    throw new ConfigError(
      'Invalid configuration:\n  CHANNEL_CREDENTIALS_KEYS: required in production, e.g. k1:<32 random bytes in base64> (openssl rand -base64 32)',
    );
  }
  if (e.NODE_ENV === 'production' && e.WEBHOOKS_ALLOW_PRIVATE_TARGETS === 'true') {
    throw new ConfigError(
      'Invalid configuration:\n  WEBHOOKS_ALLOW_PRIVATE_TARGETS: not allowed in production (webhooks to loopback or private addresses reach internal services)',
    );
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    databasePreparedStatements: e.DATABASE_PREPARED_STATEMENTS === 'on',

    redisUrl: e.REDIS_URL,
    dataDir: resolve(e.DATA_DIR),
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    operatorKey: e.OPERATOR_KEY,
    tokenSecret: e.TOKEN_SECRET,
    logLevel: e.LOG_LEVEL,
    metricsToken: e.METRICS_TOKEN,
    demoTenant: e.DEMO_TENANT ? e.DEMO_TENANT === 'on' : !e.DATABASE_URL && e.NODE_ENV === 'development',
    referenceInbox: e.REFERENCE_INBOX ? e.REFERENCE_INBOX === 'on' : e.NODE_ENV === 'development',
    // New tenants get quiet hours 21:00-08:00 unless turned off (tests, whose sends must not depend on the hour).
    quietHoursByDefault: e.QUIET_HOURS_DEFAULT ? e.QUIET_HOURS_DEFAULT === 'on' : e.NODE_ENV !== 'test',
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    authCacheMs: e.AUTH_CACHE_MS,
    eventRetentionDays: e.EVENT_RETENTION_DAYS,
    liveConnectionRecheckMs: e.LIVE_CONNECTION_RECHECK_MS,

    twilio:
      e.TWILIO_ACCOUNT_SID && e.TWILIO_AUTH_TOKEN
        ? { accountSid: e.TWILIO_ACCOUNT_SID, authToken: e.TWILIO_AUTH_TOKEN, apiBaseUrl: e.TWILIO_API_URL }
        : undefined,
    channels: {
      plugins: e.CHANNEL_PLUGINS,
      credentialKeys: e.CHANNEL_CREDENTIALS_KEYS,
      platformByDefault: e.CHANNEL_PLATFORM_DEFAULT ? e.CHANNEL_PLATFORM_DEFAULT === 'on' : e.NODE_ENV !== 'production',
      // The platform's Twilio account keeps its historical variables; it is the twilio-sms plugin's account.
      platformAccounts:
        e.TWILIO_ACCOUNT_SID && e.TWILIO_AUTH_TOKEN
          ? [
              {
                pluginId: 'twilio-sms',
                credentials: { accountSid: e.TWILIO_ACCOUNT_SID, authToken: e.TWILIO_AUTH_TOKEN },
              },
            ]
          : [],
      providerDeps: {
        ...(e.TWILIO_API_URL ? { 'twilio-sms': { apiBaseUrl: e.TWILIO_API_URL } } : {}),
        ...(e.WHATSAPP_API_URL ? { whatsapp: { apiBaseUrl: e.WHATSAPP_API_URL } } : {}),
        ...(e.CREDIT_SMS_API_URL ? { 'credit-sms': { apiBaseUrl: e.CREDIT_SMS_API_URL } } : {}),
        sandbox: {
          options: {
            deliveryDelayMs: e.SANDBOX_DELIVERY_DELAY_MS,
            simulateTimeoutMs: String(e.SANDBOX_SIMULATE_TIMEOUT_MS),
          },
        },
      },
    },
    outbox: {
      worker: e.OUTBOX_WORKER === 'on',
      leaseMs: e.OUTBOX_LEASE_MS,
      maxAttempts: e.OUTBOX_MAX_ATTEMPTS,
      retryBaseMs: e.OUTBOX_RETRY_BASE_MS,
      sendTimeoutMs: e.OUTBOX_SEND_TIMEOUT_MS,
      accountConcurrency: e.OUTBOX_ACCOUNT_CONCURRENCY,
      unknowableWaitMs: e.OUTBOX_UNKNOWABLE_WAIT_MS,
    },
    workflows: { worker: e.WORKFLOW_WORKER === 'on', pollMs: e.WORKFLOW_POLL_MS },
    webhooks: {
      worker: e.WEBHOOK_WORKER === 'on',
      requireHttps: e.WEBHOOK_REQUIRE_HTTPS ? e.WEBHOOK_REQUIRE_HTTPS === 'on' : e.NODE_ENV === 'production',
      allowPrivateTargets: e.WEBHOOKS_ALLOW_PRIVATE_TARGETS === 'true',
      sendTimeoutMs: e.WEBHOOK_SEND_TIMEOUT_MS,
      retryWindowMs: e.WEBHOOK_RETRY_WINDOW_MS,
      retryBaseMs: e.WEBHOOK_RETRY_BASE_MS,
      concurrency: e.WEBHOOK_CONCURRENCY,
      endpointConcurrency: Math.min(e.WEBHOOK_ENDPOINT_CONCURRENCY, e.WEBHOOK_CONCURRENCY),
      tenantConcurrency: Math.min(e.WEBHOOK_TENANT_CONCURRENCY, e.WEBHOOK_CONCURRENCY),
      maxEndpointsPerTenant: e.WEBHOOK_MAX_ENDPOINTS_PER_TENANT,
      maxPendingPerEndpoint: e.WEBHOOK_MAX_PENDING_PER_ENDPOINT,
    },
    reportDownloads: {
      perTenant: Math.min(e.REPORT_CSV_MAX_PER_TENANT, e.REPORT_CSV_MAX_CONCURRENT),
      total: e.REPORT_CSV_MAX_CONCURRENT,
    },
    graphqlLimits: {
      authenticated: {
        tokens: e.GRAPHQL_MAX_TOKENS,
        depth: e.GRAPHQL_MAX_DEPTH,
        aliases: e.GRAPHQL_MAX_ALIASES,
        directives: e.GRAPHQL_MAX_DIRECTIVES,
        cost: e.GRAPHQL_MAX_COST,
      },
      anonymous: {
        tokens: Math.min(e.GRAPHQL_ANONYMOUS_MAX_TOKENS, e.GRAPHQL_MAX_TOKENS),
        depth: Math.min(e.GRAPHQL_ANONYMOUS_MAX_DEPTH, e.GRAPHQL_MAX_DEPTH),
        aliases: Math.min(e.GRAPHQL_ANONYMOUS_MAX_ALIASES, e.GRAPHQL_MAX_ALIASES),
        directives: e.GRAPHQL_MAX_DIRECTIVES,
        cost: Math.min(e.GRAPHQL_ANONYMOUS_MAX_COST, e.GRAPHQL_MAX_COST),
      },
      operations: e.GRAPHQL_MAX_OPERATIONS,
      fieldRepeats: e.GRAPHQL_MAX_FIELD_REPEATS,
      nodeIds: e.GRAPHQL_MAX_NODE_IDS,
      bodyBytes: e.GRAPHQL_MAX_BODY_BYTES,
      subscriptionsPerConnection: e.GRAPHQL_MAX_SUBSCRIPTIONS_PER_CONNECTION,
      connectionsPerCredential: e.GRAPHQL_MAX_CONNECTIONS_PER_CREDENTIAL,
    },
  };
}
