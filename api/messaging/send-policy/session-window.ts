import {
  type DomainError,
  ReengagementPendingError,
  SessionWindowClosedError,
  ValidationError,
} from '../../domain/errors.ts';
import type { SendChannel } from '../../domain/send-channels.ts';
import type { Lock } from '../consent/locks.ts';
import type { Reengagement } from './reengagement.ts';

/**
 * A channel's session window (WhatsApp: 24 hours): free text may go out only
 * until `sessionWindowHours` after the candidate's last inbound message on the
 * channel in this conversation; outside it only an approved template.
 */
export type SessionWindow = {
  hours: number;
  open: boolean;
  /** When the candidate last wrote on the channel in this conversation; null: never. */
  lastInboundAt: Date | null;
  /** While open: when it closes. */
  openUntil: Date | null;
  /** While closed: when it closed; null when the candidate never wrote, so it never opened. */
  closedAt: Date | null;
};

/** The window of a channel with one (null: free text is never limited), as it stands at `now`. */
export function sessionWindow(hours: number | null, lastInboundAt: Date | null, now: Date): SessionWindow | null {
  if (hours === null) return null;
  const closes = lastInboundAt ? new Date(new Date(lastInboundAt).getTime() + hours * 3_600_000) : null;
  const open = closes !== null && closes > now;
  return {
    hours,
    open,
    lastInboundAt: lastInboundAt ? new Date(lastInboundAt) : null,
    openUntil: open ? closes : null,
    closedAt: open ? null : closes,
  };
}

const label: Record<SendChannel, string> = { SMS: 'SMS', WHATSAPP: 'WhatsApp' };

/** The sentence a recruiter reads about a closed window: why, since when, and the template to send instead. */
export function windowClosedMessage(
  channel: SendChannel,
  window: SessionWindow,
  template: Reengagement | null,
): string {
  const name = label[channel];
  const why = window.closedAt
    ? `The candidate last wrote on ${name} more than ${window.hours} hours ago; free text could be sent until ${window.closedAt.toISOString()}.`
    : `The candidate has not written to you on ${name} yet, so free text cannot be sent (only within ${window.hours} hours of their last message).`;
  const what = template
    ? ` Send the re-engagement template (sendReengagementTemplate): "${template.body}". Their reply opens the window again.`
    : ' Send an approved template; their reply opens the window again.';
  return why + what;
}

/** A consent lock that is open, closed again by the window: free text is locked, the template is not. */
export function withWindow(
  lock: Lock,
  channel: SendChannel,
  window: SessionWindow | null,
  template: Reengagement | null,
): Lock {
  if (lock.locked || !window || window.open) return lock;
  return { locked: true, reason: 'SESSION_WINDOW_CLOSED', message: windowClosedMessage(channel, window, template) };
}

/** How long an unanswered re-engagement template stands before another may follow. */
export const REENGAGEMENT_COOLDOWN_MS = 24 * 3_600_000;

/** A template sent since the candidate last wrote, less than the cooldown ago: until when it stands. */
function pendingTemplate(sent: { lastInboundAt: Date | null; lastTemplateAt: Date | null; now: Date }) {
  if (!sent.lastTemplateAt) return null;
  const at = new Date(sent.lastTemplateAt);
  if (sent.lastInboundAt && new Date(sent.lastInboundAt) >= at) return null;
  const retryAt = new Date(at.getTime() + REENGAGEMENT_COOLDOWN_MS);
  return retryAt > new Date(sent.now) ? { at, retryAt } : null;
}

/**
 * What the window refuses: free text once it is closed (with when it closed and
 * the template to send instead), a template on a channel that has no window, and
 * a second template while the first is unanswered and less than a day old.
 */
export function windowRefusals(
  request: { channel: SendChannel; template?: boolean },
  window: SessionWindow | null,
  template: Reengagement | null,
  sent: { lastInboundAt: Date | null; lastTemplateAt: Date | null; now: Date } = {
    lastInboundAt: null,
    lastTemplateAt: null,
    now: new Date(),
  },
): DomainError[] {
  if (request.template && !window) {
    return [
      ValidationError.of(
        'channel',
        `${label[request.channel]} has no session window, so there is no re-engagement template: send an ordinary message`,
      ),
    ];
  }
  const pending = request.template ? pendingTemplate(sent) : null;
  if (pending) return [new ReengagementPendingError(pending.at, pending.retryAt)];
  if (!window || window.open || request.template) return [];
  return [
    new SessionWindowClosedError(
      request.channel,
      window.closedAt,
      template,
      windowClosedMessage(request.channel, window, template),
    ),
  ];
}
