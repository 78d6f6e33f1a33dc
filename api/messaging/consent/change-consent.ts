import type { ConsentSource, ConsentState } from '../../db/generated/prisma/enums.ts';
import type { TenantTx } from '../../domain/scope.ts';
import type { SendChannel } from '../../domain/send-channels.ts';
import { appendEvents } from '../../events/append.ts';

/** The consent row as it stands once locked. */
export type LockedConsent = { state: ConsentState; optOutSource: ConsentSource | null };

export type ConsentChange = {
  candidateId: string;
  channel: SendChannel;
  /** The new state, or how to get it from the locked row (decided under the lock, so no change is lost). */
  to: ConsentState | ((locked: LockedConsent) => ConsentState);
  source: ConsentSource;
  actorUserId?: string | null;
  evidence?: string | null;
  messageId?: string | null;
};

/** Sources whose every statement is evidence, even when it leaves the state as it was. */
const alwaysAudited = new Set<ConsentSource>(['INVITE', 'KEYWORD', 'APPLICATION']);

/** Who opted a candidate out, strongest first: the candidate's own word outranks a recruiter's note, which outranks a form. */
const optOutRank: Record<ConsentSource, number> = { KEYWORD: 3, CARRIER: 3, RECRUITER: 2, INVITE: 1, APPLICATION: 0 };

function optOutSourceAfter(to: ConsentState, locked: LockedConsent, source: ConsentSource): ConsentSource | null {
  if (to !== 'OPTED_OUT') return null;
  if (locked.state !== 'OPTED_OUT' || !locked.optOutSource) return source;
  return optOutRank[source] > optOutRank[locked.optOutSource] ? source : locked.optOutSource;
}

/**
 * Moves a candidate's consent on one channel and appends the audit event, in
 * the caller's transaction. The row is locked first, so two changes at once
 * are applied one after the other. A re-sent invitation, a keyword and an
 * application form are audited even when the state stays as it was. The row
 * also keeps who opted the candidate out, whether their STOP still stands at
 * the carrier, and the latest invitation, for the conversation's locks. A
 * change of state is a CONSENT_CHANGED event in the same transaction.
 */
export async function changeConsent(tx: TenantTx, tenantId: string, change: ConsentChange) {
  await tx.$executeRaw`
    INSERT INTO "Consent" ("tenantId", "candidateId", channel, state, "updatedAt")
    VALUES (${tenantId}::uuid, ${change.candidateId}::uuid, ${change.channel}::"Channel", 'NONE', now())
    ON CONFLICT ("candidateId", channel) DO NOTHING`;
  const [row] = await tx.$queryRaw<LockedConsent[]>`
    SELECT state, "optOutSource" FROM "Consent"
    WHERE "candidateId" = ${change.candidateId}::uuid AND channel = ${change.channel}::"Channel"
      AND "tenantId" = ${tenantId}::uuid FOR UPDATE`;
  const locked: LockedConsent = row ?? { state: 'NONE', optOutSource: null };
  const from = locked.state;
  const to = typeof change.to === 'function' ? change.to(locked) : change.to;
  const changed = from !== to;
  const byCandidate = change.source === 'KEYWORD' || change.source === 'CARRIER';
  await tx.consent.update({
    where: { candidateId_channel: { candidateId: change.candidateId, channel: change.channel } },
    data: {
      state: to,
      optOutSource: optOutSourceAfter(to, locked, change.source),
      ...(byCandidate ? { carrierBlocked: to === 'OPTED_OUT' } : {}),
      ...(change.source === 'INVITE' && change.messageId ? { inviteMessageId: change.messageId } : {}),
    },
  });
  if (changed) {
    await appendEvents(tx, tenantId, [
      {
        type: 'CONSENT_CHANGED',
        subjectId: change.candidateId,
        payload: { channel: change.channel, from, to, source: change.source },
      },
    ]);
  }
  if (changed || alwaysAudited.has(change.source)) {
    await tx.consentEvent.create({
      data: {
        tenantId,
        candidateId: change.candidateId,
        channel: change.channel,
        fromState: from,
        toState: to,
        source: change.source,
        actorUserId: change.actorUserId ?? null,
        evidence: change.evidence ?? null,
        messageId: change.messageId ?? null,
      },
    });
  }
  return { from, to, changed };
}
