import { z } from 'zod';
import { appendEvents } from '../events/append.ts';
import { changeConsent } from '../messaging/consent/change-consent.ts';
import { afterApplication } from '../messaging/consent/rules.ts';
import { isTimeZone } from '../messaging/send-policy/quiet-hours.ts';
import { type FieldIssue, NotFoundError } from './errors.ts';
import { parsePhone } from './phone.ts';
import { isUniqueViolation } from './prisma-errors.ts';
import type { TenantScope, TenantTx } from './scope.ts';
import type { SendChannel } from './send-channels.ts';
import { inputIssues, parseInput, refuseIf } from './validate.ts';

function withoutUndefined<T extends object>(fields: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as never;
}

const externalId = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

const candidateInput = z.object({
  externalId,
  name: text(200),
  /** Omitted: left as stored; null: removed. */
  phone: z.string().nullish(),
  alternatePhone: z.string().nullish(),
  preferredPhone: z.enum(['MAIN', 'ALTERNATE']).optional(),
  country: z.string().length(2, 'must be a two-letter ISO country code').toUpperCase().nullish(),
  /** The candidate's IANA time zone for quiet hours; omitted: left as stored; null: derived from the number. */
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone, e.g. Europe/Paris').nullish(),
});

/** Upserts that race on the same external id: the loser retries once and finds the winner's row. */
async function retryOnConflict<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return write();
  }
}

/** A phone input in E.164: undefined stays undefined (leave as stored), null or blank clears. */
function phoneField(value: unknown, country: string, field: string, issues: FieldIssue[]) {
  if (value === undefined) return undefined;
  if (value === null || (typeof value === 'string' && !value.trim())) return null;
  if (typeof value !== 'string') return undefined; // reported by the schema
  const parsed = parsePhone(value, country, field);
  if ('issue' in parsed) issues.push(parsed.issue);
  return 'e164' in parsed ? parsed.e164 : undefined;
}

/**
 * Creates or updates a candidate by the ATS's id. Phone numbers are stored in
 * E.164; every bad field is reported at once and nothing is written. Fields
 * left out keep their stored value.
 */
export async function upsertCandidate(scope: TenantScope, input: z.input<typeof candidateInput>) {
  const issues = inputIssues(candidateInput, input);
  const tenant = await scope.db.tenant.findUniqueOrThrow({ where: { id: scope.tenantId } });
  const country = (typeof input.country === 'string' && input.country.toUpperCase()) || tenant.defaultCountry;
  const phone = phoneField(input.phone, country, 'phone', issues);
  const alternatePhone = phoneField(input.alternatePhone, country, 'alternatePhone', issues);
  refuseIf(issues);
  const data = candidateInput.parse(input);
  const fields = withoutUndefined({
    name: data.name,
    phone,
    alternatePhone,
    preferredPhone: data.preferredPhone,
    timeZone: data.timeZone,
  });
  return retryOnConflict(() =>
    scope.db.candidate.upsert({
      where: { tenantId_externalId: { tenantId: scope.tenantId, externalId: data.externalId } },
      create: { tenantId: scope.tenantId, externalId: data.externalId, ...fields },
      update: fields,
    }),
  );
}

const jobInput = z.object({ externalId, title: text(300) });

export async function upsertJob(scope: TenantScope, input: z.input<typeof jobInput>) {
  const data = parseInput(jobInput, input);
  return retryOnConflict(() =>
    scope.db.job.upsert({
      where: { tenantId_externalId: { tenantId: scope.tenantId, externalId: data.externalId } },
      create: { tenantId: scope.tenantId, ...data },
      update: { title: data.title },
    }),
  );
}

const applicationInput = z.object({
  externalId,
  candidateExternalId: externalId,
  jobExternalId: externalId,
  /** Omitted: left as stored; null: cleared. */
  status: z.string().trim().max(100, 'must be at most 100 characters').nullish(),
  /** Users (by Parley id) on the hiring team. Omitted: left as stored; null or empty: no team. */
  hiringTeamUserIds: z.array(z.string()).max(100, 'must name at most 100 users').nullish(),
  /** One box for all channels (`texting`) or one per channel; none ticked means opted out. */
  consent: z
    .object({ texting: z.boolean().nullish(), sms: z.boolean().nullish(), whatsapp: z.boolean().nullish() })
    .nullish(),
});

