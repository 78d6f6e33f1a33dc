import { z } from 'zod';
import type { Channel } from '../db/generated/prisma/enums.ts';
import { changeConsent, currentConsent } from './consent.ts';
import { afterApplication } from './consent-rules.ts';
import { NotFoundError, ValidationError } from './errors.ts';
import { toE164 } from './phone.ts';
import { isUniqueViolation } from './prisma-errors.ts';
import type { TenantScope } from './scope.ts';
import { parseInput } from './validate.ts';

const externalId = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

const candidateInput = z.object({
  externalId,
  name: text(200),
  phone: z.string().nullish(),
  alternatePhone: z.string().nullish(),
  preferredPhone: z.enum(['MAIN', 'ALTERNATE']).default('MAIN'),
  country: z.string().length(2, 'must be a two-letter ISO country code').toUpperCase().nullish(),
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

/** Creates or updates a candidate by the ATS's id; phone numbers are stored in E.164 or refused, writing nothing. */
export async function upsertCandidate(scope: TenantScope, input: z.input<typeof candidateInput>) {
  const data = parseInput(candidateInput, input);
  const tenant = await scope.db.tenant.findUniqueOrThrow({ where: { id: scope.tenantId } });
  const country = data.country ?? tenant.defaultCountry;
  const phone = data.phone ? toE164(data.phone, country, 'phone') : null;
  const alternatePhone = data.alternatePhone ? toE164(data.alternatePhone, country, 'alternatePhone') : null;
  const fields = { name: data.name, phone, alternatePhone, preferredPhone: data.preferredPhone };
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
  status: z.string().trim().max(100).nullish(),
  /** Users (by Parley id) on the hiring team; replaces the team. */
  hiringTeamUserIds: z.array(z.string()).max(100).default([]),
  /** One box for all channels (`texting`) or one per channel; none ticked means opted out. */
  consent: z
    .object({ texting: z.boolean().nullish(), sms: z.boolean().nullish(), whatsapp: z.boolean().nullish() })
    .nullish(),
});

async function lookupByExternalId(scope: TenantScope, kind: 'candidate' | 'job', id: string, field: string) {
  const where = { tenantId_externalId: { tenantId: scope.tenantId, externalId: id } };
  const row =
    kind === 'candidate' ? await scope.db.candidate.findUnique({ where }) : await scope.db.job.findUnique({ where });
  if (!row) throw ValidationError.of(field, `names no ${kind} known to Parley; upsert the ${kind} first`);
  return row;
}

/**
 * Creates or updates an application with its hiring team, and its
 * conversation (one per candidate-application). The consent the candidate
 * gave on the application form is recorded, with the form as evidence.
 */
export async function upsertApplication(scope: TenantScope, input: z.input<typeof applicationInput>) {
  const data = parseInput(applicationInput, input);
  const candidate = await lookupByExternalId(scope, 'candidate', data.candidateExternalId, 'candidateExternalId');
  const job = await lookupByExternalId(scope, 'job', data.jobExternalId, 'jobExternalId');
  const team = [...new Set(data.hiringTeamUserIds)];
  const found = await scope.db.user.count({ where: { id: { in: team } } });
  if (found !== team.length) throw ValidationError.of('hiringTeamUserIds', 'names users that are not in this tenant');

  const application = await retryOnConflict(() =>
    scope.db.$transaction(async (tx) => {
      const app = await tx.application.upsert({
        where: { tenantId_externalId: { tenantId: scope.tenantId, externalId: data.externalId } },
        create: {
          tenantId: scope.tenantId,
          externalId: data.externalId,
          candidateId: candidate.id,
          jobId: job.id,
          status: data.status ?? null,
        },
        update: { candidateId: candidate.id, jobId: job.id, status: data.status ?? null },
      });
      await tx.hiringTeamMember.deleteMany({ where: { applicationId: app.id } });
      await tx.hiringTeamMember.createMany({
        data: team.map((userId) => ({ tenantId: scope.tenantId, applicationId: app.id, userId })),
      });
      await tx.conversation.upsert({
        where: { applicationId: app.id },
        create: { tenantId: scope.tenantId, candidateId: candidate.id, applicationId: app.id },
        update: { candidateId: candidate.id },
      });
      if (data.consent !== undefined) {
        const boxes: Record<Channel, boolean> = {
          SMS: data.consent?.sms ?? data.consent?.texting ?? false,
          WHATSAPP: data.consent?.whatsapp ?? data.consent?.texting ?? false,
        };
        for (const channel of ['SMS', 'WHATSAPP'] as const) {
          const current = await currentConsent(tx, candidate.id, channel);
          const last = await tx.consentEvent.findFirst({
            where: { candidateId: candidate.id, channel },
            orderBy: { createdAt: 'desc' },
          });
          const to = afterApplication(current, last?.source ?? null, boxes[channel]);
          await changeConsent(tx, scope.tenantId, {
            candidateId: candidate.id,
            channel,
            to,
            source: 'APPLICATION',
            evidence: `Application ${data.externalId}: ${channel} box ${boxes[channel] ? 'ticked' : 'not ticked'}`,
          });
        }
      }
      return app;
    }),
  );
  return application;
}

const communityInput = z.object({ externalId, name: text(200), teamUserIds: z.array(z.string()).max(100).default([]) });

export async function upsertCommunity(scope: TenantScope, input: z.input<typeof communityInput>) {
  const data = parseInput(communityInput, input);
  const team = [...new Set(data.teamUserIds)];
  if ((await scope.db.user.count({ where: { id: { in: team } } })) !== team.length) {
    throw ValidationError.of('teamUserIds', 'names users that are not in this tenant');
  }
  return retryOnConflict(() =>
    scope.db.$transaction(async (tx) => {
      const community = await tx.community.upsert({
        where: { tenantId_externalId: { tenantId: scope.tenantId, externalId: data.externalId } },
        create: { tenantId: scope.tenantId, externalId: data.externalId, name: data.name },
        update: { name: data.name },
      });
      await tx.communityTeamMember.deleteMany({ where: { communityId: community.id } });
      await tx.communityTeamMember.createMany({
        data: team.map((userId) => ({ tenantId: scope.tenantId, communityId: community.id, userId })),
      });
      return community;
    }),
  );
}

/** Adds a candidate to a sourcing community as a prospect, with their conversation there. */
export async function addProspect(
  scope: TenantScope,
  input: { communityExternalId: string; candidateExternalId: string },
) {
  const where = { tenantId_externalId: { tenantId: scope.tenantId, externalId: input.communityExternalId } };
  const community = await scope.db.community.findUnique({ where });
  if (!community) throw new NotFoundError('Community', input.communityExternalId);
  const candidate = await lookupByExternalId(scope, 'candidate', input.candidateExternalId, 'candidateExternalId');
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
