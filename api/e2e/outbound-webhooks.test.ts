import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateUserDocument,
  CreateWebhookEndpointDocument,
  DeleteWebhookEndpointDocument,
  ReplayWebhookDeliveryDocument,
  ReplayWebhookEventsDocument,
  RotateWebhookSecretDocument,
  SendMessageDocument,
  type TenantEventType,
  UpdateTenantSettingsDocument,
  UpdateWebhookEndpointDocument,
  type UpdateWebhookEndpointInput,
  WebhookDeliveriesDocument,
  WebhookEndpointDocument,
  WebhookEndpointsDocument,
} from '../../clients/generated/graphql.ts';
import type { ParleyClient } from '../../clients/parley-client.ts';
import { rawId, startTestServer, type TestServer, type TestTenant } from '../test/harness.ts';
import { setUpHiring, waitFor } from '../test/messaging-fixture.ts';
import { optIn } from '../test/opted-in.ts';
import { type Answer, startWebhookReceiver, type WebhookReceiver } from '../test/webhook-receiver.ts';

const RETRY_BASE_MS = 100;
const RETRY_WINDOW_MS = 2_500;
const MAX_ENDPOINTS = 12;
const MAX_PENDING = 5;

async function createEndpoint(client: ParleyClient, url: string, eventTypes?: TenantEventType[]) {
  const { createWebhookEndpoint: created } = await client.request(CreateWebhookEndpointDocument, {
    input: { url, eventTypes, description: 'test receiver' },
  });
  if (created.__typename !== 'CreatedWebhookEndpoint') throw new Error(JSON.stringify(created));
  return { id: created.endpoint.id, secret: created.secret };
}

async function deliveries(client: ParleyClient, endpointId: string) {
  const { node } = await client.request(WebhookDeliveriesDocument, { id: endpointId, first: 50 });
  if (node?.__typename !== 'WebhookEndpoint') throw new Error(`no endpoint ${endpointId}`);
  return node;
}

