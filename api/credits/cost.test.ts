import { describe, expect, it } from 'vitest';
import { sendCost } from '../messaging/send-policy/cost.ts';
import { creditCost, ledgerActor } from './cost.ts';

const a = (n: number) => 'a'.repeat(n);
const zh = (n: number) => 'ж'.repeat(n);

/** Segments and credits (at 1 and at 2 credits per segment) for SMS bodies at every boundary. */
const table: [what: string, body: string, encoding: 'GSM-7' | 'UCS-2', segments: number][] = [
  ['empty', '', 'GSM-7', 1],
  ['1 GSM-7 character', 'a', 'GSM-7', 1],
  ['160 GSM-7 characters: one segment', a(160), 'GSM-7', 1],
  ['161 GSM-7 characters: two parts of 153', a(161), 'GSM-7', 2],
  ['306 GSM-7 characters: two parts', a(306), 'GSM-7', 2],
  ['307 GSM-7 characters: three parts', a(307), 'GSM-7', 3],
  ['159 + a euro sign (counts double): 161 septets', `${a(159)}€`, 'GSM-7', 2],
  ['158 + a euro sign: exactly 160 septets', `${a(158)}€`, 'GSM-7', 1],
  ['80 euro signs: 160 septets', '€'.repeat(80), 'GSM-7', 1],
  ['81 euro signs: 162 septets', '€'.repeat(81), 'GSM-7', 2],
  ['153 + [ ] { } (each counts double): 161 septets', `${a(153)}[]{}`, 'GSM-7', 2],
  ['152 + [ ] { }: exactly 160 septets', `${a(152)}[]{}`, 'GSM-7', 1],
  ['70 UCS-2 characters: one segment', zh(70), 'UCS-2', 1],
  ['71 UCS-2 characters: two parts of 67', zh(71), 'UCS-2', 2],
  ['134 UCS-2 characters: two parts', zh(134), 'UCS-2', 2],
  ['135 UCS-2 characters: three parts', zh(135), 'UCS-2', 3],
  ['an emoji forces UCS-2 (two UTF-16 units)', `Hi 😀`, 'UCS-2', 1],
  ['69 + an emoji: 71 UTF-16 units', `${a(69)}😀`, 'UCS-2', 2],
  ['68 + an emoji: 70 UTF-16 units', `${a(68)}😀`, 'UCS-2', 1],
  ['one non-GSM letter turns 160 GSM-7 into UCS-2', `${a(159)}ł`, 'UCS-2', 3],
];

describe('what an SMS costs in credits', () => {
  it.each(table)('%s', (_what, body, encoding, segments) => {
    const cost = sendCost('SMS', body);
    expect({ encoding: cost.encoding, segments: cost.segments }).toEqual({ encoding, segments });
    expect(creditCost(cost.segments, 1)).toBe(segments);
    expect(creditCost(cost.segments, 2)).toBe(2 * segments);
  });

  it('costs nothing through a provider that is not credit-billed, or on another channel', () => {
    expect(creditCost(3, undefined)).toBe(0);
    expect(creditCost(3, 0)).toBe(0);
    expect(sendCost('WHATSAPP', a(500)).segments).toBe(1);
  });

  it('names who caused a ledger entry', () => {
    expect(ledgerActor({ kind: 'user', userId: 'u1' })).toBe('user:u1');
    expect(ledgerActor({ kind: 'apiKey', apiKeyId: 'k1' })).toBe('apiKey:k1');
    expect(ledgerActor({ kind: 'operator' })).toBe('operator');
  });
});
