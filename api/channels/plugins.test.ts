import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SDK_VERSION } from '../../plugins/sdk/index.ts';
import { loadChannelPlugins } from './plugins.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-plugins-'));

/** A manifest module outside the project, as a vendor's package would be, built for `sdkVersion`. */
function manifestModule(name: string, sdkVersion: string | undefined) {
  const path = join(dir, `${name}.mjs`);
  const manifest = `{
    id: '${name}', channel: 'SMS', ${sdkVersion ? `sdkVersion: '${sdkVersion}',` : ''}
    capabilities: { maxLength: 1600, media: false, segmented: true, sessionWindowHours: null,
      carrierHandlesKeywords: false, optOutObservable: true, consentInvitations: true },
    credentials: { safeParse: () => ({ success: false }) }, secretKeys: [], create() {},
  }`;
  writeFileSync(path, `export default ${manifest};\n`);
  return path;
}

describe('loading channel plugins by SDK version', () => {
  it('loads the built-in plugins and one built for this SDK version', async () => {
    const plugins = await loadChannelPlugins([
      './plugins/twilio-sms/index.ts',
      './plugins/sandbox/index.ts',
      manifestModule('current', SDK_VERSION),
    ]);
    expect([...plugins.keys()]).toEqual(['twilio-sms', 'sandbox', 'current']);
  });

  it('refuses a plugin built for another major version, or a newer SDK, naming CHANNEL_PLUGINS', async () => {
    const future = manifestModule('future', '2.0.0');
    await expect(loadChannelPlugins([future])).rejects.toThrow(
      `CHANNEL_PLUGINS: ${future} is built for plugin SDK 2.0.0, and this Parley provides ${SDK_VERSION}`,
    );
    await expect(loadChannelPlugins([manifestModule('past', '0.9.0')])).rejects.toThrow(/built for plugin SDK 0\.9\.0/);
    await expect(loadChannelPlugins([manifestModule('newer', '1.99.0')])).rejects.toThrow(/built for plugin SDK 1\.99/);
    await expect(loadChannelPlugins([manifestModule('none', undefined)])).rejects.toThrow(
      /CHANNEL_PLUGINS: .*none\.mjs declares no sdkVersion/,
    );
  });
});
