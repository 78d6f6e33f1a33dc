import { describe, expect, it } from 'vitest';
import { lockFor } from './locks.ts';
import { afterApplication, afterKeyword, keywordOf } from './rules.ts';

describe('consent rules', () => {
  it('recognises keyword families whatever the case and spacing, and nothing else', () => {
    for (const stop of [
      'STOP',
      'stop',
      ' Stop ',
      'StopAll',
      'stop all',
      'UNSUBSCRIBE',
      'cancel',
      'End',
      'quit',
      'STOP!',
      'Stop?',
      'stop,',
      '¡STOP!',
    ]) {
      expect(keywordOf(stop), stop).toBe('STOP');
    }
    for (const start of ['START', 'start', 'Unstop']) expect(keywordOf(start), start).toBe('START');
    expect(keywordOf('yes')).toBe('YES');
    expect(keywordOf('Help')).toBe('HELP');
    for (const chat of ['please stop texting me', 'Yes, I can come Tuesday', 'stopped by yesterday', '']) {
      expect(keywordOf(chat), chat).toBeNull();
    }
  });

  it('opts out on STOP and back in on START or YES', () => {
    expect(afterKeyword('STOP')).toBe('OPTED_OUT');
    expect(afterKeyword('START')).toBe('OPTED_IN');
    expect(afterKeyword('YES')).toBe('OPTED_IN');
  });

  it('lets an application form speak only where nobody has spoken', () => {
    expect(afterApplication('NONE', null, true)).toBe('CONSENTED');
    expect(afterApplication('NONE', null, false)).toBe('OPTED_OUT');
    expect(afterApplication('OPTED_OUT', 'APPLICATION', true)).toBe('CONSENTED');
    expect(afterApplication('OPTED_OUT', 'KEYWORD', true)).toBe('OPTED_OUT');
    expect(afterApplication('OPTED_OUT', 'RECRUITER', true)).toBe('OPTED_OUT');
    expect(afterApplication('OPTED_IN', null, false)).toBe('OPTED_IN');
  });

  const open = {
    channelEnabled: true,
    channelAvailable: true,
    phone: '+14155552671',
    state: 'OPTED_IN',
    optOutSource: null,
    carrierBlocked: false,
    invite: null,
    model: 'DOUBLE_OPT_IN',
    about: 'APPLICATION',
  } as const;

  it('explains why a conversation is locked', () => {
    expect(lockFor(open)).toEqual({ locked: false, reason: null, message: null });
    const reasons = (facts: Partial<Parameters<typeof lockFor>[0]>) => lockFor({ ...open, ...facts }).reason;
    expect(reasons({ channelEnabled: false })).toBe('CHANNEL_DISABLED');
    expect(reasons({ channelAvailable: false })).toBe('CHANNEL_UNAVAILABLE');
    expect(reasons({ phone: null })).toBe('NO_PHONE_NUMBER');
    expect(reasons({ phone: '+14151234567' })).toBe('INVALID_PHONE_NUMBER');
    expect(reasons({ state: 'CONSENTED' })).toBe('NO_CONSENT');
    expect(reasons({ state: 'NONE' })).toBe('NO_CONSENT');
    expect(reasons({ state: 'INVITED' })).toBe('INVITED_WAITING');
    expect(reasons({ state: 'INVITED', invite: { status: 'DELIVERED', errorMessage: null } })).toBe('INVITED_WAITING');
    expect(reasons({ state: 'INVITED', invite: { status: 'FAILED', errorMessage: 'Unreachable' } })).toBe(
      'INVITATION_FAILED',
    );
    expect(reasons({ state: 'OPTED_OUT', optOutSource: 'KEYWORD' })).toBe('OPTED_OUT');
    expect(reasons({ carrierBlocked: true })).toBe('CARRIER_BLOCKED');
  });

  it('tells the recruiter what they can do about each kind of lock', () => {
    const message = (facts: Partial<Parameters<typeof lockFor>[0]>) => lockFor({ ...open, ...facts }).message;
    expect(message({ state: 'OPTED_OUT', optOutSource: 'KEYWORD' })).toMatch(/texting START/);
    expect(message({ state: 'OPTED_OUT', optOutSource: 'RECRUITER' })).toMatch(/record their consent with evidence/);
    expect(message({ state: 'OPTED_OUT', optOutSource: 'APPLICATION' })).toMatch(/application form/);
    expect(message({ state: 'INVITED', invite: { status: 'UNDELIVERED', errorMessage: 'Unknown destination' } })).toBe(
      'The invitation could not be delivered (Unknown destination). Check the candidate’s number, then send the invitation again.',
    );
    expect(message({ phone: '+14151234567' })).toContain('+14151234567');
    expect(message({ carrierBlocked: true })).toMatch(/text START/);
  });

  it('lets each consent model decide what opens texting, and honours a STOP in all of them', () => {
    const reason = (facts: Partial<Parameters<typeof lockFor>[0]>) => lockFor({ ...open, ...facts }).reason;
    const table = [
      // model, about, state, opt-out source, expected reason
      ['DOUBLE_OPT_IN', 'APPLICATION', 'CONSENTED', null, 'NO_CONSENT'],
      ['DOUBLE_OPT_IN', 'APPLICATION', 'OPTED_IN', null, null],
      ['APPLICATION_OPT_IN', 'APPLICATION', 'CONSENTED', null, null],
      ['APPLICATION_OPT_IN', 'APPLICATION', 'INVITED', null, null],
      ['APPLICATION_OPT_IN', 'APPLICATION', 'NONE', null, 'NO_CONSENT'],
      ['APPLICATION_OPT_IN', 'APPLICATION', 'OPTED_OUT', 'APPLICATION', 'OPTED_OUT'],
      ['LEGITIMATE_INTEREST', 'APPLICATION', 'NONE', null, null],
      ['LEGITIMATE_INTEREST', 'APPLICATION', 'OPTED_OUT', 'APPLICATION', null],
      ['LEGITIMATE_INTEREST', 'APPLICATION', 'OPTED_OUT', 'KEYWORD', 'OPTED_OUT'],
      ['LEGITIMATE_INTEREST', 'APPLICATION', 'OPTED_OUT', 'RECRUITER', 'OPTED_OUT'],
      ['LEGITIMATE_INTEREST', 'PROSPECT', 'NONE', null, 'NO_CONSENT'],
      ['LEGITIMATE_INTEREST', 'PROSPECT', 'OPTED_IN', null, null],
    ] as const;
    for (const [model, about, state, optOutSource, expected] of table) {
      expect(reason({ model, about, state, optOutSource }), `${model} ${about} ${state} ${optOutSource}`).toBe(
        expected,
      );
    }
    expect(lockFor({ ...open, model: 'LEGITIMATE_INTEREST', state: 'NONE', carrierBlocked: true }).reason).toBe(
      'CARRIER_BLOCKED',
    );
    expect(lockFor({ ...open, model: 'APPLICATION_OPT_IN', state: 'NONE' }).message).toMatch(/application form/);
  });
});
