import { describe, expect, it } from 'vitest';
import { afterApplication, afterKeyword, keywordOf, lockFor } from './consent-rules.ts';

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
    expect(afterApplication('OPTED_IN', 'KEYWORD', false)).toBe('OPTED_IN');
  });

  it('explains why a conversation is locked', () => {
    expect(lockFor({ channelEnabled: true, hasPhone: true, state: 'OPTED_IN' })).toEqual({
      locked: false,
      reason: null,
      message: null,
    });
    expect(lockFor({ channelEnabled: true, hasPhone: true, state: 'INVITED' }).reason).toBe('INVITED_WAITING');
    expect(lockFor({ channelEnabled: true, hasPhone: true, state: 'CONSENTED' }).reason).toBe('NO_CONSENT');
    expect(lockFor({ channelEnabled: true, hasPhone: false, state: 'OPTED_IN' }).reason).toBe('NO_PHONE_NUMBER');
    expect(lockFor({ channelEnabled: false, hasPhone: true, state: 'OPTED_IN' }).reason).toBe('CHANNEL_DISABLED');
  });
});
