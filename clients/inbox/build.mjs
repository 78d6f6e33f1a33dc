// Builds the reference inbox into clients/inbox/dist (git-ignored), which the service serves at /inbox
// in development. Run by npm ci's postinstall and by `npm run inbox:build`; skipped when the build is
// newer than every source, and when Vite is not installed (an install without devDependencies).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const sources = ['src', 'index.html', 'vite.config.ts', '../generated', '../parley-client.ts'].map((p) =>
  join(here, p),
);

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const builtAt = statSync(join(here, 'dist/index.html'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (!process.argv.includes('--force') && builtAt > Math.max(...sources.map(newest))) process.exit(0);

let vite;
try {
  vite = await import('vite');
} catch {
  console.warn('clients/inbox: Vite is not installed (no devDependencies), so the reference inbox is not built.');
  process.exit(0);
}
await vite.build({ root: here, configFile: join(here, 'vite.config.ts'), logLevel: 'warn' });
