import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signUserToken } from './auth/user-tokens.ts';
import type { Services } from './context.ts';
import { scopeToTenant } from './db/tenant-scope.ts';
import { assignSeat, buySeats } from './domain/seats.ts';
import { createTenant } from './domain/tenants.ts';
import { createUser } from './domain/users.ts';

export type DemoCredentials = {
  tenantName: string;
  apiKey: string;
  userToken: string;
  userTokenExpiresAt: Date;
  userEmail: string;
};

type Saved = { tenantId: string; apiKey: string; userId: string; userEmail: string };

const DEMO_TOKEN_TTL_SECONDS = 12 * 3600;

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
  };
}
