import type { Channel, ConsentSource, ConsentState } from '../db/generated/prisma/enums.ts';
import { appendEvents } from '../events/append.ts';
import type { TenantScope, TenantTx } from './scope.ts';

export type ConsentChange = {
  candidateId: string;
  channel: Channel;
  to: ConsentState;
  source: ConsentSource;
  actorUserId?: string | null;
  evidence?: string | null;
  messageId?: string | null;
};

export async function currentConsent(db: TenantTx | TenantScope['db'], candidateId: string, channel: Channel) {
  const row = await db.consent.findUnique({ where: { candidateId_channel: { candidateId, channel } } });
  return { state: row?.state ?? 'NONE', optOutSource: row?.optOutSource ?? null };
}

/** Sources whose every statement is evidence, even when it leaves the state as it was. */
const alwaysAudited = new Set<ConsentSource>(['INVITE', 'KEYWORD', 'APPLICATION']);

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
  const [row] = await tx.$queryRaw<{ state: ConsentState; optOutSource: ConsentSource | null }[]>`
    SELECT state, "optOutSource" FROM "Consent"
    WHERE "candidateId" = ${change.candidateId}::uuid AND channel = ${change.channel}::"Channel"
      AND "tenantId" = ${tenantId}::uuid FOR UPDATE`;
  const from = row?.state ?? 'NONE';
  const changed = from !== change.to;
  const byCandidate = change.source === 'KEYWORD' || change.source === 'CARRIER';
  await tx.consent.update({
    where: { candidateId_channel: { candidateId: change.candidateId, channel: change.channel } },
    data: {
      state: change.to,
      optOutSource: change.to !== 'OPTED_OUT' ? null : changed ? change.source : (row?.optOutSource ?? change.source),
      ...(byCandidate ? { carrierBlocked: change.to === 'OPTED_OUT' } : {}),
      ...(change.source === 'INVITE' && change.messageId ? { inviteMessageId: change.messageId } : {}),
    },
  });
  if (changed) {
    await appendEvents(tx, tenantId, [
      {
        type: 'CONSENT_CHANGED',
        subjectId: change.candidateId,
        payload: { channel: change.channel, from, to: change.to, source: change.source },
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
        toState: change.to,
        source: change.source,
        actorUserId: change.actorUserId ?? null,
        evidence: change.evidence ?? null,
        messageId: change.messageId ?? null,
      },
    });
  }
  return { from, to: change.to, changed };
}
