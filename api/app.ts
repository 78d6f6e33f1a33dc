import { presentTenantEvent } from '../schema/webhook-payload.ts';
import { createActorCache } from './auth/actor-cache.ts';
import { createAuthenticator } from './auth/authenticate.ts';
import { createCredentialFeed } from './auth/credential-feed.ts';
import { loadSigningKey } from './auth/signing-key.ts';
import { staleHolders } from './auth/stale-holders.ts';
import { loadCredentialCipher } from './channels/credential-crypto.ts';
import { loadChannelPlugins } from './channels/plugins.ts';
import { createChannelRegistry } from './channels/registry.ts';
import type { Config } from './config.ts';
import type { Services } from './context.ts';
import { openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { databaseTarget } from './db/target.ts';
import { type DemoCredentials, ensureDemoTenant } from './demo-tenant.ts';
import { createEventBus } from './events/pubsub.ts';
import { createEventRelay } from './events/relay.ts';
import { createLiveConnections } from './http/live-connections.ts';
import { createReportHandler } from './http/report-csv.ts';
import { createHttpServer } from './http/server.ts';
import { createWebhookHandler } from './http/webhooks.ts';
import { createGraphQLHandler } from './http/yoga.ts';
import type { Logger } from './log.ts';
import { readBacklog } from './metrics/backlog.ts';
import { createMetrics } from './metrics/metrics.ts';
import { createMetricsHandler } from './metrics/serve-metrics.ts';
import { createNotifier, type Notifier } from './notifications/notifier.ts';
import { createScheduledRecheck } from './outbox/scheduled-recheck.ts';
import { createOutboxWorker, type OutboxWorker } from './outbox/worker.ts';
import { tracingConfigured } from './tracing/configured.ts';
import { createWebhookWorker, type WebhookWorker } from './webhooks-out/worker.ts';
import { createWorkflowWorker } from './workflows/worker.ts';

export type RunningApp = {
  url: string;
  port: number;
  services: Services;
  outbox: OutboxWorker;
  notifier: Notifier;
  demo: DemoCredentials | null;
  stop(): Promise<void>;
};

/** Builds the whole service from configuration; `start` migrates, connects and listens. */
export function buildApp(config: Config, log: Logger) {
  return {
    async start(): Promise<RunningApp> {
      // Before anything is opened: a bad CHANNEL_PLUGINS stops the start at once.
      const plugins = await loadChannelPlugins(config.channels.plugins);
      // Before the database opens, so its statements are traced; imported only when on (memory).
      const tracing = tracingConfigured() ? (await import('./tracing/setup.ts')).startTracing() : null;
      const db = await openDatabase(databaseTarget(config));
      const metrics = createMetrics();
      log.info({ database: db.kind, events: config.redisUrl ? 'redis' : 'in-process' }, 'starting');
      const applied = await migrate(db, (name) => log.info({ migration: name }, 'applying migration'));
      if (applied.length) log.info({ count: applied.length }, 'migrations applied');

      const events = createEventBus(config.redisUrl, (err) =>
        log.warn({ err: err.message }, 'redis connection problem'),
      );
      // Subscriptions made while a Redis connection is still starting can be lost.
      await events.ready();
      const credentials = createCredentialFeed(events.pubsub);
      const relay = createEventRelay({
        prisma: db.prisma,
        pubsub: events.pubsub,
        log,
        retentionDays: config.eventRetentionDays,
      });
      const notifier = createNotifier({ prisma: db.prisma, relay, log });
      const actorCache = createActorCache(config.authCacheMs);
      credentials.onChange(actorCache.invalidate);
      const channels = createChannelRegistry({
        config,
        prisma: db.prisma,
        plugins,
        cipher: await loadCredentialCipher(db.prisma, config.channels.credentialKeys),
      });
      let outbox: OutboxWorker | null = null;
      let webhooks: WebhookWorker | null = null;
      const services: Services = {
        prisma: db.prisma,
        events,
        credentials,
        relay,
        signingKey: await loadSigningKey(db.prisma, config.tokenSecret),
        channels,
        wakeOutbox: () => outbox?.wake(),
        tenantDefaults: { quietHours: config.quietHoursByDefault },
        webhooks: {
          targets: { requireHttps: config.webhooks.requireHttps, allowPrivate: config.webhooks.allowPrivateTargets },
          present: presentTenantEvent,
          retryWindowMs: config.webhooks.retryWindowMs,
          retentionDays: config.eventRetentionDays,
          maxEndpointsPerTenant: config.webhooks.maxEndpointsPerTenant,
          maxPendingPerEndpoint: config.webhooks.maxPendingPerEndpoint,
          wake: () => webhooks?.wake(),
        },
      };
      webhooks = createWebhookWorker({
        prisma: db.prisma,
        cipher: channels.cipher,
        relay,
        log,
        present: presentTenantEvent,
        config: config.webhooks,
        retentionDays: config.eventRetentionDays,
      });
      outbox = createOutboxWorker({
        prisma: db.prisma,
        channels,
        relay,
        log,
        publicUrl: config.publicUrl,
        leaseMs: config.outbox.leaseMs,
        maxAttempts: config.outbox.maxAttempts,
        retryBaseMs: config.outbox.retryBaseMs,
        sendTimeoutMs: config.outbox.sendTimeoutMs,
        accountConcurrency: config.outbox.accountConcurrency,
        unknowableWaitMs: config.outbox.unknowableWaitMs,
        scheduled: createScheduledRecheck({ prisma: db.prisma, channels, relay, sendEnded: metrics.sendEnded }),
        sendEnded: metrics.sendEnded,
      });
      const workflows = createWorkflowWorker({
        prisma: db.prisma,
        channels,
        wakeOutbox: services.wakeOutbox,
        relayNow: () => relay.wake(),
        log,
        pollMs: config.workflows.pollMs,
      });
      log.info({ plugins: [...plugins.keys()] }, 'channel plugins loaded');
      if (!channels.platformServes('SMS')) {
        log.warn(
          "no platform SMS account (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN): SMS needs tenants' own channel accounts",
        );
      }

      const authenticate = createAuthenticator({
        prisma: db.prisma,
        signingKey: services.signingKey,
        operatorKey: config.operatorKey,
        cache: actorCache,
      });

      const live = createLiveConnections({
        recheckMs: config.liveConnectionRecheckMs,
        stale: (actors) => staleHolders(db.prisma, actors),
      });
      const yoga = createGraphQLHandler({
        services,
        authenticate,
        log,
        graphiql: config.env === 'development',
        limits: config.graphqlLimits,
        hideSuggestions: config.env === 'production',
        live,
        metrics: metrics.registry,
        tracing: tracing?.yogaPlugin,
      });
      metrics.observe({
        backlog: () => readBacklog(db.prisma),
        liveConnections: live.count,
        pool: db.poolStats,
      });
      credentials.onChange(live.closeFor);
      const http = createHttpServer({
        yoga,
        live,
        limits: config.graphqlLimits,
        authenticate,
        log,
        inbox: config.referenceInbox,
        readiness: [
          { name: 'database', check: () => db.ping() },
          { name: 'events', check: () => events.ping() },
        ],
        reports: createReportHandler({ prisma: db.prisma, authenticate, log, limits: config.reportDownloads }),
        webhooks: createWebhookHandler({
          prisma: db.prisma,
          relay,
          wakeOutbox: services.wakeOutbox,
          channels,
          publicUrl: config.publicUrl,
          log,
          refused: metrics.webhookRefused,
        }),
        metrics: createMetricsHandler(metrics.registry, config.metricsToken),
      });
      const demo = config.demoTenant ? await ensureDemoTenant(services, config.dataDir) : null;
      const port = await http.listen(config.port, config.host);
      const url = `http://localhost:${port}/graphql`;
      log.info({ port }, 'listening');
      relay.start();
      notifier.start();
      if (config.outbox.worker) outbox.start();
      if (config.webhooks.worker) webhooks.start();
      if (config.workflows.worker) workflows.start();

      return {
        url,
        port,
        services,
        outbox,
        notifier,
        demo,
        async stop() {
          log.info('shutting down: draining requests');
          await http.close(config.shutdownGraceMs);
          await outbox?.stop();
          await webhooks?.stop();
          await workflows.stop();
          await notifier.stop();
          await relay.stop();
          live.close();
          await credentials.close();
          await events.close();
          await db.close();
          await tracing?.shutdown();
          log.info('stopped');
        },
      };
    },
  };
}
