import type { TenantActor } from '../auth/actor.ts';
import { readOperations, type TenantDb } from './tenant-scope.ts';

/** Conversations a user may read: those of their hiring teams and sourcing-community teams. */
export function readableConversations(userId: string) {
  return {
    OR: [{ application: { hiringTeam: { some: { userId } } } }, { community: { team: { some: { userId } } } }],
  };
}

/**
 * What a recruiter may read, per model: candidate data only through a
 * conversation they may read; API keys not at all. Models not listed are
 * tenant-wide (users, jobs, seats, numbers).
 */
function readRules(userId: string): Record<string, object> {
  const conversation = readableConversations(userId);
  const candidate = { conversations: { some: conversation } };
  return {
    Conversation: conversation,
    Message: { OR: [{ authorId: userId }, { conversation }] },
    Candidate: candidate,
    Application: { hiringTeam: { some: { userId } } },
    Consent: { candidate },
    ConsentEvent: { candidate },
    ApiKey: { id: { in: [] } },
    UnmatchedInbound: { id: { in: [] } },
  };
}

function extendForViewer(db: TenantDb, userId: string) {
  const rules = readRules(userId);
  return db.$extends({
    name: 'viewer-scope',
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          const rule = rules[model];
          if (!rule || !readOperations.has(operation)) return query(args);
          const a = (args ?? {}) as { where?: { AND?: object | object[] } };
          const and = a.where?.AND === undefined ? [] : Array.isArray(a.where.AND) ? a.where.AND : [a.where.AND];
          return query({ ...a, where: { ...a.where, AND: [...and, rule] } } as typeof args);
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
 * Admins and partner backends read the whole tenant.
 */
export function scopeToViewer(db: TenantDb, actor: TenantActor): TenantDb {
  if (actor.kind === 'apiKey' || actor.role === 'ADMIN') return db;
  let byUser = cache.get(db);
  if (!byUser) {
    byUser = new Map();
    cache.set(db, byUser);
  }
  let viewer = byUser.get(actor.userId);
  if (!viewer) {
    if (byUser.size >= MAX_CACHED_VIEWERS) byUser.delete(byUser.keys().next().value as string);
    viewer = extendForViewer(db, actor.userId);
    byUser.set(actor.userId, viewer);
  }
  return viewer;
}