/** The rows named by external ids and user ids, or an issue for each one that names nothing. */
async function lookUpRecords(
  scope: TenantScope,
  ids: { candidate?: string; job?: string; users: { field: string; ids: string[] } },
) {
  const byExternalId = (externalId: string | undefined) =>
    externalId ? { tenantId_externalId: { tenantId: scope.tenantId, externalId } } : null;
  const candidateKey = byExternalId(ids.candidate);
  const jobKey = byExternalId(ids.job);
  const [candidate, job, users] = await Promise.all([
    candidateKey ? scope.db.candidate.findUnique({ where: candidateKey }) : null,
    jobKey ? scope.db.job.findUnique({ where: jobKey }) : null,
    ids.users.ids.length ? scope.db.user.count({ where: { id: { in: ids.users.ids } } }) : 0,
  ]);
  const issues: FieldIssue[] = [];
  if (candidateKey && !candidate)
    issues.push({ field: 'candidateExternalId', message: 'names no candidate known to Parley; upsert it first' });
  if (jobKey && !job) issues.push({ field: 'jobExternalId', message: 'names no job known to Parley; upsert it first' });
  if (users !== ids.users.ids.length)
    issues.push({ field: ids.users.field, message: 'names users not in this tenant' });
  return { candidate, job, issues };
}

/**
 * An application stays with its candidate: moving it would hand the candidate's
 * conversation and messages to someone else. A new candidate needs a new application.
 */
async function candidateKept(
  scope: TenantScope,
  input: { externalId?: unknown },
  found: { candidate: { id: string } | null },
): Promise<FieldIssue[]> {
  if (typeof input.externalId !== 'string' || !found.candidate) return [];
  const existing = await scope.db.application.findUnique({
    where: { tenantId_externalId: { tenantId: scope.tenantId, externalId: input.externalId.trim() } },
    select: { candidateId: true },
  });
  if (!existing || existing.candidateId === found.candidate.id) return [];
  return [
    {
      field: 'candidateExternalId',
      message: 'names another candidate than this application’s: an application cannot move, create a new one',
    },
  ];
}

/** What the form's boxes say for each channel. */
function consentBoxes(consent: { texting?: boolean | null; sms?: boolean | null; whatsapp?: boolean | null } | null) {
  return {
    SMS: consent?.sms ?? consent?.texting ?? false,
    WHATSAPP: consent?.whatsapp ?? consent?.texting ?? false,
  } satisfies Record<SendChannel, boolean>;
}

/**
 * Records the application form's consent boxes as evidence on each channel.
 * The form opens texting only where nobody has spoken yet (or an earlier form
 * said no); a STOP the candidate texted stands. The same form sent again by
 * a re-sync is not recorded twice.
 */
async function recordFormConsent(
  tx: TenantTx,
  tenantId: string,
  candidateId: string,
  applicationExternalId: string,
  boxes: Record<SendChannel, boolean>,
) {
  for (const channel of ['SMS', 'WHATSAPP'] as const) {
    const evidence = `Application ${applicationExternalId}: ${channel} box ${boxes[channel] ? 'ticked' : 'not ticked'}`;
    const last = await tx.consentEvent.findFirst({
      where: { candidateId, channel, source: 'APPLICATION' },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: { evidence: true },
    });
    if (last?.evidence === evidence) continue; // this form was recorded, and took effect, before
    await changeConsent(tx, tenantId, {
      candidateId,
      channel,
      to: (locked) => afterApplication(locked.state, locked.optOutSource, boxes[channel]),
      source: 'APPLICATION',
      evidence,
    });
  }
}

/**
 * Creates or updates an application with its hiring team, and its
 * conversation (one per candidate-application). Fields left out keep their
 * stored value. The consent the candidate gave on the form is recorded, with
 * the form as evidence.
 */
export async function upsertApplication(scope: TenantScope, input: z.input<typeof applicationInput>) {
  const team = input.hiringTeamUserIds === undefined ? undefined : [...new Set(input.hiringTeamUserIds ?? [])];
  const found = await lookUpRecords(scope, {
    candidate: typeof input.candidateExternalId === 'string' ? input.candidateExternalId.trim() : undefined,
    job: typeof input.jobExternalId === 'string' ? input.jobExternalId.trim() : undefined,
    users: { field: 'hiringTeam', ids: team ?? [] },
  });
  refuseIf([...inputIssues(applicationInput, input), ...found.issues, ...(await candidateKept(scope, input, found))]);
  const data = applicationInput.parse(input);
  const { candidate, job } = found as { candidate: { id: string }; job: { id: string } };
  const status = data.status === undefined ? {} : { status: data.status || null };

  return retryOnConflict(() =>
    scope.db.$transaction(async (tx) => {
      const app = await tx.application.upsert({
        where: { tenantId_externalId: { tenantId: scope.tenantId, externalId: data.externalId } },
        create: {
          tenantId: scope.tenantId,
          externalId: data.externalId,
          candidateId: candidate.id,
          jobId: job.id,
          status: data.status || null,
        },
        update: { candidateId: candidate.id, jobId: job.id, ...status },
      });
      const teamChanged = team ? await replaceHiringTeam(tx, scope.tenantId, app.id, team) : false;
      const conversation = await tx.conversation.upsert({
        where: { applicationId: app.id },
        create: { tenantId: scope.tenantId, candidateId: candidate.id, applicationId: app.id },
        update: { candidateId: candidate.id },
      });
      if (teamChanged) {
        // Who may read the conversation changed: live subscribers re-check it (api/live/access-cache.ts).
        await appendEvents(tx, scope.tenantId, [
          {
            type: 'HIRING_TEAM_CHANGED',
            subjectId: app.id,
            conversationId: conversation.id,
            payload: { members: team?.length ?? 0 },
          },
        ]);
      }
      if (data.consent !== undefined) {
        await recordFormConsent(tx, scope.tenantId, candidate.id, data.externalId, consentBoxes(data.consent));
      }
      return app;
    }),
  ).finally(() => scope.events.relayNow());
}

