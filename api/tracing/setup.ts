// Loaded only when tracing is configured (api/app.ts imports it dynamically): off, none of this is in memory.
import { useOpenTelemetry as openTelemetryPlugin } from '@envelop/opentelemetry';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  type ReadableSpan,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-node';
import { PrismaInstrumentation } from '@prisma/instrumentation';
import type { Plugin } from 'graphql-yoga';
import { providerCalls } from './provider-span.ts';

/**
 * Attributes that would carry what partners and candidates wrote (message bodies, phone numbers in
 * arguments and variables, whole documents and results): dropped before a span leaves the process.
 */
const WITHHELD = [
  'graphql.resolver.args',
  'graphql.execute.variables',
  'graphql.execute.document',
  'graphql.execute.result',
];

/** Hands spans on to `next` without the withheld attributes. */
function withholding(next: SpanProcessor): SpanProcessor {
  return {
    onStart: (span, context) => next.onStart(span, context),
    onEnd(span: ReadableSpan) {
      const attributes = span.attributes as Record<string, unknown>;
      for (const key of WITHHELD) delete attributes[key];
      next.onEnd(span);
    },
    forceFlush: () => next.forceFlush(),
    shutdown: () => next.shutdown(),
  };
}

export type Tracing = {
  /** GraphQL operation and resolver spans (@envelop/opentelemetry), for the Yoga plugins. */
  yogaPlugin: Plugin;
  /** Sends the spans still buffered and stops. */
  shutdown(): Promise<void>;
};

/**
 * OpenTelemetry tracing: GraphQL operations and resolvers (@envelop/opentelemetry), SQL (Prisma's
 * own spans, @prisma/instrumentation), fetch calls to providers (undici) and each provider send.
 * Exported over OTLP/HTTP to the endpoint of the standard OTEL_EXPORTER_OTLP_* variables;
 * OTEL_SERVICE_NAME names the service (default "parley"). `exporter` replaces OTLP (tests).
 */
export function startTracing(options: { exporter?: SpanExporter } = {}): Tracing {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': process.env.OTEL_SERVICE_NAME?.trim() || 'parley' }),
    spanProcessors: [withholding(new BatchSpanProcessor(options.exporter ?? new OTLPTraceExporter()))],
  });
  provider.register();
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [new PrismaInstrumentation(), new UndiciInstrumentation()],
  });
  const tracer = trace.getTracer('parley');
  providerCalls.trace = (pluginId, operation, call) =>
    tracer.startActiveSpan(
      `channel ${operation}`,
      { kind: SpanKind.CLIENT, attributes: { 'parley.channel.plugin': pluginId } },
      async (span) => {
        try {
          return await call();
        } catch (error) {
          span.recordException(error as Error);
          span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).name });
          throw error;
        } finally {
          span.end();
        }
      },
    );
  const yogaPlugin = openTelemetryPlugin(
    { resolvers: true, defaultResolvers: false, variables: false, result: false, document: false },
    provider,
    SpanKind.SERVER,
    {},
    'parley',
  ) as Plugin;
  return {
    yogaPlugin,
    async shutdown() {
      providerCalls.trace = (_pluginId, _operation, call) => call();
      unregister();
      await provider.shutdown();
    },
  };
}
