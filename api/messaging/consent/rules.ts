import type { ConsentSource, ConsentState } from '../../db/generated/prisma/enums.ts';

export type Keyword = 'STOP' | 'START' | 'YES' | 'HELP';

const families: Record<Keyword, string[]> = {
  STOP: ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'REVOKE'],
  START: ['START', 'UNSTOP', 'SUBSCRIBE', 'OPTIN'],
  YES: ['YES', 'Y'],
  HELP: ['HELP', 'INFO'],
};

/** The keyword a whole message amounts to (case, spaces and punctuation ignored), or null. */
export function keywordOf(body: string): Keyword | null {
  const word = body.toUpperCase().replace(/[^\p{L}\p{N}]+/gu, '');
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
 * overrides an opt-out the candidate texted or a recruiter recorded, nor an opt-in.
 */
export function afterApplication(
  state: ConsentState,
  optOutSource: ConsentSource | null,
  checked: boolean,
): ConsentState {
  if (state === 'NONE') return checked ? 'CONSENTED' : 'OPTED_OUT';
  if (state === 'OPTED_OUT' && optOutSource === 'APPLICATION' && checked) return 'CONSENTED';
  return state;
}
