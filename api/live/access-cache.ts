import type { TenantActor } from '../auth/actor.ts';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import { scopeToTenant, type TenantDb } from '../db/tenant-scope.ts';
import { readableCandidates } from '../db/viewer-scope.ts';
import { readableBy } from '../domain/conversations.ts';
import type { LoggedEvent } from '../events/tenant-events.ts';
import { liveCounts } from './live-counts.ts';

/** A cached answer and when it was asked (a tick of `clock`), so a subscriber that started later can refuse it. */
type Entry<T> = { asked: number; value: Promise<T> };

/** Past this many answers a tenant's cache starts over (memory stays bounded; answers are asked again). */
const MAX_ANSWERS = 50_000;

let clock = 0;
const tick = () => ++clock;

/** One live subscription's view of the cache: who reads, and from when answers are fresh enough for it. */
export type LiveReader = {
  actor: TenantActor;
  /** Answers asked before this tick may predate an access change this subscriber never sees in its stream. */
  since: number;
  db: TenantDb;
};

/**
 * Which conversations each live subscriber of one tenant may read, asked once
 * per (user, conversation) and kept until an event that can change the answer
 * comes by in the log: a hiring- or community-team change, a number assigned
 * or unassigned, a user updated, the tenant's settings, and (with number
 * assignment) a new message, which is how a conversation comes to keep a
 * number. Every subscriber applies each event before it checks the next one,
 * so in log order the answer used for an event reflects every access change
 * before it. Answers asked before a subscriber started are not trusted by it
 * (another, slower subscriber may not have applied a change yet).
 */
export class TenantAccess {
  subscribers = 0;
  /** conversationId → userId → may read. */
  private readonly readable = new Map<string, Map<string, Entry<boolean>>>();
  /**
   * candidateId → userId → may read the candidate (events about a candidate with no conversation on them,
   * CONSENT_CHANGED). Forgotten with the conversation answers, and wholly on a team change or (with number
   * assignment) a new message, which can give one of the candidate's conversations a number.
   */
  private readonly candidates = new Map<string, Map<string, Entry<boolean>>>();
  /** About how many answers `readable` holds (an upper bound: forgetting one user does not count down). */
  private held = 0;
  /** userId → the sending numbers the user is assigned to. */
  private readonly numbers = new Map<string, Entry<Set<string>>>();
  /** Known to be off: then a new message cannot change who reads its conversation. */
  private assignmentOff: Entry<boolean> | null = null;
  /** The last log position applied (by whichever subscriber reached it first). */
  private appliedUpTo = -1n;

  constructor(private readonly tenantId: string) {}

  /**
   * Forgets what `event` may have changed; call with every event, in log order, before checking it.
   * Every subscriber calls it, but only the first to reach an event applies it: a subscriber at a
   * later event has applied every one before it, and applying one again would throw away the
   * answers asked since (with number assignment, each subscriber would ask again per message).
   */
  apply(event: LoggedEvent) {
    const position = BigInt(event.position);
    if (position <= this.appliedUpTo) return;
    this.appliedUpTo = position;
    switch (event.type) {
      case 'HIRING_TEAM_CHANGED':
        if (event.conversationId) this.readable.delete(event.conversationId);
        this.candidates.clear();
        return;
      case 'COMMUNITY_TEAM_CHANGED':
        this.forgetAll();
        return;
      case 'TENANT_UPDATED':
        this.forgetAll();
        this.assignmentOff = null;
        return;
      case 'NUMBER_ASSIGNED':
      case 'NUMBER_UNASSIGNED':
        this.forgetUser(String(event.payload.userId));
        return;
      case 'USER_UPDATED':
        this.forgetUser(event.subjectId);
        return;
      case 'MESSAGE_CREATED':
        if (event.conversationId && !this.knownAssignmentOff()) {
          this.readable.delete(event.conversationId);
          this.candidates.clear();
        }
        return;
    }
  }

  /** Whether the subscriber may read the conversation now (partner backends read every one). */
  mayRead(reader: LiveReader, conversationId: string): Promise<boolean> {
    return this.remembered(this.readable, conversationId, reader, (actor) =>
      reader.db.conversation.findFirst({ where: { id: conversationId, ...readableBy(actor) }, select: { id: true } }),
    );
  }

  /** Whether the subscriber may read the candidate now, as node(id) would find it (partner backends read every one). */
  mayReadCandidate(reader: LiveReader, candidateId: string): Promise<boolean> {
    return this.remembered(this.candidates, candidateId, reader, (actor) =>
      reader.db.candidate.findFirst({
        where: { id: candidateId, ...readableCandidates(actor.userId, actor.role) },
        select: { id: true },
      }),
    );
  }

