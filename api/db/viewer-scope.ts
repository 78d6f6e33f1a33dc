import type { TenantActor } from '../auth/actor.ts';
import { readableConversationsWhere } from '../messaging/send-policy/access.ts';
import type { PrismaClient } from './generated/prisma/client.ts';
import { narrowed, readOperations, type TenantDb, tenantOwnedModels } from './tenant-scope.ts';

/**
 * Conversations a user may read: those of their hiring teams and sourcing-community teams (admins: all), and, with
 * number assignment, only those of their numbers (the send policy's access rules, send-policy/access.ts).
 */
export function readableConversations(userId: string, role: 'ADMIN' | 'RECRUITER' = 'RECRUITER') {
  return readableConversationsWhere(userId, role);
}

/**
 * Candidates a user may read (as node(id) would find them): through any one of their conversations the user may
 * read; an admin without number assignment every candidate, even one with no conversation yet.
 */
export function readableCandidates(userId: string, role: 'ADMIN' | 'RECRUITER') {
  const conversations = { some: readableConversations(userId, role) };
  return role === 'ADMIN'
    ? { OR: [{ tenant: { requireNumberAssignment: false } }, { conversations }] }
    : { conversations };
}

/** Candidate data (the candidate, their applications, consent and its evidence) follows the candidate's conversations. */
function candidateDataRules(candidate: object): Record<string, object> {
  return { Candidate: candidate, Consent: { candidate }, ConsentEvent: { candidate } };
}

/**
 * What an admin may not read: with number assignment, the threads of numbers they are not assigned to, and the
 * candidates of those threads with their applications and consent evidence (a candidate is readable through any
 * one of their conversations the admin may read). Without number assignment, every candidate, even one with no
 * conversation yet.
 */
function adminReadRules(userId: string): Record<string, object> {
  const conversation = readableConversations(userId, 'ADMIN');
  const candidate = readableCandidates(userId, 'ADMIN');
  return {
    Conversation: conversation,
    Message: { OR: [{ authorId: userId }, { conversation }] },
    ...candidateDataRules(candidate),
    Application: { candidate },
    Notification: { userId },
  };
}

/**
 * What a recruiter may read, per model: candidate data only through a
 * conversation they may read (with number assignment, one of their numbers'); API keys, channel accounts, webhooks and workflows not at all. Models not listed are
 * tenant-wide (users, jobs, seats, numbers).
 */
function readRules(userId: string): Record<string, object> {
  const conversation = readableConversations(userId);
  const candidate = readableCandidates(userId, 'RECRUITER');
  return {
    Conversation: conversation,
    Message: { OR: [{ authorId: userId }, { conversation }] },
    ...candidateDataRules(candidate),
    // On its hiring team, and the candidate readable: a relation loaded with the application (its candidate, their
    // consent history) is not narrowed again, so the application may be read only where its candidate may.
    Application: { hiringTeam: { some: { userId } }, candidate },
    ApiKey: { id: { in: [] } },
    ChannelAccount: { id: { in: [] } },
    UnmatchedInbound: { id: { in: [] } },
    WebhookEndpoint: { id: { in: [] } },
    WebhookDelivery: { id: { in: [] } },
    WebhookAttempt: { id: { in: [] } },
    Workflow: { id: { in: [] } },
    WorkflowStep: { id: { in: [] } },
    WorkflowRun: { id: { in: [] } },
    WorkflowRunStep: { id: { in: [] } },
    Notification: { userId },
  };
}

/** What the platform operator reads: tenants, their sending numbers and channel accounts; no tenant's people or messages. */
const operatorReads = new Set(['Tenant', 'SendingNumber', 'ChannelAccount']);

function extendForOperator(prisma: PrismaClient) {
  return prisma.$extends({
    name: 'operator-scope',
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          if (operatorReads.has(model) || !tenantOwnedModels.has(model) || !readOperations.has(operation)) {
            return query(args);
          }
          const a = (args ?? {}) as { where?: Record<string, unknown> };
          return query({ ...a, where: narrowed(a.where, { tenantId: { in: [] } }) } as typeof args);
        },
      },
    },
  }) as unknown as PrismaClient;
}

const operatorReaders = new WeakMap<PrismaClient, PrismaClient>();

/** The client GraphQL reads through for the operator: candidates, users and messages of tenants stay out of reach. */
export function scopeToOperator(prisma: PrismaClient): PrismaClient {
  let reader = operatorReaders.get(prisma);
  if (!reader) {
    reader = extendForOperator(prisma);
    operatorReaders.set(prisma, reader);
  }
  return reader;
}

function extendForViewer(db: TenantDb, userId: string, role: 'ADMIN' | 'RECRUITER') {
  const rules = role === 'ADMIN' ? adminReadRules(userId) : readRules(userId);
  return db.$extends({
    name: 'viewer-scope',
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          const rule = rules[model];
          if (!rule || !readOperations.has(operation)) return query(args);
          const a = (args ?? {}) as { where?: Record<string, unknown> };
          return query({ ...a, where: narrowed(a.where, rule) } as typeof args);
        },
      },
    },
  }) as unknown as TenantDb;
}

const MAX_CACHED_VIEWERS = 5_000;
const cache = new WeakMap<TenantDb, Map<string, TenantDb>>();

/**
 * The client GraphQL reads through for this caller: the tenant's client,
 * narrowed further for a recruiter to what they may read. A row they may not
 * read is simply not found, through node(id), nodes(ids) and every top-level
 * field alike, so a refusal looks exactly like a missing row.
 * Partner backends read the whole tenant; admins too, except, with number
 * assignment, the threads of numbers they are not assigned to.
 */
export function scopeToViewer(db: TenantDb, actor: TenantActor): TenantDb {
  if (actor.kind === 'apiKey') return db;
  let byUser = cache.get(db);
  if (!byUser) {
    byUser = new Map();
    cache.set(db, byUser);
  }
  const key = `${actor.role}:${actor.userId}`;
  let viewer = byUser.get(key);
  if (!viewer) {
    if (byUser.size >= MAX_CACHED_VIEWERS) byUser.delete(byUser.keys().next().value as string);
    viewer = extendForViewer(db, actor.userId, actor.role);
    byUser.set(key, viewer);
  }
  return viewer;
}
