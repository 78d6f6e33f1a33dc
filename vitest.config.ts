import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Load graphql as Node does (its CommonJS build), so the tests and the libraries
// that run the schema share one copy of it.
const graphqlEntry = createRequire(import.meta.url).resolve('graphql');

// The same suite runs twice: on the embedded default (PGlite, in-process
// events) and on PostgreSQL + Redis (TEST_DATABASE_URL, TEST_REDIS_URL).
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: 'test' },
    // Test files mostly wait on PostgreSQL, sockets and timers: more files at once than cores
    // (vitest's default is cores - 1, a single file at a time on a 2-core machine).
    maxWorkers: Number(process.env.TEST_WORKERS ?? Math.max(3, availableParallelism() - 1)),
    projects: [
      {
        extends: true,
        test: {
          name: 'embedded',
          env: { PARLEY_TEST_MODE: 'embedded' },
          include: ['{api,schema,plugins,prisma,clients}/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          env: { PARLEY_TEST_MODE: 'postgres' },
          // Stops the run at once, saying what to start, when PostgreSQL or Redis is not running.
          globalSetup: ['api/test/require-services.ts'],
          include: ['{api,schema,plugins,clients}/**/*.test.ts'],
          exclude: ['**/*.embedded.test.ts'],
        },
      },
    ],
  },
});
