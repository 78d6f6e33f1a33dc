import { encodeGlobalID } from '@pothos/plugin-relay';
import type { RequestContext } from '../../api/context.ts';
import type { WebhookEndpoint as EndpointRow } from '../../api/db/generated/prisma/client.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../api/domain/errors.ts';
import type { TenantEventType as EventType } from '../../api/events/tenant-events.ts';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  MAX_OVERLAP_HOURS,
  rotateWebhookSecret,
  updateWebhookEndpoint,
} from '../../api/webhooks-out/endpoints.ts';
import { MAX_REPLAY_DAYS, replayWebhookDelivery, replayWebhookEvents } from '../../api/webhooks-out/replay.ts';
import { builder } from '../builder.ts';
import { tenantScope } from '../tenant-scope.ts';
import { TenantEventType } from './tenant-events.ts';

const WebhookEndpointStatus = builder.enumType('WebhookEndpointStatus', {
  description: 'Whether deliveries to an endpoint are getting through.',
  values: {
    HEALTHY: {
      description: 'Deliveries get through (or none has failed its whole retry window since the last success).',
    },
    FAILING: {
      description:
        'A delivery went unanswered for its whole retry window; admins were notified. The next success makes it HEALTHY.',
    },
  } as const,
});

const WebhookDeliveryState = builder.enumType('WebhookDeliveryState', {
  description: 'Where a delivery stands.',
  values: {
    PENDING: { description: 'Waiting for its first attempt or its next retry (`nextAttemptAt`).' },
    SENDING: { description: 'An attempt is under way.' },
    DELIVERED: { description: 'The endpoint answered 2xx.' },
    FAILED: { description: 'No 2xx within the retry window; replay it once the endpoint works.' },
  } as const,
});

const deps = (ctx: RequestContext) => ({
  targets: ctx.services.webhooks.targets,
  wake: ctx.services.webhooks.wake,
  maxEndpointsPerTenant: ctx.services.webhooks.maxEndpointsPerTenant,
  cipher: ctx.services.channels.cipher,
});

export const WebhookAttempt = builder.prismaObject('WebhookAttempt', {
  description: 'One POST of a delivery: what the endpoint answered and how long it took.',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime', description: 'When the attempt started.' }),
    statusCode: t.exposeInt('statusCode', {
      nullable: true,
      description: 'The HTTP status the endpoint answered; null when it did not answer (see `error`).',
    }),
    error: t.exposeString('error', {
      nullable: true,
      description: 'Why there was no answer: a timeout, a refused address, a connection error.',
    }),
    latencyMs: t.exposeInt('latencyMs', { description: 'Milliseconds from the start of the request to its end.' }),
  }),
});

export const WebhookDelivery = builder.prismaNode('WebhookDelivery', {
  id: { field: 'id' },
  nullable: true,
  description: 'One event sent (or to be sent) to one endpoint, with every attempt.',
  authScopes: { tenantAdmin: true },
  fields: (t) => ({
    webhookId: t.exposeString('eventId', {
      description: 'The webhook-id header: the event’s id, the same on every retry and replay, for deduplication.',
    }),
    eventType: t.field({
      description: 'The event delivered.',
      type: TenantEventType,
      resolve: (d) => d.eventType as EventType,
    }),
    state: t.field({
      description: 'Whether it is waiting, being sent, delivered (your endpoint answered 2xx) or failed for good.',
      type: WebhookDeliveryState,
      resolve: (d) => d.state,
    }),
    attemptCount: t.exposeInt('attempts', { description: 'Attempts so far.' }),
    nextAttemptAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the next attempt is due; null once delivered or failed.',
      resolve: (d) => (d.state === 'PENDING' ? d.nextAttemptAt : null),
    }),
    retryUntil: t.expose('retryUntil', { type: 'DateTime', description: 'Retries stop after this; then it fails.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was queued.' }),
    settledAt: t.expose('settledAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was delivered or failed.',
    }),
    replayOf: t.field({
      type: 'ID',
      nullable: true,
      description: 'The delivery this one replays (its global id), when it is a replay.',
      resolve: (d) => (d.replayOfId ? encodeGlobalID('WebhookDelivery', d.replayOfId) : null),
    }),
    body: t.exposeString('body', { description: 'The JSON body as sent: { type, timestamp, data }.' }),
    attempts: t.relation('attemptLog', {
      description: 'Every attempt, oldest first.',
      query: { orderBy: [{ at: 'asc' }, { id: 'asc' }] },
    }),
  }),
});

