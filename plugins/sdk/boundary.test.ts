import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const pluginsDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** What code outside the SDK may import from it: the SDK, and its conformance kit (conformance.ts: before 1.0). */
const ENTRIES = ['sdk/index.ts', 'sdk/testing/index.ts', 'sdk/testing/conformance.ts'];

const files = (readdirSync(pluginsDir, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.replaceAll('\\', '/'));

/** The folder a file's plugin lives in: `twilio-sms`, `sdk/example`, or `sdk` for the SDK itself. */
const home = (file: string) => (file.startsWith('sdk/example/') ? 'sdk/example' : file.split('/')[0]);

function importsOf(file: string): string[] {
  const source = readFileSync(join(pluginsDir, file), 'utf8');
  return [...source.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((m) =>
    relative(pluginsDir, resolve(pluginsDir, dirname(file), m[1] as string)).replaceAll('\\', '/'),
  );
}

/** Why `file` may not import `target` (a path relative to plugins/), or null. */
function problem(file: string, target: string): string | null {
  const from = home(file);
  if (target.startsWith('..')) return file.endsWith('.test.ts') ? null : 'reaches outside plugins/';
  if (target === from || target.startsWith(`${from}/`)) {
    return from === 'sdk' && target.startsWith('sdk/example/') && !file.endsWith('.test.ts')
      ? 'the SDK uses its example'
      : null;
  }
  if (target.startsWith('sdk/'))
    return ENTRIES.includes(target) ? null : `reaches into the SDK past ${ENTRIES.join(', ')}`;
  if (from === 'sdk' && file.endsWith('.test.ts')) return null;
  return 'imports another plugin';
}

describe('the plugin SDK as a package', () => {
  it('is imported only through plugins/sdk and plugins/sdk/testing, and plugins import no other folder', () => {
    const problems = files.flatMap((file) =>
      importsOf(file).flatMap((target) => {
        const why = problem(file, target);
        return why ? [`${file} imports ${target}: ${why}`] : [];
      }),
    );
    expect(files).toContain('sdk/example/provider.ts');
    expect(problems).toEqual([]);
  });

  it('catches a plugin that reaches into the SDK or the core', () => {
    expect(problem('acme/provider.ts', 'sdk/contract.ts')).toMatch(/reaches into the SDK/);
    expect(problem('acme/provider.ts', '../api/config.ts')).toMatch(/outside plugins/);
    expect(problem('acme/provider.ts', 'twilio-sms/vocabulary.ts')).toMatch(/another plugin/);
    expect(problem('sdk/example/provider.ts', 'sdk/testing/rules/helpers.ts')).toMatch(/reaches into the SDK/);
    expect(problem('acme/acme.test.ts', 'sdk/testing/index.ts')).toBeNull();
  });
});
