import { v7 as uuidv7 } from 'uuid';
import type { TenantEventType } from './tenant-events.ts';

/** A change that is an event, as the writer describes it. */
export type NewEvent = {
  type: TenantEventType;
  subjectId: string;
  conversationId?: string | null;
  /** Small facts about the change: never message bodies or secrets. */
  payload?: Record<string, string | number | boolean | null>;
};

/** Anything that can run a statement in the caller's transaction: a Prisma client, a transaction. */
type Executor = { $executeRaw(query: TemplateStringsArray, ...values: unknown[]): Promise<number> };

/**
 * Appends events to the tenant's log in the caller's transaction, so they
 * commit (or roll back) with the change they describe. The relay gives them
 * their position and publishes them once committed.
 */
export async function appendEvents(db: Executor, tenantId: string, events: NewEvent[]): Promise<void> {
  if (!events.length) return;
  const rows = events.map((e) => ({
    id: uuidv7(),
    type: e.type,
    subjectId: e.subjectId,
    conversationId: e.conversationId ?? null,
    payload: e.payload ?? {},
  }));
  await db.$executeRaw`
    INSERT INTO "Event" (id, "tenantId", type, "subjectId", "conversationId", payload)
    SELECT r.id, ${tenantId}::uuid, r.type, r."subjectId", r."conversationId", r.payload
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS r(id uuid, type text, "subjectId" uuid, "conversationId" uuid, payload jsonb)`;
}
