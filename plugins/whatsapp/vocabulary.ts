import { ChannelError, type ChannelErrorCode, type DeliveryStatus } from '../sdk/index.ts';

// Meta's statuses and error codes (Graph API and WhatsApp Cloud API), mapped onto Parley's vocabulary in one place.

const statuses: Record<string, DeliveryStatus> = {
  sent: 'SENT',
  delivered: 'DELIVERED',
  read: 'READ',
  failed: 'FAILED',
};

export function deliveryStatus(metaStatus: string): DeliveryStatus {
  return statuses[metaStatus] ?? 'QUEUED';
}

/** Meta's codes; one not listed is REJECTED (a refusal, kept as `providerCode` for support). */
export const errorCodes: Record<number, ChannelErrorCode> = {
  // The recipient cannot be reached on WhatsApp (no account, old app, not accepted the terms).
  131026: 'UNREACHABLE',
  // Outside the 24-hour window only a template may be sent.
  131047: 'REJECTED',
  // Throughput, pair rate and spam rate limits; Graph API call limits.
  130429: 'RATE_LIMITED',
  131048: 'RATE_LIMITED',
  131056: 'RATE_LIMITED',
  4: 'RATE_LIMITED',
  80007: 'RATE_LIMITED',
  // The token is invalid, expired or lacks the permission.
  0: 'AUTHENTICATION_FAILED',
  10: 'AUTHENTICATION_FAILED',
  190: 'AUTHENTICATION_FAILED',
  200: 'AUTHENTICATION_FAILED',
  // Meta's side: generic, service unavailable, temporarily down.
  1: 'PROVIDER_UNAVAILABLE',
  2: 'PROVIDER_UNAVAILABLE',
  131000: 'PROVIDER_UNAVAILABLE',
  131016: 'PROVIDER_UNAVAILABLE',
  // The recipient is not valid: the business's own number, or not on a test number's allowed list.
  131021: 'INVALID_RECIPIENT',
  131030: 'INVALID_RECIPIENT',
  // Not delivered "to maintain healthy ecosystem engagement" (marketing limits).
  131049: 'CARRIER_FILTERED',
  // The candidate stopped marketing messages from this business.
  131050: 'RECIPIENT_OPTED_OUT',
  // An invalid parameter (of any kind: Meta's 100 is not about the recipient), an unsupported message type.
  100: 'REJECTED',
  131051: 'REJECTED',
  // Template problems: parameters, missing or unapproved template.
  132000: 'REJECTED',
  132001: 'REJECTED',
  132012: 'REJECTED',
};

const TRANSIENT = new Set<ChannelErrorCode>(['RATE_LIMITED', 'PROVIDER_UNAVAILABLE']);

export function errorCode(metaCode: number | undefined): ChannelErrorCode {
  return (metaCode !== undefined && errorCodes[metaCode]) || 'REJECTED';
}

/**
 * A Graph API error answer as a ChannelError. A 4xx is a refusal: Meta did not
 * accept the message (worth retrying when rate-limited or Meta is briefly down).
 * A 5xx proves nothing: Meta may have accepted it before failing, so the send is
 * unclear.
 */
export function channelErrorFromGraph(
  httpStatus: number,
  error: { code?: number; message?: string; error_subcode?: number } | undefined,
): ChannelError {
  const providerCode = error?.code === undefined ? undefined : String(error.code);
  const message = `WhatsApp: ${error?.message ?? `Meta answered ${httpStatus}`}`;
  if (httpStatus >= 500) return ChannelError.unclear(message, providerCode);
  const code =
    httpStatus === 429
      ? 'RATE_LIMITED'
      : error?.code === undefined && (httpStatus === 401 || httpStatus === 403)
        ? 'AUTHENTICATION_FAILED'
        : errorCode(error?.code);
  const said =
    code === 'AUTHENTICATION_FAILED'
      ? `WhatsApp: Meta refused this account's credentials (access token or its permissions): ${error?.message ?? httpStatus}`
      : message;
  return new ChannelError(code, said, TRANSIENT.has(code), providerCode, 'refused');
}
