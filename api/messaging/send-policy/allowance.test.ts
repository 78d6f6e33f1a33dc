import { describe, expect, it } from 'vitest';
import { allowanceRefusals } from './allowance.ts';

const number = { id: 'n1', e164: '+14155550100' };
const resetsAt = new Date('2026-12-01T08:00:00Z');

describe('the allowance rule', () => {
  it('refuses a send from a number whose month has reached its allowance, and nothing else', () => {
    const table: [string, Record<string, { allowance: number; used: number }>, typeof number | null, string[]][] = [
      ['no allowance (unlimited)', {}, number, []],
      ['below', { n1: { allowance: 100, used: 99 } }, number, []],
      ['at it', { n1: { allowance: 100, used: 100 } }, number, ['ALLOWANCE_EXHAUSTED 100/100']],
      ['past it (replies counted)', { n1: { allowance: 100, used: 107 } }, number, ['ALLOWANCE_EXHAUSTED 107/100']],
      ['allowance 0', { n1: { allowance: 0, used: 0 } }, number, ['ALLOWANCE_EXHAUSTED 0/0']],
      ['another number is full', { n2: { allowance: 1, used: 1 } }, number, []],
      ['no number routed', { n1: { allowance: 1, used: 1 } }, null, []],
    ];
    for (const [what, allowances, n, expected] of table) {
      const refusals = allowanceRefusals({ allowances, allowanceResetsAt: resetsAt }, n);
      expect(
        refusals.map((e) => `${e.code} ${e.used}/${e.allowance}`),
        what,
      ).toEqual(expected);
      for (const e of refusals) expect([e.number, e.resetsAt]).toEqual([number.e164, resetsAt]);
    }
  });
});
