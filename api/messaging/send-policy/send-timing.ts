import type { MessageKind } from '../../db/generated/prisma/enums.ts';
import { type DomainError, QuietHoursError, ValidationError } from '../../domain/errors.ts';
import type { QuietFacts } from './facts.ts';
import { type CandidateZones, candidateZones, localClock, nextAllowedAt, type QuietRules } from './quiet-hours.ts';

export const MIN_LEAD_MS = 60_000;
export const MAX_LEAD_MS = 30 * 24 * 3600_000;

/** When a message asks to go: now, or at `sendAt`; `hold` schedules it for the end of quiet hours instead of refusing. */
export type TimingRequest = { kind: MessageKind; sendAt?: Date | null; hold?: boolean };

/** What quiet hours say about the send, as previewMessage shows it. */
export type QuietView = CandidateZones & {
  rules: QuietRules;
  /** The candidate's wall clock when the message would go, in each zone ("2026-06-10 21:30 Sun"). */
  localTimes: { zone: string; time: string }[];
  /** When it may go, if quiet hours hold at the requested time; null: they do not hold then. */
  quietUntil: Date | null;
};

export type SendTiming = { sendAt: Date | null; quiet: QuietView; refusals: DomainError[] };

const pad = (n: number) => String(n).padStart(2, '0');
function wallClock(at: Date, zone: string): string {
  const l = localClock(at, zone);
  return `${l.year}-${pad(l.month)}-${pad(l.day)} ${pad(Math.floor(l.minutes / 60))}:${pad(l.minutes % 60)}${l.sunday ? ' (Sunday)' : ''}`;
}

/**
 * When the message goes: `sendAt` must be between a minute and 30 days ahead
 * of the database's clock; inside quiet hours (the tenant's, in every zone the
 * candidate may be in) it is refused with the next allowed time, or, with
 * `hold`, moved to it. A scheduled time inside quiet hours is treated alike.
 * The answer to HELP is never held: carriers require it at once.
 */
export function sendTiming(facts: QuietFacts & { now: Date }, to: string | null, request: TimingRequest): SendTiming {
  const refusals: DomainError[] = [];
  const { sendAt } = request;
  if (sendAt && sendAt.getTime() < facts.now.getTime() + MIN_LEAD_MS) {
    refusals.push(ValidationError.of('sendAt', 'must be at least a minute ahead'));
  } else if (sendAt && sendAt.getTime() > facts.now.getTime() + MAX_LEAD_MS) {
    refusals.push(ValidationError.of('sendAt', 'must be at most 30 days ahead'));
  }
  const at = sendAt ?? facts.now;
  const zones = candidateZones(to, facts.candidateTimeZone);
  const rules = { start: facts.quietHoursStart, end: facts.quietHoursEnd, noSundays: facts.noSundays };
  const exempt = request.kind === 'HELP_REPLY';
  const next = exempt ? at : nextAllowedAt(at, zones.zones, rules);
  const quiet = next?.getTime() !== at.getTime();
  const view: QuietView = {
    ...zones,
    rules,
    localTimes: zones.zones.map((zone) => ({ zone, time: wallClock(at, zone) })),
    quietUntil: quiet ? next : null,
  };
  if (!quiet) return { sendAt: sendAt ?? null, quiet: view, refusals };
  if (request.hold && next) return { sendAt: next, quiet: view, refusals };
  return { sendAt: sendAt ?? null, quiet: view, refusals: [...refusals, new QuietHoursError(next, zones.zones)] };
}
