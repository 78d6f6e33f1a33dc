import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';

describe('workflow step scheduler configuration', () => {
  it('runs in every copy by default, polling each second; WORKFLOW_WORKER and WORKFLOW_POLL_MS change that', () => {
    expect(loadConfig({}).workflows).toEqual({ worker: true, pollMs: 1000 });
    expect(loadConfig({ WORKFLOW_WORKER: 'off', WORKFLOW_POLL_MS: '250' }).workflows).toEqual({
      worker: false,
      pollMs: 250,
    });
  });

  it('refuses values it cannot use, naming the variable', () => {
    for (const env of [{ WORKFLOW_WORKER: 'yes' }, { WORKFLOW_POLL_MS: '10' }, { WORKFLOW_POLL_MS: 'soon' }]) {
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(Object.keys(env)[0] as string);
    }
  });
});
