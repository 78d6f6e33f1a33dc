import { describe, expect, it } from 'vitest';
import type { TenantDb } from '../db/tenant-scope.ts';
import type { LoggedEvent, TenantEventType } from '../events/tenant-events.ts';
import { LiveAccess } from './access-cache.ts';
import { liveCounts } from './live-counts.ts';

const tenantId = 't1';
const recruiter = { kind: 'user', tenantId, userId: 'u1', role: 'RECRUITER' } as const;

/** A database stand-in: who is on which conversation's team, whether number assignment is on, and how often it was asked. */
function fakeDb(state: { team: Map<string, Set<string>>; assignment?: boolean }) {
  const asked = { conversation: 0, tenant: 0 };
  const db = {
    conversation: {
      findFirst: async ({ where }: { where: { id: string; AND?: unknown } }) => {
        asked.conversation++;
        return state.team.get(where.id)?.has('u1') ? { candidateId: `cand-${where.id}` } : null;
      },
    },
    tenant: {
      findUniqueOrThrow: async () => {
        asked.tenant++;
        return { requireNumberAssignment: state.assignment ?? false };
      },
    },
    numberAssignment: { findMany: async () => [] },
  } as unknown as TenantDb;
  return { db, asked };
}

let position = 0;
function event(type: TenantEventType, fields: Partial<LoggedEvent> = {}): LoggedEvent {
  return {
    id: `e${++position}`,
    tenantId,
    type,
    subjectId: 's',
    conversationId: null,
    payload: {},
    position: String(position),
    occurredAt: new Date().toISOString(),
    ...fields,
  };
}

describe('live access cache', () => {
  it('asks the database once per (user, conversation), until a team change of that conversation', async () => {
    const state = { team: new Map([['c1', new Set(['u1'])]]) };
    const { db, asked } = fakeDb(state);
    const access = new LiveAccess({} as never);
    const a = access.join(recruiter, db);
    const b = access.join(recruiter, db); // a second tab of the same user
    expect(await a.tenant.mayRead(a.reader, 'c1')).toBe(true);
    expect(await b.tenant.mayRead(b.reader, 'c1')).toBe(true);
    for (let i = 0; i < 5; i++) {
      a.tenant.apply(event('MESSAGE_CREATED', { conversationId: 'c1' }));
      expect(await a.tenant.mayRead(a.reader, 'c1')).toBe(true);
    }
    expect(asked.conversation).toBe(1);
    // The hits were answered from memory: the process-wide counters agree with what the database was asked.
    const counted = { ...liveCounts };
    await a.tenant.mayRead(a.reader, 'c1');
    expect(liveCounts.accessHits - counted.accessHits).toBe(1);
    expect(liveCounts.accessAsked - counted.accessAsked).toBe(0);
    expect(asked.conversation).toBe(1);

    state.team.set('c1', new Set());
    a.tenant.apply(event('HIRING_TEAM_CHANGED', { conversationId: 'c2' })); // another conversation: kept
    expect(await a.tenant.mayRead(a.reader, 'c1')).toBe(true);
    a.tenant.apply(event('HIRING_TEAM_CHANGED', { conversationId: 'c1' }));
    expect(await a.tenant.mayRead(a.reader, 'c1')).toBe(false);
    expect(await b.tenant.mayRead(b.reader, 'c1')).toBe(false);
    expect(asked.conversation).toBe(2);
  });

  it('forgets on every event that can change who reads: community team, tenant settings, numbers, the user', async () => {
    const state = { team: new Map([['c1', new Set(['u1'])]]) };
    const { db, asked } = fakeDb(state);
    const { tenant, reader } = new LiveAccess({} as never).join(recruiter, db);
    const changes = [
      event('COMMUNITY_TEAM_CHANGED'),
      event('TENANT_UPDATED'),
      event('NUMBER_ASSIGNED', { payload: { userId: 'u1' } }),
      event('NUMBER_UNASSIGNED', { payload: { userId: 'u1' } }),
      event('USER_UPDATED', { subjectId: 'u1' }),
    ];
    await tenant.mayRead(reader, 'c1');
    for (const change of changes) {
      const before = asked.conversation;
      tenant.apply(change);
      await tenant.mayRead(reader, 'c1');
      expect(asked.conversation, change.type).toBe(before + 1);
    }
    const before = asked.conversation;
    tenant.apply(event('NUMBER_ASSIGNED', { payload: { userId: 'someone-else' } }));
    tenant.apply(event('SEAT_ASSIGNED', { payload: { userId: 'u1' } }));
    await tenant.mayRead(reader, 'c1');
    expect(asked.conversation).toBe(before);
  });

  it('with number assignment on, re-asks after a new message (it may give the conversation its number)', async () => {
    const state = { team: new Map([['c1', new Set(['u1'])]]), assignment: true };
    const { db, asked } = fakeDb(state);
    const { tenant, reader } = new LiveAccess({} as never).join(recruiter, db);
    await tenant.mayRead(reader, 'c1');
    await new Promise((r) => setImmediate(r));
    tenant.apply(event('MESSAGE_CREATED', { conversationId: 'c1' }));
    await tenant.mayRead(reader, 'c1');
    expect(asked.conversation).toBe(2);
    tenant.apply(event('MESSAGE_STATUS_CHANGED', { conversationId: 'c1' }));
    await tenant.mayRead(reader, 'c1');
    expect(asked.conversation).toBe(2);
  });

  it('with number assignment on, asks once per message however many subscribers apply it', async () => {
    const state = { team: new Map([['c1', new Set(['u1'])]]), assignment: true };
    const { db, asked } = fakeDb(state);
    const access = new LiveAccess({} as never);
    const subscribers = Array.from({ length: 20 }, () => access.join(recruiter, db));
    const created = event('MESSAGE_CREATED', { conversationId: 'c1' });
    for (const { tenant, reader } of subscribers) {
      tenant.apply(created);
      expect(await tenant.mayRead(reader, 'c1')).toBe(true);
    }
    expect(asked.conversation).toBe(1);
  });

  it('does not trust an answer asked before a subscriber started, and drops a tenant with its last subscriber', async () => {
    const state = { team: new Map([['c1', new Set(['u1'])]]) };
    const { db, asked } = fakeDb(state);
    const access = new LiveAccess({} as never);
    const early = access.join(recruiter, db);
    await early.tenant.mayRead(early.reader, 'c1');
    // The team changes; the early subscriber has not read that event yet, a new one starts after it.
    state.team.set('c1', new Set());
    const late = access.join(recruiter, db);
    expect(await late.tenant.mayRead(late.reader, 'c1')).toBe(false);
    expect(asked.conversation).toBe(2);
    early.leave();
    expect(access.tenant(tenantId)).toBeDefined();
    late.leave();
    expect(access.tenant(tenantId)).toBeUndefined();
  });

  it('lets partner backends read every conversation without asking', async () => {
    const { db, asked } = fakeDb({ team: new Map() });
    const { tenant, reader } = new LiveAccess({} as never).join({ kind: 'apiKey', tenantId, apiKeyId: 'k' }, db);
    expect(await tenant.mayRead(reader, 'c9')).toBe(true);
    expect(asked.conversation).toBe(0);
  });
});
