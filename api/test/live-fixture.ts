import { EventCursorDocument, UpsertApplicationDocument } from '../../clients/generated/graphql.ts';
import type { TestServer, TestTenant } from './harness.ts';
import { type Hiring, waitFor } from './messaging-fixture.ts';

/**
 * The tenant's newest cursor once everything committed so far has its place:
 * subscribing `after` it sees every later event, however long the
 * subscription takes to go live.
 */
export async function lastCursor(server: TestServer, tenant: TestTenant): Promise<string> {
  const prisma = server.app.services.prisma;
  await waitFor(async () => (await prisma.event.count({ where: { position: null } })) === 0, 'the relay to catch up');
  return (await tenant.client.request(EventCursorDocument)).tenant.eventCursor;
}

/** Reads a subscription one value at a time, with a deadline, and tells when nothing came. */
export function reader<T>(next: () => Promise<T | null>) {
  /** A value asked for before a deadline passed: the next call waits for it rather than asking again. */
  let carried: Promise<T | null> | null = null;
  return {
    /** The next value; fails after `timeoutMs`. */
    async next(timeoutMs = 15_000): Promise<T> {
      const p = carried ?? next();
      carried = null;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), timeoutMs);
      });
      const value = await Promise.race([p, late]);
      clearTimeout(timer);
      if (value === 'late') {
        carried = p;
        throw new Error('no update arrived in time');
      }
      if (value === null) throw new Error('the subscription ended');
      return value;
    },
    /** Values until `done` says stop (inclusive). */
    async until(done: (value: T) => boolean, timeoutMs = 15_000): Promise<T[]> {
      const got: T[] = [];
      for (;;) {
        const value = await this.next(timeoutMs);
        got.push(value);
        if (done(value)) return got;
      }
    },
  };
}

/** A graphql-ws subscription from the typed client, as a reader of its data. */
export function wsReader<T>(iterator: AsyncIterableIterator<T>) {
  return {
    ...reader(async () => {
      const r = await iterator.next();
      return r.done ? null : r.value;
    }),
    close: () => iterator.return?.(),
  };
}

/** Sets the application's hiring team (as the ATS does on a re-sync). */
export async function setHiringTeam(h: Hiring, userIds: string[]) {
  const { upsertApplication } = await h.tenant.client.request(UpsertApplicationDocument, {
    input: {
      externalId: `app-${h.candidateExternalId}`,
      candidateExternalId: h.candidateExternalId,
      jobExternalId: 'job-1',
      hiringTeam: userIds,
    },
  });
  if (upsertApplication.__typename !== 'Application') throw new Error(JSON.stringify(upsertApplication));
  return upsertApplication;
}
