// npm start: runs the service from a bundle of its TypeScript sources (esbuild, into
// .parley-build/), built again here whenever a source is newer than the bundle, so Node does
// not load a transpiler and compile some 450 modules at every start. Tests run the sources
// through tsx/vitest. Packages stay external; each module keeps its own import.meta.url,
// so paths relative to a source file (migrations, plugins) resolve as they do from the sources.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const buildDir = join(root, '.parley-build');
const manifestPath = join(buildDir, 'manifest.json');
const sourceDirs = ['api', 'schema', 'plugins'];

/** The newest modification time of the TypeScript sources and folders under `dir`. */
function newestSource(dir) {
  let newest = statSync(dir).mtimeMs; // a file added or removed
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Every plugin folder's index.ts, and the TypeScript files CHANNEL_PLUGINS names. */
function entryPoints() {
  const plugins = readdirSync(join(root, 'plugins'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => join(root, 'plugins', e.name, 'index.ts'))
    .filter((path) => statSync(path, { throwIfNoEntry: false }));
  const named = (process.env.CHANNEL_PLUGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => (s.startsWith('.') || isAbsolute(s)) && s.endsWith('.ts'))
    .map((s) => resolve(root, s));
  return [...new Set([join(root, 'api/main.ts'), ...plugins, ...named])].sort();
}

function readManifest() {
  try {
    return JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch {
    return null;
  }
}

async function build(entries, sourcesAt) {
  const { build: esbuild, stop: stopEsbuild } = await import('esbuild');
  const outDir = join(buildDir, `${Date.now()}-${process.pid}`);
  const keepImportMetaUrl = {
    name: 'source-import-meta-url',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => ({
        contents: readFileSync(args.path, 'utf8').replaceAll(
          'import.meta.url',
          JSON.stringify(pathToFileURL(args.path).href),
        ),
        loader: 'ts',
      }));
    },
  };
  await esbuild({
    entryPoints: entries,
    outdir: outDir,
    outbase: root,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    plugins: [keepImportMetaUrl],
  });
  // esbuild's service process would otherwise live (and hold some 12 MB) as long as the service does.
  await stopEsbuild();
  const compiled = Object.fromEntries(
    entries.map((entry) => [
      pathToFileURL(entry).href,
      pathToFileURL(join(outDir, relative(root, entry)).replace(/\.ts$/, '.js')).href,
    ]),
  );
  const manifest = { root, entries, sourcesAt, outDir, compiled };
  // Written whole then renamed: copies starting together each see one complete bundle.
  writeFileSync(`${manifestPath}.${process.pid}`, JSON.stringify(manifest));
  renameSync(`${manifestPath}.${process.pid}`, manifestPath);
  for (const old of readdirSync(buildDir, { withFileTypes: true })) {
    const stale = old.isDirectory() && join(buildDir, old.name) !== outDir;
    // A bundle another running copy may still import from is left for an hour.
    if (stale && Date.now() - statSync(join(buildDir, old.name)).mtimeMs > 3_600_000) {
      rmSync(join(buildDir, old.name), { recursive: true, force: true });
    }
  }
  return manifest;
}

const entries = entryPoints();
const sourcesAt = Math.max(
  ...sourceDirs.map((d) => newestSource(join(root, d))),
  ...entries.map((e) => statSync(e).mtimeMs),
);
let manifest = readManifest();
const current =
  manifest?.root === root &&
  manifest.sourcesAt === sourcesAt &&
  JSON.stringify(manifest.entries) === JSON.stringify(entries);
if (!current) {
  mkdirSync(buildDir, { recursive: true });
  manifest = await build(entries, sourcesAt);
}
if (process.argv.includes('--build-only')) process.exit(0); // npm ci's postinstall: bundle once, start nothing
// api/channels/plugins.ts imports a plugin's compiled module in place of its TypeScript source.
globalThis[Symbol.for('parley.compiledModules')] = new Map(Object.entries(manifest.compiled));
await import(manifest.compiled[pathToFileURL(join(root, 'api/main.ts')).href]);
