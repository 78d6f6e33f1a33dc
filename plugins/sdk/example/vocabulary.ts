import { ChannelError, type ChannelErrorCode, type DeliveryStatus } from '../index.ts';

// Acme's statuses and error codes, mapped onto Parley's vocabulary in one place.

const statuses: Record<string, DeliveryStatus> = {
  accepted: 'QUEUED',
  sent: 'SENT',
  delivered: 'DELIVERED',
  undelivered: 'UNDELIVERED',
  failed: 'FAILED',
};

export function deliveryStatus(acmeStatus: string): DeliveryStatus {
  const status = statuses[acmeStatus];
  if (!status) throw new ChannelError('REJECTED', `Acme sent an unknown status: ${acmeStatus}`, false);
  return status;
}

const errorCodes: Record<string, ChannelErrorCode> = {
  invalid_number: 'INVALID_RECIPIENT',
  opted_out: 'RECIPIENT_OPTED_OUT',
  unreachable: 'UNREACHABLE',
  landline: 'LANDLINE',
  spam_filtered: 'CARRIER_FILTERED',
  rate_limited: 'RATE_LIMITED',
  unauthorized: 'AUTHENTICATION_FAILED',
};

export const errorCode = (acmeCode: string): ChannelErrorCode => errorCodes[acmeCode] ?? 'REJECTED';

/**
 * An error answer from Acme's API. 4xx: Acme refused and created nothing (429 is
 * worth retrying). 5xx: Acme may have created the message, so it is unclear.
 */
export function channelError(httpStatus: number, acme: { code?: string; message?: string }): ChannelError {
  const vendorCode = acme.code ?? String(httpStatus);
  if (httpStatus >= 500) return ChannelError.unclear(`Acme answered ${httpStatus}`, vendorCode);
  if (httpStatus === 401) {
    return new ChannelError(
      'AUTHENTICATION_FAILED',
      'Acme refused the account’s credentials (API key)',
      false,
      vendorCode,
    );
  }
  const message = `Acme refused the message: ${acme.message ?? vendorCode}`;
  return new ChannelError(errorCode(vendorCode), message, httpStatus === 429, vendorCode);
}