  /** The user's answer for `key` from `answers` if asked since the reader's start, else `ask` it and keep it. */
  private remembered(
    answers: Map<string, Map<string, Entry<boolean>>>,
    key: string,
    reader: LiveReader,
    ask: (actor: Extract<TenantActor, { kind: 'user' }>) => Promise<{ id: string } | null>,
  ): Promise<boolean> {
    const actor = reader.actor;
    if (actor.kind !== 'user') return Promise.resolve(true);
    const { userId } = actor;
    let byUser = answers.get(key);
    const cached = byUser?.get(userId);
    if (cached && cached.asked >= reader.since) {
      liveCounts.accessHits++;
      return cached.value;
    }
    liveCounts.accessAsked++;
    this.assignmentSetting(reader);
    const asked = tick();
    const value = ask(actor).then((found) => found !== null);
    if (this.held >= MAX_ANSWERS) {
      this.forgetAll();
      byUser = undefined;
    }
    if (!byUser) {
      byUser = new Map();
      answers.set(key, byUser);
    }
    if (!byUser.has(userId)) this.held++;
    byUser.set(userId, { asked, value });
    const held = byUser;
    value.catch(() => held.get(userId)?.value === value && held.delete(userId));
    return value;
  }

  /** The sending numbers the subscriber is assigned to (empty for partner backends). */
  assignedNumbers(reader: LiveReader): Promise<Set<string>> {
    if (reader.actor.kind !== 'user') return Promise.resolve(new Set());
    const { userId } = reader.actor;
    const cached = this.numbers.get(userId);
    if (cached && cached.asked >= reader.since) return cached.value;
    const value = reader.db.numberAssignment
      .findMany({ where: { userId }, select: { sendingNumberId: true } })
      .then((rows) => new Set(rows.map((r) => r.sendingNumberId)));
    this.numbers.set(userId, { asked: tick(), value });
    value.catch(() => this.numbers.get(userId)?.value === value && this.numbers.delete(userId));
    return value;
  }

  /** How many answers are held (for tests and the fan-out benchmark). */
  get size() {
    let n = 0;
    for (const byUser of this.readable.values()) n += byUser.size;
    for (const byUser of this.candidates.values()) n += byUser.size;
    return n;
  }

  private forgetAll() {
    this.readable.clear();
    this.candidates.clear();
    this.held = 0;
  }

  private forgetUser(userId: string) {
    this.numbers.delete(userId);
    for (const byUser of this.readable.values()) byUser.delete(userId);
    for (const byUser of this.candidates.values()) byUser.delete(userId);
  }

  private knownAssignmentOff() {
    return this.assignmentOff !== null && settled.get(this.assignmentOff.value) === true;
  }

  private assignmentSetting(reader: LiveReader) {
    if (this.assignmentOff) return;
    const value = reader.db.tenant
      .findUniqueOrThrow({ where: { id: this.tenantId }, select: { requireNumberAssignment: true } })
      .then((t) => !t.requireNumberAssignment);
    const entry = { asked: tick(), value };
    this.assignmentOff = entry;
    value.then(
      (off) => settled.set(value, off),
      () => {
        if (this.assignmentOff === entry) this.assignmentOff = null;
      },
    );
  }
}

/** Resolved values of the tenant-setting promises, readable synchronously while applying events. */
const settled = new WeakMap<Promise<boolean>, boolean>();

/** The live access caches of one copy of the service, per tenant, held while the tenant has live subscribers. */
export class LiveAccess {
  private readonly tenants = new Map<string, TenantAccess>();

  constructor(private readonly prisma: PrismaClient) {}

  /** Registers a subscriber; `leave` when it ends (the tenant's cache goes with its last subscriber). */
  join(actor: TenantActor, db: TenantDb = scopeToTenant(this.prisma, actor.tenantId)) {
    let tenant = this.tenants.get(actor.tenantId);
    if (!tenant) {
      tenant = new TenantAccess(actor.tenantId);
      this.tenants.set(actor.tenantId, tenant);
    }
    tenant.subscribers++;
    const joined = tenant;
    const reader: LiveReader = { actor, since: tick(), db };
    let left = false;
    return {
      tenant: joined,
      reader,
      leave: () => {
        if (left) return;
        left = true;
        joined.subscribers--;
        if (joined.subscribers === 0 && this.tenants.get(actor.tenantId) === joined)
          this.tenants.delete(actor.tenantId);
      },
    };
  }

  /** The tenant's cache while it has subscribers (tests). */
  tenant(tenantId: string): TenantAccess | undefined {
    return this.tenants.get(tenantId);
  }
}

const perService = new WeakMap<PrismaClient, LiveAccess>();

/** This copy's live access caches (one per service, found by its database client). */
export function liveAccess(prisma: PrismaClient): LiveAccess {
  let access = perService.get(prisma);
  if (!access) {
    access = new LiveAccess(prisma);
    perService.set(prisma, access);
  }
  return access;
}
