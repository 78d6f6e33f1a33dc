import type { TenantActor } from '../../auth/actor.ts';
import type { ChannelRegistry } from '../../channels/registry.ts';
import type { Channel, ConsentSource, ConsentState, MessageStatus } from '../../db/generated/prisma/enums.ts';
import { lockFor } from '../consent-rules.ts';
import { textingNumber } from '../conversations.ts';
import { NotFoundError, SendNotAllowedError } from '../errors.ts';
import type { TenantScope } from '../scope.ts';

type Row = {
  conversationId: string | null;
  candidateId: string;
  sendingNumberId: string | null;
  sendingE164: string | null;
  phone: string | null;
  alternatePhone: string | null;
  preferredPhone: string;
  consent: ConsentState;
  optOutSource: ConsentSource | null;
  carrierBlocked: boolean;
  inviteStatus: MessageStatus | null;
  inviteError: string | null;
  onTeam: boolean;
  canSend: boolean;
  hasSeat: boolean;
  tenantName: string;
  enabledChannels: string[];
  requireSeat: boolean;
  requireSendPermission: boolean;
  inviteText: string | null;
  existingId: string | null;
  existingHash: string | null;
};

/**
 * Everything sending needs to decide, in one statement: the conversation and
 * candidate, consent on the channel, whether the sender is on the hiring team
 * and holds a seat, the tenant's send policy, and any message already sent
 * with this idempotency key. Then the sender's right to write here: hiring
 * team, then seat and permission as the tenant requires.
 */
export async function checkSender(
  scope: TenantScope,
  registry: ChannelRegistry,
  actor: TenantActor,
  conversationId: string,
  channel: Channel,
  idempotencyKey: string | null,
) {
  if (actor.kind !== 'user') throw new SendNotAllowedError('NOT_A_USER');
  const [row] = await scope.db.$queryRaw<Row[]>`
    SELECT c.id AS "conversationId", c."candidateId", c."sendingNumberId", sn.e164 AS "sendingE164",
      cand.phone, cand."alternatePhone", cand."preferredPhone"::text AS "preferredPhone",
      coalesce(cs.state::text, 'NONE') AS consent, cs."optOutSource"::text AS "optOutSource",
      coalesce(cs."carrierBlocked", false) AS "carrierBlocked",
      inv.status::text AS "inviteStatus", inv."errorMessage" AS "inviteError",
      (EXISTS (SELECT 1 FROM "HiringTeamMember" h WHERE h."applicationId" = c."applicationId" AND h."userId" = u.id)
        OR EXISTS (SELECT 1 FROM "CommunityTeamMember" t WHERE t."communityId" = c."communityId" AND t."userId" = u.id)) AS "onTeam",
      u."canSend", (s.id IS NOT NULL) AS "hasSeat",
      tn.name AS "tenantName", tn."enabledChannels"::text[] AS "enabledChannels", tn."requireSeat", tn."requireSendPermission",
      tn."inviteText", m.id AS "existingId", m."requestHash" AS "existingHash"
    FROM "Tenant" tn
    JOIN "User" u ON u.id = ${actor.userId}::uuid AND u."tenantId" = tn.id
    LEFT JOIN "Seat" s ON s."userId" = u.id
    LEFT JOIN "Conversation" c ON c.id = ${conversationId}::uuid AND c."tenantId" = tn.id
    LEFT JOIN "Candidate" cand ON cand.id = c."candidateId"
    LEFT JOIN "Consent" cs ON cs."candidateId" = c."candidateId" AND cs.channel = ${channel}::"Channel"
    LEFT JOIN "Message" inv ON inv.id = cs."inviteMessageId"
    LEFT JOIN "SendingNumber" sn ON sn.id = c."sendingNumberId"
    LEFT JOIN "Message" m ON m."tenantId" = tn.id AND m."idempotencyKey" = ${idempotencyKey}
    WHERE tn.id = ${scope.tenantId}::uuid`;
  if (!row) throw new NotFoundError('User', actor.userId);
  const existing = row.existingId ? { id: row.existingId, requestHash: row.existingHash } : null;
  if (existing) return { existing } as const;
  if (!row.conversationId || (!row.onTeam && actor.role !== 'ADMIN'))
    throw new NotFoundError('Conversation', conversationId);
  if (!row.onTeam) throw new SendNotAllowedError('NOT_ON_HIRING_TEAM');
  if (row.requireSeat && !row.hasSeat) throw new SendNotAllowedError('NO_SEAT');
  if (row.requireSendPermission && !row.canSend) throw new SendNotAllowedError('NO_SEND_PERMISSION');
  const to = textingNumber(row);
  const provider = registry.get(channel);
  return {
    existing: null,
    conversation: {
      id: row.conversationId,
      candidateId: row.candidateId,
      sendingNumber: row.sendingNumberId && row.sendingE164 ? { id: row.sendingNumberId, e164: row.sendingE164 } : null,
    },
    tenant: { name: row.tenantName, inviteText: row.inviteText },
    to,
    state: row.consent,
    lock: lockFor({
      channelEnabled: row.enabledChannels.includes(channel),
      channelAvailable: provider !== null,
      phone: to,
      state: row.consent,
      optOutSource: row.optOutSource,
      carrierBlocked: row.carrierBlocked && Boolean(provider?.capabilities.carrierHandlesKeywords),
      invite: row.inviteStatus ? { status: row.inviteStatus, errorMessage: row.inviteError } : null,
    }),
  } as const;
}
