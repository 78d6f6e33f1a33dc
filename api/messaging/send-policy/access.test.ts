import { describe, expect, it } from 'vitest';
import type { TenantActor } from '../../auth/actor.ts';
import { type AccessRow, accessFacts, mayRead, senderPool, sendRefusals } from './access.ts';

const recruiter: TenantActor = { kind: 'user', tenantId: 't', userId: 'u', role: 'RECRUITER' };
const admin: TenantActor = { ...recruiter, role: 'ADMIN' };
const apiKey: TenantActor = { kind: 'apiKey', tenantId: 't', apiKeyId: 'k' };

/** A team member with a seat, in a tenant that requires seats; the conversation keeps number n1. */
const base: AccessRow = {
  userId: 'u',
  onTeam: true,
  hasSeat: true,
  canSend: false,
  requireSeat: true,
  requireSendPermission: false,
  requireNumberAssignment: false,
  assignedNumberIds: [],
  conversationNumberIds: ['n1'],
  number: { id: 'n1' },
  pool: null,
};
const assignment = { requireNumberAssignment: true };
const assigned = { ...assignment, assignedNumberIds: ['n1'] };
const fresh = { conversationNumberIds: [], number: null, pool: [{ id: 'n1' }, { id: 'n2' }] };

describe('who may read and who may send', () => {
  it('follows one table: team, seat, permission and number assignment', () => {
    const table: [string, TenantActor, Partial<AccessRow>, boolean, string[]][] = [
      // who, actor, facts, reads the thread, send refusals
      ['team member with a seat', recruiter, {}, true, []],
      ['not on the team', recruiter, { onTeam: false }, false, ['NOT_ON_HIRING_TEAM']],
      ['no seat (reading needs none)', recruiter, { hasSeat: false }, true, ['NO_SEAT']],
      ['no seat, none required', recruiter, { hasSeat: false, requireSeat: false }, true, []],
      ['no permission, required', recruiter, { requireSendPermission: true }, true, ['NO_SEND_PERMISSION']],
      ['permission, required', recruiter, { requireSendPermission: true, canSend: true }, true, []],
      ['assignment on, not assigned', recruiter, assignment, false, ['NOT_ASSIGNED_TO_NUMBER']],
      [
        'assignment on, assigned to another number',
        recruiter,
        { ...assignment, assignedNumberIds: ['n2'] },
        false,
        ['NOT_ASSIGNED_TO_NUMBER'],
      ],
      ['assignment on, assigned', recruiter, assigned, true, []],
      ['assigned but not on the team', recruiter, { ...assigned, onTeam: false }, false, ['NOT_ON_HIRING_TEAM']],
      ['assigned, no seat', recruiter, { ...assigned, hasSeat: false }, true, ['NO_SEAT']],
      [
        'no number yet, assigned to one of the pool',
        recruiter,
        { ...assignment, ...fresh, assignedNumberIds: ['n2'] },
        true,
        [],
      ],
      ['no number yet, assigned to none', recruiter, { ...assignment, ...fresh }, false, ['NOT_ASSIGNED_TO_NUMBER']],
      ['admin off the team', admin, { onTeam: false }, true, ['NOT_ON_HIRING_TEAM']],
      [
        'admin, assignment on, not assigned',
        admin,
        { ...assignment, onTeam: false },
        false,
        ['NOT_ON_HIRING_TEAM', 'NOT_ASSIGNED_TO_NUMBER'],
      ],
      ['admin, assignment on, assigned', admin, { ...assigned, onTeam: false }, true, ['NOT_ON_HIRING_TEAM']],
      ['admin on the team and assigned', admin, assigned, true, []],
      ['partner backend', apiKey, { userId: null, ...assignment }, true, ['NOT_A_USER']],
      ['a deactivated user', recruiter, { userId: null }, false, ['NOT_A_USER']],
    ];
    for (const [who, actor, row, reads, refusals] of table) {
      const facts = accessFacts({ ...base, ...row }, actor);
      expect(mayRead(facts), `${who} reads`).toBe(reads);
      expect(sendRefusals(facts), `${who} sends`).toEqual(refusals);
    }
  });

  it('routes a sender under number assignment only among their own numbers', () => {
    const pool = [{ id: 'n1' }, { id: 'n2' }, { id: 'n3' }];
    const row = { ...base, ...assignment, assignedNumberIds: ['n2', 'n3'] };
    expect(senderPool(row, pool, recruiter)).toEqual([{ id: 'n2' }, { id: 'n3' }]);
    expect(senderPool(row, null, recruiter)).toBeNull();
    expect(senderPool({ ...row, assignedNumberIds: [] }, pool, recruiter)).toEqual([]);
  });

  it("routes a user's new conversation from their own numbers without number assignment too, else the company's", () => {
    const pool = [{ id: 'n1' }, { id: 'n2' }, { id: 'n3' }];
    const row = { ...base, assignedNumberIds: ['n2'] };
    expect(senderPool(row, pool, recruiter)).toEqual([{ id: 'n2' }]);
    expect(senderPool({ ...row, assignedNumberIds: [] }, pool, recruiter)).toEqual(pool);
    expect(senderPool(row, pool, { kind: 'apiKey', tenantId: 't', apiKeyId: 'k' })).toEqual(pool);
  });
});
