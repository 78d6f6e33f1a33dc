import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('defaults to the embedded database and in-process events', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 4000,
      databaseUrl: undefined,
      redisUrl: undefined,
      env: 'development',
      demoTenant: true,
    });
    expect(config.dataDir).toMatch(/\.parley-data$/);
    expect(config.publicUrl).toBe('http://localhost:4000');
  });

  it('names the variable and what it expects when a value is bad', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ PORT: 'eighty' }, /PORT: expected a port number/],
      [{ PORT: '70000' }, /PORT/],
      [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL: expected a URL starting with postgres:\/\/ or postgresql:\/\//],
      [{ REDIS_URL: 'localhost:6379' }, /REDIS_URL: expected a URL starting with redis:\/\//],
      [{ PUBLIC_URL: 'parley.example.com' }, /PUBLIC_URL/],
      [{ OPERATOR_KEY: 'short' }, /OPERATOR_KEY: expected at least 32 characters/],
      [{ NODE_ENV: 'production' }, /PUBLIC_URL: required in production/],
    ];
    for (const [env, message] of cases) {
      expect(() => loadConfig(env), JSON.stringify(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(message);
    }
  });

  it('never echoes a secret it refuses', () => {
    expect(() => loadConfig({ OPERATOR_KEY: 'hunter2' })).toThrow(ConfigError);
    try {
      loadConfig({ OPERATOR_KEY: 'hunter2' });
    } catch (error) {
      expect(String(error)).not.toContain('hunter2');
    }
  });

  it('takes PostgreSQL, Redis and a public URL when given', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://u@db/p',
      REDIS_URL: 'redis://r:6379',
      PUBLIC_URL: 'https://p.example.com/',
      PORT: '8080',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgresql://u@db/p',
      redisUrl: 'redis://r:6379',
      publicUrl: 'https://p.example.com',
      port: 8080,
      demoTenant: false,
    });
  });

  it('has GraphQL limits with defaults, anonymous ones never looser than the rest', () => {
    expect(loadConfig({}).graphqlLimits).toEqual({
      authenticated: { tokens: 2000, depth: 12, aliases: 20, directives: 20, cost: 50_000 },
      anonymous: { tokens: 500, depth: 6, aliases: 2, directives: 20, cost: 100 },
      operations: 5,
      fieldRepeats: 10,
      nodeIds: 100,
      bodyBytes: 1_048_576,
      connectionsPerCredential: 50,
      subscriptionsPerConnection: 20,
    });
    const tight = loadConfig({ GRAPHQL_MAX_TOKENS: '300', GRAPHQL_MAX_DEPTH: '3', GRAPHQL_MAX_BODY_BYTES: '4096' });
    expect(tight.graphqlLimits.anonymous).toMatchObject({ tokens: 300, depth: 3 });
    expect(tight.graphqlLimits.bodyBytes).toBe(4096);
    expect(() => loadConfig({ GRAPHQL_MAX_DEPTH: 'deep' })).toThrow(/GRAPHQL_MAX_DEPTH: expected a whole number/);
    expect(() => loadConfig({ GRAPHQL_MAX_BODY_BYTES: '10' })).toThrow(/GRAPHQL_MAX_BODY_BYTES/);
  });
});
