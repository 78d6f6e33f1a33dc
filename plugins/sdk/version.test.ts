import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SDK_VERSION, sdkIncompatibility } from './index.ts';

describe('the plugin SDK version', () => {
  it('is the package version, with a CHANGELOG entry', () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8'));
    expect(pkg.version).toBe(SDK_VERSION);
    expect(readFileSync(new URL('CHANGELOG.md', import.meta.url), 'utf8')).toContain(`## ${SDK_VERSION}`);
  });

  it('lets a core load plugins of its major version up to its own, and no others', () => {
    expect(sdkIncompatibility('1.0.0', '1.2.3')).toBeNull();
    expect(sdkIncompatibility('1.2.3', '1.2.3')).toBeNull();
    expect(sdkIncompatibility('1.2.4', '1.2.3')).toMatch(
      /built for plugin SDK 1\.2\.4, and this Parley provides 1\.2\.3/,
    );
    expect(sdkIncompatibility('1.3.0', '1.2.3')).not.toBeNull();
    expect(sdkIncompatibility('2.0.0', '1.2.3')).toMatch(/Rebuild the plugin against SDK 1\.x/);
    expect(sdkIncompatibility('0.9.0', '1.2.3')).not.toBeNull();
    expect(sdkIncompatibility('^1.0.0', '1.2.3')).toMatch(
      /declares sdkVersion "\^1.0.0", which is not MAJOR.MINOR.PATCH/,
    );
    expect(sdkIncompatibility(undefined, '1.2.3')).toMatch(/declares no sdkVersion/);
  });
});
