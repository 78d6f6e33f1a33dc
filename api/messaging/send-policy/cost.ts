import { createRequire } from 'node:module';
import { SegmentedMessage } from 'sms-segments-calculator';
import type { SendChannel } from '../../domain/send-channels.ts';

/** The calculator's own table: each character's GSM-7 code units (two for the extension characters such as €). */
const gsmUnits: Record<number, number[]> = createRequire(import.meta.url)(
  'sms-segments-calculator/dist/libs/UnicodeToGSM.js',
).default;

/**
 * Whether a body fits one GSM-7 segment of one septet per character, as the calculator would find: at most 160
 * characters of the basic table, without CR (CR LF is one grapheme to it). Most bodies are; they skip the
 * calculator's grapheme splitting, a send's costliest step in the service after the database.
 */
function plainSingleSegment(body: string): boolean {
  if (body.length > 160) return false;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 13 || gsmUnits[c]?.length !== 1) return false;
  }
  return true;
}

export type SendCost = {
  encoding: 'GSM-7' | 'UCS-2' | 'UTF-8';
  segments: number;
  characters: number;
  /** The characters that force UCS-2 (a third of the room per segment): replace them to send cheaper. */
  ucs2Characters: string[];
};

/**
 * What a body costs on a channel. SMS is billed per segment: GSM-7 bodies are
 * one segment up to 160 characters and 153 per part beyond (extension
 * characters such as € count twice); anything else is UCS-2 at 70 / 67.
 * Other channels carry the text as one message.
 */
export function sendCost(channel: SendChannel, body: string): SendCost {
  if (channel !== 'SMS') {
    return { encoding: 'UTF-8', segments: 1, characters: [...body].length, ucs2Characters: [] };
  }
  if (plainSingleSegment(body)) return { encoding: 'GSM-7', segments: 1, characters: body.length, ucs2Characters: [] };
  const message = new SegmentedMessage(body);
  return {
    encoding: message.encodingName === 'UCS-2' ? 'UCS-2' : 'GSM-7',
    segments: message.segmentsCount,
    characters: message.numberOfCharacters,
    ucs2Characters: [...new Set(message.getNonGsmCharacters())],
  };
}