export const WebhookEndpoint = builder.prismaNode('WebhookEndpoint', {
  id: { field: 'id' },
  nullable: true,
  description:
    'A URL of yours that receives your tenant’s events as signed webhooks (Standard Webhooks). Its signing secret is shown only when created or rotated.',
  authScopes: { tenantAdmin: true },
  fields: (t) => ({
    url: t.exposeString('url', { description: 'The URL events are POSTed to, signed with the endpoint’s secret.' }),
    description: t.exposeString('description', { description: 'Your note on what the endpoint is for; null if none.' }),
    eventTypes: t.field({
      type: [TenantEventType],
      description: 'The event types it receives; empty: every type, including types added later.',
      resolve: (e) => e.eventTypes as EventType[],
    }),
    enabled: t.exposeBoolean('enabled', { description: 'False: nothing is queued or sent until it is enabled again.' }),
    status: t.field({
      description: 'Whether deliveries go out to it.',
      type: WebhookEndpointStatus,
      resolve: (e) => e.status,
    }),
    failingSince: t.expose('failingSince', {
      type: 'DateTime',
      nullable: true,
      description: 'When it became FAILING.',
    }),
    previousSecretExpiresAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'After a rotation: until when the previous secret still signs beside the new one.',
      resolve: (e) =>
        e.previousSecret && e.previousSecretExpiresAt && e.previousSecretExpiresAt > new Date()
          ? e.previousSecretExpiresAt
          : null,
    }),
    createdAt: t.expose('createdAt', { description: 'When the endpoint was added.', type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { description: 'When it last changed.', type: 'DateTime' }),
    deliveries: t.relatedConnection('deliveries', {
      description: 'Its deliveries, newest first, each with its attempts.',
      cursor: 'id',
      query: { orderBy: { id: 'desc' } },
    }),
  }),
});

builder.queryField('webhookEndpoints', (t) =>
  t.prismaConnection({
    type: 'WebhookEndpoint',
    cursor: 'id',
    description: 'Your tenant’s webhook endpoints, newest first (admins and API keys).',
    authScopes: { tenantAdmin: true },
    resolve: (query, _root, _args, ctx) =>
      tenantScope(ctx).db.webhookEndpoint.findMany({ ...query, orderBy: { id: 'desc' } }),
  }),
);

const CreateWebhookEndpointInput = builder.inputType('CreateWebhookEndpointInput', {
  description: 'A new webhook endpoint.',
  fields: (t) => ({
    url: t.string({
      required: true,
      description:
        'Where to POST: https in production; must resolve to public addresses only (no loopback, private or link-local).',
    }),
    eventTypes: t.field({
      type: [TenantEventType],
      required: false,
      description: 'The event types to receive (at least one); leave out for every type.',
    }),
    description: t.string({ required: false, description: 'What the endpoint is for (at most 500 characters).' }),
  }),
});

const UpdateWebhookEndpointInput = builder.inputType('UpdateWebhookEndpointInput', {
  description: 'Changes to an endpoint; what is left out stays as it is.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: WebhookEndpoint, description: 'The endpoint to change.' }),
    url: t.string({ required: false, description: 'A new URL, checked like a new endpoint’s.' }),
    eventTypes: t.field({
      type: [TenantEventType],
      required: false,
      description: 'The event types to receive from now on (at least one).',
    }),
    allEventTypes: t.boolean({
      required: false,
      description: 'True: receive every type from now on (instead of `eventTypes`).',
    }),
    description: t.string({ required: false, description: 'A new description.' }),
    enabled: t.boolean({
      required: false,
      description:
        'False stops queueing and sending; true resumes with events from then on (replayWebhookEvents sends what it missed).',
    }),
  }),
});

