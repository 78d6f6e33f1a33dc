import { monthKeySql } from '../../allowances/month.ts';
import type { TenantActor } from '../../auth/actor.ts';
import { type AccountFacts, accountFactsSql } from '../../channels/registry.ts';
import { Prisma } from '../../db/generated/prisma/client.ts';
import type {
  Channel,
  ConsentModel,
  ConsentSource,
  ConsentState,
  MessageStatus,
} from '../../db/generated/prisma/enums.ts';
import { prepared } from '../../db/prepared-statements.ts';
import type { TenantScope } from '../../domain/scope.ts';
import type { SendChannel } from '../../domain/send-channels.ts';
import type { KindOf } from '../kinds/message-kinds.ts';
import { allowanceFactsSql } from './allowance.ts';
import type { ReengagementFacts } from './reengagement.ts';

/** A sending number, and the account that owns it (none: the platform's). */
export type PoolNumber = {
  id: string;
  e164: string;
  country: string;
  accountId: string | null;
  accountStatus: string | null;
  pluginId: string | null;
  /** Messages sent and received through it this month (NumberMonthlyUsage, the tenant's month; pool numbers only): routing spreads load by it. */
  monthlyUse?: number;
};

/** Everything a send decision reads, as one statement returns it. */
export type SendFacts = AccountFacts & {
  tenantName: string;
  enabledChannels: Channel[];
  requireSeat: boolean;
  requireSendPermission: boolean;
  consentModel: ConsentModel;
  inviteText: string | null;
  /** The sending user: null for an API key, or a user who no longer exists. */
  userId: string | null;
  onTeam: boolean;
  canSend: boolean;
  hasSeat: boolean;
  conversationId: string | null;
  candidateId: string;
  about: 'APPLICATION' | 'PROSPECT';
  phone: string | null;
  alternatePhone: string | null;
  preferredPhone: string;
  consent: ConsentState;
  optOutSource: ConsentSource | null;
  carrierBlocked: boolean;
  inviteStatus: MessageStatus | null;
  inviteError: string | null;
  /** The conversation's number on the channel once it has one. */
  number: PoolNumber | null;
  /** The tenant's numbers in service on the channel (two-way ones), when the conversation has none yet or its number was retired. */
  pool: PoolNumber[] | null;
  /** The conversation's number on the channel when it was retired: the next send moves it (see routing.ts). */
  retiredNumberId?: string | null;
  existingId: string | null;
  existingHash: string | null;
  /** Credits the tenant has available now (0 before its first top-up); the statement always reads it. */
  creditBalance?: number;
  /** The tenant forbids this kind of message on the channel. */
  kindForbidden: boolean;
  /** A CUSTOM kind names one of the tenant's own kinds (true for built-in kinds). */
  customKindDefined: boolean;
} & AssignmentFacts &
  AllowanceFacts &
  SessionFacts &
  QuietFacts;

/** Number assignment (see access.ts): the tenant's setting, the sender's numbers and the conversation's. */
export type AssignmentFacts = {
  requireNumberAssignment?: boolean;
  assignedNumberIds?: string[];
  conversationNumberIds?: string[];
};

/** The channel's numbers that have a monthly allowance, with this month's usage (tenant's time zone); see allowance.ts. */
export type AllowanceFacts = {
  allowances?: Record<string, { allowance: number; used: number }>;
  /** When the tenant's next month starts. */
  allowanceResetsAt?: Date;
};

/** The tenant's quiet hours and the candidate's stated time zone (see quiet-hours.ts). */
export type QuietFacts = {
  quietHoursStart: string | null;
  quietHoursEnd: string | null;
  noSundays: boolean;
  candidateTimeZone: string | null;
};

/** What a channel's session window and the re-engagement template read (see session-window.ts). */
export type SessionFacts = ReengagementFacts & {
  /** The database's clock, which also stamps inbound messages. */
  now: Date;
  /** The candidate's last inbound message on the channel in this conversation; null: never. */
  lastInboundAt: Date | null;
  /** The last re-engagement template sent on the channel in this conversation (not failed); null: none. */
  lastTemplateAt: Date | null;
};

