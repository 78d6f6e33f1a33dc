/**
 * The version of the channel-plugin contract (this folder). A plugin's manifest
 * records the version it was built and tested against (`sdkVersion`), and the
 * core loads it only when that version is compatible with its own: the same
 * major version, and not newer than the core's (a plugin built for 1.2 may rely
 * on something 1.0 does not have). See CHANGELOG.md.
 */
export const SDK_VERSION = '1.1.0';

const SEMVER = /^(\d+)\.(\d+)\.(\d+)$/;

const parts = (version: string) => SEMVER.exec(version)?.slice(1).map(Number) as [number, number, number] | undefined;

/** Why a plugin built for `declared` cannot run on this SDK, or null when it can. */
export function sdkIncompatibility(declared: unknown, provided: string = SDK_VERSION): string | null {
  const have = parts(provided);
  if (!have) throw new Error(`SDK_VERSION ${provided} is not MAJOR.MINOR.PATCH`);
  if (typeof declared === 'string' && !parts(declared)) {
    return `declares sdkVersion ${JSON.stringify(declared.slice(0, 40))}, which is not MAJOR.MINOR.PATCH of the plugin SDK it was built for; this Parley provides ${provided}`;
  }
  if (typeof declared !== 'string' || !parts(declared)) {
    return `declares no sdkVersion (MAJOR.MINOR.PATCH of the plugin SDK it was built for; defineChannelPlugin sets it); this Parley provides ${provided}`;
  }
  const want = parts(declared) as [number, number, number];
  const compatible = want[0] === have[0] && (want[1] < have[1] || (want[1] === have[1] && want[2] <= have[2]));
  if (compatible) return null;
  return `is built for plugin SDK ${declared}, and this Parley provides ${provided}: it loads plugins built for ${have[0]}.0.0 up to ${provided}. Rebuild the plugin against SDK ${have[0]}.x, or use a Parley that provides ${want[0]}.${want[1]}`;
}
