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
  /** The vendor's next send to `to` fails: transiently (retry may work) or permanently. */
  failNextSend(to: string, kind: 'transient' | 'permanent'): void;
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
      const found = await provider.findSent({ from: h.from, to: h.to, body, since, exclude: [] });
      expect(found?.providerMessageId).toBe(sent.providerMessageId);
      expect(
        await provider.findSent({ from: h.from, to: h.to, body, since, exclude: [sent.providerMessageId] }),
      ).toBeNull();
    });

    it('reports refusals as ChannelErrors, transient or not', async () => {
      h.failNextSend(h.to, 'transient');
      const transient = await provider
        .send({ from: h.from, to: h.to, body: 'x', statusCallbackUrl: url })
        .catch((e: unknown) => e);
      expect(transient).toBeInstanceOf(ChannelError);
      expect((transient as ChannelError).transient).toBe(true);
      h.failNextSend(h.to, 'permanent');
      const permanent = await provider
        .send({ from: h.from, to: h.to, body: 'x', statusCallbackUrl: url })
        .catch((e: unknown) => e);
      expect(permanent).toBeInstanceOf(ChannelError);
      expect((permanent as ChannelError).transient).toBe(false);
    });

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

    it('parses inbound messages and status callbacks into the core vocabulary', () => {
      const inbound = provider.parseInbound(h.signedInbound({ url, from: h.to, to: h.from, body: 'Yes please' }));
      expect(inbound).toMatchObject({
        from: h.to,
        to: h.from,
        body: 'Yes please',
        providerMessageId: expect.any(String),
      });
      const status = provider.parseStatus(h.signedStatus({ url, providerMessageId: 'X1', vendorStatus: 'delivered' }));
      expect(status).toEqual({ providerMessageId: 'X1', status: 'DELIVERED' });
      expect(provider.webhookReply.contentType).toEqual(expect.any(String));
    });
  });
}
