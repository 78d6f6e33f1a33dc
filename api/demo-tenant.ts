import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { signUserToken } from './auth/user-tokens.ts';
import type { Services } from './context.ts';
import { scopeToTenant } from './db/tenant-scope.ts';
import { upsertApplication, upsertCandidate, upsertJob } from './domain/ats-records.ts';
import { createChannelAccount } from './domain/channel-accounts.ts';
import { ConflictError } from './domain/errors.ts';
import type { TenantScope } from './domain/scope.ts';
import { assignSeat, buySeats } from './domain/seats.ts';
import { addSendingNumber } from './domain/sending-numbers.ts';
import { createTenant } from './domain/tenants.ts';
import { createUser } from './domain/users.ts';

export type DemoCredentials = {
  tenantName: string;
  apiKey: string;
  userToken: string;
  userTokenExpiresAt: Date;
  userEmail: string;
  /** The demo's sandbox carrier (plugins/sandbox), when that plugin is loaded. */
  sandbox: { sendingNumber: string; candidatePhone: string; conversationId: string } | null;
};

type Saved = { tenantId: string; apiKey: string; userId: string; userEmail: string };

const DEMO_TOKEN_TTL_SECONDS = 12 * 3600;

/** The built-in simulated carrier (plugins/sandbox): the demo converses through it with no provider account. */
const SANDBOX_PLUGIN = 'sandbox';
/** In the sandbox's own range of sending numbers (+1 500 555 0100 to 0199). */
const SANDBOX_NUMBER = '+15005550100';
const DEMO_CANDIDATE_PHONE = '+14155550123';
const DEMO_APPLICATION = 'demo-application';

/**
 * Once per demo tenant: a sandbox account owning a sending number, and a
 * candidate who applied with the SMS box ticked, the demo admin on the hiring
 * team, so a newcomer can invite, answer YES as the candidate
 * (simulateInboundMessage), send and receive at once.
 */
async function ensureDemoSandbox(services: Services, scope: TenantScope, adminId: string) {
  if (!services.channels.plugins.has(SANDBOX_PLUGIN)) return null;
  const hasAccount = await scope.db.channelAccount.findFirst({
    where: { pluginId: SANDBOX_PLUGIN },
    select: { id: true },
  });
  if (!hasAccount) {
    const account = await createChannelAccount(scope, services.channels, {
      pluginId: SANDBOX_PLUGIN,
      label: 'Sandbox (simulated carrier)',
      credentials: { signingSecret: randomBytes(32).toString('hex') },
      allowSandbox: true,
    });
    try {
      await addSendingNumber(services.prisma, services.channels, scope.tenantId, {
        e164: SANDBOX_NUMBER,
        channel: 'SMS',
        accountId: account.id,
      });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error; // another demo tenant in this database has it
    }
    await upsertCandidate(scope, {
      externalId: 'demo-candidate',
      name: 'Casey Candidate',
      phone: DEMO_CANDIDATE_PHONE,
    });
    await upsertJob(scope, { externalId: 'demo-job', title: 'Barista' });
    await upsertApplication(scope, {
      externalId: DEMO_APPLICATION,
      candidateExternalId: 'demo-candidate',
      jobExternalId: 'demo-job',
      hiringTeamUserIds: [adminId],
      consent: { sms: true },
    });
  }
  const number = await scope.db.sendingNumber.findFirst({
    where: { account: { pluginId: SANDBOX_PLUGIN } },
    orderBy: { createdAt: 'asc' },
    select: { e164: true },
  });
  const conversation = await scope.db.conversation.findFirst({
    where: { application: { externalId: DEMO_APPLICATION } },
    select: { id: true, candidate: { select: { phone: true } } },
  });
  if (!number || !conversation?.candidate.phone) return null;
  return {
    sendingNumber: number.e164,
    candidatePhone: conversation.candidate.phone,
    conversationId: encodeGlobalID('Conversation', conversation.id),
  };
}

/**
 * On first start, a demo tenant with an admin user who holds a seat. Its API
 * key is kept (readable by this machine's user only) in the data folder, so
 * every start can print it with a fresh user token.
 */
export async function ensureDemoTenant(services: Services, dataDir: string): Promise<DemoCredentials> {
  const file = join(dataDir, 'demo-credentials.json');
  let saved: Saved | null = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Saved) : null;
  if (saved && !(await services.prisma.user.findFirst({ where: { id: saved.userId, tenantId: saved.tenantId } })))
    saved = null;

  if (!saved) {
    const { tenant, apiKeySecret } = await createTenant(services.prisma, services.channels, {
      name: 'Demo Recruiting',
      enabledChannels: ['SMS'],
    });
    const scope = {
      tenantId: tenant.id,
      db: scopeToTenant(services.prisma, tenant.id),
      events: { relayNow: services.relay.wake, credentialsChanged: services.credentials.announce },
    };
    const user = await createUser(scope, {
      name: 'Demo Admin',
      email: 'admin@demo.parley.test',
      role: 'ADMIN',
      canSend: true,
    });
    await buySeats(scope, 3);
    await assignSeat(scope, user.id);
    saved = { tenantId: tenant.id, apiKey: apiKeySecret, userId: user.id, userEmail: user.email };
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(saved, null, 2), { mode: 0o600 });
  }

  const tenant = await services.prisma.tenant.findUniqueOrThrow({ where: { id: saved.tenantId } });
  const sandbox = await ensureDemoSandbox(
    services,
    {
      tenantId: tenant.id,
      db: scopeToTenant(services.prisma, tenant.id),
      events: { relayNow: services.relay.wake, credentialsChanged: services.credentials.announce },
    },
    saved.userId,
  );
  const { token, expiresAt } = await signUserToken(
    services.signingKey,
    { userId: saved.userId, tenantId: saved.tenantId },
    DEMO_TOKEN_TTL_SECONDS,
  );
  return {
    tenantName: tenant.name,
    apiKey: saved.apiKey,
    userToken: token,
    userTokenExpiresAt: expiresAt,
    userEmail: saved.userEmail,
    sandbox,
  };
}
