import { describe, expect, it, vi } from 'vitest';
import type { TenantDb } from '../db/tenant-scope.ts';
import { EventRows } from './event-rows.ts';

/** A database stand-in that counts reads and returns what was asked for. */
function fakeDb(tenant: string) {
  const reads: unknown[] = [];
  const db = {
    message: {
      findFirst: async (args: unknown) => {
        reads.push(args);
        return { tenant, args };
      },
    },
    conversation: {
      findFirst: async (args: unknown) => {
        reads.push(args);
        return { tenant, args };
      },
    },
  } as unknown as TenantDb;
  return { db, reads };
}

const select = { select: { id: true, body: true } };

describe('event rows shared by live subscribers', () => {
  it('reads a message once per event for every subscriber asking the same selection', async () => {
    const rows = new EventRows();
    const { db, reads } = fakeDb('t1');
    const ids = { id: 'm1', conversationId: 'c1' };
    const all = await Promise.all(Array.from({ length: 50 }, () => rows.message(db, 't1', '7', ids, select)));
    expect(reads).toEqual([{ ...select, where: { id: 'm1', conversationId: 'c1' } }]);
    expect(new Set(all).size).toBe(1);
  });

  it('reads a conversation’s newest message once per event, apart from a message read by id', async () => {
    const rows = new EventRows();
    const { db, reads } = fakeDb('t1');
    await Promise.all(Array.from({ length: 20 }, () => rows.lastMessage(db, 't1', '7', 'c1', select)));
    await rows.message(db, 't1', '7', { id: 'c1', conversationId: 'c1' }, select);
    await rows.lastMessage(db, 't1', '8', 'c1', select);
    expect(reads).toEqual([
      { ...select, where: { conversationId: 'c1' }, orderBy: { id: 'desc' } },
      { ...select, where: { id: 'c1', conversationId: 'c1' } },
      { ...select, where: { conversationId: 'c1' }, orderBy: { id: 'desc' } },
    ]);
  });

  it('reads again for another tenant, event, row or selection', async () => {
    const rows = new EventRows();
    const a = fakeDb('t1');
    const b = fakeDb('t2');
    await rows.conversation(a.db, 't1', '7', 'c1', select);
    expect(await rows.conversation(b.db, 't2', '7', 'c1', select)).toMatchObject({ tenant: 't2' });
    await rows.conversation(a.db, 't1', '8', 'c1', select);
    await rows.conversation(a.db, 't1', '7', 'c2', select);
    await rows.conversation(a.db, 't1', '7', 'c1', { select: { id: true, lastMessageAt: true } });
    await rows.conversation(a.db, 't1', '7', 'c1', select);
    expect(a.reads).toHaveLength(4);
    expect(b.reads).toHaveLength(1);
  });

  it('lets go of a row after a few seconds, and of a failed read at once', async () => {
    vi.useFakeTimers();
    try {
      const rows = new EventRows();
      const { db, reads } = fakeDb('t1');
      await rows.conversation(db, 't1', '7', 'c1', select);
      vi.advanceTimersByTime(6_000);
      await rows.conversation(db, 't1', '7', 'c1', select);
      expect(reads).toHaveLength(2);
      const failing = { conversation: { findFirst: () => Promise.reject(new Error('away')) } } as unknown as TenantDb;
      await expect(rows.conversation(failing, 't1', '9', 'c1', select)).rejects.toThrow('away');
      await Promise.resolve();
      expect(await rows.conversation(db, 't1', '9', 'c1', select)).toMatchObject({ tenant: 't1' });
    } finally {
      vi.useRealTimers();
    }
  });
});
