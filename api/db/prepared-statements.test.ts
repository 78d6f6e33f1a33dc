import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgbenchScript } from '../bench/pgbench-script.ts';
import { loadConfig } from '../config.ts';
import type { TenantScope } from '../domain/scope.ts';
import { readSendFacts } from '../messaging/send-policy/facts.ts';
import { queueMessage } from '../messaging/sending/queue-message.ts';
import { testMode } from '../test/databases.ts';
import { rawId, startTestServer, type TestServer } from '../test/harness.ts';
import { type Hiring, setUpHiring, waitFor } from '../test/messaging-fixture.ts';
import { type Database, openDatabase } from './database.ts';
import { Prisma, type PrismaClient } from './generated/prisma/client.ts';
import { prepared } from './prepared-statements.ts';
import { databaseTarget } from './target.ts';
import { scopeToTenant } from './tenant-scope.ts';

const postgres = testMode === 'postgres';

function scope(prisma: PrismaClient, h: Hiring): TenantScope {
  return {
    tenantId: rawId(h.tenant.id),
    db: scopeToTenant(prisma, rawId(h.tenant.id)),
    events: { relayNow() {}, credentialsChanged: async () => {} },
  };
}

/** The facts of a recruiter's send, without the clock. */
async function facts(prisma: PrismaClient, h: Hiring, variant: { key: string | null; window: boolean }) {
  const actor = {
    kind: 'user' as const,
    tenantId: rawId(h.tenant.id),
    userId: rawId(h.recruiter.user.id),
    role: 'RECRUITER' as const,
  };
  const read = await readSendFacts(
    scope(prisma, h),
    actor,
    rawId(h.conversationId),
    variant.window ? 'WHATSAPP' : 'SMS',
    variant.key,
    { kind: 'CHAT', customKind: null },
    variant.window,
  );
  if (!read) throw new Error('no facts');
  const { now: _now, ...rest } = read;
  return rest;
}

async function preparedOnConnection(db: Database) {
  return db.prisma.$queryRaw<{ name: string; statement: string; generic_plans: bigint; custom_plans: bigint }[]>`
    SELECT name, statement, generic_plans, custom_plans FROM pg_prepared_statements`;
}

async function messageCount(prisma: PrismaClient, h: Hiring) {
  return prisma.message.count({ where: { conversationId: rawId(h.conversationId) } });
}

describe('prepared statements', () => {
  let server: TestServer;
  let optedIn: Hiring;
  let refused: Hiring;
  // PostgreSQL: one connection each, so what it prepared can be read back on it.
  let preparedDb: Database;
  let plainDb: Database;

  beforeAll(async () => {
    server = await startTestServer();
    optedIn = await setUpHiring(server);
    refused = await setUpHiring(server);
    await refused.candidateTexts('STOP');
    await waitFor(async () => (await refused.smsLock())?.reason === 'OPTED_OUT' || null, 'the opt-out');
    if (postgres) {
      const url = server.database.url as string;
      preparedDb = await openDatabase({ url, poolSize: 1 });
      plainDb = await openDatabase({ url, poolSize: 1, preparedStatements: false });
    }
  }, 60_000);

  afterAll(async () => {
    await preparedDb?.close();
    await plainDb?.close();
    await server?.stop();
  });

  it('marks a statement so that pgbench can still replay it (npm run bench)', () => {
    const marked = prepared(Prisma.sql`SELECT ${1}::int`);
    expect(pgbenchScript([{ text: marked.text, values: marked.values }], [['integer']], new Set(), 'run')).toContain(
      "'1'::integer",
    );
  });

  it('DATABASE_PREPARED_STATEMENTS=off turns them off', () => {
    const env = { DATABASE_URL: 'postgresql://u@127.0.0.1/db' };
    expect(databaseTarget(loadConfig(env))).toMatchObject({ preparedStatements: true });
    expect(databaseTarget(loadConfig({ ...env, DATABASE_PREPARED_STATEMENTS: 'off' }))).toMatchObject({
      preparedStatements: false,
    });
  });

  it.runIf(postgres)(
    'the send facts are prepared once per connection and read the same as unprepared, past the generic-plan switch',
    async () => {
      const variants: { key: string | null; window: boolean }[] = [
        { key: null, window: false },
        { key: 'prepared-test-key', window: false },
        { key: null, window: true },
      ];
      for (const h of [optedIn, refused]) {
        for (const variant of variants) {
          const expected = await facts(plainDb.prisma, h, variant);
          // PostgreSQL considers a generic plan from the sixth execution of a prepared statement.
          for (let run = 0; run < 8; run++) expect(await facts(preparedDb.prisma, h, variant)).toEqual(expected);
        }
      }
      expect(await facts(preparedDb.prisma, refused, variants[0] as (typeof variants)[0])).toMatchObject({
        consent: 'OPTED_OUT',
        optOutSource: 'KEYWORD',
      });
      expect(await facts(preparedDb.prisma, optedIn, variants[0] as (typeof variants)[0])).toMatchObject({
        consent: 'CONSENTED',
      });

      const statements = (await preparedOnConnection(preparedDb)).filter((s) =>
        s.statement.includes('FROM "Tenant" tn'),
      );
      expect(statements).toHaveLength(variants.length);
      for (const s of statements) {
        expect(s.name).toMatch(/^parley_/);
        expect(Number(s.generic_plans) + Number(s.custom_plans)).toBeGreaterThanOrEqual(16);
      }
      expect(await preparedOnConnection(plainDb)).toEqual([]);
    },
  );

  it('a send written inside a transaction that fails is rolled back; the statement still runs afterwards', async () => {
    const db = postgres ? preparedDb : { prisma: server.app.services.prisma };
    const before = await messageCount(db.prisma, optedIn);
    const read = await facts(db.prisma, optedIn, { key: null, window: false });
    const number = read.number ?? read.pool?.[0];
    if (!number) throw new Error('no sending number');
    const send = {
      conversationId: rawId(optedIn.conversationId),
      sendingNumber: { id: number.id, e164: number.e164 },
      authorId: rawId(optedIn.recruiter.user.id),
      channel: 'SMS' as const,
      kind: 'CHAT' as const,
      to: optedIn.candidatePhone,
      body: 'Rolled back?',
      cost: { encoding: 'GSM-7', segments: 1 },
      idempotencyKey: null,
      requestHash: null,
    };
    const tenantId = rawId(optedIn.tenant.id);
    const tenantDb = scopeToTenant(db.prisma, tenantId);
    await expect(
      tenantDb.$transaction(async (tx) => {
        await queueMessage(tenantId, tx, send);
        expect(await tx.message.count({ where: { conversationId: send.conversationId } })).toBe(before + 1);
        throw new Error('abandoned');
      }),
    ).rejects.toThrow('abandoned');
    expect(await messageCount(db.prisma, optedIn)).toBe(before);

    const id = await queueMessage(tenantId, tenantDb, { ...send, body: 'Kept' });
    expect(await db.prisma.message.findUnique({ where: { id } })).toMatchObject({ body: 'Kept', status: 'QUEUED' });
    expect(await messageCount(db.prisma, optedIn)).toBe(before + 1);
    if (postgres) {
      const write = (await preparedOnConnection(preparedDb)).filter((s) =>
        s.statement.includes('INSERT INTO "Message"'),
      );
      expect(write.map((s) => Number(s.generic_plans) + Number(s.custom_plans))).toEqual([2]);
    }
  });
});
