import { type DocumentNode, getOperationAST, Kind, type ValueNode } from 'graphql';
import type { WebSocket } from 'ws';

/**
 * Root subscription fields whose events read the same for every subscriber of
 * a tenant (who may subscribe is checked per subscriber when it subscribes;
 * revoked credentials close their sockets).
 */
const SHAREABLE = new Set(['tenantEvents']);
/** A socket with this much unsent is reading too slowly for live events: it is closed, to resume with its cursor. */
const MAX_UNSENT_BYTES = 8 * 1024 * 1024;

/**
 * The key under which identical subscriptions of one tenant share one execution,
 * or null when the operation must run on its own: only a subscription with a
 * single shareable root field, every argument null (no `after` cursor to
 * replay from) and no directives on it.
 */
export function sharingKey(
  document: DocumentNode,
  payload: { query: string; operationName?: string | null; variables?: Record<string, unknown> | null },
  tenantId: string | undefined,
): string | null {
  if (!tenantId) return null;
  const operation = getOperationAST(document, payload.operationName);
  if (operation?.operation !== 'subscription' || operation.directives?.length) return null;
  const [field, ...more] = operation.selectionSet.selections;
  if (more.length || field?.kind !== Kind.FIELD || !SHAREABLE.has(field.name.value)) return null;
  if (field.directives?.length) return null;
  const variables = payload.variables ?? {};
  const isNull = (value: ValueNode) =>
    value.kind === Kind.NULL || (value.kind === Kind.VARIABLE && variables[value.name.value] == null);
  if (!(field.arguments ?? []).every((argument) => isNull(argument.value))) return null;
  return JSON.stringify([tenantId, payload.operationName ?? null, payload.query, payload.variables ?? null]);
}

type Member = { socket: WebSocket; id: string; end(error?: unknown): void };
type Group = { key: string; members: Set<Member>; source: AsyncIterator<unknown> };

/**
 * Identical live subscriptions of a tenant on this process share one
 * execution: each event is executed and serialized once, then written to
 * every member's socket. A member is an iterator that never yields (graphql-ws
 * waits on it) and ends when graphql-ws returns it (complete, socket closed)
 * or when the shared execution ends.
 */
export function createSharedSubscriptions() {
  const groups = new Map<string, Group>();

  async function broadcast(key: string, group: Group) {
    let failure: unknown;
    try {
      for (;;) {
        const next = await group.source.next();
        if (next.done) break;
        const payload = JSON.stringify(next.value);
        for (const member of group.members) {
          if (member.socket.readyState !== member.socket.OPEN) continue;
          if (member.socket.bufferedAmount > MAX_UNSENT_BYTES) {
            member.socket.close(4008, 'Reading too slowly for live events: resubscribe with your last cursor.');
            continue;
          }
          member.socket.send(`{"id":${JSON.stringify(member.id)},"type":"next","payload":${payload}}`);
        }
      }
    } catch (error) {
      failure = error;
    }
    if (groups.get(key) === group) groups.delete(key);
    for (const member of group.members) member.end(failure);
    group.members.clear();
  }

  function memberIterator(key: string, group: Group, socket: WebSocket, id: string): AsyncIterableIterator<never> {
    let wake: ((result: IteratorResult<never>) => void) | null = null;
    let fail: ((error: unknown) => void) | null = null;
    let ended: { error?: unknown } | null = null;
    const member: Member = {
      socket,
      id,
      end(error) {
        ended = { error };
        if (error !== undefined) fail?.(error);
        else wake?.({ done: true, value: undefined });
      },
    };
    group.members.add(member);
    const leave = () => {
      group.members.delete(member);
      if (group.members.size === 0 && groups.get(key) === group) {
        groups.delete(key);
        void group.source.return?.();
      }
    };
    return {
      [Symbol.asyncIterator]() {
        return this;
      },
      next() {
        if (ended) {
          return ended.error === undefined
            ? Promise.resolve({ done: true, value: undefined })
            : Promise.reject(ended.error);
        }
        return new Promise((resolve, reject) => {
          wake = resolve;
          fail = reject;
        });
      },
      async return() {
        leave();
        member.end();
        return { done: true, value: undefined };
      },
    };
  }

  return {
    /**
     * Runs `subscribe` (so this subscriber's rights are checked as for any
     * operation); when it starts a stream, joins the group of `key` instead,
     * releasing its own stream if the group runs already.
     */
    async join(key: string, socket: WebSocket, id: string, subscribe: () => Promise<unknown>): Promise<unknown> {
      const result = await subscribe();
      if (!result || typeof (result as AsyncIterable<unknown>)[Symbol.asyncIterator] !== 'function') return result;
      const own = result as AsyncIterableIterator<unknown>;
      let group = groups.get(key);
      if (group) void own.return?.();
      else {
        group = { key, members: new Set(), source: own };
        groups.set(key, group);
        void broadcast(key, group);
      }
      return memberIterator(key, group, socket, id);
    },
    /** The running group's copy of an equal key, so each subscriber does not hold a string of its own. */
    canonical: (key: string) => groups.get(key)?.key ?? key,
    /** Groups running now (for tests). */
    size: () => groups.size,
  };
}

export type SharedSubscriptions = ReturnType<typeof createSharedSubscriptions>;
