import { afterAll, beforeAll, describe, it } from 'vitest';
import type { ConformanceHarness } from './harness.ts';
import { conformanceRules, type RuleContext, type RuleName, ruleNames } from './rules/index.ts';

const DEFAULT_WEBHOOK_URL = 'https://parley.example.com/webhooks/test';

function contextFor(h: ConformanceHarness): RuleContext {
  const base = h.webhookUrl ?? DEFAULT_WEBHOOK_URL;
  return {
    h,
    provider: h.plugin.create(h.credentials, { apiBaseUrl: h.apiBaseUrl }),
    url: `${base}/inbound?x=1`,
    statusUrl: `${base}/status?messageId=conformance`,
  };
}

/**
 * Runs every rule (or `only` these) against one harness, outside any test
 * framework's structure, and returns the rules that failed with their errors.
 */
export async function checkChannelPluginConformance<C extends Record<string, string>>(
  setUp: () => Promise<ConformanceHarness<C>>,
  only: RuleName[] = ruleNames,
): Promise<{ rule: RuleName; error: unknown }[]> {
  const h = (await setUp()) as unknown as ConformanceHarness;
  const failures: { rule: RuleName; error: unknown }[] = [];
  try {
    const ctx = contextFor(h);
    for (const rule of only) {
      await conformanceRules[rule].check(ctx).catch((error: unknown) => failures.push({ rule, error }));
    }
  } finally {
    await h.close();
  }
  return failures;
}

/**
 * The channel-plugin contract as tests: call it from the plugin's own vitest
 * file; one test per rule. A plugin that passes keeps the promises the core relies on.
 */
export function runChannelPluginConformance<C extends Record<string, string>>(
  name: string,
  setUp: () => Promise<ConformanceHarness<C>>,
) {
  describe(`channel plugin conformance: ${name}`, () => {
    let h: ConformanceHarness | undefined;
    let ctx: RuleContext;
    beforeAll(async () => {
      h = (await setUp()) as unknown as ConformanceHarness;
      ctx = contextFor(h);
    });
    afterAll(() => h?.close());
    for (const rule of ruleNames) {
      const { title, check } = conformanceRules[rule];
      it(`${rule}: ${title}`, () => check(ctx));
    }
  });
}
