import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { inboxFile } from './inbox-static.ts';

describe('the reference inbox files', () => {
  const root = '/srv/inbox/dist';

  it('maps /inbox/… into its folder and nothing outside it', () => {
    expect(inboxFile(root, '/inbox/')).toBe(join(root, 'index.html'));
    expect(inboxFile(root, '/inbox/assets/index-abc.js')).toBe(join(root, 'assets/index-abc.js'));
    for (const path of [
      '/inbox/../package.json',
      '/inbox/assets/../../package.json',
      '/inbox/%2e%2e/%2e%2e/package.json',
      '/inbox/..%2f..%2fpackage.json',
      '/inbox/..%5c..%5cpackage.json',
      '/inbox/index.html%00.js',
      '/inbox/%E0%A4%A',
      '/inbox/..',
    ]) {
      expect(inboxFile(root, path), path).toBeNull();
    }
  });

  it('is served in development, not in production or tests unless REFERENCE_INBOX=on', () => {
    const production = {
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://parley.example.com',
      CHANNEL_CREDENTIALS_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
    };
    expect(loadConfig({ NODE_ENV: 'development' }).referenceInbox).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).referenceInbox).toBe(false);
    expect(loadConfig(production).referenceInbox).toBe(false);
    expect(loadConfig({ ...production, REFERENCE_INBOX: 'on' }).referenceInbox).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', REFERENCE_INBOX: 'off' }).referenceInbox).toBe(false);
  });
});
