import type { ExecutionResult, GraphQLError } from 'graphql';
import { handleStreamOrSingleExecutionResult, type Plugin } from 'graphql-yoga';

/**
 * Gives every GraphQL error an `extensions.code`, by where it arose (Yoga's and Apollo's names):
 * the document did not parse (GRAPHQL_PARSE_FAILED), broke a rule of the schema
 * (GRAPHQL_VALIDATION_FAILED), its variables could not be coerced (BAD_USER_INPUT, graphql's
 * execute returns those without a path), or a field failed without a code of its own
 * (INTERNAL_SERVER_ERROR). A code set on purpose is kept. Over HTTP, SSE and graphql-ws alike,
 * since all three run through these hooks.
 */
export function useErrorCodes(): Plugin {
  return {
    onParse:
      () =>
      ({ result }) => {
        if (result instanceof Error) withCode(result as GraphQLError, 'GRAPHQL_PARSE_FAILED');
      },
    onValidate:
      () =>
      ({ result }) => {
        for (const error of result) withCode(error, 'GRAPHQL_VALIDATION_FAILED');
      },
    onExecute: () => ({ onExecuteDone: (payload) => handleStreamOrSingleExecutionResult(payload, codeErrorsOf) }),
    onSubscribe: () => ({
      onSubscribeResult: (payload) => handleStreamOrSingleExecutionResult(payload, codeErrorsOf),
    }),
  };
}

function codeErrorsOf({ result }: { result: ExecutionResult }) {
  for (const error of result.errors ?? []) withCode(error, error.path ? 'INTERNAL_SERVER_ERROR' : 'BAD_USER_INPUT');
}

function withCode(error: GraphQLError, code: string) {
  const extensions = error.extensions as Record<string, unknown> | undefined;
  if (!extensions) {
    (error as { extensions: Record<string, unknown> }).extensions = { code };
  } else if (typeof extensions.code !== 'string') {
    extensions.code = code;
  }
}
