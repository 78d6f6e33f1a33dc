import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type ChannelPlugin, sdkIncompatibility } from '../../plugins/sdk/index.ts';
import { ConfigError } from '../config.ts';

// biome-ignore lint/suspicious/noExplicitAny: the core handles every plugin's credentials as plain records.
export type AnyChannelPlugin = ChannelPlugin<any>;

const projectRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
/** Set by npm start (api/start.mjs), which runs a bundle: a plugin source's compiled module. */
const compiledModules = (globalThis as Record<symbol, Map<string, string> | undefined>)[
  Symbol.for('parley.compiledModules')
];
const channelKinds = new Set(['SMS', 'WHATSAPP']);
const capabilityKeys = [
  'maxLength',
  'media',
  'segmented',
  'sessionWindowHours',
  'carrierHandlesKeywords',
  'optOutObservable',
  'consentInvitations',
];

/** Why `value` is not a channel plugin manifest (`defineChannelPlugin({...})` as the default export), or null. */
function manifestProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'its default export is not a manifest object';
  const m = value as Record<string, unknown>;
  if (typeof m.id !== 'string' || !/^[a-z0-9][a-z0-9-]{0,62}$/.test(m.id))
    return '`id` must be lowercase letters, digits and dashes';
  if (m.id === 'platform') return '`id` must not be "platform"';
  if (typeof m.channel !== 'string' || !channelKinds.has(m.channel)) return '`channel` must be SMS or WHATSAPP';
  const caps = m.capabilities as Record<string, unknown> | undefined;
  if (typeof caps !== 'object' || caps === null || capabilityKeys.some((k) => !(k in caps)))
    return `\`capabilities\` must have ${capabilityKeys.join(', ')}`;
  const schema = m.credentials as { safeParse?: unknown } | undefined;
  if (typeof schema?.safeParse !== 'function') return '`credentials` must be a zod schema';
  if (!Array.isArray(m.secretKeys) || m.secretKeys.some((k) => typeof k !== 'string'))
    return '`secretKeys` must list the secret credential fields';
  if (typeof m.create !== 'function') return '`create(credentials, deps)` must be a function';
  return null;
}

/**
 * Loads the channel plugins that CHANNEL_PLUGINS names, by dynamic import: a
 * package name, or a path relative to the project root. A module that cannot be
 * loaded or is not a manifest stops the start, naming the variable.
 */
export async function loadChannelPlugins(specifiers: string[]): Promise<Map<string, AnyChannelPlugin>> {
  const plugins = new Map<string, AnyChannelPlugin>();
  for (const specifier of specifiers) {
    const target =
      specifier.startsWith('.') || isAbsolute(specifier)
        ? pathToFileURL(resolve(projectRoot, specifier)).href
        : specifier;
    let loaded: { default?: unknown };
    try {
      loaded = await import(compiledModules?.get(target) ?? target);
    } catch (error) {
      throw new ConfigError(
        `Invalid configuration:\n  CHANNEL_PLUGINS: cannot load ${specifier} (${(error as Error).message})`,
      );
    }
    const problem = manifestProblem(loaded.default);
    if (problem) {
      throw new ConfigError(
        `Invalid configuration:\n  CHANNEL_PLUGINS: ${specifier} is not a channel plugin manifest: ${problem}`,
      );
    }
    const plugin = loaded.default as AnyChannelPlugin;
    const incompatible = sdkIncompatibility(plugin.sdkVersion);
    if (incompatible) throw new ConfigError(`Invalid configuration:\n  CHANNEL_PLUGINS: ${specifier} ${incompatible}`);
    if (plugins.has(plugin.id)) {
      throw new ConfigError(
        `Invalid configuration:\n  CHANNEL_PLUGINS: two modules declare the plugin id ${plugin.id}`,
      );
    }
    plugins.set(plugin.id, plugin);
  }
  return plugins;
}