describe('outbound webhooks', () => {
  let server: TestServer;
  const receivers: WebhookReceiver[] = [];
  const receiver = async (answer?: (r: WebhookReceiver['received'][number], i: number) => Answer) => {
    const r = await startWebhookReceiver(answer);
    receivers.push(r);
    return r;
  };
  let nextUser = 0;
  const touch = (tenant: TestTenant) =>
    tenant.client.request(CreateUserDocument, {
      input: { name: `Webhook user ${nextUser}`, email: `webhook-user-${nextUser++}@example.com` },
    });

  beforeAll(async () => {
    server = await startTestServer({
      env: {
        WEBHOOK_WORKER: 'on',
        WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
        WEBHOOK_RETRY_BASE_MS: String(RETRY_BASE_MS),
        WEBHOOK_RETRY_WINDOW_MS: String(RETRY_WINDOW_MS),
        WEBHOOK_SEND_TIMEOUT_MS: '5000',
        WEBHOOK_MAX_ENDPOINTS_PER_TENANT: String(MAX_ENDPOINTS),
        WEBHOOK_MAX_PENDING_PER_ENDPOINT: String(MAX_PENDING),
        LOG_LEVEL: 'debug',
      },
    });
  });
  afterAll(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    await server?.stop();
  });

  it('delivers a message event signed so the standardwebhooks library verifies it, in the TenantEvent shape', async () => {
    const h = await setUpHiring(server);
    const hook = await receiver();
    const endpoint = await createEndpoint(h.tenant.client, hook.url, ['MESSAGE_CREATED']);
    await optIn(h);
    const sent = await h.recruiter.client.request(SendMessageDocument, {
      input: { conversationId: h.conversationId, channel: 'SMS', body: 'Hello', idempotencyKey: 'webhook-1' },
    });
    if (sent.sendMessage.__typename !== 'Message') throw new Error(JSON.stringify(sent));

    const [request] = await waitFor(async () => hook.received.length > 0 && hook.received, 'the webhook');
    if (!request) throw new Error('no request');
    const verified = new Webhook(endpoint.secret).verify(request.body, request.headers as Record<string, string>);
    expect(verified).toMatchObject({
      type: 'MESSAGE_CREATED',
      data: {
        type: 'MESSAGE_CREATED',
        subjectId: sent.sendMessage.id,
        conversationId: h.conversationId,
        cursor: expect.any(String),
        occurredAt: expect.any(String),
        payload: expect.any(Object),
      },
    });
    expect(request.headers['content-type']).toBe('application/json');
    expect(Number(request.headers['webhook-timestamp'])).toBeCloseTo(Date.now() / 1000, -1);
    const delivery = await waitFor(async () => {
      const [d] = (await deliveries(h.tenant.client, endpoint.id)).deliveries.edges.map((e) => e.node);
      return d?.state === 'DELIVERED' && d;
    }, 'the delivery to settle');
    expect(delivery).toMatchObject({ state: 'DELIVERED', webhookId: request.headers['webhook-id'], attemptCount: 1 });
    expect(delivery?.attempts).toEqual([
      expect.objectContaining({ statusCode: 200, error: null, latencyMs: expect.any(Number) }),
    ]);
    expect(hook.bodies().every((b) => b.type === 'MESSAGE_CREATED')).toBe(true);
  });

  it('sends only the event types an endpoint asked for', async () => {
    const tenant = await server.createTenant();
    const [filtered, all] = [await receiver(), await receiver()];
    await createEndpoint(tenant.client, filtered.url, ['TENANT_UPDATED']);
    await createEndpoint(tenant.client, all.url);
    await touch(tenant);
    await tenant.client.request(UpdateTenantSettingsDocument, { input: { name: 'Renamed for webhooks' } });
    await touch(tenant);
    await waitFor(async () => all.bodies().filter((b) => b.type === 'USER_CREATED').length === 2, 'both users');
    await new Promise((r) => setTimeout(r, 300));
    expect(filtered.bodies().map((b) => b.type)).toEqual(['TENANT_UPDATED']);
    // A catch-all endpoint also gets its own creation (and the other's, when the log placed it after its cursor).
    expect(all.bodies().map((b) => b.type)).toContain('WEBHOOK_ENDPOINT_CREATED');
    expect(
      all
        .bodies()
        .map((b) => b.type)
        .filter((t) => t !== 'WEBHOOK_ENDPOINT_CREATED'),
    ).toEqual(['USER_CREATED', 'TENANT_UPDATED', 'USER_CREATED']);
  });

  it('retries a failing answer with backoff and the same webhook-id until it succeeds', async () => {
    const tenant = await server.createTenant();
    const hook = await receiver((_r, i) => (i < 3 ? 500 : 200));
    const endpoint = await createEndpoint(tenant.client, hook.url, ['USER_CREATED']);
    await touch(tenant);
    await waitFor(async () => hook.received.length === 4, 'four attempts');
    expect(new Set(hook.received.map((r) => r.headers['webhook-id'])).size).toBe(1);
    const gaps = hook.received.slice(1).map((r, i) => r.at - (hook.received[i]?.at ?? 0));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(RETRY_BASE_MS * 0.8);
    const [delivery] = (await deliveries(tenant.client, endpoint.id)).deliveries.edges.map((e) => e.node);
    await waitFor(async () => {
      const [d] = (await deliveries(tenant.client, endpoint.id)).deliveries.edges.map((e) => e.node);
      return d?.state === 'DELIVERED';
    }, 'DELIVERED');
    const settled = (await deliveries(tenant.client, endpoint.id)).deliveries.edges[0]?.node;
    expect(settled?.attempts.map((a) => a.statusCode)).toEqual([500, 500, 500, 200]);
    expect(settled?.attemptCount).toBe(4);
    expect(delivery?.webhookId).toBe(hook.received[0]?.headers['webhook-id']);
  });

  it('marks the endpoint FAILING after the retry window and notifies its admins once; a success heals it', async () => {
    const h = await setUpHiring(server);
    let healthy = false;
    const hook = await receiver(() => (healthy ? 200 : 503));
    const watcher = await receiver();
    await createEndpoint(h.tenant.client, watcher.url, [
      'WEBHOOK_ENDPOINT_FAILING',
      'WEBHOOK_ENDPOINT_RECOVERED',
      'NOTIFICATION_CREATED',
    ]);
    const endpoint = await createEndpoint(h.tenant.client, hook.url, ['USER_CREATED']);
    await touch(h.tenant);
    await touch(h.tenant);
    const failing = await waitFor(
      async () => {
        const e = await deliveries(h.tenant.client, endpoint.id);
        return e.deliveries.edges.every((d) => d.node.state === 'FAILED') && e.deliveries.edges.length === 2 && e;
      },
      'both deliveries to fail',
      RETRY_WINDOW_MS + 8_000,
    );
    expect(failing.status).toBe('FAILING');
    expect(failing.failingSince).not.toBeNull();
    for (const d of failing.deliveries.edges) expect(d.node.attemptCount).toBeGreaterThan(1);

    const notes = await server.app.services.prisma.notification.findMany({
      where: { tenantId: rawId(h.tenant.id), kind: 'WEBHOOK_ENDPOINT_FAILING' },
    });
    expect(notes.map((n) => n.userId)).toEqual([rawId(h.admin.user.id)]);
    expect(notes[0]?.text).toContain('127.0.0.1');
    await waitFor(async () => watcher.bodies().length >= 2, 'FAILING and NOTIFICATION_CREATED');
    expect(watcher.bodies().map((b) => b.type)).toEqual(['WEBHOOK_ENDPOINT_FAILING', 'NOTIFICATION_CREATED']);
    expect(watcher.bodies()[0]?.data.subjectId).toBe(endpoint.id);
    expect(watcher.bodies()[1]?.data.payload).toEqual({
      userId: rawId(h.admin.user.id),
      kind: 'WEBHOOK_ENDPOINT_FAILING',
    });

    healthy = true;
    await touch(h.tenant);
    await waitFor(async () => (await deliveries(h.tenant.client, endpoint.id)).status === 'HEALTHY', 'HEALTHY again');
    await waitFor(async () => watcher.bodies().length >= 3, 'RECOVERED');
    expect(watcher.bodies()[2]?.type).toBe('WEBHOOK_ENDPOINT_RECOVERED');
    const again = await server.app.services.prisma.notification.count({
      where: { tenantId: rawId(h.tenant.id), kind: 'WEBHOOK_ENDPOINT_FAILING' },
    });
    expect(again).toBe(1);
  });

  it('signs with the old and the new secret during a rotation overlap, then with the new one only', async () => {
    const tenant = await server.createTenant();
    const hook = await receiver();
    const endpoint = await createEndpoint(tenant.client, hook.url, ['USER_CREATED']);
    const { rotateWebhookSecret: rotated } = await tenant.client.request(RotateWebhookSecretDocument, {
      id: endpoint.id,
    });
    if (rotated.__typename !== 'RotatedWebhookSecret') throw new Error(JSON.stringify(rotated));
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(endpoint.secret);
    const overlapEnds = new Date(rotated.endpoint.previousSecretExpiresAt ?? 0).getTime();
    expect(overlapEnds - Date.now()).toBeGreaterThan(23.9 * 3_600_000);

    await touch(tenant);
    const [during] = await waitFor(async () => hook.received.length === 1 && hook.received, 'first delivery');
    if (!during) throw new Error('no delivery');
    const headers = during.headers as Record<string, string>;
    expect(headers['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(() => new Webhook(endpoint.secret).verify(during.body, headers)).not.toThrow();
    expect(() => new Webhook(rotated.secret).verify(during.body, headers)).not.toThrow();

    // The overlap ends (as 24 hours later).
    await server.app.services.prisma.webhookEndpoint.update({
      where: { id: rawId(endpoint.id) },
      data: { previousSecretExpiresAt: new Date(Date.now() - 1000) },
    });
    await touch(tenant);
    const after = await waitFor(async () => hook.received.length === 2 && hook.received[1], 'second delivery');
    const afterHeaders = after.headers as Record<string, string>;
    expect(afterHeaders['webhook-signature']?.split(' ')).toHaveLength(1);
    expect(() => new Webhook(rotated.secret).verify(after.body, afterHeaders)).not.toThrow();
    expect(() => new Webhook(endpoint.secret).verify(after.body, afterHeaders)).toThrow();

    const { rotateWebhookSecret: tooLong } = await tenant.client.request(RotateWebhookSecretDocument, {
      id: endpoint.id,
      overlapHours: 24 * 8,
    });
    expect(tooLong).toMatchObject({ __typename: 'ValidationError', field: 'overlapHours' });
  });

  it('a hung endpoint delays neither another endpoint nor sending a message', async () => {
    const h = await setUpHiring(server);
    const hung = await receiver(() => 'hang');
    const good = await receiver();
    await createEndpoint(h.tenant.client, hung.url, ['USER_CREATED']);
    await createEndpoint(h.tenant.client, good.url, ['USER_CREATED']);
    for (let i = 0; i < 6; i++) await touch(h.tenant);
    const started = Date.now();
    await waitFor(async () => hung.received.length >= 1 && good.received.length === 6, 'the good endpoint', 4_000);
    const goodTook = Math.max(...good.received.map((r) => r.at)) - started;
    expect(goodTook).toBeLessThan(2_000);
    expect(hung.received.length).toBeLessThanOrEqual(4); // at most 4 in flight to one endpoint

    await optIn(h);
    const sendStarted = Date.now();
    const sent = await h.recruiter.client.request(SendMessageDocument, {
      input: { conversationId: h.conversationId, channel: 'SMS', body: 'Still fast', idempotencyKey: 'webhook-hung' },
    });
    expect(sent.sendMessage.__typename).toBe('Message');
    await waitFor(async () => h.sentToCandidate().length === 1, 'the SMS to reach Twilio', 3_000);
    expect(Date.now() - sendStarted).toBeLessThan(3_000);
  });

  it('another tenant’s hung endpoints hold only their tenant’s share: the victim’s event goes at once', async () => {
    const attacker = await server.createTenant();
    const victim = await server.createTenant();
    const hung = await receiver(() => 'hang');
    const good = await receiver();
    for (let i = 0; i < MAX_ENDPOINTS; i++) await createEndpoint(attacker.client, `${hung.url}/${i}`, ['USER_CREATED']);
    const { createWebhookEndpoint: over } = await attacker.client.request(CreateWebhookEndpointDocument, {
      input: { url: `${hung.url}/more`, eventTypes: ['USER_CREATED'] },
    });
    expect(over).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
    expect((over as { message: string }).message).toMatch(/most allowed \(12\): delete one/);
    await createEndpoint(victim.client, good.url, ['USER_CREATED']);
    await Promise.all(Array.from({ length: 30 }, () => touch(attacker)));
    await waitFor(async () => hung.received.length >= 8, 'the attacker’s deliveries to hang');
    const started = Date.now();
    await touch(victim);
    await waitFor(async () => good.received.length === 1, 'the victim’s delivery', 4_000);
    // Held behind the attacker's slots, it would wait for a hung attempt's 5 s timeout (the hung attempts
    // began just before `started`); a loaded CI machine can take a second or two for the relay and the worker's poll.
    expect(good.received[0]?.at ?? Number.POSITIVE_INFINITY).toBeLessThan(started + 3_500);
    expect(hung.received.length).toBeLessThanOrEqual(8); // the attacker's share of one copy, not 12 × 4
  });

  it('deleting an endpoint during an attempt drops the attempt quietly', async () => {
    const tenant = await server.createTenant();
    const hung = await startWebhookReceiver(() => 'hang');
    const endpoint = await createEndpoint(tenant.client, hung.url, ['USER_CREATED']);
    await touch(tenant);
    await waitFor(async () => hung.received.length === 1, 'the attempt');
    const { deleteWebhookEndpoint: deleted } = await tenant.client.request(DeleteWebhookEndpointDocument, {
      id: endpoint.id,
    });
    expect(deleted.__typename).toBe('DeletedWebhookEndpoint');
    await hung.close(); // the attempt ends with a connection error
    await new Promise((r) => setTimeout(r, 500));
    expect(server.logs.text).not.toMatch(/delivery crashed/);
    const left = await server.app.services.prisma.webhookDelivery.count({ where: { endpointId: rawId(endpoint.id) } });
    expect(left).toBe(0);
  });

  it('replays a delivery and a time range with the same webhook-ids; refuses ranges that are too wide or too old', async () => {
    const tenant = await server.createTenant();
    const hook = await receiver();
    const from = new Date(Date.now() - 1000);
    const endpoint = await createEndpoint(tenant.client, hook.url, ['USER_CREATED']);
    await touch(tenant);
    await touch(tenant);
    await waitFor(async () => hook.received.length === 2, 'two deliveries');
    const ids = hook.received.map((r) => r.headers['webhook-id']);
    const first = (await deliveries(tenant.client, endpoint.id)).deliveries.edges.at(-1)?.node;
    if (!first) throw new Error('no delivery');

    const { replayWebhookDelivery: replay } = await tenant.client.request(ReplayWebhookDeliveryDocument, {
      id: first.id,
    });
    expect(replay).toMatchObject({ __typename: 'WebhookDelivery', replayOf: first.id, webhookId: first.webhookId });
    await waitFor(async () => hook.received.length === 3, 'the replayed delivery');
    expect(hook.received[2]?.headers['webhook-id']).toBe(first.webhookId);
    expect(hook.received[2]?.body).toBe(hook.received.find((r) => r.headers['webhook-id'] === first.webhookId)?.body);

    const to = new Date(Date.now() + 1000);
    const { replayWebhookEvents: range } = await tenant.client.request(ReplayWebhookEventsDocument, {
      endpointId: endpoint.id,
      from: from.toISOString(),
      to: to.toISOString(),
    });
    expect(range).toMatchObject({ __typename: 'ReplayedWebhookEvents', queued: 2 });
    await waitFor(async () => hook.received.length === 5, 'the replayed range');
    expect(hook.received.slice(3).map((r) => r.headers['webhook-id'])).toEqual(ids);

    const day = 86_400_000;
    const refusals = await Promise.all(
      [
        [to, from],
        [new Date(Date.now() - 31 * day), new Date()],
        [new Date(Date.now() - 40 * day), new Date(Date.now() - 35 * day)],
      ].map(([f, t]) =>
        tenant.client.request(ReplayWebhookEventsDocument, {
          endpointId: endpoint.id,
          from: (f as Date).toISOString(),
          to: (t as Date).toISOString(),
        }),
      ),
    );
    expect(refusals.map((r) => r.replayWebhookEvents)).toEqual([
      expect.objectContaining({ __typename: 'ValidationError', field: 'to' }),
      expect.objectContaining({ __typename: 'ValidationError', field: 'to' }),
      expect.objectContaining({ __typename: 'ValidationError', field: 'from' }),
    ]);
  });

  it('records create, update, rotate and delete as events, never with the secret; secrets never come back or reach the logs', async () => {
    const tenant = await server.createTenant();
    const watcher = await receiver();
    const watching = await createEndpoint(tenant.client, watcher.url, [
      'WEBHOOK_ENDPOINT_CREATED',
      'WEBHOOK_ENDPOINT_UPDATED',
      'WEBHOOK_ENDPOINT_DELETED',
    ]);
    const other = await receiver();
    const endpoint = await createEndpoint(tenant.client, other.url, ['USER_CREATED']);
    const { updateWebhookEndpoint: updated } = await tenant.client.request(UpdateWebhookEndpointDocument, {
      input: { id: endpoint.id, enabled: false, description: 'paused' },
    });
    expect(updated).toMatchObject({ __typename: 'WebhookEndpoint', enabled: false, description: 'paused' });
    const { rotateWebhookSecret: rotated } = await tenant.client.request(RotateWebhookSecretDocument, {
      id: endpoint.id,
      overlapHours: 0,
    });
    if (rotated.__typename !== 'RotatedWebhookSecret') throw new Error(JSON.stringify(rotated));
    expect(rotated.endpoint.previousSecretExpiresAt).toBeNull();

    const { webhookEndpoints } = await tenant.client.request(WebhookEndpointsDocument, {});
    const { node } = await tenant.client.request(WebhookEndpointDocument, { id: endpoint.id });
    const readBack = JSON.stringify([webhookEndpoints, node, await deliveries(tenant.client, endpoint.id)]);
    expect(webhookEndpoints.edges).toHaveLength(2);
    const stored = await server.app.services.prisma.webhookEndpoint.findUniqueOrThrow({
      where: { id: rawId(endpoint.id) },
    });

    const { deleteWebhookEndpoint: deleted } = await tenant.client.request(DeleteWebhookEndpointDocument, {
      id: endpoint.id,
    });
    expect(deleted).toEqual({ __typename: 'DeletedWebhookEndpoint', id: endpoint.id });
    await waitFor(async () => watcher.bodies().length >= 5, 'the lifecycle events');
    expect(watcher.bodies().map((b) => [b.type, b.data.subjectId])).toEqual([
      ['WEBHOOK_ENDPOINT_CREATED', watching.id],
      ['WEBHOOK_ENDPOINT_CREATED', endpoint.id],
      ['WEBHOOK_ENDPOINT_UPDATED', endpoint.id],
      ['WEBHOOK_ENDPOINT_UPDATED', endpoint.id],
      ['WEBHOOK_ENDPOINT_DELETED', endpoint.id],
    ]);
    expect(watcher.bodies()[3]?.data.payload).toEqual({ secretRotated: true });

    for (const secret of [endpoint.secret, rotated.secret]) {
      const key = secret.slice('whsec_'.length);
      expect(readBack).not.toContain(key);
      expect(JSON.stringify(watcher.bodies())).not.toContain(key);
      expect(server.logs.text).not.toContain(key);
      expect(`${stored.secret} ${stored.previousSecret}`).not.toContain(key); // encrypted at rest
    }
    const { node: gone } = await tenant.client.request(WebhookEndpointDocument, { id: endpoint.id });
    expect(gone).toBeNull();
  });

  it('replaying a range skips events still waiting for the endpoint and refuses to queue past its limit', async () => {
    const tenant = await server.createTenant();
    const hung = await receiver(() => 'hang');
    const t0 = new Date(Date.now() - 1000);
    const endpoint = await createEndpoint(tenant.client, hung.url, ['USER_CREATED']);
    for (let i = 0; i < 3; i++) await touch(tenant);
    const t1 = new Date();
    await new Promise((r) => setTimeout(r, 20));
    for (let i = 0; i < 3; i++) await touch(tenant);
    const t2 = new Date(Date.now() + 1000);
    const count = (id: string) =>
      server.app.services.prisma.webhookDelivery.count({ where: { endpointId: rawId(id) } });
    await waitFor(async () => (await count(endpoint.id)) === 6, 'six deliveries queued');
    const replay = (id: string, from: Date, to: Date) =>
      tenant.client
        .request(ReplayWebhookEventsDocument, { endpointId: id, from: from.toISOString(), to: to.toISOString() })
        .then((r) => r.replayWebhookEvents);
    for (let i = 0; i < 3; i++) {
      expect(await replay(endpoint.id, t0, t2)).toMatchObject({ queued: 0, skipped: 6 });
    }
    expect(await count(endpoint.id)).toBe(6);

    // A new endpoint missed all six: replaying them would leave it more than MAX_PENDING waiting.
    const late = await createEndpoint(tenant.client, `${hung.url}/late`, ['USER_CREATED']);
    const refused = await replay(late.id, t0, t2);
    expect(refused).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
    expect((refused as { message: string }).message).toMatch(/wait for .* or replay a narrower range/);
    expect(await count(late.id)).toBe(0);
    expect(await replay(late.id, t0, t1)).toMatchObject({ queued: 3, skipped: 0 });
    expect(await replay(late.id, t0, t1)).toMatchObject({ queued: 0, skipped: 3 });
    expect(await count(late.id)).toBe(3);
  });

  it('refuses recruiters, and another tenant’s endpoints as not found', async () => {
    const tenant = await server.createTenant();
    const recruiter = await server.createUser(tenant);
    const hook = await receiver();
    const refused = await recruiter.client.request(CreateWebhookEndpointDocument, { input: { url: hook.url } });
    expect(refused.createWebhookEndpoint.__typename).toBe('NotAuthorizedError');
    const listed = await server.post(
      { query: '{ webhookEndpoints { edges { node { id } } } }' },
      { authorization: `Bearer ${recruiter.token}` },
    );
    expect(listed.body.errors?.[0]?.message).toMatch(/credentials do not allow/);

    const mine = await createEndpoint(tenant.client, hook.url);
    await waitFor(async () => hook.received.length >= 1, 'the endpoint’s own WEBHOOK_ENDPOINT_CREATED');
    const delivery = (await deliveries(tenant.client, mine.id)).deliveries.edges[0]?.node;
    if (!delivery) throw new Error('no delivery');
    // A recruiter cannot tell a real endpoint or delivery from a made-up id: both are a bare null.
    const madeUp = Buffer.from('WebhookEndpoint:0190f5c2-0000-7000-8000-000000000000').toString('base64');
    for (const id of [mine.id, delivery.id, madeUp]) {
      const one = await server.post(
        { query: 'query($id: ID!) { node(id: $id) { id } }', variables: { id } },
        { authorization: `Bearer ${recruiter.token}` },
      );
      expect(one.body).toEqual({ data: { node: null } });
      const many = await server.post(
        { query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids: [id] } },
        { authorization: `Bearer ${recruiter.token}` },
      );
      expect(many.body).toEqual({ data: { nodes: [null] } });
    }
    const stranger = await server.createTenant();
    const attempts = await Promise.all([
      stranger.client.request(UpdateWebhookEndpointDocument, { input: { id: mine.id, enabled: false } }),
      stranger.client.request(RotateWebhookSecretDocument, { id: mine.id }),
      stranger.client.request(DeleteWebhookEndpointDocument, { id: mine.id }),
      stranger.client.request(ReplayWebhookEventsDocument, {
        endpointId: mine.id,
        from: new Date(Date.now() - 60_000).toISOString(),
        to: new Date().toISOString(),
      }),
    ]);
    expect(attempts.map((a) => Object.values(a)[0]?.__typename)).toEqual([
      'NotFoundError',
      'NotFoundError',
      'NotFoundError',
      'NotFoundError',
    ]);
    expect((await stranger.client.request(WebhookEndpointDocument, { id: mine.id })).node).toBeNull();
    expect((await stranger.client.request(WebhookEndpointsDocument, {})).webhookEndpoints.edges).toEqual([]);
  });

  it('refuses an empty list of event types and a bad URL with a sentence', async () => {
    const tenant = await server.createTenant();
    const hook = await receiver();
    const bad = await Promise.all([
      tenant.client.request(CreateWebhookEndpointDocument, { input: { url: hook.url, eventTypes: [] } }),
      tenant.client.request(CreateWebhookEndpointDocument, { input: { url: 'not a url' } }),
      tenant.client.request(CreateWebhookEndpointDocument, { input: { url: 'ftp://example.com/x' } }),
      tenant.client.request(CreateWebhookEndpointDocument, { input: { url: 'https://user:pw@example.com/x' } }),
    ]);
    expect(bad.map((b) => b.createWebhookEndpoint)).toEqual([
      expect.objectContaining({ __typename: 'ValidationError', field: 'eventTypes' }),
      expect.objectContaining({
        __typename: 'ValidationError',
        field: 'url',
        message: expect.stringMatching(/not a URL/),
      }),
      expect.objectContaining({ __typename: 'ValidationError', field: 'url', message: expect.stringMatching(/https/) }),
      expect.objectContaining({
        __typename: 'ValidationError',
        field: 'url',
        message: expect.stringMatching(/password/),
      }),
    ]);
  });

  it('updates event types (a list, or every type again) and checks a new URL like a new endpoint', async () => {
    const tenant = await server.createTenant();
    const hook = await receiver();
    const endpoint = await createEndpoint(tenant.client, hook.url);
    const update = (input: Omit<UpdateWebhookEndpointInput, 'id'>) =>
      tenant.client.request(UpdateWebhookEndpointDocument, { input: { id: endpoint.id, ...input } });
    expect((await update({ eventTypes: ['USER_CREATED'] })).updateWebhookEndpoint).toMatchObject({
      eventTypes: ['USER_CREATED'],
    });
    expect((await update({ allEventTypes: true })).updateWebhookEndpoint).toMatchObject({ eventTypes: [] });
    expect((await update({ eventTypes: [] })).updateWebhookEndpoint).toMatchObject({ field: 'eventTypes' });
    expect((await update({ url: 'ftp://example.com/x' })).updateWebhookEndpoint).toMatchObject({
      __typename: 'ValidationError',
      field: 'url',
    });
  });
});

