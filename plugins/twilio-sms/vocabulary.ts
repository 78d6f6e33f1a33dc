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

/** A REST failure from Twilio as a ChannelError: 429 and 5xx are worth retrying, 4xx are not. */
export function channelErrorFromRest(error: { status?: number; code?: number; message?: string }): ChannelError {
  const status = error.status ?? 0;
  const transient = status === 429 || status >= 500;
  const code = status === 429 ? 'RATE_LIMITED' : status >= 500 ? 'PROVIDER_UNAVAILABLE' : errorCode(error.code);
  return new ChannelError(code, error.message ?? `Twilio answered ${status}`, transient, error.code?.toString());
}