/**
 * Reads, in one statement, everything a send decision needs: the tenant's
 * policy and the channel accounts it can send through, the sender's team membership, seat and permission, the
 * conversation's candidate, consent and invitation on the channel, its number
 * (or the pool to pick one from), and a message already sent with this
 * idempotency key (when one is given). Null when the tenant does not exist. The candidate's last
 * inbound message and re-engagement template are read only for a channel with
 * a session window (`sessionWindow`): the only rule that reads them, and the
 * costliest part of the statement, its scan growing with the conversation.
 */
export async function readSendFacts(
  scope: TenantScope,
  actor: TenantActor,
  conversationId: string,
  channel: SendChannel,
  idempotencyKey: string | null,
  { kind, customKind }: KindOf,
  sessionWindow: boolean,
): Promise<SendFacts | null> {
  const userId = actor.kind === 'user' ? actor.userId : null;
  const customKindDefined =
    customKind === null
      ? Prisma.sql`true`
      : Prisma.sql`EXISTS (SELECT 1 FROM "MessageKindName" kn WHERE kn."tenantId" = tn.id AND kn.key = ${customKind})`;
  const [existing, existingJoin] =
    idempotencyKey !== null
      ? [
          Prisma.sql`m.id AS "existingId", m."requestHash" AS "existingHash"`,
          Prisma.sql`LEFT JOIN "Message" m ON m."tenantId" = tn.id AND m."idempotencyKey" = ${idempotencyKey}`,
        ]
      : [Prisma.sql`NULL::uuid AS "existingId", NULL::text AS "existingHash"`, Prisma.empty];
  const lastMessages = sessionWindow
    ? Prisma.sql`(SELECT max(im."createdAt") FROM "Message" im WHERE im."conversationId" = c.id AND im.direction = 'INBOUND'
        AND im.channel = ${channel}::"Channel") AS "lastInboundAt",
      (SELECT max(tm."createdAt") FROM "Message" tm WHERE tm."conversationId" = c.id AND tm.direction = 'OUTBOUND'
        AND tm.channel = ${channel}::"Channel" AND tm.template IS NOT NULL
        AND tm.status NOT IN ('FAILED', 'UNDELIVERED', 'CANCELLED')) AS "lastTemplateAt"`
    : Prisma.sql`NULL::timestamptz AS "lastInboundAt", NULL::timestamptz AS "lastTemplateAt"`;
  const [row] = await scope.db.$queryRaw<SendFacts[]>(
    prepared(Prisma.sql`
    SELECT tn.name AS "tenantName", tn."enabledChannels"::text[] AS "enabledChannels", tn."requireSeat", ${accountFactsSql('tn')},
      tn."requireSendPermission", tn."consentModel"::text AS "consentModel", tn."inviteText",
      tn."requireNumberAssignment",
      (SELECT coalesce(array_agg(na."sendingNumberId"::text), '{}') FROM "NumberAssignment" na WHERE na."userId" = u.id) AS "assignedNumberIds",
      (SELECT coalesce(array_agg(kn."sendingNumberId"::text), '{}') FROM "ConversationNumber" kn WHERE kn."conversationId" = c.id) AS "conversationNumberIds",
      ${allowanceFactsSql(channel)},
      u.id AS "userId", coalesce(u."canSend", false) AS "canSend", EXISTS (SELECT 1 FROM "Seat" s WHERE s."userId" = u.id) AS "hasSeat",
      (EXISTS (SELECT 1 FROM "HiringTeamMember" h WHERE h."applicationId" = c."applicationId" AND h."userId" = u.id)
        OR EXISTS (SELECT 1 FROM "CommunityTeamMember" t WHERE t."communityId" = c."communityId" AND t."userId" = u.id)) AS "onTeam",
      c.id AS "conversationId", c."candidateId",
      CASE WHEN c."applicationId" IS NULL THEN 'PROSPECT' ELSE 'APPLICATION' END AS about,
      cand.phone, cand."alternatePhone", cand."preferredPhone"::text AS "preferredPhone",
      tn."quietHoursStart", tn."quietHoursEnd", tn."noSundays", cand."timeZone" AS "candidateTimeZone",
      coalesce(cs.state::text, 'NONE') AS consent, cs."optOutSource"::text AS "optOutSource",
      coalesce(cs."carrierBlocked", false) AS "carrierBlocked",
      inv.status::text AS "inviteStatus", inv."errorMessage" AS "inviteError",
      CASE WHEN sn.id IS NULL OR sn."retiredAt" IS NOT NULL THEN NULL ELSE json_build_object('id', sn.id, 'e164', sn.e164, 'country', sn.country,
        'accountId', sn."accountId", 'accountStatus', sa.status, 'pluginId', sa."pluginId") END AS number,
      CASE WHEN sn."retiredAt" IS NOT NULL THEN sn.id END AS "retiredNumberId",
      CASE WHEN c.id IS NOT NULL AND (sn.id IS NULL OR sn."retiredAt" IS NOT NULL) THEN (
        SELECT coalesce(json_agg(json_build_object('id', p.id, 'e164', p.e164, 'country', p.country,
            'accountId', p."accountId", 'accountStatus', pa.status, 'pluginId', pa."pluginId",
            'monthlyUse', coalesce((SELECT pu.sent + pu.received FROM "NumberMonthlyUsage" pu
              WHERE pu."sendingNumberId" = p.id AND pu.month = ${monthKeySql(Prisma.sql`now()`, Prisma.sql`tn."timeZone"`)}), 0))
            ORDER BY p."createdAt"), '[]'::json)
        FROM "SendingNumber" p LEFT JOIN "ChannelAccount" pa ON pa.id = p."accountId"
        WHERE p."tenantId" = tn.id AND p.channel = ${channel}::"Channel" AND p."retiredAt" IS NULL
          AND p."numberType" <> 'ALPHANUMERIC') END AS pool,
      ${existing},
      coalesce((SELECT cb.available FROM "CreditBalance" cb WHERE cb."tenantId" = tn.id), 0)::int AS "creditBalance",
      EXISTS (SELECT 1 FROM "MessageKindRule" kr WHERE kr."tenantId" = tn.id AND kr.channel = ${channel}::"Channel"
        AND kr.kind = ${kind}::"MessageKind" AND kr."customKind" = ${customKind ?? ''}) AS "kindForbidden",
      ${customKindDefined} AS "customKindDefined",
      now() AS now, tn."reengagementText", tn."reengagementTemplateName", tn."reengagementTemplateLanguage",
      coalesce((SELECT job.title FROM "Application" app JOIN "Job" job ON job.id = app."jobId" WHERE app.id = c."applicationId"),
        (SELECT com.name FROM "Community" com WHERE com.id = c."communityId")) AS subject,
      ${lastMessages}
    FROM "Tenant" tn
    LEFT JOIN "User" u ON u.id = ${userId}::uuid AND u."tenantId" = tn.id AND u."deactivatedAt" IS NULL
    LEFT JOIN "Conversation" c ON c.id = ${conversationId}::uuid AND c."tenantId" = tn.id
    LEFT JOIN "Candidate" cand ON cand.id = c."candidateId"
    LEFT JOIN "Consent" cs ON cs."candidateId" = c."candidateId" AND cs.channel = ${channel}::"Channel"
    LEFT JOIN "Message" inv ON inv.id = cs."inviteMessageId"
    LEFT JOIN "ConversationNumber" cn ON cn."conversationId" = c.id AND cn.channel = ${channel}::"Channel"
    LEFT JOIN "SendingNumber" sn ON sn.id = cn."sendingNumberId"
    LEFT JOIN "ChannelAccount" sa ON sa.id = sn."accountId"
    ${existingJoin}
    WHERE tn.id = ${scope.tenantId}::uuid`),
  );
  return row ?? null;
}
