import { type DocumentNode, type ExecutionResult, getOperationAST } from 'graphql';
import { handleStreamOrSingleExecutionResult, type Plugin } from 'graphql-yoga';
import { Counter, type Registry } from 'prom-client';
import { operationLabel } from './operation-names.ts';

type Phase = 'parse' | 'validate' | 'execute' | 'subscribe';

/**
 * `graphql_envelop_error_result`: one count per error in a result, labelled with the phase and the
 * `extensions.code` the client receives, after masking: a field's VALIDATION is VALIDATION, and
 * INTERNAL_SERVER_ERROR moves only for errors that were masked. (The Prometheus plugin's own counter
 * sees errors before masking and counts a failed validation once, without a code.)
 */
export function useErrorCounter(registry: Registry, known: ReadonlySet<string>): Plugin {
  const counter = new Counter({
    name: 'graphql_envelop_error_result',
    help: 'GraphQL errors in results, by operation, the phase that raised them and their extensions.code as sent.',
    labelNames: ['operationName', 'operationType', 'phase', 'code'],
    registers: [registry],
  });
  const count = (
    errors: readonly unknown[] | undefined,
    phase: Phase,
    document?: DocumentNode,
    operationName?: unknown,
  ) => {
    if (!errors?.length) return;
    const operation = document
      ? getOperationAST(document, typeof operationName === 'string' ? operationName : undefined)
      : null;
    const labels = {
      operationName: operationLabel(known, operation?.name?.value),
      operationType: operation?.operation ?? 'unknown',
      phase,
    };
    for (const error of errors) counter.inc({ ...labels, code: errorCode(error) });
  };
  const counting: Plugin<{ params?: { operationName?: unknown } }> = {
    onParse:
      () =>
      ({ result }) => {
        if (result instanceof Error) count([result], 'parse');
      },
    onValidate:
      ({ params, context }) =>
      ({ result }) =>
        count(result, 'validate', params.documentAST, context.params?.operationName),
    onExecute: ({ args }) => ({
      onExecuteDone: (payload) =>
        handleStreamOrSingleExecutionResult(payload, ({ result }: { result: ExecutionResult }) =>
          count(result.errors, 'execute', args.document, args.operationName),
        ),
    }),
    onSubscribe: ({ args }) => ({
      onSubscribeResult: (payload) =>
        handleStreamOrSingleExecutionResult(payload, ({ result }: { result: ExecutionResult }) =>
          count(result.errors, 'subscribe', args.document, args.operationName),
        ),
      onSubscribeError: ({ error }) => count([error], 'subscribe', args.document, args.operationName),
    }),
  };
  return {
    onPluginInit({ plugins }) {
      // Last in the chain, after Yoga's error masking (which Yoga adds after every plugin it is given),
      // so the codes counted are the codes sent.
      plugins.push(counting as Plugin);
    },
  };
}

/** Codes are the service's own constants; anything else (or a very long one) is not a label. */
export function errorCode(error: unknown): string {
  const code = (error as { extensions?: { code?: unknown } } | undefined)?.extensions?.code;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{0,63}$/.test(code) ? code : 'none';
}
