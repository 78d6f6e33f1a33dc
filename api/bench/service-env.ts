import { randomBytes } from 'node:crypto';
import { testRedisUrl } from '../test/databases.ts';

/**
 * The environment every benchmark gives the service it starts: production mode on the test PostgreSQL
 * and Redis, on 127.0.0.1:`port`, warnings only, no outbox worker (the benchmarks measure requests, not
 * delivery), a fresh channel-credentials key (production requires one). `extra` adds or overrides.
 */
export function benchServiceEnv(options: {
  databaseUrl: string;
  dataDir: string;
  port: number;
  operatorKey: string;
  extra?: Record<string, string>;
}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: testRedisUrl,
    PORT: String(options.port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${options.port}`,
    OPERATOR_KEY: options.operatorKey,
    LOG_LEVEL: 'warn',
    OUTBOX_WORKER: 'off',
    CHANNEL_CREDENTIALS_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    DATA_DIR: options.dataDir,
    ...options.extra,
  };
}