const CreatedWebhookEndpoint = builder
  .objectRef<{ endpoint: EndpointRow; secret: string }>('CreatedWebhookEndpoint')
  .implement({
    description: 'A new endpoint and its signing secret, shown this once.',
    fields: (t) => ({
      endpoint: t.field({ description: 'The endpoint created.', type: WebhookEndpoint, resolve: (c) => c.endpoint }),
      secret: t.exposeString('secret', {
        description:
          'The signing secret (whsec_…, Standard Webhooks). Store it now: it is never shown again. Verify each delivery with it.',
      }),
    }),
  });

const RotatedWebhookSecret = builder
  .objectRef<{ endpoint: EndpointRow; secret: string }>('RotatedWebhookSecret')
  .implement({
    description: 'The endpoint’s new signing secret, shown this once.',
    fields: (t) => ({
      endpoint: t.field({
        description: 'The endpoint, now signing with the new secret.',
        type: WebhookEndpoint,
        resolve: (c) => c.endpoint,
      }),
      secret: t.exposeString('secret', {
        description:
          'The new secret. Deliveries carry a signature with each secret until `endpoint.previousSecretExpiresAt`.',
      }),
    }),
  });

const DeletedWebhookEndpoint = builder.objectRef<{ id: string }>('DeletedWebhookEndpoint').implement({
  description: 'An endpoint that was deleted, with its deliveries.',
  fields: (t) => ({
    id: t.field({
      type: 'ID',
      description: 'The deleted endpoint’s global id.',
      resolve: (d) => encodeGlobalID('WebhookEndpoint', d.id),
    }),
  }),
});

const ReplayedWebhookEvents = builder
  .objectRef<{ endpoint: EndpointRow; queued: number; skipped: number }>('ReplayedWebhookEvents')
  .implement({
    description: 'Events queued again for an endpoint.',
    fields: (t) => ({
      endpoint: t.field({
        description: 'The endpoint the events go to again.',
        type: WebhookEndpoint,
        resolve: (r) => r.endpoint,
      }),
      queued: t.exposeInt('queued', { description: 'How many deliveries were queued.' }),
      skipped: t.exposeInt('skipped', {
        description:
          'Events of the range left out because a delivery of them to this endpoint is still waiting to be sent (pending or in flight); it goes anyway.',
      }),
    }),
  });

builder.mutationField('createWebhookEndpoint', (t) =>
  t.field({
    type: CreatedWebhookEndpoint,
    description:
      'Registers an endpoint for your tenant’s events (admins and API keys). Events from now on are delivered, signed per Standard Webhooks; the secret is returned once.',
    authScopes: { tenantAdmin: true },
    args: { input: t.arg({ description: 'The endpoint to add.', type: CreateWebhookEndpointInput, required: true }) },
    errors: { types: [ValidationError, ConflictError] },
    resolve: (_root, { input }, ctx) =>
      createWebhookEndpoint(tenantScope(ctx), deps(ctx), {
        url: input.url,
        eventTypes: input.eventTypes as EventType[] | null | undefined,
        description: input.description,
      }),
  }),
);

