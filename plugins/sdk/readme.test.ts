import { existsSync, readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadChannelPlugins } from '../../api/channels/plugins.ts';
import acmeSms from './example/index.ts';
import { ruleNames } from './testing/index.ts';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const readme = read('README.md');
const blocks = (lang: string) =>
  [...readme.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => m[1] as string);
/** The first column of the README table whose header starts with `header`. */
const tableColumn = (header: string) => {
  const table = readme.slice(readme.indexOf(`| ${header} |`)).split('\n\n')[0] as string;
  return [...table.matchAll(/^\| `([\w?]+)[`(]/gm)].map((m) => m[1] as string);
};
/** The member names of a type or interface declared in a source file. */
const members = (source: string, declaration: string) => {
  const body = source.slice(source.indexOf(declaration)).split('\n}')[0] as string;
  return [...body.matchAll(/^ {2}(\w+)(\?)?[(:]/gm)].map((m) => `${m[1]}${m[2] ?? ''}`);
};

describe('plugins/sdk/README.md', () => {
  it('quotes the example files as they are', () => {
    const quoted = blocks('ts').filter((b) => b.startsWith('// plugins/'));
    expect(quoted.length).toBeGreaterThanOrEqual(5);
    for (const block of quoted) {
      const [first, ...rest] = block.split('\n');
      const path = (first as string).slice(3);
      expect(readFileSync(path, 'utf8'), `${path} contains the README's excerpt`).toContain(rest.join('\n'));
    }
  });

  it('lists the example files that exist', () => {
    const layout = blocks('').find((b) => b.startsWith('example/')) ?? '';
    const listed = [...layout.matchAll(/^ {2}(\S+\.ts)/gm)].map((m) => m[1] as string);
    expect(listed.length).toBeGreaterThan(5);
    for (const file of listed) expect(existsSync(new URL(`example/${file}`, import.meta.url)), file).toBe(true);
  });

  it('documents every rule, capability, provider member, harness field and error code', () => {
    expect(tableColumn('rule')).toEqual(ruleNames);
    expect(tableColumn('capability')).toEqual(Object.keys(acmeSms.capabilities));
    const contract = read('contract.ts');
    expect(tableColumn('member').sort()).toEqual(members(contract, 'export interface ChannelProvider').sort());
    for (const field of members(read('testing/harness.ts'), 'export type ConformanceHarness')) {
      expect(readme, `harness field ${field}`).toContain(`\`${field.replace('?', '')}`);
    }
    const codes = [...(contract.split('export type ChannelErrorCode =')[1]?.split(';')[0] ?? '').matchAll(/'(\w+)'/g)];
    expect(codes.length).toBeGreaterThan(5);
    for (const [, code] of codes) expect(readme).toContain(`\`${code}\``);
  });

  it('loads the plugins its CHANNEL_PLUGINS line names', async () => {
    const line =
      blocks('sh')
        .join('\n')
        .match(/CHANNEL_PLUGINS=(\S+)/)?.[1] ?? '';
    const plugins = await loadChannelPlugins(line.split(','));
    expect([...plugins.keys()]).toEqual(['twilio-sms', 'sandbox', 'acme-sms']);
  });

  it('creates an account with a mutation of the schema and the example’s credential fields', () => {
    const schema = buildSchema(readFileSync('clients/schema.graphql', 'utf8'));
    const [mutation] = blocks('graphql');
    expect(validate(schema, parse(mutation ?? ''))).toEqual([]);
    const fields = mutation?.match(/credentials: \{([^}]*)\}/)?.[1]?.match(/\w+(?=:)/g);
    expect(fields).toEqual(
      Object.keys(acmeSms.credentials.parse({ apiKey: `acme_${'a'.repeat(24)}`, webhookSecret: 'x'.repeat(32) })),
    );
  });
});
