import { Counter, collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { Backlog } from './backlog.ts';

/** What the gauges read when scraped; set once the parts they read exist. */
export type MetricSources = {
  backlog: () => Promise<Backlog>;
  /** Open graphql-ws sockets and SSE streams of API keys and users. */
  liveConnections: () => number;
  /** The PostgreSQL pool; absent on the embedded database. */
  pool?: () => { total: number; idle: number; waiting: number };
};

/**
 * This copy's Prometheus registry: the GraphQL series of the Yoga plugin (`graphql-metrics.ts`) and
 * Parley's own. No label carries a tenant, a person, a number or a text.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'parley_process_' });
  let sources: MetricSources | null = null;
  /** The gauges of one scrape are collected together: they share one backlog read. */
  let inFlight: Promise<Backlog | null> | null = null;
  const backlog = (): Promise<Backlog | null> => {
    if (!sources) return Promise.resolve(null);
    inFlight ??= sources
      .backlog()
      .catch(() => null) // the database is away: the gauges keep their last values
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };

  const sends = new Counter({
    name: 'parley_outbox_sends_total',
    help: 'Outbound messages whose send ended, by channel, channel plugin ("none" if none took it) and final outbox status (sent, failed).',
    labelNames: ['channel', 'plugin', 'status'] as const,
    registers: [registry],
  });
  const webhookRefusals = new Counter({
    name: 'parley_webhook_refused_total',
    help: 'Provider webhooks refused, by channel plugin and reason: bad or missing signature, wrong subscription verify token, or a signed body that is not a well-formed message.',
    labelNames: ['plugin', 'reason'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'parley_outbox_rows',
    help: 'Outbox rows waiting for a send attempt (pending) or in one (sending).',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      const b = await backlog();
      if (!b) return;
      this.set({ state: 'pending' }, b.pending);
      this.set({ state: 'sending' }, b.sending);
    },
  });
  new Gauge({
    name: 'parley_outbox_oldest_due_seconds',
    help: 'How long the oldest due pending outbox row has been due (0: none is).',
    registers: [registry],
    async collect() {
      const b = await backlog();
      if (b) this.set(b.oldestDueSeconds);
    },
  });
  new Gauge({
    name: 'parley_event_relay_lag_seconds',
    help: 'How long the oldest committed event has waited for the relay to place it in its log (0: none waits).',
    registers: [registry],
    async collect() {
      const b = await backlog();
      if (b) this.set(b.relayLagSeconds);
    },
  });
  new Gauge({
    name: 'parley_live_connections',
    help: 'Open graphql-ws sockets and SSE streams of API keys and users on this copy.',
    registers: [registry],
    collect() {
      if (sources) this.set(sources.liveConnections());
    },
  });
  new Gauge({
    name: 'parley_db_pool_connections',
    help: 'PostgreSQL pool connections: total open, idle, and requests waiting for one (absent on the embedded database).',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const pool = sources?.pool?.();
      if (!pool) return;
      this.set({ state: 'total' }, pool.total);
      this.set({ state: 'idle' }, pool.idle);
      this.set({ state: 'waiting' }, pool.waiting);
    },
  });

  return {
    registry,
    /** A send's final outbox status, recorded by this copy. */
    sendEnded(channel: string, plugin: string | null, status: 'sent' | 'failed') {
      sends.inc({ channel, plugin: plugin ?? 'none', status });
    },
    webhookRefused(plugin: string, reason: 'signature' | 'verify-token' | 'malformed') {
      webhookRefusals.inc({ plugin, reason });
    },
    observe(s: MetricSources) {
      sources = s;
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
