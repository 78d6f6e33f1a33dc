import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChannelError, type ChannelPlugin, type ChannelProvider, type WebhookRequest } from '../contract.ts';

/** What a plugin's own test supplies so the kit can drive it against its vendor's fake. */
export type ConformanceHarness = {
  plugin: ChannelPlugin<Record<string, string>>;
  credentials: Record<string, string>;
  apiBaseUrl: string;
  from: string;
  to: string;
  /** A webhook request for an inbound message, signed as the vendor signs it. */
  signedInbound(input: { url: string; from: string; to: string; body: string }): WebhookRequest;
  /** A webhook request for a status change, signed as the vendor signs it. */
  signedStatus(input: {
    url: string;
    providerMessageId: string;
    vendorStatus: string;
    vendorErrorCode?: string;
  }): WebhookRequest;
  /** The vendor refuses the next send to `to` (nothing created): transiently (retry may work) or permanently. */
  failNextSend(to: string, kind: 'transient' | 'permanent'): void;
  /** The vendor creates the next message to `to`, then the answer is lost: a 5xx, or the connection drops. */
  loseNextAnswer(to: string, how: 'server-error' | 'reset'): void;
  close(): Promise<void>;
};

/**
 * The channel-plugin contract as tests: any plugin that passes keeps the
 * promises the core relies on. Call it from the plugin's own test file.
 */
export function runChannelPluginConformance(name: string, setUp: () => Promise<ConformanceHarness>) {
  describe(`channel plugin conformance: ${name}`, () => {
    let h: ConformanceHarness;
    let provider: ChannelProvider;
    const url = 'https://parley.example.com/webhooks/test?x=1';

    beforeAll(async () => {
      h = await setUp();
      provider = h.plugin.create(h.credentials, { apiBaseUrl: h.apiBaseUrl });
    });
    afterAll(() => h?.close());

    it('declares an id, a channel, sane capabilities and secret keys that are credential fields', () => {
      expect(h.plugin.id).toMatch(/^[a-z0-9-]+$/);
      expect(['SMS', 'WHATSAPP']).toContain(h.plugin.channel);
      expect(h.plugin.capabilities.maxLength).toBeGreaterThan(0);
      for (const key of h.plugin.secretKeys) expect(Object.keys(h.credentials)).toContain(key);
      expect(h.plugin.credentials.safeParse({}).success).toBe(false);
      expect(h.plugin.credentials.safeParse(h.credentials).success).toBe(true);
    });

    it('sends and returns the provider id, then finds that message again for reconciliation', async () => {
      const body = `conformance ${Date.now()}`;
      const since = new Date(Date.now() - 1000);
      const sent = await provider.send({ from: h.from, to: h.to, body, statusCallbackUrl: url });
      expect(sent.providerMessageId).toEqual(expect.any(String));
      expect(['QUEUED', 'SENT', 'DELIVERED']).toContain(sent.status);
      const until = new Date(Date.now() + 1000);
      const found = await provider.findSent({ from: h.from, to: h.to, body, since, until, exclude: [] });
      expect(found?.providerMessageId).toBe(sent.providerMessageId);
      expect(
        await provider.findSent({ from: h.from, to: h.to, body, since, until, exclude: [sent.providerMessageId] }),
      ).toBeNull();
      // Outside the window it is not the attempt being looked for.
      expect(
        await provider.findSent({
          from: h.from,
          to: h.to,
          body,
          since: until,
          until: new Date(Date.now() + 5000),
          exclude: [],
        }),
      ).toBeNull();
    });

    it('reports refusals as ChannelErrors, transient or not, that prove nothing was sent', async () => {
      h.failNextSend(h.to, 'transient');
      const transient = await provider
        .send({ from: h.from, to: h.to, body: 'x', statusCallbackUrl: url })
        .catch((e: unknown) => e);
      expect(transient).toBeInstanceOf(ChannelError);
      expect(transient).toMatchObject({ transient: true, outcome: 'refused' });
      h.failNextSend(h.to, 'permanent');
      const permanent = await provider
        .send({ from: h.from, to: h.to, body: 'x', statusCallbackUrl: url })
        .catch((e: unknown) => e);
      expect(permanent).toBeInstanceOf(ChannelError);
      expect(permanent).toMatchObject({ transient: false, outcome: 'refused' });
    });

    for (const how of ['server-error', 'reset'] as const) {
      it(`reports a lost answer (${how}) as unclear, and findSent finds what the vendor created`, async () => {
        const body = `unclear ${how} ${Date.now()}`;
        const since = new Date(Date.now() - 1000);
        h.loseNextAnswer(h.to, how);
        const error = await provider.send({ from: h.from, to: h.to, body, statusCallbackUrl: url }).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ChannelError);
        expect(error).toMatchObject({ outcome: 'unclear' });
        const until = new Date(Date.now() + 1000);
        expect(await provider.findSent({ from: h.from, to: h.to, body, since, until, exclude: [] })).not.toBeNull();
      });
    }

    it('accepts only webhooks signed for this URL, body and account', () => {
      const good = h.signedInbound({ url, from: h.to, to: h.from, body: 'hello' });
      expect(provider.verifyWebhook(good)).toBe(true);
      expect(provider.verifyWebhook({ ...good, headers: {} })).toBe(false);
      expect(provider.verifyWebhook({ ...good, rawBody: good.rawBody.replace('hello', 'hellp') })).toBe(false);
      expect(provider.verifyWebhook({ ...good, url: `${url}&y=2` })).toBe(false);
      const other = h.plugin.create(
        { ...h.credentials, ...Object.fromEntries(h.plugin.secretKeys.map((k) => [k, 'f'.repeat(32)])) },
        {},
      );
      expect(other.verifyWebhook(good)).toBe(false);
    });

    it('parses inbound messages and status callbacks into the core vocabulary', async () => {
      const inbound = provider.parseInbound(h.signedInbound({ url, from: h.to, to: h.from, body: 'Yes please' }));
      expect(inbound).toMatchObject({
        from: h.to,
        to: h.from,
        body: 'Yes please',
        providerMessageId: expect.any(String),
      });
      const sent = await provider.send({ from: h.from, to: h.to, body: 'status', statusCallbackUrl: url });
      const { providerMessageId } = sent;
      const status = provider.parseStatus(h.signedStatus({ url, providerMessageId, vendorStatus: 'delivered' }));
      expect(status).toEqual({ providerMessageId, status: 'DELIVERED' });
      expect(provider.webhookReply.contentType).toEqual(expect.any(String));
    });

    it('refuses signed webhooks that are not well-formed, as ChannelErrors', () => {
      const good = h.signedInbound({ url, from: h.to, to: h.from, body: 'hello' });
      for (const rawBody of [`${good.rawBody}&${good.rawBody}`, `${good.rawBody}&Body=%FF`, `${good.rawBody}%00`]) {
        expect(() => provider.parseInbound({ ...good, rawBody })).toThrow(ChannelError);
      }
    });
  });
}
