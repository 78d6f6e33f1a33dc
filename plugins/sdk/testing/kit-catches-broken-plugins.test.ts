import { describe, expect, it } from 'vitest';
import { brokenParseEvents, brokenVariants } from '../example/broken/variants.ts';
import { acmeHarness } from '../example/testing/harness.ts';
import { checkChannelPluginConformance, ruleNames } from './index.ts';

const failedRules = async (plugin?: Parameters<typeof acmeHarness>[0]) =>
  (await checkChannelPluginConformance(() => acmeHarness(plugin))).map((f) => f.rule);

describe('the conformance kit', () => {
  it('passes the example plugin on every rule', async () => {
    expect(await checkChannelPluginConformance(() => acmeHarness())).toEqual([]);
  });

  it('has a broken copy of the example for every rule', () => {
    expect(Object.keys(brokenVariants).sort()).toEqual([...ruleNames].sort());
  });

  for (const rule of ruleNames) {
    it(`fails the copy that breaks ${rule} on ${rule} alone`, async () => {
      expect(await failedRules(brokenVariants[rule])).toEqual([rule]);
    });
  }

  it('checks a plugin with parseEvents through parseEvents, as the core parses', async () => {
    expect(await failedRules(brokenParseEvents)).toEqual(['idempotentInbound']);
  });
});
