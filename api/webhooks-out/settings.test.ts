import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';

const production = {
  NODE_ENV: 'production',
  PUBLIC_URL: 'https://parley.example.com',
  CHANNEL_CREDENTIALS_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
};

describe('webhook settings', () => {
  it('require https and refuse private targets by default in production', () => {
    expect(loadConfig(production).webhooks).toMatchObject({ requireHttps: true, allowPrivateTargets: false });
    expect(loadConfig({ NODE_ENV: 'development' }).webhooks).toMatchObject({
      requireHttps: false,
      allowPrivateTargets: false,
      sendTimeoutMs: 10_000,
      retryWindowMs: 86_400_000,
      endpointConcurrency: 4,
      tenantConcurrency: 8,
      maxEndpointsPerTenant: 20,
      maxPendingPerEndpoint: 10_000,
    });
    expect(
      loadConfig({ WEBHOOK_TENANT_CONCURRENCY: '100', WEBHOOK_CONCURRENCY: '16' }).webhooks.tenantConcurrency,
    ).toBe(16);
  });

  it('refuse WEBHOOKS_ALLOW_PRIVATE_TARGETS in production', () => {
    expect(() => loadConfig({ ...production, WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' })).toThrow(ConfigError);
    expect(loadConfig({ NODE_ENV: 'test', WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' }).webhooks.allowPrivateTargets).toBe(
      true,
    );
  });

  it('refuse a retry window longer than a week and an endpoint concurrency above 16', () => {
    expect(() => loadConfig({ WEBHOOK_RETRY_WINDOW_MS: String(8 * 86_400_000) })).toThrow(/WEBHOOK_RETRY_WINDOW_MS/);
    expect(() => loadConfig({ WEBHOOK_ENDPOINT_CONCURRENCY: '17' })).toThrow(/WEBHOOK_ENDPOINT_CONCURRENCY/);
  });
});
