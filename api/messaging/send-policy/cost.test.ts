import { SegmentedMessage } from 'sms-segments-calculator';
import { describe, expect, it } from 'vitest';
import { sendCost } from './cost.ts';

/** What the calculator itself says: sendCost must agree on every body, also where it skips the calculator. */
function calculated(body: string) {
  const m = new SegmentedMessage(body);
  return {
    encoding: m.encodingName === 'UCS-2' ? 'UCS-2' : 'GSM-7',
    segments: m.segmentsCount,
    characters: m.numberOfCharacters,
    ucs2Characters: [...new Set(m.getNonGsmCharacters())],
  };
}

const plain = 'abc XYZ 019@£$¥èéùìòÇ\nØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!"#¤%&\'()*+,-./:;<=>?¡ÄÖÑÜ§¿äöñüà';
const special = ['€', '[', '}', '~', '^', '\\', '|', '\r', '\r\n', 'ç', '😀', 'e\u0301', '\u0000', '\t', 'Ж'];

describe('sendCost on SMS', () => {
  it('agrees with the segment calculator on plain, extension, CR and non-GSM bodies of every length around a segment', () => {
    const bodies = [''];
    for (const length of [1, 2, 70, 153, 159, 160, 161, 200, 306, 307]) {
      const base = Array.from({ length }, (_, i) => plain[(i * 7) % plain.length]).join('');
      bodies.push(base);
      for (const s of special) bodies.push(base.slice(0, Math.max(0, length - s.length)) + s, s + base.slice(s.length));
    }
    for (const body of bodies) expect(sendCost('SMS', body), JSON.stringify(body)).toEqual(calculated(body));
  });

  it('counts a plain one-segment body as GSM-7, one segment, a septet per character', () => {
    expect(sendCost('SMS', 'Hi! Are you free for a call on Tuesday at 10?')).toEqual({
      encoding: 'GSM-7',
      segments: 1,
      characters: 45,
      ucs2Characters: [],
    });
    expect(sendCost('SMS', `${'a'.repeat(159)}€`)).toMatchObject({ segments: 2, characters: 161 });
  });
});