builder.mutationField('updateWebhookEndpoint', (t) =>
  t.field({
    type: WebhookEndpoint,
    description: 'Changes an endpoint’s URL, event types, description, or enables/disables it (admins and API keys).',
    authScopes: { tenantAdmin: true },
    args: {
      input: t.arg({ description: 'The endpoint and the changes.', type: UpdateWebhookEndpointInput, required: true }),
    },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: (_root, { input }, ctx) => {
      if (input.allEventTypes && input.eventTypes) {
        throw ValidationError.of('allEventTypes', 'cannot be given with `eventTypes`; give one of them');
      }
      const eventTypes = input.allEventTypes ? null : input.eventTypes ? (input.eventTypes as EventType[]) : undefined;
      return updateWebhookEndpoint(tenantScope(ctx), deps(ctx), input.id.id, {
        url: input.url,
        eventTypes,
        description: input.description,
        enabled: input.enabled,
      });
    },
  }),
);

builder.mutationField('deleteWebhookEndpoint', (t) =>
  t.field({
    type: DeletedWebhookEndpoint,
    description: 'Deletes an endpoint with its deliveries; nothing more is sent to it (admins and API keys).',
    authScopes: { tenantAdmin: true },
    args: { id: t.arg.globalID({ required: true, for: WebhookEndpoint, description: 'The endpoint to delete.' }) },
    errors: { types: [NotFoundError] },
    resolve: async (_root, { id }, ctx) => ({ id: await deleteWebhookEndpoint(tenantScope(ctx), id.id) }),
  }),
);

builder.mutationField('rotateWebhookSecret', (t) =>
  t.field({
    type: RotatedWebhookSecret,
    description:
      'A new signing secret, returned once; the previous one keeps signing beside it for `overlapHours`, so your receiver can switch without missing a delivery (admins and API keys).',
    authScopes: { tenantAdmin: true },
    args: {
      id: t.arg.globalID({ required: true, for: WebhookEndpoint, description: 'The endpoint whose secret to rotate.' }),
      overlapHours: t.arg.int({
        required: false,
        defaultValue: 24,
        description: `How long the previous secret still signs, 0 to ${MAX_OVERLAP_HOURS} hours (default 24; 0: stops at once).`,
      }),
    },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: (_root, { id, overlapHours }, ctx) =>
      rotateWebhookSecret(tenantScope(ctx), deps(ctx), id.id, overlapHours ?? 24),
  }),
);

builder.mutationField('replayWebhookDelivery', (t) =>
  t.prismaField({
    type: 'WebhookDelivery',
    description:
      'Sends a delivery’s event again as a new delivery, with the same webhook-id and body so your receiver can dedupe (admins and API keys).',
    authScopes: { tenantAdmin: true },
    args: { id: t.arg.globalID({ required: true, for: WebhookDelivery, description: 'The delivery to replay.' }) },
    errors: { types: [NotFoundError] },
    resolve: async (query, _root, { id }, ctx) => {
      const scope = tenantScope(ctx);
      const replay = await replayWebhookDelivery(scope, ctx.services.webhooks, id.id);
      return scope.db.webhookDelivery.findUniqueOrThrow({ ...query, where: { id: replay.id } });
    },
  }),
);

builder.mutationField('replayWebhookEvents', (t) =>
  t.field({
    type: ReplayedWebhookEvents,
    description: `Queues again every event of the endpoint’s types that happened in [from, to), from the event log: at most ${MAX_REPLAY_DAYS} days wide, within the log’s retention; events with a delivery to this endpoint still waiting are skipped, and a replay that would leave it too many waiting deliveries is a ConflictError (admins and API keys).`,
    authScopes: { tenantAdmin: true },
    args: {
      endpointId: t.arg.globalID({
        required: true,
        for: WebhookEndpoint,
        description: 'The endpoint to deliver the events to again.',
      }),
      from: t.arg({ type: 'DateTime', required: true, description: 'The start of the range (included).' }),
      to: t.arg({ type: 'DateTime', required: true, description: 'The end of the range (excluded).' }),
    },
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    resolve: async (_root, { endpointId, from, to }, ctx) => {
      const scope = tenantScope(ctx);
      const outcome = await replayWebhookEvents(scope, ctx.services.webhooks, endpointId.id, from, to);
      const endpoint = await scope.db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId.id } });
      return { endpoint, ...outcome };
    },
  }),
);
