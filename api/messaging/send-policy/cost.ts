import { SegmentedMessage } from 'sms-segments-calculator';
import type { SendChannel } from '../../domain/send-channels.ts';

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
  const message = new SegmentedMessage(body);
  return {
    encoding: message.encodingName === 'UCS-2' ? 'UCS-2' : 'GSM-7',
    segments: message.segmentsCount,
    characters: message.numberOfCharacters,
    ucs2Characters: [...new Set(message.getNonGsmCharacters())],
  };
}
