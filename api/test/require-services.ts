import { connect } from 'node:net';

/** Where the PostgreSQL + Redis half of the suite looks (api/test/databases.ts reads the same variables). */
function targets() {
  const pg = new URL(process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
  const redis = new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
  return [
    {
      name: 'PostgreSQL',
      variable: 'TEST_DATABASE_URL',
      host: pg.hostname || '127.0.0.1',
      port: Number(pg.port || 5432),
    },
    {
      name: 'Redis',
      variable: 'TEST_REDIS_URL',
      host: redis.hostname || '127.0.0.1',
      port: Number(redis.port || 6379),
    },
  ];
}

function reachable(host: string, port: number, timeoutMs = 1500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: host.replace(/^\[|\]$/g, ''), port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Global set-up of the `postgres` test project: without PostgreSQL and Redis its files would each
 * fail after a timeout, so the run stops at once and says what to start (or how to run the
 * embedded half alone).
 */
export default async function requireServices() {
  const all = targets();
  const missing = (await Promise.all(all.map(async (t) => ((await reachable(t.host, t.port)) ? null : t)))).filter(
    (t) => t !== null,
  );
  if (!missing.length) return;
  throw new Error(
    [
      `The PostgreSQL + Redis half of the tests needs ${missing.map((t) => `${t.name} at ${t.host}:${t.port}`).join(' and ')}, and nothing answers there.`,
      'Start them, e.g. on Debian/Ubuntu:',
      '  sudo pg_ctlcluster "$(ls /etc/postgresql | head -n 1)" main start     # PostgreSQL (user postgres, no password from 127.0.0.1)',
      '  redis-server --daemonize yes --port 6379 --save "" --appendonly no     # Redis',
      '  or: docker run -d -p 5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust postgres:17 && docker run -d -p 6379:6379 redis:7',
      `or point ${missing.map((t) => t.variable).join(' / ')} at yours, or run the embedded half alone: npx vitest run --project embedded`,
    ].join('\n'),
  );
}
