import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { ChannelProvider } from '../../plugins/sdk/index.ts';
import type { Message, PrismaClient } from '../db/generated/prisma/client.ts';
import type { Claim } from './claims.ts';
import type { Outcomes } from './outcomes.ts';
import { type ReconcileDeps, reconcile } from './reconcile.ts';

/** Reconciliation alone, for a provider that cannot be asked: outcomes are only written down. */
function setUp(options: { waitedMs: number; providerMessageId?: string | null }) {
  const recorded: { kind: string; args: unknown[] }[] = [];
  const record =
    (kind: string) =>
    async (...args: unknown[]) => {
      recorded.push({ kind, args });
    };
  const outcomes = {
    sent: record('sent'),
    unclear: record('unclear'),
    outcomeUnknown: record('outcomeUnknown'),
    failed: record('failed'),
  } as unknown as Outcomes;
  let lookups = 0;
  const provider = {
    reconciliation: 'status-webhook',
    findSent: async () => {
      lookups++;
      return null;
    },
  } as unknown as ChannelProvider;
  const deps: ReconcileDeps = {
    prisma: {} as PrismaClient,
    outcomes,
    log: pino({ level: 'silent' }),
    leaseMs: 60_000,
    maxAttempts: 3,
    sendTimeoutMs: 1_000,
    backoff: () => 200,
    unknowableWaitMs: 10_000,
  };
  const claim: Claim = {
    id: 'row',
    account: 'a1',
    messageId: 'm1',
    tenantId: 't',
    attempts: 1,
    claimedAt: new Date(Date.now() - options.waitedMs),
    lastError: 'Meta answered 500',
    waitMs: 0,
  };
  const message = { id: 'm1', providerMessageId: options.providerMessageId ?? null } as Message;
  const run = () => reconcile(deps, claim, message, { pluginId: 'whatsapp', provider });
  return { run, recorded, lookups: () => lookups };
}

describe('reconcile: a provider that cannot be asked (status webhook)', () => {
  it('settles as sent once a status webhook attached the provider id', async () => {
    const s = setUp({ waitedMs: 500, providerMessageId: 'wamid.abc' });
    expect(await s.run()).toBeNull();
    expect(s.recorded).toEqual([{ kind: 'sent', args: [expect.anything(), 'whatsapp', 'wamid.abc'] }]);
  });

  it('waits for the webhook without asking the provider or sending again', async () => {
    const s = setUp({ waitedMs: 500 });
    expect(await s.run()).toBeNull();
    expect(s.lookups()).toBe(0);
    expect(s.recorded.map((r) => r.kind)).toEqual(['unclear']);
    const delay = s.recorded[0]?.args[2] as number;
    expect(delay).toBeGreaterThanOrEqual(200);
    expect(delay).toBeLessThanOrEqual(9_500);
  });

  it('fails as OUTCOME_UNKNOWN after the bounded wait, saying it may or may not have arrived', async () => {
    const s = setUp({ waitedMs: 10_001 });
    expect(await s.run()).toBeNull();
    expect(s.lookups()).toBe(0);
    expect(s.recorded.map((r) => r.kind)).toEqual(['outcomeUnknown']);
    expect(s.recorded[0]?.args[1]).toMatch(/may or may not have reached the candidate.*not sent again/);
  });
});
