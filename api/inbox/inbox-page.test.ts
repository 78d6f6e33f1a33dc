import { describe, expect, it } from 'vitest';
import { ValidationError } from '../domain/errors.ts';
import { batchLoader, executionOwner, requestLoader } from './batch.ts';
import { decodeInboxCursor, encodeInboxCursor } from './inbox-page.ts';

describe('inbox cursors', () => {
  it('round-trip the activity time (milliseconds) and id', () => {
    const at = new Date('2026-11-27T20:01:02.345Z');
    const id = '01a21eb3-104b-716f-9c4c-5e52b20bc934';
    expect(decodeInboxCursor(encodeInboxCursor({ at, id }))).toEqual({ at, id });
  });

  it('refuse anything else with a ValidationError on `after`', () => {
    for (const bad of ['', 'nonsense', Buffer.from('inbox:not-a-date|x').toString('base64url')]) {
      expect(() => decodeInboxCursor(bad)).toThrow(ValidationError);
    }
  });
});

describe('batchLoader', () => {
  it('loads the keys asked for in one tick with one call, and each caller gets its own value', async () => {
    const calls: string[][] = [];
    const load = batchLoader(async (keys) => {
      calls.push(keys);
      return new Map(keys.map((k) => [k, k.toUpperCase()]));
    });
    expect(await Promise.all([load('a'), load('b'), load('a')])).toEqual(['A', 'B', 'A']);
    expect(calls).toEqual([['a', 'b']]);
    expect(await load('c')).toBe('C');
    expect(calls).toHaveLength(2);
  });
});

describe('executionOwner', () => {
  it('gives each event of a subscription its own loaders, and a query one per request', () => {
    const subscription = {};
    const [event1, event2] = [{ type: 'MESSAGE_CREATED' }, { type: 'CONVERSATION_READ' }];
    let loads = 0;
    const reader = (root: unknown) => requestLoader(executionOwner(subscription, root), 'reader', () => ++loads);
    expect([reader(event1), reader(event1), reader(event2)]).toEqual([1, 1, 2]);
    const query = {};
    expect(executionOwner(query, undefined)).toBe(query);
    expect(executionOwner({}, event1)).not.toBe(executionOwner(subscription, event1));
  });
});
