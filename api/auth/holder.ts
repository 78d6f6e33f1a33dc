import type { CredentialChange } from '../events/tenant-events.ts';
import type { Actor } from './actor.ts';

/** Which key or user an actor stands for, as credential changes name them; null for the operator and anonymous. */
export function holderOf(actor: Actor): CredentialChange | null {
  if (actor.kind === 'apiKey') return { kind: 'apiKey', id: actor.apiKeyId };
  if (actor.kind === 'user') return { kind: 'user', id: actor.userId };
  return null;
}

/** A holder as a map key. */
export const holderKey = (holder: { kind: string; id: string }) => `${holder.kind}:${holder.id}`;
