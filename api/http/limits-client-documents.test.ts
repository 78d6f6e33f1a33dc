import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createYoga, type Plugin } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { schema } from '../../schema/index.ts';
import { loadConfig } from '../config.ts';
import { useGraphQLLimits } from './limits.ts';

const documents = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', 'clients', 'generated', 'persisted-documents.json'), 'utf8'),
) as Record<string, string>;

describe("the service's default GraphQL limits", () => {
  // Only the limits: nothing executes (every operation answers an empty result once its document passed).
  const yoga = createYoga({
    schema,
    logging: false,
    plugins: [
      useGraphQLLimits(loadConfig({ NODE_ENV: 'test' }).graphqlLimits),
      {
        onExecute: ({ setExecuteFn }) => setExecuteFn(() => ({ data: {} })),
        onSubscribe: ({ setSubscribeFn }) => setSubscribeFn(() => ({ data: {} })),
      } satisfies Plugin,
    ],
  });

  it("let every document of the typed client and the reference inbox through, with a user's credential", async () => {
    const entries = Object.entries(documents);
    expect(entries.length).toBeGreaterThan(50);
    const refused: string[] = [];
    for (const [hash, query] of entries) {
      const response = await yoga.fetch('http://parley.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer any' },
        body: JSON.stringify({ query }),
      });
      const text = await response.text();
      if (text.includes('LIMIT_EXCEEDED')) refused.push(`${hash} ${query.slice(0, 60)}: ${text.slice(0, 300)}`);
    }
    expect(refused).toEqual([]);
  });

  it('refuse a document over them (so the check above can fail)', async () => {
    const response = await yoga.fetch('http://parley.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer any' },
      body: JSON.stringify({ query: `{ ${'viewer { kind } '.repeat(50)} }` }),
    });
    expect(await response.text()).toContain('LIMIT_EXCEEDED');
  });
});
