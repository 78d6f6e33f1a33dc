import type { ConsentState } from '../db/generated/prisma/enums.ts';

export type Keyword = 'STOP' | 'START' | 'YES' | 'HELP';

const families: Record<Keyword, string[]> = {
  STOP: ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'REVOKE'],
  START: ['START', 'UNSTOP', 'SUBSCRIBE', 'OPTIN'],
  YES: ['YES', 'Y'],
  HELP: ['HELP', 'INFO'],
};

/** The keyword a whole message amounts to (case, spaces and trailing punctuation ignored), or null. */
export function keywordOf(body: string): Keyword | null {
  const word = body.toUpperCase().replace(/[\s.!'"-]+/g, '');
  for (const [keyword, words] of Object.entries(families) as [Keyword, string[]][]) {
    if (words.includes(word)) return keyword;
  }
  return null;
}

/** Where a keyword takes consent, whatever it was: STOP opts out; START and YES opt (back) in. */
export function afterKeyword(keyword: Exclude<Keyword, 'HELP'>): ConsentState {
  return keyword === 'STOP' ? 'OPTED_OUT' : 'OPTED_IN';
}

/**
 * What an application's consent box does. It speaks only for a candidate with
 * no consent yet, or one opted out by an earlier application form; it never
 * overrides an opt-out the candidate texted, nor an opt-in.
 */
export function afterApplication(state: ConsentState, lastSource: string | null, checked: boolean): ConsentState {
  if (state === 'NONE') return checked ? 'CONSENTED' : 'OPTED_OUT';
  if (state === 'OPTED_OUT' && lastSource === 'APPLICATION' && checked) return 'CONSENTED';
  return state;
}

export const lockReasons = [
  'CHANNEL_DISABLED',
  'NO_PHONE_NUMBER',
  'NO_CONSENT',
  'INVITED_WAITING',
  'OPTED_OUT',
] as const;
export type LockReason = (typeof lockReasons)[number];

const lockMessages: Record<LockReason, string> = {
  CHANNEL_DISABLED: 'This channel is not enabled for your company.',
  NO_PHONE_NUMBER: 'The candidate has no valid phone number. Ask the ATS to update it.',
  NO_CONSENT:
    'The candidate has not agreed to texts. Send an invitation if they consented at application, or record consent with evidence.',
  INVITED_WAITING: 'An invitation was sent; the conversation opens when the candidate replies YES.',
  OPTED_OUT: 'The candidate opted out. Only they can opt back in, by texting START.',
};

export function lockMessage(reason: LockReason): string {
  return lockMessages[reason];
}

export type Lock = { locked: boolean; reason: LockReason | null; message: string | null };

export function lockFor(input: { channelEnabled: boolean; hasPhone: boolean; state: ConsentState }): Lock {
  const reason: LockReason | null = !input.channelEnabled
    ? 'CHANNEL_DISABLED'
    : !input.hasPhone
      ? 'NO_PHONE_NUMBER'
      : input.state === 'OPTED_IN'
        ? null
        : input.state === 'INVITED'
          ? 'INVITED_WAITING'
          : input.state === 'OPTED_OUT'
            ? 'OPTED_OUT'
            : 'NO_CONSENT';
  return { locked: reason !== null, reason, message: reason ? lockMessage(reason) : null };
}
