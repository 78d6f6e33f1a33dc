import type { TenantActor } from '../../auth/actor.ts';
import type { SendRefusal } from '../../domain/errors.ts';

/**
 * Who may read a conversation and who may send in it: the hiring-team rule,
 * seats, the send permission and number assignment, in one place. The send
 * policy asks `mayRead` / `sendRefusals` with the facts its statement read;
 * the viewer scope applies `readableConversationsWhere`, the same read rule
 * as a Prisma filter, to every query a user makes.
 *
 * | who                    | reads the thread                                   | sends                                        |
 * |------------------------|----------------------------------------------------|----------------------------------------------|
 * | partner backend (key)  | always                                             | never (messages are sent by a person)        |
 * | admin                  | always; with number assignment only if assigned    | on the team, + seat / permission / assigned  |
 * | recruiter              | on the team; with number assignment also assigned  | on the team, + seat / permission / assigned  |
 *
 * "Assigned", for reading, is to one of the numbers the conversation keeps (any
 * channel), or, before it keeps one, to any of the tenant's numbers; for
 * sending, to the number it goes from (the conversation's on the channel, else
 * one of the pool, which then routes among the sender's numbers only). An admin
 * who is not assigned reviews the number's traffic in `numberActivity` instead.
 */
export type AccessFacts = {
  /** The sending user exists and is active (false for an API key). */
  isUser: boolean;
  admin: boolean;
  apiKey: boolean;
  onTeam: boolean;
  hasSeat: boolean;
  canSend: boolean;
  requireSeat: boolean;
  requireSendPermission: boolean;
  requireNumberAssignment: boolean;
  /** Assigned to a number the conversation keeps, or (it keeps none yet) to any number of the tenant. */
  assignedToConversation: boolean;
  /** Assigned to the number this message would go from (or to one in the pool it can be routed to). */
  assignedToSendingNumber: boolean;
};

/** Whether the actor may read the conversation's thread. */
export function mayRead(f: AccessFacts): boolean {
  if (f.apiKey) return true;
  if (!f.isUser) return false;
  const assigned = !f.requireNumberAssignment || f.assignedToConversation;
  return assigned && (f.admin || f.onTeam);
}

/** Every reason the actor may not send here; empty when they may. */
export function sendRefusals(f: AccessFacts): SendRefusal[] {
  if (!f.isUser) return ['NOT_A_USER'];
  const refusals: SendRefusal[] = [];
  if (!f.onTeam) refusals.push('NOT_ON_HIRING_TEAM');
  if (f.requireSeat && !f.hasSeat) refusals.push('NO_SEAT');
  if (f.requireSendPermission && !f.canSend) refusals.push('NO_SEND_PERMISSION');
  if (f.requireNumberAssignment && !f.assignedToSendingNumber) refusals.push('NOT_ASSIGNED_TO_NUMBER');
  return refusals;
}

/** What the send policy's statement reads for access (see facts.ts). */
export type AccessRow = {
  userId: string | null;
  onTeam: boolean;
  hasSeat: boolean;
  canSend: boolean;
  requireSeat: boolean;
  requireSendPermission: boolean;
  requireNumberAssignment?: boolean;
  /** Numbers the user is assigned to (every channel). */
  assignedNumberIds?: string[];
  /** Numbers the conversation keeps (every channel). */
  conversationNumberIds?: string[];
  number: { id: string } | null;
  pool: { id: string }[] | null;
};

/**
 * The numbers a new conversation may be routed among for this actor: a user's
 * own (the numbers assigned to them), else, unless number assignment is
 * required, the company's whole pool; an API key's, the whole pool.
 */
export function senderPool<N extends { id: string }>(row: AccessRow, pool: N[] | null, actor: TenantActor): N[] | null {
  if (actor.kind !== 'user' || !pool) return pool;
  const assigned = new Set(row.assignedNumberIds ?? []);
  const mine = pool.filter((n) => assigned.has(n.id));
  return mine.length || row.requireNumberAssignment ? mine : pool;
}

/** The access facts of a send or read, from the policy's statement. */
export function accessFacts(row: AccessRow, actor: TenantActor): AccessFacts {
  const mine = new Set(row.assignedNumberIds ?? []);
  const kept = row.conversationNumberIds ?? [];
  return {
    isUser: actor.kind === 'user' && row.userId !== null,
    admin: actor.kind === 'user' && actor.role === 'ADMIN',
    apiKey: actor.kind === 'apiKey',
    onTeam: row.onTeam,
    hasSeat: row.hasSeat,
    canSend: row.canSend,
    requireSeat: row.requireSeat,
    requireSendPermission: row.requireSendPermission,
    requireNumberAssignment: row.requireNumberAssignment ?? false,
    assignedToConversation: kept.length ? kept.some((id) => mine.has(id)) : mine.size > 0,
    assignedToSendingNumber: row.number ? mine.has(row.number.id) : (row.pool ?? []).some((n) => mine.has(n.id)),
  };
}

/** The hiring or sourcing team of a conversation includes the user. */
function onTeamWhere(userId: string) {
  return {
    OR: [{ application: { hiringTeam: { some: { userId } } } }, { community: { team: { some: { userId } } } }],
  };
}

/** With number assignment on, the user is assigned to a number the conversation keeps (or, before it keeps one, to any). */
function assignedWhere(userId: string) {
  return {
    OR: [
      { tenant: { requireNumberAssignment: false } },
      { numbers: { some: { sendingNumber: { assignments: { some: { userId } } } } } },
      { numbers: { none: {} }, tenant: { numberAssignments: { some: { userId } } } },
    ],
  };
}

/** `mayRead` as a Prisma filter on Conversation, for a user (partner backends read everything). */
export function readableConversationsWhere(userId: string, role: 'ADMIN' | 'RECRUITER') {
  return role === 'ADMIN' ? assignedWhere(userId) : { AND: [onTeamWhere(userId), assignedWhere(userId)] };
}
