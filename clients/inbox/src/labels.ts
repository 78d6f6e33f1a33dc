import type { LockReason, MessageStatus } from '../../generated/graphql.ts';

const LOCK_LABELS: Record<LockReason, string> = {
  CARRIER_BLOCKED: 'carrier blocks texts',
  CHANNEL_DISABLED: 'channel disabled',
  CHANNEL_UNAVAILABLE: 'channel unavailable',
  INVALID_PHONE_NUMBER: 'invalid number',
  INVITATION_FAILED: 'invitation failed',
  INVITED_WAITING: 'waiting for YES',
  NO_CONSENT: 'no consent',
  NO_PHONE_NUMBER: 'no number',
  OPTED_OUT: 'opted out',
  SESSION_WINDOW_CLOSED: 'window closed',
};

export const lockLabel = (reason: LockReason | null | undefined) => (reason ? LOCK_LABELS[reason] : 'locked');

/** The reasons an invitation (sendConsentInvite) can open. */
export const INVITABLE: ReadonlySet<LockReason> = new Set(['NO_CONSENT', 'INVITED_WAITING', 'INVITATION_FAILED']);

/** Delivery ticks, as chat apps show them. */
export function statusLabel(status: MessageStatus): string {
  switch (status) {
    case 'QUEUED':
    case 'SENDING':
    case 'SCHEDULED':
      return `🕓 ${status.toLowerCase()}`;
    case 'SENT':
      return '✓ sent';
    case 'DELIVERED':
      return '✓✓ delivered';
    case 'READ':
      return '✓✓ read';
    case 'RECEIVED':
      return 'received';
    default:
      return `⚠ ${status.toLowerCase()}`;
  }
}

const RANK: Partial<Record<MessageStatus, number>> = { SCHEDULED: 0, QUEUED: 1, SENDING: 2, SENT: 3, DELIVERED: 4 };

/** A status never goes back: of two copies of a message, keep the one further along. */
export const furtherAlong = (a: MessageStatus, b: MessageStatus) => ((RANK[b] ?? 9) >= (RANK[a] ?? 9) ? b : a);