describe('outbound webhook targets (SSRF)', () => {
  let server: TestServer;
  afterAll(() => server?.stop());

  it('refuses loopback, private, link-local and metadata addresses by default, by IP and by name', async () => {
    server = await startTestServer();
    const tenant = await server.createTenant();
    const urls = [
      'http://127.0.0.1:8080/hooks',
      'http://10.1.2.3/hooks',
      'http://[::1]/hooks',
      'http://169.254.169.254/latest/meta-data/',
      'http://localhost:8080/hooks',
      'http://[::ffff:127.0.0.1]/hooks',
      'http://100.64.0.1/hooks',
    ];
    const results = await Promise.all(
      urls.map((url) => tenant.client.request(CreateWebhookEndpointDocument, { input: { url } })),
    );
    for (const [i, { createWebhookEndpoint: r }] of results.entries()) {
      expect(r, urls[i]).toMatchObject({
        __typename: 'ValidationError',
        field: 'url',
        message: expect.stringMatching(/(loopback|private|link-local|shared).*public addresses/),
      });
    }
    expect((await tenant.client.request(WebhookEndpointsDocument, {})).webhookEndpoints.edges).toEqual([]);
  });
});

describe('outbound webhook targets in production', () => {
  let server: TestServer;
  afterAll(() => server?.stop());

  it('refuses http:// URLs', async () => {
    server = await startTestServer({ env: { NODE_ENV: 'production' } });
    const tenant = await server.createTenant();
    const { createWebhookEndpoint: r } = await tenant.client.request(CreateWebhookEndpointDocument, {
      input: { url: 'http://hooks.example.com/parley' },
    });
    expect(r).toMatchObject({
      __typename: 'ValidationError',
      field: 'url',
      message: expect.stringMatching(/https:\/\//),
    });
  });
});
