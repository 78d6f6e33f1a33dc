import { getOperationAST } from 'graphql';
import type { GraphQLParams, Plugin } from 'graphql-yoga';
import type { RequestLog } from './yoga.ts';

const MAX_NAME = 100;

/**
 * Names the request's GraphQL operation in its log line: the operation the document runs (or the
 * requested operationName when the document does not parse), and its type.
 */
export function useOperationLog(): Plugin<{ requestLog?: RequestLog; params?: GraphQLParams }> {
  return {
    onParse({ context }) {
      const { requestLog, params } = context;
      if (!requestLog) return;
      // Anything may arrive here over graphql-ws; only a string is a name (Yoga refuses others over HTTP).
      const name = typeof params?.operationName === 'string' ? params.operationName : undefined;
      if (name) requestLog.operation = name.slice(0, MAX_NAME);
      return ({ result }) => {
        if (!result || result instanceof Error) return;
        const operation = getOperationAST(result, name);
        if (!operation) return;
        requestLog.operation = operation.name?.value.slice(0, MAX_NAME) ?? 'anonymous';
        requestLog.operationType = operation.operation;
      };
    },
  };
}
