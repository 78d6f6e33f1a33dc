import { describe, expect, it } from 'vitest';
import type { TenantDb } from '../db/tenant-scope.ts';
import type { LoggedEvent, TenantEventType } from '../events/tenant-events.ts';
import { LiveAccess } from './access-cache.ts';

const tenantId = 't1';
const admin = { kind: 'user', tenantId, userId: 'u1', role: 'ADMIN' } as const;

/** A database stand-in: which candidates u1 may read, whether number assignment is on, and how often it was asked. */
function fakeDb(state: { readable: Set<string>; assignment: boolean }) {
  const asked = { candidate: 0 };
  const db = {
    candidate: {
      findFirst: async ({ where }: { where: { id: string } }) => {
        asked.candidate++;
        return state.readable.has(where.id) ? { id: where.id } : null;
      },
    },
    tenant: { findUniqueOrThrow: async () => ({ requireNumberAssignment: state.assignment }) },
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

describe('live access cache: candidates (events about a candidate with no conversation)', () => {
  it('asks once per (user, candidate), again after a change that can make the candidate readable', async () => {
    const state = { readable: new Set<string>(), assignment: true };
    const { db, asked } = fakeDb(state);
    const { tenant, reader } = new LiveAccess({} as never).join(admin, db);
    expect(await tenant.mayReadCandidate(reader, 'k1')).toBe(false);
    tenant.apply(event('CONSENT_CHANGED', { subjectId: 'k1' }));
    expect(await tenant.mayReadCandidate(reader, 'k1')).toBe(false);
    expect(asked.candidate).toBe(1);

    // Assigned to the candidate's number: the answer is asked again.
    state.readable.add('k1');
    tenant.apply(event('NUMBER_ASSIGNED', { payload: { userId: 'u1' } }));
    expect(await tenant.mayReadCandidate(reader, 'k1')).toBe(true);
    expect(asked.candidate).toBe(2);

    // With number assignment, a new message can give one of the candidate's conversations a number.
    state.readable.delete('k1');
    tenant.apply(event('MESSAGE_CREATED', { conversationId: 'c9' }));
    expect(await tenant.mayReadCandidate(reader, 'k1')).toBe(false);
    // A team change can give the candidate a conversation the user reads.
    state.readable.add('k1');
    tenant.apply(event('HIRING_TEAM_CHANGED', { conversationId: 'c9' }));
    expect(await tenant.mayReadCandidate(reader, 'k1')).toBe(true);
    expect(asked.candidate).toBe(4);
  });

  it('partner backends read every candidate without asking', async () => {
    const { db, asked } = fakeDb({ readable: new Set(), assignment: true });
    const { tenant, reader } = new LiveAccess({} as never).join(
      { kind: 'apiKey', tenantId, apiKeyId: 'k' } as never,
      db,
    );
    expect(await tenant.mayReadCandidate(reader, 'k1')).toBe(true);
    expect(asked.candidate).toBe(0);
  });
});
