import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const root = join(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const configSource = readFileSync(join(import.meta.dirname, 'config.ts'), 'utf8');

/** The limits' variables: what README's Limits section promises, and what the service reads. */
const limitVariable = /^(GRAPHQL_|REPORT_CSV_)/;

/**
 * README's Configuration table rows for the limits, as variable → documented default.
 * A row may name several variables (`GRAPHQL_ANONYMOUS_MAX_TOKENS`, `_DEPTH`, …) with as many defaults.
 */
function documentedDefaults(): Map<string, string> {
  const documented = new Map<string, string>();
  for (const line of readme.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 4 || !limitVariable.test(cells[1]?.replaceAll('`', '') ?? '')) continue;
    const names = [...(cells[1] as string).matchAll(/`([A-Z_]+)`/g)].map((m) => m[1] as string);
    const defaults = [...(cells[2] as string).matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
    expect(defaults, `README row for ${names.join(', ')}: one default per variable`).toHaveLength(names.length);
    const first = names[0] as string;
    names.forEach((name, i) => {
      const full = name.startsWith('_') ? first.replace(/_[A-Z]+$/, name) : name;
      documented.set(full, defaults[i] as string);
    });
  }
  return documented;
}

describe('README documents the limits as the code has them', () => {
  it('every limit variable the service reads has a row in the Configuration table', () => {
    const read = new Set([...configSource.matchAll(/^\s+((?:GRAPHQL_|REPORT_CSV_)[A-Z_]+):/gm)].map((m) => m[1]));
    expect(read.size).toBeGreaterThan(10);
    expect([...documentedDefaults().keys()].sort()).toEqual([...read].sort());
  });

  it("each documented default is the code's default: setting a variable to it changes nothing", () => {
    const defaults = loadConfig({});
    const documented = documentedDefaults();
    for (const [name, value] of documented) {
      const set = loadConfig({ [name]: value });
      expect(
        { graphqlLimits: set.graphqlLimits, reportDownloads: set.reportDownloads },
        `${name}=${value} (README's default)`,
      ).toEqual({ graphqlLimits: defaults.graphqlLimits, reportDownloads: defaults.reportDownloads });
    }
  });

  it('the Limits section quotes the same defaults', () => {
    const section = readme.slice(readme.indexOf('### Limits'), readme.indexOf('### Trusted documents'));
    const documented = documentedDefaults();
    // Where the section names a variable with its default in parentheses, it is the table's default.
    for (const [, name, value] of section.matchAll(/`((?:GRAPHQL_|REPORT_CSV_)[A-Z_]+)` \((\d+)\)/g)) {
      expect(value, name).toBe(documented.get(name as string));
    }
  });
});
