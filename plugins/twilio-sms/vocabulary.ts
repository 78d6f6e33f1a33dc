import { ChannelError, type ChannelErrorCode, type DeliveryStatus } from '../sdk/index.ts';

// Twilio's statuses and error codes, mapped onto Parley's vocabulary in one place.

const statuses: Record<string, DeliveryStatus> = {
  accepted: 'QUEUED',
  scheduled: 'QUEUED',
  queued: 'QUEUED',
  sending: 'QUEUED',
  sent: 'SENT',
  delivered: 'DELIVERED',
  read: 'DELIVERED',
  undelivered: 'UNDELIVERED',
  failed: 'FAILED',
  canceled: 'FAILED',
};

export function deliveryStatus(twilioStatus: string): DeliveryStatus {
  return statuses[twilioStatus.toLowerCase()] ?? 'QUEUED';
}

const errorCodes: Record<number, ChannelErrorCode> = {
  21610: 'RECIPIENT_OPTED_OUT',
  21211: 'INVALID_RECIPIENT',
  21614: 'INVALID_RECIPIENT',
  21217: 'INVALID_RECIPIENT',
  21408: 'REJECTED',
  21612: 'REJECTED',
  20003: 'AUTHENTICATION_FAILED',
  20429: 'RATE_LIMITED',
  30003: 'UNREACHABLE',
  30005: 'INVALID_RECIPIENT',
  30006: 'LANDLINE',
  30007: 'CARRIER_FILTERED',
};

export function errorCode(twilioCode: number | undefined): ChannelErrorCode {
  return (twilioCode !== undefined && errorCodes[twilioCode]) || 'REJECTED';
}

/**
 * A REST failure from Twilio as a ChannelError. A 4xx is a refusal: Twilio did
 * not create the message (429 is worth retrying, the others are not). A 5xx
 * proves nothing: Twilio (or its edge) may have created the message before
 * failing, so the send is unclear and must be reconciled before any retry.
 */
export function channelErrorFromRest(error: { status?: number; code?: number; message?: string }): ChannelError {
  const status = error.status ?? 0;
  const message = error.message ?? `Twilio answered ${status}`;
  if (status >= 500 || status === 0) return ChannelError.unclear(message, error.code?.toString());
  const transient = status === 429;
  const code = status === 429 ? 'RATE_LIMITED' : status === 401 ? 'AUTHENTICATION_FAILED' : errorCode(error.code);
  const said = code === 'AUTHENTICATION_FAILED' ? `Twilio refused the account's credentials: ${message}` : message;
  return new ChannelError(code, said, transient, error.code?.toString(), 'refused');
}
