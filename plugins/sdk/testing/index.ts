/** The conformance kit: what a plugin's own vitest suite imports to prove it keeps the contract (README.md). */
export type { ConformanceHarness, VendorErrorCase } from './harness.ts';
export { type ConformanceRule, conformanceRules, type RuleContext, type RuleName, ruleNames } from './rules/index.ts';
export { checkChannelPluginConformance, runChannelPluginConformance } from './run.ts';
