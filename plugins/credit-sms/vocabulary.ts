import { ChannelError, type ChannelErrorCode, type DeliveryStatus } from '../sdk/index.ts';

// The gateway's (BulkSMS-style) status types, failure subtypes and HTTP problems, mapped onto
// Parley's vocabulary in one place.

const statuses: Record<string, DeliveryStatus> = {
  ACCEPTED: 'QUEUED',
  SCHEDULED: 'QUEUED',
  SENT: 'SENT',
  DELIVERED: 'DELIVERED',
  FAILED: 'UNDELIVERED',
};

/** The core's status for a gateway status type; FAILED after acceptance is the carrier's: undelivered. */
export function deliveryStatus(type: string): DeliveryStatus {
  return statuses[type] ?? 'QUEUED';
}

/** The status types the gateway reports. */
export const STATUS_TYPES = Object.keys(statuses) as [string, ...string[]];

const failures: Record<string, ChannelErrorCode> = {
  ABSENT_SUBSCRIBER: 'UNREACHABLE',
  UNKNOWN_SUBSCRIBER: 'INVALID_RECIPIENT',
  INVALID_DESTINATION: 'INVALID_RECIPIENT',
  UNROUTABLE: 'INVALID_RECIPIENT',
  LANDLINE: 'LANDLINE',
  BLOCKED: 'CARRIER_FILTERED',
  SPAM: 'CARRIER_FILTERED',
  OPTED_OUT: 'RECIPIENT_OPTED_OUT',
  EXPIRED: 'UNREACHABLE',
  REJECTED: 'REJECTED',
  CANCELLED: 'REJECTED',
  UNKNOWN: 'REJECTED',
};

/** The failure subtypes the gateway reports with FAILED. */
export const FAILURE_SUBTYPES = Object.keys(failures) as [string, ...string[]];

export function failureCode(subtype: string | null | undefined): ChannelErrorCode {
  return (subtype && failures[subtype]) || 'REJECTED';
}

/** An RFC 7807 problem the gateway answers a refused send with (`type` ends in a problem name). */
export type Problem = { status: number; type?: string; title?: string; detail?: string };

const problems: Record<string, ChannelErrorCode> = {
  'invalid-recipient': 'INVALID_RECIPIENT',
  'opted-out': 'RECIPIENT_OPTED_OUT',
  'insufficient-credits': 'REJECTED',
  'invalid-sender': 'REJECTED',
  'too-many-requests': 'RATE_LIMITED',
};

/**
 * A refused or failed send as a ChannelError. A 4xx is a refusal: the gateway
 * created nothing (429 is worth retrying; 401/403 are the credentials). A 5xx
 * proves nothing, so the send is unclear and must be reconciled.
 */
export function channelErrorFromProblem(problem: Problem): ChannelError {
  const name = problem.type?.split('#').pop() ?? '';
  const message = problem.detail ?? problem.title ?? `the gateway answered ${problem.status}`;
  if (problem.status >= 500 || problem.status === 0) return ChannelError.unclear(message, name || undefined);
  if (problem.status === 429) return new ChannelError('RATE_LIMITED', message, true, name || '429');
  if (problem.status === 401) return new ChannelError('AUTHENTICATION_FAILED', message, false, name || '401');
  return new ChannelError(problems[name] ?? 'REJECTED', message, false, name || String(problem.status));
}
