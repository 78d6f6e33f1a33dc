import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Message as MessageRow } from '../../db/generated/prisma/client.ts';
import { IdempotencyKeyReusedError } from '../../domain/errors.ts';
import { isUniqueViolation } from '../../domain/prisma-errors.ts';
import type { TenantScope } from '../../domain/scope.ts';
import type { MessagingDeps } from './deps.ts';

export const idempotencyKey = z
  .string()
  .trim()
  .min(8, 'must be at least 8 characters')
  .max(200, 'must be at most 200 characters');

/** What an idempotency key was first used for: a retry must ask for the same. */
export const requestHash = (request: unknown[]) => createHash('sha256').update(JSON.stringify(request)).digest('hex');

/** A queued message's id, and the row as written when this request wrote it (not on a replay). */
export type Queued = { messageId: string; message?: MessageRow };

/** A retry with the same key gets the first message; the same key for something else is refused. */
export function replay(existing: { id: string; requestHash: string | null }, hash: string): Queued {
  if (existing.requestHash !== hash) throw new IdempotencyKeyReusedError();
  return { messageId: existing.id };
}

/**
 * Writes a message the send policy allowed, once per idempotency key: a retry
 * that raced the first write to the key gets the first message back. Then
 * wakes the event relay and the outbox.
 */
export async function queueOnce(
  scope: TenantScope,
  deps: Pick<MessagingDeps, 'wakeOutbox'>,
  key: { idempotencyKey: string; hash: string },
  write: () => Promise<MessageRow>,
): Promise<Queued> {
  let message: MessageRow;
  try {
    message = await write();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const first = await scope.db.message.findUnique({
      where: { tenantId_idempotencyKey: { tenantId: scope.tenantId, idempotencyKey: key.idempotencyKey } },
    });
    if (!first) throw error;
    return replay(first, key.hash);
  }
  scope.events.relayNow();
  deps.wakeOutbox();
  return { messageId: message.id, message };
}
