import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { limitExceeded } from './limits.ts';

const SEND = 'POST a JSON body ({"query": "…", "variables": {…}}) with content-type: application/json';

/** A 4xx BAD_REQUEST saying what to send; `spec: false` keeps the status for `Accept: application/json` too. */
export function badRequest(message: string, status = 400): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status, spec: false } } });
}

function hasHttpStatus(error: unknown): boolean {
  return typeof (error as { extensions?: { http?: { status?: unknown } } }).extensions?.http?.status === 'number';
}

/** Which search parameter of a GET is not JSON (Yoga's parser throws a bare SyntaxError). */
function badJsonParam(url: URL): string | undefined {
  for (const name of ['variables', 'extensions']) {
    const value = url.searchParams.get(name);
    if (!value) continue;
    try {
      JSON.parse(value);
    } catch {
      return name;
    }
  }
  return undefined;
}

/**
 * The requests Yoga cannot read, answered as the caller's mistake rather than a masked 500 (logged at
 * error level) or an empty body: GET parameters or multipart `operations` that are not JSON (400
 * BAD_REQUEST), an operationName that is not a string (400 BAD_REQUEST), a body over the limit read without a length (413 LIMIT_EXCEEDED with `limit` and `max`),
 * a content-type Yoga does not read (415) and an `Accept` it cannot answer (406), both with a JSON body.
 */
export function useRequestErrors(bodyBytes: number): Plugin {
  return {
    onParams({ params }) {
      const name = (params as { operationName?: unknown }).operationName;
      if (name !== undefined && name !== null && typeof name !== 'string') {
        throw badRequest('"operationName" must be a string naming an operation of the document, or left out.');
      }
    },
    onRequestParse({ url, requestParser, setRequestParser }) {
      if (!requestParser) return;
      const parse = requestParser;
      setRequestParser(async (request) => {
        try {
          return await parse(request);
        } catch (error) {
          if (hasHttpStatus(error)) {
            const code = (error as GraphQLError).extensions?.code;
            if (code === 'REQUEST_ENTITY_TOO_LARGE') {
              throw limitExceeded(
                'bodyBytes',
                bodyBytes,
                `The request body is over ${bodyBytes} bytes; send a smaller one.`,
                413,
              );
            }
            throw error;
          }
          if (error instanceof SyntaxError && request.method === 'GET') {
            const name = badJsonParam(url) ?? 'variables';
            throw badRequest(`The "${name}" search parameter is not valid JSON; send it URL-encoded JSON.`);
          }
          if (error instanceof Error && /multipart/i.test(error.message)) {
            throw badRequest(
              `${error.message}: send "operations" as a JSON object ({"query": "…", "variables": {…}}) and "map" as JSON.`,
            );
          }
          throw error;
        }
      });
    },
    onResponse({ response, setResponse }) {
      if (response.status !== 415 && response.status !== 406) return;
      if (response.headers.get('content-type')) return;
      const message =
        response.status === 415
          ? `Unsupported content-type; ${SEND} (or GET with ?query=…).`
          : 'None of the media types in Accept can be answered; accept application/graphql-response+json, application/json or text/event-stream.';
      setResponse(
        new Response(JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] }), {
          status: response.status,
          headers: { 'content-type': 'application/json; charset=utf-8' },
        }),
      );
    },
  };
}
