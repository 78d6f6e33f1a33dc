/**
 * What a message costs in credits: its SMS segments times the credits per
 * segment of the provider that sends it (its plugin's `billing`); 0 when that
 * provider is not credit-billed.
 */
export function creditCost(segments: number, creditsPerSegment: number | undefined | null): number {
  if (!creditsPerSegment || creditsPerSegment <= 0) return 0;
  return segments * creditsPerSegment;
}

/** Who a ledger entry is by, as `CreditEntry.actor` records it. */
export function ledgerActor(actor: { kind: string; userId?: string; apiKeyId?: string }): string {
  if (actor.kind === 'user' && actor.userId) return `user:${actor.userId}`;
  if (actor.kind === 'apiKey' && actor.apiKeyId) return `apiKey:${actor.apiKeyId}`;
  return actor.kind;
}
