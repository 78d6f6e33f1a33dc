import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { ChannelError, type ChannelProvider } from '../../plugins/sdk/index.ts';
import type { Message } from '../db/generated/prisma/client.ts';
import type { Claim } from './claims.ts';
import { type DeliverDeps, deliver } from './deliver.ts';
import type { Outcomes } from './outcomes.ts';

/** The send attempt alone: a provider that answers as told, and outcomes that are only written down. */
function setUp(answer: () => Promise<{ providerMessageId: string }>, options: { sendTimeoutMs?: number } = {}) {
  const recorded: { kind: string; args: unknown[] }[] = [];
  const record =
    (kind: string) =>
    async (...args: unknown[]) => {
      recorded.push({ kind, args });
    };
  const outcomes = {
    sent: record('sent'),
    failed: record('failed'),
    unclear: record('unclear'),
    retry: record('retry'),
  } as unknown as Outcomes;
  const calls: number[] = [];
  const provider = {
    send: () => {
      calls.push(Date.now());
      return answer().then((r) => ({ ...r, status: 'QUEUED' as const }));
    },
  } as unknown as ChannelProvider;
  const deps: DeliverDeps = {
    outcomes,
    log: pino({ level: 'silent' }),
    sendTimeoutMs: options.sendTimeoutMs ?? 1_000,
    maxAttempts: 3,
    backoff: (attempt) => attempt * 100,
  };
  const route = { pluginId: 'fake', provider, statusCallbackUrl: (id: string) => `https://x/status?messageId=${id}` };
  const claimedAt = new Date();
  const claim = (over: Partial<Claim> = {}): Claim => ({
    id: 'row',
    account: 'a1',
    messageId: 'm1',
    tenantId: 't',
    attempts: 1,
    claimedAt,
    lastError: null,
    waitMs: 0,
    ...over,
  });
  const message = { id: 'm1', fromNumber: '+14155550100', toNumber: '+14155550199', body: 'hi' } as Message;
  return { deps, route, claim, message, recorded, calls };
}

describe('outbox: one send attempt', () => {
  it("records the provider's id when the send is accepted", async () => {
    const t = setUp(async () => ({ providerMessageId: 'SM1' }));
    await deliver(t.deps, t.claim(), t.message, t.route);
    expect(t.recorded).toEqual([{ kind: 'sent', args: [t.claim(), 'fake', 'SM1'] }]);
  });

  it("waits for the row's slot on its number before calling the provider", async () => {
    const t = setUp(async () => ({ providerMessageId: 'SM1' }));
    const started = Date.now();
    await deliver(t.deps, t.claim({ waitMs: 300 }), t.message, t.route);
    expect((t.calls[0] ?? 0) - started).toBeGreaterThanOrEqual(290);
  });

  it('marks an answer that does not prove refusal unclear, to be reconciled after the backoff', async () => {
    const t = setUp(async () => {
      throw ChannelError.unclear('502 from the edge');
    });
    await deliver(t.deps, t.claim({ attempts: 2 }), t.message, t.route);
    expect(t.recorded).toEqual([{ kind: 'unclear', args: [expect.anything(), '502 from the edge', 200] }]);
    const other = setUp(async () => {
      throw new TypeError('socket hang up');
    });
    await deliver(other.deps, other.claim(), other.message, other.route);
    expect(other.recorded[0]?.kind).toBe('unclear');
  });

  it('retries a transient refusal while attempts remain, then fails it; fails a permanent refusal at once', async () => {
    const limited = () => {
      throw new ChannelError('RATE_LIMITED', 'Too many requests', true, '20429');
    };
    const t = setUp(async () => limited());
    await deliver(t.deps, t.claim({ attempts: 2 }), t.message, t.route);
    expect(t.recorded).toEqual([{ kind: 'retry', args: [expect.anything(), 'Too many requests', 200] }]);
    await deliver(t.deps, t.claim({ attempts: 3 }), t.message, t.route);
    expect(t.recorded[1]?.kind).toBe('failed');

    const refused = setUp(async () => {
      throw new ChannelError('INVALID_RECIPIENT', 'not a phone number', false, '21211');
    });
    await deliver(refused.deps, refused.claim(), refused.message, refused.route);
    expect(refused.recorded.map((r) => r.kind)).toEqual(['failed']);
  });

  it('treats a call past its timeout as unclear for no less than the timeout, and still records a late answer', async () => {
    let accept: (r: { providerMessageId: string }) => void = () => {};
    const t = setUp(() => new Promise((resolve) => (accept = resolve)), { sendTimeoutMs: 100 });
    await deliver(t.deps, t.claim(), t.message, t.route);
    expect(t.recorded).toEqual([{ kind: 'unclear', args: [expect.anything(), 'send took longer than 100 ms', 100] }]);
    accept({ providerMessageId: 'SM-late' });
    await new Promise((r) => setTimeout(r, 10));
    expect(t.recorded[1]).toEqual({ kind: 'sent', args: [expect.anything(), 'fake', 'SM-late'] });
  });
});
