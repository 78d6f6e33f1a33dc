import { SegmentedMessage } from 'sms-segments-calculator';

/** How an SMS body is encoded and how many parts it is billed as (GSM-7: 160 / 153, UCS-2: 70 / 67). */
export function smsEncoding(body: string): { encoding: string; segments: number } {
  const segmented = new SegmentedMessage(body);
  return { encoding: segmented.encodingName, segments: segmented.segmentsCount };
}