const communityInput = z.object({
  externalId,
  name: text(200),
  /** Omitted: left as stored; null or empty: no team. */
  teamUserIds: z.array(z.string()).max(100, 'must name at most 100 users').nullish(),
});

export async function upsertCommunity(scope: TenantScope, input: z.input<typeof communityInput>) {
  const team = input.teamUserIds === undefined ? undefined : [...new Set(input.teamUserIds ?? [])];
  const found = await lookUpRecords(scope, { users: { field: 'team', ids: team ?? [] } });
  refuseIf([...inputIssues(communityInput, input), ...found.issues]);
  const data = communityInput.parse(input);
  return retryOnConflict(() =>
    scope.db.$transaction(async (tx) => {
      const community = await tx.community.upsert({
        where: { tenantId_externalId: { tenantId: scope.tenantId, externalId: data.externalId } },
        create: { tenantId: scope.tenantId, externalId: data.externalId, name: data.name },
        update: { name: data.name },
      });
      if (team) {
        const before = await tx.communityTeamMember.findMany({
          where: { communityId: community.id },
          select: { userId: true },
        });
        await tx.communityTeamMember.deleteMany({ where: { communityId: community.id } });
        await tx.communityTeamMember.createMany({
          data: team.map((userId) => ({ tenantId: scope.tenantId, communityId: community.id, userId })),
        });
        if (!sameMembers(before, team)) {
          await appendEvents(tx, scope.tenantId, [
            { type: 'COMMUNITY_TEAM_CHANGED', subjectId: community.id, payload: { members: team.length } },
          ]);
        }
      }
      return community;
    }),
  ).finally(() => scope.events.relayNow());
}

function sameMembers(before: { userId: string }[], after: string[]) {
  const now = new Set(after);
  return before.length === now.size && before.every((m) => now.has(m.userId));
}

/** Replaces an application's hiring team; whether its members changed. */
async function replaceHiringTeam(tx: TenantTx, tenantId: string, applicationId: string, team: string[]) {
  const before = await tx.hiringTeamMember.findMany({ where: { applicationId }, select: { userId: true } });
  await tx.hiringTeamMember.deleteMany({ where: { applicationId } });
  await tx.hiringTeamMember.createMany({ data: team.map((userId) => ({ tenantId, applicationId, userId })) });
  return !sameMembers(before, team);
}

/** Adds a candidate to a sourcing community as a prospect, with their conversation there. */
export async function addProspect(
  scope: TenantScope,
  input: { communityExternalId: string; candidateExternalId: string },
) {
  const where = { tenantId_externalId: { tenantId: scope.tenantId, externalId: input.communityExternalId } };
  const community = await scope.db.community.findUnique({ where });
  if (!community) throw new NotFoundError('Community', input.communityExternalId);
  const found = await lookUpRecords(scope, { candidate: input.candidateExternalId, users: { field: 'team', ids: [] } });
  refuseIf(found.issues);
  const candidate = found.candidate as { id: string };
  return retryOnConflict(() =>
    scope.db.$transaction(async (tx) => {
      await tx.communityMember.upsert({
        where: { communityId_candidateId: { communityId: community.id, candidateId: candidate.id } },
        create: { tenantId: scope.tenantId, communityId: community.id, candidateId: candidate.id },
        update: {},
      });
      return tx.conversation.upsert({
        where: { communityId_candidateId: { communityId: community.id, candidateId: candidate.id } },
        create: { tenantId: scope.tenantId, communityId: community.id, candidateId: candidate.id },
        update: {},
      });
    }),
  );
}
