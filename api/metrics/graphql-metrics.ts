import { createCounter, createHistogram, usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { Registry } from 'prom-client';
import { useErrorCounter } from './error-counter.ts';
import { knownOperationNames, operationLabel } from './operation-names.ts';

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * GraphQL request count and latency by operation (@graphql-yoga/plugin-prometheus), and errors as sent
 * (`error-counter.ts`). Operation
 * names outside the typed client's documents are counted as "other"; no label takes a URL or a path.
 * The endpoint is served by the HTTP server (`serve-metrics.ts`), behind its own access rule.
 */
export function useGraphQLMetrics(registry: Registry, known: ReadonlySet<string> = knownOperationNames()) {
  const labels = (p: { operationName?: string; operationType?: string }) => ({
    operationName:
      p.operationName === 'Anonymous' && !known.has('Anonymous') ? 'anonymous' : operationLabel(known, p.operationName),
    operationType: p.operationType ?? 'unknown',
  });
  const prometheus = usePrometheus({
    registry,
    endpoint: false,
    labels: { method: false, statusCode: false, url: false, path: false, fieldName: false, typeName: false },
    metrics: {
      graphql_envelop_request: createCounter({
        registry,
        counter: {
          name: 'graphql_envelop_request',
          help: 'GraphQL operations executed, by operation name and type.',
          labelNames: ['operationName', 'operationType'],
        },
        fillLabelsFn: labels,
      }),
      graphql_envelop_request_duration: createHistogram({
        registry,
        histogram: {
          name: 'graphql_envelop_request_duration',
          help: 'Seconds from the start of execution to the result, by operation name and type.',
          labelNames: ['operationName', 'operationType'],
          buckets: DURATION_BUCKETS,
        },
        fillLabelsFn: labels,
      }),
      // Counted by useErrorCounter, after masking.
      graphql_envelop_error_result: false,
      graphql_envelop_request_time_summary: false,
      graphql_envelop_phase_parse: false,
      graphql_envelop_phase_validate: false,
      graphql_envelop_phase_context: false,
      graphql_envelop_phase_execute: false,
      graphql_envelop_phase_subscribe: false,
      graphql_envelop_deprecated_field: false,
      graphql_envelop_schema_change: false,
      graphql_envelop_execute_resolver: false,
      graphql_yoga_http_duration: false,
    },
  });
  return [prometheus, useErrorCounter(registry, known)];
}
