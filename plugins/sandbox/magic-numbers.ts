import { ChannelError, type ChannelErrorCode } from '../sdk/index.ts';

/**
 * Recipients that fail the way Twilio's test numbers and real carriers do. All
 * are in +1 500 555 00xx: libphonenumber (and so Parley) takes +1 500 numbers as
 * valid US personal numbers, so a candidate can be given one.
 */
export const MAGIC_NUMBERS = {
  /** Refused at once, like Twilio's 21211 ("The 'To' number is not a valid phone number"). */
  invalid: '+15005550001',
  /** Accepted, then reported undelivered, like Twilio's 30003 ("Unreachable destination handset"). */
  unreachable: '+15005550002',
  /** Refused at once, like Twilio's 21610 (the recipient texted STOP to the carrier): Parley opts them out. */
  carrierOptOut: '+15005550003',
  /** Accepted, then reported undelivered, like Twilio's 30006 ("Landline or unreachable carrier"). */
  landline: '+15005550004',
} as const;

/** The sandbox's own sending numbers: +1 500 555 0100 to +1 500 555 0199. */
export const SENDING_NUMBER_RANGE = /^\+150055501\d\d$/;

/** A refusal at send time for a magic recipient, or for a body Twilio would refuse (21617), or null. */
export function refusalFor(to: string, body = ''): ChannelError | null {
  if (body.length > 1600) {
    return new ChannelError(
      'REJECTED',
      `The concatenated message body exceeds the 1600 character limit (${body.length} characters).`,
      false,
      '21617',
    );
  }
  if (to === MAGIC_NUMBERS.invalid) {
    return new ChannelError(
      'INVALID_RECIPIENT',
      `The 'To' number ${to} is not a valid phone number (sandbox magic number).`,
      false,
      '21211',
    );
  }
  if (to === MAGIC_NUMBERS.carrierOptOut) {
    return new ChannelError(
      'RECIPIENT_OPTED_OUT',
      `Attempt to send to unsubscribed recipient ${to} (sandbox magic number: the carrier has the candidate's STOP).`,
      false,
      '21610',
    );
  }
  return null;
}

/** How a message the sandbox accepted ends: delivered, or undelivered with the carrier's reason. */
export function outcomeFor(
  to: string,
): { status: 'delivered' } | { status: 'undelivered'; code: ChannelErrorCode; providerCode: string; message: string } {
  if (to === MAGIC_NUMBERS.unreachable) {
    return {
      status: 'undelivered',
      code: 'UNREACHABLE',
      providerCode: '30003',
      message: 'Unreachable destination handset (sandbox magic number).',
    };
  }
  if (to === MAGIC_NUMBERS.landline) {
    return {
      status: 'undelivered',
      code: 'LANDLINE',
      providerCode: '30006',
      message: 'Landline or unreachable carrier (sandbox magic number).',
    };
  }
  return { status: 'delivered' };
}
