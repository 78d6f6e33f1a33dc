import type { ConsentModel, ConsentSource, ConsentState, MessageStatus } from '../../db/generated/prisma/enums.ts';
import { phoneIssue } from '../../domain/phone.ts';

export const lockReasons = [
  'CHANNEL_DISABLED',
  'CHANNEL_UNAVAILABLE',
  'NO_PHONE_NUMBER',
  'INVALID_PHONE_NUMBER',
  'NO_CONSENT',
  'INVITED_WAITING',
  'INVITATION_FAILED',
  'OPTED_OUT',
  'CARRIER_BLOCKED',
  'SESSION_WINDOW_CLOSED',
] as const;
export type LockReason = (typeof lockReasons)[number];

const lockMessages: Record<LockReason, string> = {
  CHANNEL_DISABLED: 'This channel is not enabled for your company. An admin can enable it in the tenant settings.',
  CHANNEL_UNAVAILABLE:
    'Parley cannot send on this channel yet: no provider is set up for it. Ask the platform operator.',
  NO_PHONE_NUMBER: 'The candidate has no phone number. Ask the ATS to add one.',
  INVALID_PHONE_NUMBER:
    "The candidate's phone number is not valid for its country. Ask the candidate or the ATS for the right one.",
  NO_CONSENT:
    'The candidate has not agreed to texts. Send an invitation if they consented at application, or record consent with evidence.',
  INVITED_WAITING:
    'An invitation was sent; the conversation opens when the candidate replies YES. You can send it again.',
  INVITATION_FAILED:
    'The invitation could not be delivered. Check the candidate’s number, then send the invitation again.',
  OPTED_OUT: 'The candidate opted out. Only they can opt back in, by texting START.',
  CARRIER_BLOCKED:
    'The candidate texted STOP earlier, and the carrier blocks every text to them until they text START. Ask them by email or phone to text START to your number.',
  SESSION_WINDOW_CLOSED:
    'Free text can be sent only within 24 hours of the candidate’s last message. Send the re-engagement template; their reply opens the window again.',
};

/** What a recruiter can do about an opt-out depends on who made it. */
const optOutMessages: Partial<Record<ConsentSource, string>> = {
  KEYWORD:
    'The candidate texted STOP. Only they can opt back in, by texting START to your number; until then no text reaches them. Reach them by email or phone instead.',
  CARRIER:
    'The carrier reports that the candidate opted out (they texted STOP). Only they can opt back in, by texting START to your number. Reach them by email or phone instead.',
  RECRUITER:
    'A recruiter recorded that the candidate withdrew consent. If they agree to texts again, record their consent with evidence.',
  APPLICATION:
    'The candidate did not agree to texts on their application form. If they agree later, record their consent with evidence, or have the ATS send the updated form.',
};

export function lockMessage(reason: LockReason): string {
  return lockMessages[reason];
}

export type Lock = { locked: boolean; reason: LockReason | null; message: string | null };

/** Everything that decides whether a channel of a conversation can take a message now. */
export type LockFacts = {
  /** The channel has SMS-style invitations (false on WhatsApp: the form's consent, or a recruiter's record, is enough). */
  invitations?: boolean;
  channelEnabled: boolean;
  /** A provider can send on the channel. */
  channelAvailable: boolean;
  /** The number the candidate is texted on. */
  phone: string | null;
  state: ConsentState;
  optOutSource: ConsentSource | null;
  /** The candidate's STOP still stands at a carrier that enforces keywords. */
  carrierBlocked: boolean;
  /** The latest invitation's delivery. */
  invite: { status: MessageStatus; errorMessage: string | null } | null;
  /** The tenant's consent model. */
  model: ConsentModel;
  /** What the conversation is about: legitimate interest covers a candidate's own application, not a prospect. */
  about: 'APPLICATION' | 'PROSPECT';
};

/** What each consent model asks for before a candidate with no recorded opt-in may be texted. */
const noConsentMessages: Record<ConsentModel, string> = {
  DOUBLE_OPT_IN:
    'Your company texts candidates who confirmed by replying YES (double opt-in). Send an invitation if they consented at application, or record consent with evidence.',
  APPLICATION_OPT_IN:
    'Your company texts candidates who agreed to texts on their application form, and this one did not. Record consent with evidence if they agree.',
  LEGITIMATE_INTEREST:
    'Prospects need consent before they are texted: legitimate interest covers only messages about a candidate’s own application. Record consent with evidence if they agree.',
};

/** Where there is no invitation to answer (WhatsApp), consent comes from the form or a recruiter's record. */
const noInvitationMessage =
  'On this channel consent comes from the application form or a recruiter’s record (there is no invitation to answer). Have the ATS send the form’s consent for this channel, or record consent with evidence.';

/** Whether the model lets this state be texted without an opt-in. */
function modelAllows(f: LockFacts): boolean {
  if (f.invitations === false && f.model === 'DOUBLE_OPT_IN') return f.state === 'CONSENTED';
  if (f.model === 'LEGITIMATE_INTEREST' && f.about === 'APPLICATION') {
    // An unticked box on the form is not an objection; a STOP or a recorded withdrawal is.
    return f.state !== 'OPTED_OUT' || f.optOutSource === 'APPLICATION';
  }
  if (f.model === 'APPLICATION_OPT_IN') return f.state === 'CONSENTED' || f.state === 'INVITED';
  return false;
}

const failed = new Set<MessageStatus>(['FAILED', 'UNDELIVERED']);

function locked(reason: LockReason, message = lockMessage(reason)): Lock {
  return { locked: true, reason, message };
}

export function lockFor(f: LockFacts): Lock {
  if (!f.channelEnabled) return locked('CHANNEL_DISABLED');
  if (!f.channelAvailable) return locked('CHANNEL_UNAVAILABLE');
  if (!f.phone) return locked('NO_PHONE_NUMBER');
  const issue = phoneIssue(f.phone);
  if (issue) return locked('INVALID_PHONE_NUMBER', `The candidate's number ${issue}`);
  if (f.state === 'OPTED_IN' || modelAllows(f)) {
    return f.carrierBlocked ? locked('CARRIER_BLOCKED') : { locked: false, reason: null, message: null };
  }
  switch (f.state) {
    case 'OPTED_OUT':
      return locked('OPTED_OUT', (f.optOutSource && optOutMessages[f.optOutSource]) ?? lockMessage('OPTED_OUT'));
    case 'INVITED':
      if (f.invite && failed.has(f.invite.status)) {
        const why = f.invite.errorMessage ? ` (${f.invite.errorMessage})` : '';
        return locked(
          'INVITATION_FAILED',
          `The invitation could not be delivered${why}. Check the candidate’s number, then send the invitation again.`,
        );
      }
      return locked('INVITED_WAITING');
    default:
      return locked(
        'NO_CONSENT',
        f.invitations === false && f.model !== 'LEGITIMATE_INTEREST' ? noInvitationMessage : noConsentMessages[f.model],
      );
  }
}
